// The default story's second view, the one the page opens on: the figures published on the sanctioned
// goods, one arrow per route and period. The core reads data/published.json and draws the map; this module
// puts the same file's figures into words: the view switch, the period control, the panel's list, the data
// table and the tooltip. Text only, never markup; links only to the file's http(s) addresses.

import { format_list, format_money } from './pkg/roundabout.js';
import { lang, t } from './i18n.js';
import { el } from './dom.js';

const BOUNDS = { about: 'about {value}', over: 'over {value}', under: 'under {value}' };
const NONE = 'no published figure';


/** The key's title, its note and the goods definitions' names (one a line) in the page's language, for the core's map. */
export function publishedWords(data) {
  return [t('Published figures, US$'), t('Widths compare only within one goods definition'), data.goods.map((g) => t(g.label)).join('\n')];
}

/** Wires the view to the page's elements; `choose(period)` asks the core for a period's figures (`null`: all
 * goods); `name(code)` names a country; `period` is the one on show (`null`: all goods). */
export function attachPublishedView(data, els, { name, choose, period: shown }) {
  const list = (codes) => format_list(codes.map(name).join('\n'), lang());
  const routeName = (i) => `${list(data.routes[i].from)} → ${list(data.routes[i].to)}`;
  // The period on show when the published figures are (else the one they would come back to).
  let last = shown ?? data.default_period;
  let rendered; // the period the panel shows
  const period = () => data.periods[last];
  const goods = (f) => t(data.goods[f.goods].label);

  /** A figure's value in words: "$1.3bn", "about $283m", "$7.04bn, derived: 56.3% × $12.5bn = $7.04bn". */
  const value = (f) => {
    if (f.value_usd == null) {
      // A whole number under a thousand reads the same without toLocaleString, whose first call loads
      // ICU's number data (some 30 ms before the first map).
      const whole = Number.isInteger(f.percent) && Math.abs(f.percent) < 1000;
      const percent = `${whole ? String(f.percent) : f.percent.toLocaleString(lang())}%`;
      const text = f.bound ? t(BOUNDS[f.bound], { value: percent }) : percent;
      return t(f.kind === 'growth' ? '{percent} growth' : "{percent} of Russia's imports of these goods", { percent: text });
    }
    const money = format_money(f.value_usd, lang());
    if (f.derived) return t('{value}, derived: {sum}', { value: money, sum: f.derived[lang()] });
    return f.bound ? t(BOUNDS[f.bound], { value: money }) : money;
  };
  /** The figure's value, with its own route when it is another's (a share of two origins together). */
  const figureText = (f, row) => (f.route === row.route ? value(f) : `${routeName(f.route)}: ${value(f)}`);
  const sourceLink = (f) => {
    const link = el('a', null, `${f.publisher}, ${f.date}`);
    if (/^https?:\/\//.test(f.url)) link.href = f.url;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    return link;
  };
  const drawn = (row) => {
    const f = data.figures[row.figures[0]];
    return f && f.route === row.route && f.value_usd != null ? f : undefined;
  };

  const periodSelect = els.period;
  periodSelect.replaceChildren(...data.periods.map((p, i) => el('option', null, t(p.label), { value: String(i) })));
  const pick = (i) => i >= 0 && i < data.periods.length && choose(i);
  periodSelect.addEventListener('change', () => pick(Number(periodSelect.value)));
  els.prev.addEventListener('click', () => pick(last - 1));
  els.next.addEventListener('click', () => pick(last + 1));
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
    periodSelect.value = String(last);
    els.prev.disabled = last === 0;
    els.next.disabled = last === data.periods.length - 1;
  };

  /** The panel's list, the data table, the summary and the titles for the period on show, unless they
   * show it already (a new year or focus leaves them as they are). */
  const render = () => {
    if (rendered === last) return;
    rendered = last;
    const p = period();
    const label = t(p.label);
    els.title.textContent = t('Published figures, {period}', { period: label });
    els.embedTitle.textContent = t('{period}: sanctioned goods, published figures.', { period: label });
    els.routes.replaceChildren(...p.rows.map((row) => {
      const f = drawn(row);
      const item = el('li', f ? 'published' : 'none');
      item.append(el('div', 'name', routeName(row.route)), el('span', 'value', f ? value(f) : t(NONE)));
      if (f) item.append(el('div', 'gap', goods(f)));
      return item;
    }));
    els.caption.textContent = t('Published figures on the sanctioned goods, {period}', { period: label });
    els.body.replaceChildren(...p.rows.flatMap((row) => {
      const head = el('th', null, routeName(row.route));
      head.scope = 'row';
      head.rowSpan = Math.max(1, row.figures.length);
      if (row.figures.length === 0) {
        const none = el('td', 'none', t(NONE));
        none.colSpan = 4;
        const tr = el('tr');
        tr.append(head, none);
        return [tr];
      }
      return row.figures.map((i, n) => {
        const f = data.figures[i];
        const tr = el('tr');
        if (n === 0) tr.append(head);
        const source = el('td');
        source.append(sourceLink(f));
        tr.append(el('td', null, goods(f)), el('td', f.derived ? 'derived' : null, figureText(f, row)), el('td', null, t(f.whose)), source);
        return tr;
      });
    }));
    const parts = p.rows.map((row) => {
      const f = drawn(row);
      return `${routeName(row.route)}: ${f ? `${value(f)} (${goods(f)})` : t(NONE)}`;
    });
    els.summary.textContent = t('Published figures on the sanctioned goods, {period}. {parts}.', { period: label, parts: parts.join('. ') });
  };

  /** The lines of the tooltip for row `id` of the period on show: each figure, whose, and its source. */
  const tooltip = (id) => {
    const row = period().rows[id];
    if (!row) return undefined;
    const lines = [['strong', `${routeName(row.route)}, ${t(period().label)}`]];
    for (const i of row.figures) {
      const f = data.figures[i];
      lines.push(['div', `${goods(f)}: ${figureText(f, row)}`, f.derived ? 'fig derived' : 'fig']);
      lines.push(['div', t('Figures: {whose}', { whose: t(f.whose) })]);
      lines.push(['div', sourceLink(f), 'src']);
    }
    return lines;
  };

  /** A figure's goods, route and period; and the routes' countries by name, for the core's sums. */
  const heading = (f) => `${goods(f)}, ${routeName(f.route)}, ${t(data.periods[f.period].label)}`;
  const names = () => Object.fromEntries(data.routes.flatMap((r) => [...r.from, ...r.to]).map((c) => [c, name(c)]));

  return { render, sync, tooltip, heading, value, sourceLink, names };
}
