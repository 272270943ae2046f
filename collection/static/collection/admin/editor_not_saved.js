// After a refused save, submission or approval, the page editor comes back with its errors, but
// Wagtail's autosave indicator at the top would still read "Saved". Hide it until an autosave
// really succeeds (which does save a draft), so the top never says "Saved" when nothing was.
// The checks panel marks a refused form with data-editor-not-saved (collection/admin_panels.py).
(function () {
  function init() {
    if (!document.querySelector("[data-editor-not-saved]")) return;
    var indicator = document.getElementById("w-autosave-indicator");
    if (!indicator) return;
    indicator.style.display = "none";
    indicator.setAttribute("data-hidden-after-refusal", "");
    document.addEventListener(
      "w-autosave:success",
      function () {
        indicator.style.display = "";
        indicator.removeAttribute("data-hidden-after-refusal");
      },
      { once: true },
    );
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
