// Focus on one country: click it on the map or find it by name, then choose all, incoming or
// outgoing flows. The core dims the rest of the map and marks which routes stay in the panel.

import { el } from './dom.js';

/**
 * Wires the click, the search box and the focus bar: `choose(code, direction)` asks the core for a focus
 * (`code` null clears it); `countryAt(x, y)` names the country under a point of the map. Returns
 * `show(snapshot)`, which brings the bar and the country list in line with the core's snapshot.
 */
export function attachFocus({ canvas, search, options, bar, label, directions, clear }, { countryAt, choose }) {
  let shown;
  const show = (snap) => {
    if (snap.changed.data) options.replaceChildren(...snap.countries.map(([, name]) => el('option', null, undefined, { value: name })));
    shown = snap;
    bar.hidden = snap.focus === null;
    label.textContent = snap.focus_name ?? '';
    for (const button of directions) button.setAttribute('aria-pressed', String(button.dataset.direction === snap.direction));
    if (snap.focus === null) search.value = '';
  };

  canvas.addEventListener('click', (e) => {
    if (canvas.dataset.dragged) return;
    const box = canvas.getBoundingClientRect();
    const code = countryAt(e.clientX - box.left, e.clientY - box.top);
    const known = shown.countries.some(([c]) => c === code);
    choose(known && code !== shown.focus ? code : null);
  });
  search.addEventListener('change', () => {
    const wanted = search.value.trim().toLowerCase();
    const match = shown.countries.find(([code, name]) => name.toLowerCase() === wanted || code.toLowerCase() === wanted);
    if (match) choose(match[0]);
  });
  for (const button of directions) button.addEventListener('click', () => choose(shown.focus, button.dataset.direction));
  clear.addEventListener('click', () => choose(null));
  return show;
}
