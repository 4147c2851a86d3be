// Focus on one country: click it on the map or find it by name, then choose all, incoming or
// outgoing flows. The core dims the rest of the map and marks which routes stay in the panel. A name the
// data has no rows for gets a sentence saying so.
import { findCountry } from './find-country.js';
import { t } from './i18n.js';

/**
 * Wires the click, the search box and the focus bar. `changed()` redraws the map and the panels.
 * `els` holds the canvas, the search input and its datalist, the bar, its label and its buttons, and the status
 * line under the search.
 * Returns `show()`, which brings the bar and the country list in line with the core (e.g. after a link is
 * followed or a file is loaded).
 */
export function attachFocus(app, els, changed) {
  const { canvas, search, options, bar, label, directions, clear, status } = els;
  const say = (text) => { status.textContent = text; status.hidden = !text; };
  let countries = [];
  // The countries of the data on show: the story's five, or every country of a loaded file.
  const list = () => {
    const fresh = app.countries();
    if (fresh.map(([c]) => c).join() === countries.map(([c]) => c).join()) return;
    countries = fresh;
    options.replaceChildren(...countries.map(([, name]) => Object.assign(document.createElement('option'), { value: name })));
  };
  const show = () => {
    list();
    const code = app.focus();
    bar.hidden = code === undefined;
    label.textContent = countries.find(([c]) => c === code)?.[1] ?? '';
    const direction = app.focus_direction();
    for (const button of directions) button.setAttribute('aria-pressed', String(button.dataset.direction === direction));
    if (code === undefined) search.value = '';
    else say('');
  };
  const focus = (code, direction = 'all') => {
    app.set_focus(code, direction);
    show();
    changed();
  };

  canvas.addEventListener('click', (e) => {
    if (canvas.dataset.dragged) return;
    const box = canvas.getBoundingClientRect();
    const code = app.country_at(e.clientX - box.left, e.clientY - box.top);
    const known = countries.some(([c]) => c === code);
    focus(known && code !== app.focus() ? code : undefined);
  });
  // A country found but without a route on show is named, and the map keeps its view.
  search.addEventListener('change', async () => {
    const { code, name } = await findCountry(search.value, countries, (c) => app.country_name(c));
    if (code) {
      // Tried without a redraw or a link: a country without a route on show is only named.
      const [before, direction] = [app.focus(), app.focus_direction()];
      app.set_focus(code, 'all');
      const shown = app.country_summary(code) !== undefined;
      app.set_focus(before, direction);
      if (shown) focus(code);
      else say(t('{country} has no rows in this view.', { country: app.country_name(code) }));
    } else {
      say(name ? t('{country} has no rows in this data.', { country: name }) : t('No country is called “{name}”.', { name: search.value.trim() }));
    }
  });
  for (const button of directions) {
    button.addEventListener('click', () => focus(app.focus(), button.dataset.direction));
  }
  clear.addEventListener('click', () => focus(undefined));
  show();
  return show;
}
