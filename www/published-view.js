// The default story's second view, the one the page opens on: the figures published on the sanctioned
// goods, one arrow per route and period. The core draws them from data/published.json, and worded them when
// the site was built (data/published-words-{lang}.json, story::published::words); this module puts those
// words into the view switch, the period control, the panel's list, the data table and the tooltip. Text
// only, never markup.
import { el } from './dom.js';

/** A figure's source as a link; the words give its address only when it is http(s). */
export function sourceLink(source) {
  const link = el('a', null, source.text, { rel: 'noopener noreferrer', target: '_blank' });
  if (source.url) link.href = source.url;
  return link;
}

/** Wires the view to the page's elements; `choose(period)` asks the core for a period (`null`: all goods);
 * `fallback` is the one the view comes back to until the core shows one (`sync`). */
export function attachPublishedView(words, els, { choose, fallback }) {
  let last = fallback; // the period on show, or the one the view comes back to
  let rendered; // the period the panel shows
  els.period.replaceChildren(...words.labels.map((label, i) => el('option', null, label, { value: String(i) })));
  els.period.addEventListener('change', () => choose(Number(els.period.value)));
  els.prev.addEventListener('click', () => words.periods[last].prev != null && choose(words.periods[last].prev));
  els.next.addEventListener('click', () => words.periods[last].next != null && choose(words.periods[last].next));
  els.published.addEventListener('click', () => choose(last));
  els.all.addEventListener('click', () => choose(null));
  els.switch.hidden = false;

  /** The controls show the core's period (`null`: all goods, which writes over the panel). */
  const sync = (p) => {
    const on = p !== null;
    if (on) last = p;
    else rendered = undefined;
    document.body.dataset.view = on ? 'published' : 'all';
    els.published.setAttribute('aria-pressed', String(on));
    els.all.setAttribute('aria-pressed', String(!on));
    els.period.value = String(last);
    els.prev.disabled = words.periods[last].prev == null;
    els.next.disabled = words.periods[last].next == null;
  };

  /** The panel's list, the data table, the summary and the titles for the period on show, unless they
   * show it already (a new year or focus leaves them as they are). */
  const render = () => {
    if (rendered === last) return;
    rendered = last;
    const panel = words.periods[last];
    els.title.textContent = panel.title;
    els.embedTitle.textContent = panel.embed_title;
    els.summary.textContent = panel.summary;
    els.caption.textContent = panel.caption;
    els.routes.replaceChildren(...panel.rows.map((row) => {
      const item = el('li', row.goods ? 'published' : 'none');
      item.append(el('div', 'name', row.route), el('span', 'value', row.figure));
      if (row.derivation) item.append(el('div', 'gap', row.derivation));
      if (row.goods) item.append(el('div', 'gap', row.goods));
      return item;
    }));
    els.body.replaceChildren(...panel.rows.flatMap((row) => {
      const head = el('th', null, row.route, { scope: 'row', rowSpan: Math.max(1, row.figures.length) });
      if (row.figures.length === 0) {
        const tr = el('tr');
        tr.append(head, el('td', 'none', row.value, { colSpan: 4 }));
        return [tr];
      }
      return row.figures.map((f, n) => {
        const tr = el('tr');
        if (n === 0) tr.append(head);
        const source = el('td');
        source.append(sourceLink(f.source));
        tr.append(el('td', null, f.goods), el('td', f.derived ? 'derived' : null, f.value), el('td', null, f.whose), source);
        return tr;
      });
    }));
  };

  /** The tooltip's lines for row `id` of the period on show: its heading, each figure, whose, its source. */
  const tooltip = (id) => {
    const row = words.periods[last].rows[id];
    return row && [['strong', row.heading], ...row.figures.flatMap((f) => [
      ['div', f.line, f.derived ? 'fig derived' : 'fig'], ['div', f.whose_line], ['div', sourceLink(f.source), 'src']])];
  };

  return { render, sync, tooltip };
}
