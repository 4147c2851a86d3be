// Focus on one country: click it on the map or find it by name, then choose all, incoming or
// outgoing flows. The core dims the rest of the map and marks which routes stay in the panel. A name the
// data has no rows for gets a sentence saying so.
import { findCountry } from './find-country.js';
import { el } from './dom.js';

/**
 * Wires the click, the search box and the focus bar: `choose(code, direction)` asks the core for a focus
 * (`code` null clears it); `countryAt(x, y)` names the country under a point of the map; `nameOf(code)` names
 * any country in the page's language; `hasRows(code)` says whether a focus on it would show a route;
 * `statusOf(code, name, query)` is the core's line for a search that focuses nothing, shown in `status`, the
 * line under the search. Returns `show(snapshot)`, which
 * brings the bar and the country list in line with the core's snapshot.
 */
export function attachFocus({ canvas, search, options, bar, label, directions, clear, status }, { countryAt, choose, nameOf, hasRows, statusOf }) {
  const say = (text) => { status.textContent = text; status.hidden = !text; };
  let shown;
  const show = (snap) => {
    if (snap.changed.data) options.replaceChildren(...snap.countries.map(([, name]) => el('option', null, undefined, { value: name })));
    shown = snap;
    bar.hidden = snap.focus === null;
    label.textContent = snap.focus_name ?? '';
    for (const button of directions) button.setAttribute('aria-pressed', String(button.dataset.direction === snap.direction));
    if (snap.focus === null) search.value = '';
    else say('');
  };

  canvas.addEventListener('click', (e) => {
    if (canvas.dataset.dragged) return;
    const box = canvas.getBoundingClientRect();
    const code = countryAt(e.clientX - box.left, e.clientY - box.top);
    const known = shown.countries.some(([c]) => c === code);
    choose(known && code !== shown.focus ? code : null);
  });
  // A country found but without a route on show is named, and the map keeps its view.
  search.addEventListener('change', async () => {
    const { code, name } = await findCountry(search.value, shown.countries, nameOf);
    if (code && hasRows(code)) choose(code);
    else say(statusOf(code, name, search.value));
  });
  for (const button of directions) button.addEventListener('click', () => choose(shown.focus, button.dataset.direction));
  clear.addEventListener('click', () => choose(null));
  return show;
}
