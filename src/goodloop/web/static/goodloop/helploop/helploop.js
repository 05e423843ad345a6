/* goodloop help loop: copy a draft, take the coach's rewrite. No dependencies; works with htmx swaps. */
(function () {
  "use strict";

  function announce(text) {
    var status = document.getElementById("agenda-status") || document.getElementById("coach-status");
    if (status) { status.textContent = text; }
  }

  function fallbackCopy(field) {
    field.focus();
    field.select();
    try { return document.execCommand("copy"); } catch (e) { return false; }
  }

  function copy(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    var text = field.value !== undefined ? field.value : field.textContent;
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied ✓";
      button.classList.add("copied");
      announce("Draft copied to the clipboard.");
      window.setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 1800);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { if (fallbackCopy(field)) { done(); } });
    } else if (fallbackCopy(field)) {
      done();
    }
  }

  function useRewrite(button) {
    var source = document.getElementById(button.getAttribute("data-rewrite-source"));
    var target = document.getElementById(button.getAttribute("data-rewrite-target"));
    if (!source || !target) { return; }
    target.value = source.textContent.trim();
    target.focus();
    target.setSelectionRange(0, 0);
    target.scrollTop = 0;
    // Let the live coach score the new text.
    target.dispatchEvent(new Event("input", { bubbles: true }));
    announce("The rewrite is in your ask; edit it as you like.");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy], [data-rewrite-source]");
    if (!button) { return; }
    event.preventDefault();
    if (button.hasAttribute("data-copy")) { copy(button); } else { useRewrite(button); }
  });
})();
