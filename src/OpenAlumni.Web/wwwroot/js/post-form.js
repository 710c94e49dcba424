// The post form without clutter: show the category only in the notices room, the job fields only for a job
// opening, the announcement options only for announcements. Without this script every part is shown,
// each with a hint saying when it applies, and the server ignores what does not apply.
(function () {
  var form = document.querySelector("[data-post-form]");
  if (!form) return;
  function value(selector) {
    var checked = form.querySelector(selector + ":checked");
    return checked ? checked.value : null;
  }
  function update() {
    var rooms = form.querySelectorAll("[data-room]");
    if (rooms.length === 0) return; // editing: the room and category are fixed, the server shows what applies
    var room = value("[data-room]");
    var category = value("[data-category]");
    form.querySelectorAll("[data-show-room]").forEach(function (part) {
      var show = part.getAttribute("data-show-room") === room;
      var needs = part.getAttribute("data-show-category");
      if (needs) show = show && needs === category;
      part.hidden = !show;
    });
  }
  form.addEventListener("change", update);
  update();
})();

// Mentions: typing @ and a few letters (kanji, kana or romaji) in the body lists matching members from the
// directory (visible members only); arrows move, Enter or Tab chooses, Escape closes, a click or tap chooses.
// The choice is written as the mention the server understands: [@山田 花子](/members/12).
(function () {
  var box = document.querySelector("[data-mention-editor]");
  var list = document.getElementById("mention-list");
  if (!box || !list) return;
  var items = [], active = -1, timer = null, seq = 0;
  var none = (document.getElementById("body-preview") || box).getAttribute("data-none") || "";
  function query() {
    var before = box.value.slice(0, box.selectionStart);
    var m = /(^|[\s(（、。])@([^\s@\[\]()]{1,30})$/u.exec(before);
    return m ? { text: m[2], start: before.length - m[2].length - 1 } : null;
  }
  function close() {
    list.hidden = true; list.innerHTML = ""; items = []; active = -1;
    box.setAttribute("aria-expanded", "false"); box.removeAttribute("aria-activedescendant");
  }
  function highlight(i) {
    active = i;
    Array.prototype.forEach.call(list.children, function (li, n) { li.setAttribute("aria-selected", n === i ? "true" : "false"); });
    if (i >= 0 && list.children[i]) { box.setAttribute("aria-activedescendant", list.children[i].id); list.children[i].scrollIntoView({ block: "nearest" }); }
    else box.removeAttribute("aria-activedescendant");
  }
  function choose(i) {
    var q = query(), m = items[i];
    if (!q || !m) return close();
    var name = m.displayName.replace(/[\[\]]/g, "");
    var text = "[@" + name + "](/members/" + m.id + ") ";
    var after = box.value.slice(box.selectionStart);
    box.value = box.value.slice(0, q.start) + text + after;
    var caret = q.start + text.length;
    box.setSelectionRange(caret, caret);
    close();
    box.focus();
  }
  function render(found) {
    items = found; list.innerHTML = "";
    if (found.length === 0) {
      var empty = document.createElement("li"); empty.className = "muted"; empty.textContent = none; empty.setAttribute("aria-disabled", "true");
      list.appendChild(empty);
    }
    found.forEach(function (m, n) {
      var li = document.createElement("li");
      li.id = "mention-opt-" + n; li.setAttribute("role", "option"); li.setAttribute("aria-selected", "false");
      li.textContent = m.displayName;
      var reading = [m.familyNameKana, m.givenNameKana].filter(Boolean).join(" ") || m.romanizedName;
      if (reading) { var s = document.createElement("span"); s.className = "muted"; s.textContent = " " + reading; li.appendChild(s); }
      // mousedown (not click) so the textarea keeps its caret
      li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(n); });
      list.appendChild(li);
    });
    list.hidden = false; box.setAttribute("aria-expanded", "true");
    highlight(found.length > 0 ? 0 : -1);
  }
  function lookup() {
    var q = query();
    if (!q) return close();
    var mine = ++seq;
    fetch("/api/v1/members?pageSize=8&q=" + encodeURIComponent(q.text), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (page) { if (mine === seq && query()) render(page.items || []); })
      .catch(close);
  }
  box.addEventListener("input", function () {
    clearTimeout(timer);
    if (!query()) return close();
    timer = setTimeout(lookup, 200);
  });
  box.addEventListener("keydown", function (e) {
    if (list.hidden) return;
    if (e.key === "ArrowDown" && items.length) { e.preventDefault(); highlight((active + 1) % items.length); }
    else if (e.key === "ArrowUp" && items.length) { e.preventDefault(); highlight((active - 1 + items.length) % items.length); }
    else if ((e.key === "Enter" || e.key === "Tab") && active >= 0) { e.preventDefault(); choose(active); }
    else if (e.key === "Escape") { e.preventDefault(); close(); }
  });
  box.addEventListener("blur", function () { setTimeout(close, 150); });
})();

// Preview: the body rendered by the server, by the same Markdown and sanitizer as the post itself.
(function () {
  var tabs = document.querySelector("[data-editor-tabs]");
  var box = document.querySelector("[data-mention-editor]");
  var panel = document.getElementById("body-preview");
  if (!tabs || !box || !panel) return;
  var form = box.form;
  var tokenInput = form && form.querySelector("input[name=__RequestVerificationToken]");
  tabs.hidden = false;
  var write = tabs.querySelector("[data-tab=write]"), preview = tabs.querySelector("[data-tab=preview]");
  function show(previewing) {
    write.setAttribute("aria-selected", previewing ? "false" : "true");
    preview.setAttribute("aria-selected", previewing ? "true" : "false");
    box.parentElement.hidden = previewing;
    panel.hidden = !previewing;
  }
  write.addEventListener("click", function () { show(false); box.focus(); });
  preview.addEventListener("click", function () {
    show(true);
    panel.textContent = "…";
    var body = new URLSearchParams(); body.set("body", box.value);
    fetch(panel.getAttribute("data-preview-url"), {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "X-CSRF-TOKEN": tokenInput ? tokenInput.value : "", Accept: "application/json" },
    }).then(function (r) { return r.json(); }).then(function (d) {
      // Sanitized HTML from the server (no script, no handlers); the CSP forbids inline script in any case.
      if (d.html) panel.innerHTML = d.html;
      else panel.textContent = d.html === "" ? panel.getAttribute("data-empty") : (d.error || "");
    }).catch(function () { panel.textContent = ""; });
  });
})();
