// Print buttons ([data-print]) open the browser's print dialog. In a file, not an onclick attribute, because the
// Content-Security-Policy allows no inline script (SecurityHeadersMiddleware).
(function () {
  "use strict";
  for (const button of document.querySelectorAll("[data-print]")) {
    button.addEventListener("click", () => window.print());
  }
})();
