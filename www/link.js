// The view in the address bar: every change is a link to share, and back and forward retrace them.
// The core parses and writes the query string; this module only moves it in and out of history.

const SETTLE_MS = 300; // pan and zoom replace the entry once the gesture settles

let timer;

/** Writes `query` (the core's link) to the address bar: a new history entry, or (`replace`) the same one, later. */
export function writeLink(query, { replace = false } = {}) {
  const write = () => {
    if (query() === window.location.search) return;
    const url = `${window.location.pathname}${query()}${window.location.hash}`;
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  };
  clearTimeout(timer);
  if (replace) timer = setTimeout(write, SETTLE_MS);
  else write();
}

/** Calls `changed(query)` with the address bar's query after back or forward. */
export function followHistory(changed) {
  window.addEventListener('popstate', () => changed(window.location.search));
}
