// The door page (Events/CheckIn): reads tickets' QR codes from the camera with jsQR, posts the code to
// the page's handler, shows the outcome, and keeps the attendance list fresh by polling every 3 seconds.
// Without script (or camera) the code field and the list's buttons are plain forms that still work.
(function () {
  "use strict";
  const form = document.getElementById("code-form");
  const table = document.getElementById("attendance");
  if (!form || !table) return;

  // Page handlers check the antiforgery token; the app reads it from the X-CSRF-TOKEN header.
  const token = form.querySelector("input[name=__RequestVerificationToken]").value;
  const result = document.getElementById("checkin-result");
  const codeInput = document.getElementById("code");
  const filter = document.getElementById("filter");
  const checkInLabel = table.dataset.labelCheckin;

  function showOutcome(ok, message) {
    result.hidden = false;
    result.className = "checkin-result " + (ok ? "ok" : "bad");
    result.textContent = message;
    if (navigator.vibrate) navigator.vibrate(ok ? 80 : [60, 60, 60]);
  }

  async function post(url, fields) {
    const body = new URLSearchParams(fields);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "X-CSRF-TOKEN": token, "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: body,
        credentials: "same-origin",
      });
      const answer = await response.json();
      showOutcome(answer.ok, answer.message);
      if (answer.attendance) render(answer.attendance);
    } catch (e) {
      showOutcome(false, String(e));
    }
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    const code = codeInput.value.trim();
    if (!code) return;
    codeInput.value = "";
    post(form.action, { code: code });
    codeInput.focus();
  });

  table.addEventListener("submit", function (e) {
    const manual = e.target.closest("form.manual");
    if (!manual) return;
    e.preventDefault();
    post(table.dataset.manual, { rsvpId: manual.querySelector("input[name=rsvpId]").value });
  });

  // --- The live list ---------------------------------------------------------------------------
  function cell(text, className) {
    const td = document.createElement("td");
    if (className) td.className = className;
    if (text !== null && text !== undefined) td.textContent = text;
    return td;
  }

  function render(data) {
    document.getElementById("count-attended").textContent = data.attended;
    document.getElementById("count-confirmed").textContent = data.confirmed;
    const tbody = table.tBodies[0];
    const rows = data.items.map(function (a) {
      const tr = document.createElement("tr");
      tr.setAttribute("data-testid", "attendance-row");
      tr.dataset.rsvp = a.rsvpId;
      const name = document.createElement("td");
      const b = document.createElement("b");
      b.textContent = a.name;
      name.appendChild(b);
      if (a.organization) {
        const org = document.createElement("div");
        org.className = "muted small";
        org.textContent = a.organization;
        name.appendChild(org);
      }
      tr.appendChild(name);
      tr.appendChild(cell(a.mode));
      const state = cell(null);
      state.setAttribute("data-testid", "checked-in");
      if (a.checkedInAt) {
        const ok = document.createElement("span");
        ok.className = "ok";
        ok.textContent = "✓ " + a.checkedInAt;
        state.appendChild(ok);
      } else {
        const f = document.createElement("form");
        f.className = "manual";
        f.method = "post";
        f.action = table.dataset.manual;
        const id = document.createElement("input");
        id.type = "hidden"; id.name = "rsvpId"; id.value = a.rsvpId;
        const t = document.createElement("input");
        t.type = "hidden"; t.name = "__RequestVerificationToken"; t.value = token;
        const button = document.createElement("button");
        button.type = "submit"; button.className = "btn btn-ghost btn-small"; button.textContent = checkInLabel;
        f.append(id, t, button);
        state.appendChild(f);
      }
      tr.appendChild(state);
      return tr;
    });
    tbody.replaceChildren.apply(tbody, rows);
    applyFilter();
  }

  function applyFilter() {
    const q = filter.value.trim().toLowerCase();
    for (const tr of table.tBodies[0].rows) tr.hidden = q !== "" && !tr.textContent.toLowerCase().includes(q);
  }
  filter.addEventListener("input", applyFilter);

  async function poll() {
    if (document.hidden) return;
    try {
      const response = await fetch(table.dataset.poll, { headers: { "Accept": "application/json" }, credentials: "same-origin" });
      if (response.ok) render(await response.json());
    } catch (e) { /* offline for a moment: the next poll tries again */ }
  }
  setInterval(poll, 3000);

  // --- The camera (qr-camera.js) ---------------------------------------------------------------
  QrCamera.attach(function (code) { post(form.action, { code: code }); });
})();
