// The business-card page (Events/Cards): a card's QR read by the camera (qr-camera.js), or its code typed, is posted
// with the note to the page's handler; the outcome is shown and the list of people met is fetched again. Without
// script (or camera) the form is a plain form that still works.
(function () {
  "use strict";
  const form = document.getElementById("card-form");
  if (!form) return;
  // Page handlers check the antiforgery token; the app reads it from the X-CSRF-TOKEN header.
  const token = form.querySelector("input[name=__RequestVerificationToken]").value;
  const result = document.getElementById("card-result");
  const code = document.getElementById("code");
  const note = document.getElementById("note");
  const list = document.getElementById("people-met");

  function show(ok, message) {
    result.hidden = false;
    result.className = "checkin-result " + (ok ? "ok" : "bad");
    result.textContent = message;
    if (navigator.vibrate) navigator.vibrate(ok ? 80 : [60, 60, 60]);
  }

  async function refresh() {
    const response = await fetch(form.dataset.refresh, { credentials: "same-origin" });
    // The partial is the app's own HTML (names escaped by Razor), like the page it came with.
    if (response.ok) list.innerHTML = await response.text();
  }

  async function exchange(value) {
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "X-CSRF-TOKEN": token, "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ code: value, note: note.value }),
        credentials: "same-origin",
      });
      const answer = await response.json();
      show(answer.ok, answer.message);
      if (answer.ok) {
        code.value = "";
        note.value = "";
        await refresh();
      }
    } catch (e) {
      show(false, String(e));
    }
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    const value = code.value.trim();
    if (!value) { code.focus(); return; }
    exchange(value);
  });

  QrCamera.attach(function (value) { code.value = value; exchange(value); });
})();
