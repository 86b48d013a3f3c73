// Runs before the first paint so the stored or system theme shows without a flash of the
// other one. Key and values match app/lib/state/theme.ts.
(function () {
  var theme = "dark";
  try {
    var stored = localStorage.getItem("aftershock-theme");
    if (stored === "light" || stored === "dark") theme = stored;
    else if (window.matchMedia("(prefers-color-scheme: light)").matches) theme = "light";
  } catch {
    // Storage blocked: keep the default.
  }
  document.documentElement.dataset.theme = theme;
})();
