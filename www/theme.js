// Light or dark, as the reader's system prefers: the page's CSS follows on its own; the core's map and
// chart are told, and redrawn when the preference changes.

const dark = window.matchMedia('(prefers-color-scheme: dark)');

/** Whether the theme is dark now. */
export const isDark = () => dark.matches;

/** Whether the theme is dark now; `changed(dark)` hears each change. */
export function followTheme(changed) {
  dark.addEventListener('change', () => changed(dark.matches));
  return dark.matches;
}
