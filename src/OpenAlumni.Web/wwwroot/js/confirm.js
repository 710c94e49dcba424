// Asks before a form with data-confirm="question" is sent (cancelling a sign-up or an event).
document.addEventListener("submit", function (e) {
  const form = e.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) e.preventDefault();
});
