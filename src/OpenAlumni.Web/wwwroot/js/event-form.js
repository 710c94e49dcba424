// The event form: the online seats only matter at a hybrid event, so the field is shown only then.
// Without script every field stays visible and the service ignores what does not apply.
(function () {
  const online = document.getElementById("Input_CapacityOnline");
  if (!online) return;
  const field = online.closest(".field");
  const radios = document.querySelectorAll("input[data-format]");
  function update() {
    const checked = document.querySelector("input[data-format]:checked");
    field.hidden = !!checked && checked.value !== "hybrid" && online.value === "";
  }
  radios.forEach(r => r.addEventListener("change", update));
  update();
})();
