// The text beside the map: one entry per route, the headline figures, the chart's table.
// Everything is set with textContent: nothing from data becomes markup.

import { t } from './i18n.js';
import { el } from './dom.js';

/** One list item per route: name, value, growth on the baseline, both sides' reports; then the routes
 * left off the map, summed (`other`, the core's sentence), as one last item that is not a route. */
export function renderRoutes(list, routes, other) {
  const items = routes.map((r) => {
    const item = el('li', r.onward ? 'onward' : 'into-hub');
    item.hidden = !r.in_focus;
    item.append(
      el('div', 'name', `${r.exporter_name} → ${r.importer_name}`),
      el('span', 'value', r.value_text),
    );
    if (r.growth_text) item.append(el('span', r.growth > 0 ? 'growth up' : 'growth', r.growth_text));
    if (r.reports_text) item.append(el('div', 'gap', r.reports_text));
    return item;
  });
  if (other) items.push(el('li', 'other', other));
  list.replaceChildren(...items);
}

/** The published headline figures, each with a link to its source. */
export function renderHeadlines(list, headlines) {
  list.replaceChildren(...headlines.map((h) => {
    const item = el('li', null, t(h.caption));
    item.dataset.metric = h.metric;
    const source = el('span', 'src');
    const link = el('a', null, new URL(h.source_url).hostname.replace(/^www\./, ''));
    link.href = h.source_url;
    link.rel = 'noopener noreferrer';
    source.append(`${t('Source:')} `, link);
    item.append(source);
    return item;
  }));
}

/** The chart's text equivalent: the core's table of each route's value by year, and its notes. */
export function renderChartTable(table, { lines, rows, notes }) {
  const head = el('tr');
  head.append(...[t('Year'), ...lines].map((label) => el('th', null, label, { scope: 'col' })));
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...rows.map(([year, ...cells]) => {
    const tr = el('tr');
    tr.append(el('th', null, year, { scope: 'row' }), ...cells.map((c) => el('td', null, c)));
    return tr;
  }));
  // Where a line joins two reports (one side's figures, then the other's), a note names them.
  const foot = table.tFoot ?? table.createTFoot();
  foot.replaceChildren(...notes.map((note) => {
    const tr = el('tr');
    tr.append(el('td', null, note, { colSpan: lines.length + 1 }));
    return tr;
  }));
}
