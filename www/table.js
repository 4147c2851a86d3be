// The flows on the map as a real table, for screen readers and for anyone who would rather read the
// figures: one row per route drawn (those in the reader's focus), then the routes left off, summed.
// Everything is set with textContent: nothing from data becomes markup.

import { t } from './i18n.js';

const NONE = '–';

function cell(tag, text, scope) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (scope) node.scope = scope;
  return node;
}

/** Whose figure is drawn, and its source. */
function reportedBy(r) {
  if (r.shown_side === 'exporter') return [r.exporter_name, r.exporter_source];
  if (r.shown_side === 'importer') return [r.importer_name, r.importer_source];
  if (r.reconciled_source) return [t('both sides, reconciled'), r.reconciled_source];
  return [NONE, NONE];
}

/** Fills the table's caption, body and foot from the core's routes on show and its `other` sentence (or nothing). */
export function renderTable({ caption, body, foot }, routes, other, year) {
  caption.textContent = t('Flows on the map in {year}', { year });
  body.replaceChildren(...routes.filter((r) => r.in_focus).map((r) => {
    const row = document.createElement('tr');
    const [who, source] = reportedBy(r);
    row.append(
      cell('th', r.exporter_name, 'row'),
      cell('td', r.importer_name),
      // The map's colours in words: the value by product group, when there is more than one.
      cell('td', r.group_texts.length ? `${r.value_text} (${r.group_texts.join('; ')})` : r.value_text),
      cell('td', r.growth_text || NONE),
      cell('td', who),
      cell('td', source ?? NONE),
    );
    return row;
  }));
  foot.replaceChildren();
  if (other) {
    const row = document.createElement('tr');
    const note = cell('td', other);
    note.colSpan = 6;
    row.append(note);
    foot.append(row);
  }
}
