// The flows on the map as a real table, for screen readers and for anyone who would rather read the
// figures: one row per route drawn (those in the reader's focus), then the routes left off, summed.
// Everything is set with textContent: nothing from data becomes markup.

import { el } from './dom.js';

const NONE = '–';

/** Fills the table's caption, body and foot from the core's snapshot: its caption, routes on show and
 * `other` sentence (or nothing). */
export function renderTable({ caption, body, foot }, { table_caption: title, routes, other }) {
  caption.textContent = title;
  body.replaceChildren(...routes.filter((r) => r.in_focus).map((r) => {
    // The map's colours in words: the value by product group, when there is more than one. The figure
    // stays on one line; the groups wrap, so that the table fits its column.
    const value = el('td');
    value.append(el('span', 'figure', r.value_text));
    if (r.group_texts.length) value.append(` (${r.group_texts.join('; ')})`);
    const row = el('tr');
    row.append(
      el('th', null, r.exporter_name, { scope: 'row' }),
      el('td', null, r.importer_name),
      value,
      el('td', null, r.growth_text || NONE),
      el('td', null, r.table_reporter),
      el('td', null, r.table_source),
    );
    return row;
  }));
  foot.replaceChildren();
  if (other) {
    const row = el('tr');
    row.append(el('td', null, other, { colSpan: 6 }));
    foot.append(row);
  }
}
