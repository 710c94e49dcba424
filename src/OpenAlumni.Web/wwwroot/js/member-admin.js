// Members admin: "select all on this page" and the count of ticked rows beside the bulk action. Without this
// script every row can still be ticked by hand and the bulk form works the same.
(function () {
  var all = document.querySelector("[data-select-all]");
  var form = document.getElementById("bulk");
  if (!all || !form) return;
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[type=checkbox][name=ids][form=bulk]"));
  var count = form.querySelector("[data-bulk-count]");
  var template = form.getAttribute("data-selected-text") || "{0}";
  function update() {
    var n = boxes.filter(function (b) { return b.checked; }).length;
    all.checked = n > 0 && n === boxes.length;
    all.indeterminate = n > 0 && n < boxes.length;
    if (count) count.textContent = n > 0 ? template.replace("{0}", n) : "";
  }
  all.addEventListener("change", function () {
    boxes.forEach(function (b) { b.checked = all.checked; });
    update();
  });
  boxes.forEach(function (b) { b.addEventListener("change", update); });
  // One row's menu open at a time.
  document.querySelectorAll("details.row-menu").forEach(function (d) {
    d.addEventListener("toggle", function () {
      if (!d.open) return;
      document.querySelectorAll("details.row-menu[open]").forEach(function (o) { if (o !== d) o.open = false; });
    });
  });
  update();
})();
