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
