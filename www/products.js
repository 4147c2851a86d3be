// "Products on the route": a picker (route, preset, free HS codes), a ranked and sortable table with
// value, growth on the baseline and share, and drill-down from chapter to heading to subheading. The core
// ranks and words (story::answers::products); this module only asks, and lays out what comes back.
import { hs_section, hs_suggestion_order } from './pkg/roundabout.js';
import { lang, t } from './i18n.js';
import { describe, loadHs } from './hs.js';
import { story } from './story-folder.js';
import { el } from './dom.js';

/** The picker's product terms: the preset and the free codes, e.g. ['chpl', '8806', 'hs:88']. */
export function pickedTerms(preset, codes) {
  const free = codes.split(/[\s,;]+/).map((c) => c.trim()).filter(Boolean);
  return [...(preset ? [preset] : []), ...free];
}

/** Every HS 2022 code as a suggestion for the codes box, found by its words. */
function fillOptions(list, hs) {
  if (!hs || list.childElementCount) return;
  list.replaceChildren(...Object.entries(hs.hs2022).map(([code, text]) => el('option', null, undefined, { value: code, label: `${code} ${text}` })));
}

/** The HS level to start at: chapters for all goods, subheadings for presets and lists of codes. */
function startLevel(terms) {
  if (terms.length === 0) return 2;
  return terms.length === 1 && /^\d{2}$/.test(terms[0]) ? 4 : 6;
}

/**
 * Wires the picker and the table; `use(channel)` sets the table to ask. `context()` gives `{year, side}`; `onPick(code)` hears the subheading the reader chose for the evidence below, or
 * `onPick()` when the product set changed otherwise.
 */
export function attachProducts(els, { context, onPick }) {
  let channel;
  let path = []; // drill-down codes, e.g. ['85', '8542']
  let sort = { column: 'value_usd', descending: true };
  let last;
  let hs;

  // The route choice's value, `CHN>KAZ,KGZ`: exporters, then importers.
  const route = () => els.route.value.split('>').map((side) => side.split(','));
  const base = () => pickedTerms(els.preset.value, els.codes.value);
  const terms = () => (path.length ? [path[path.length - 1]] : base());
  const level = () => (path.length ? path[path.length - 1].length + 2 : startLevel(base()));

  const crumbs = () => {
    const all = el('button', 'link', t('All'));
    all.type = 'button';
    all.addEventListener('click', () => { path = []; update(); onPick(); });
    const parts = [all];
    path.forEach((code, i) => {
      const b = el('button', 'link', code);
      b.type = 'button';
      b.addEventListener('click', () => { path = path.slice(0, i + 1); update(); onPick(); });
      parts.push(' › ', b);
    });
    els.crumbs.replaceChildren(...(path.length ? parts : []));
  };

  const render = () => {
    const reply = last;
    els.table.hidden = !reply?.has_products;
    els.note.textContent = reply?.note ?? '';
    els.more.textContent = reply?.more ?? '';
    if (!reply?.has_products) {
      if (reply) els.body.replaceChildren();
      return;
    }
    els.valueHead.textContent = reply.value_head;
    const drillable = level() < 6;
    // In the order the core sorted them, by the reader's column; as many as it worded.
    els.body.replaceChildren(...reply.cells.map((cells, i) => {
      const r = reply.rows[i];
      const tr = el('tr');
      const code = el('td', 'product', undefined);
      const b = el('button', 'link code', r.code, { type: 'button' });
      b.setAttribute('aria-label', reply.buttons[i]);
      b.addEventListener('click', () => {
        if (drillable && r.code.length < 6) { path = [...path, r.code]; update(); onPick(); } else onPick(r.code);
      });
      code.append(b, el('span', 'desc', describe(hs, r.code)));
      const section = r.code.length === 2 && hs?.chapter_section[r.code];
      if (section) code.append(el('span', 'section', hs_section(section, hs.sections[section], lang())));
      tr.append(code, ...cells.map((text) => el('td', 'num', text)));
      return tr;
    }));
    for (const th of els.heads) {
      const active = th.dataset.column === sort.column;
      th.setAttribute('aria-sort', active ? (sort.descending ? 'descending' : 'ascending') : 'none');
    }
  };

  const update = async () => {
    if (!channel) return;
    crumbs();
    const [exporters, importers] = route();
    const { year, side } = context();
    try {
      last = await channel.ask({ kind: 'products', exporters, importers, products: terms(), level: level(), year, baseline: story.baseline, side, sort: sort.column, descending: sort.descending, lang: lang() });
      if (last.has_products && !hs) {
        hs = await loadHs();
        fillOptions(els.options, hs);
      }
      els.error.hidden = true;
    } catch (error) {
      last = undefined;
      els.error.textContent = error.message;
      els.error.hidden = false;
    }
    render();
    els.section.dataset.ready = 'true';
  };

  for (const th of els.heads) {
    th.querySelector('button').addEventListener('click', () => {
      const column = th.dataset.column;
      sort = { column, descending: sort.column === column ? !sort.descending : column !== 'code' };
      update();
    });
  }
  const pick = () => { path = []; update(); onPick(); };
  els.route.addEventListener('change', pick);
  els.preset.addEventListener('change', pick);
  // The suggestions in the core's order for the word typed: those that affirm it first.
  els.codes.addEventListener('input', () => {
    const options = [...els.options.children];
    const order = hs_suggestion_order(els.codes.value, options.map((o) => o.label).join('\n'));
    if (order) els.options.replaceChildren(...Array.from(order, (i) => options[i]));
  });
  els.form.addEventListener('submit', (e) => { e.preventDefault(); pick(); });

  return {
    use(next) { channel = next; path = []; els.section.dataset.ready = 'false'; return update(); },
    update,
    hasProducts: () => Boolean(last?.has_products),
    /** The goods chosen, for the core's words: the preset's name, and the opened code else the free codes. */
    goods: () => (path.length || !els.preset.value ? '' : els.preset.selectedOptions[0].textContent),
    codes: () => (path.length ? path[path.length - 1] : els.codes.value.trim()),
    terms: () => terms(),
    route,
  };
}

