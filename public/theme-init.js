// Runs before the first paint so the stored or system theme shows without a flash of the
// other one; likewise the up/down colour convention. Keys and values match
// app/lib/state/theme.ts and app/lib/state/color-convention.ts.
(function () {
  var theme = "dark";
  var colors = "western";
  try {
    if (localStorage.getItem("aftershock-colors") === "krx") colors = "krx";
    var stored = localStorage.getItem("aftershock-theme");
    if (stored === "light" || stored === "dark") theme = stored;
    else if (window.matchMedia("(prefers-color-scheme: light)").matches) theme = "light";
  } catch {
    // Storage blocked: keep the default.
  }
  document.documentElement.dataset.theme = theme;
  document.documentElement.dataset.colors = colors;
})();
