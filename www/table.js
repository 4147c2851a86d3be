// The flows on the map as a real table, for screen readers and for anyone who would rather read the
// figures: one row per route drawn (those in the reader's focus), then the routes left off, summed.
// Everything is set with textContent: nothing from data becomes markup.

import { t } from './i18n.js';
import { el } from './dom.js';

const NONE = '–';

/** Whose figure is drawn, and its source. */
function reportedBy(r) {
  if (r.shown_side === 'exporter') return [r.exporter_name, r.exporter_source];
  if (r.shown_side === 'importer') return [r.importer_name, r.importer_source];
  if (r.reconciled_source) return [t('both sides, reconciled'), r.reconciled_source];
  return [NONE, NONE];
}

/** Fills the table's caption, body and foot from the core's snapshot: its caption, routes on show and
 * `other` sentence (or nothing). */
export function renderTable({ caption, body, foot }, { table_caption: title, routes, other }) {
  caption.textContent = title;
  body.replaceChildren(...routes.filter((r) => r.in_focus).map((r) => {
    const row = el('tr');
    const [who, source] = reportedBy(r);
    row.append(
      el('th', null, r.exporter_name, { scope: 'row' }),
      el('td', null, r.importer_name),
      // The map's colours in words: the value by product group, when there is more than one.
      el('td', null, r.group_texts.length ? `${r.value_text} (${r.group_texts.join('; ')})` : r.value_text),
      el('td', null, r.growth_text || NONE),
      el('td', null, who),
      el('td', null, source ?? NONE),
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
