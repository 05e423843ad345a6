/* goodloop header search: "/" focuses it; arrow keys move through the results, Enter opens one,
   Escape closes the list. No dependencies; the results come from htmx. */
(function () {
  "use strict";

  function box() { return document.getElementById("site-search-q"); }
  function panel() { return document.getElementById("site-search-results"); }
  function hits() { return Array.prototype.slice.call(panel().querySelectorAll("[data-search-hit]")); }
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  function close() { var p = panel(); if (p) { p.innerHTML = ""; } }

  document.addEventListener("keydown", function (event) {
    var input = box();
    if (!input) { return; }
    if (event.key === "/" && !typing(document.activeElement) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }
    var inside = document.activeElement === input || panel().contains(document.activeElement);
    if (!inside) { return; }
    var list = hits();
    var at = list.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && list.length) {
      event.preventDefault();
      list[Math.min(at + 1, list.length - 1)].focus();
    } else if (event.key === "ArrowUp" && list.length) {
      event.preventDefault();
      if (at <= 0) { input.focus(); } else { list[at - 1].focus(); }
    } else if (event.key === "Enter" && document.activeElement === input && list.length) {
      event.preventDefault();  // Enter in the box opens the first result; without results it submits
      window.location.href = list[0].getAttribute("href");
    } else if (event.key === "Escape") {
      close();
      input.focus();
    }
  });

  document.addEventListener("click", function (event) {
    var p = panel();
    if (p && !event.target.closest(".site-search")) { close(); }
  });
})();
