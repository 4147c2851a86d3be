// Light or dark, as the reader's system prefers: the page's CSS follows on its own; the core's map and
// chart are told, and redrawn when the preference changes.

const dark = window.matchMedia('(prefers-color-scheme: dark)');

/** Tells `app` the current theme now and whenever it changes; `changed()` repaints. */
export function followTheme(app, changed) {
  const apply = () => app.set_theme(dark.matches ? 'dark' : 'light');
  apply();
  dark.addEventListener('change', () => { apply(); changed(); });
}
