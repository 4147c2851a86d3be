// The view in the address bar: every change is a link to share, and back and forward retrace them.
// The core parses and writes the query string; this module only moves it in and out of history.

const SETTLE_MS = 300; // pan and zoom replace the entry once the gesture settles

/** The page's own settings a link carries besides the core's view. */
export const page = { lang: undefined, embed: false, step: undefined };

/** Applies the address bar's query to `app` and `page`; returns the core's warnings. */
export function readLink(app) {
  const { state, warnings } = app.apply_link(window.location.search);
  page.lang = state.lang ?? undefined;
  page.embed = state.embed;
  page.step = state.step ?? undefined;
  return warnings;
}

let timer;

/** Writes the current view to the address bar: a new history entry, or (`replace`) the same one, later. */
export function writeLink(app, { replace = false } = {}) {
  const write = () => {
    const query = app.link(page.lang, page.embed, page.step);
    if (query === window.location.search) return;
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  };
  clearTimeout(timer);
  if (replace) timer = setTimeout(write, SETTLE_MS);
  else write();
}

/** Calls `changed` after back or forward has put another link's view into `app`. */
export function followHistory(app, changed) {
  window.addEventListener('popstate', () => { readLink(app); changed(); });
}
