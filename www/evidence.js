// "Evidence": for a hub, what it imports from the origin against what it exports to the destination, per
// product, as a chart and a table; the growth of the chosen goods against comparable goods (difference in
// differences); and the mirror gap between the two sides' reports. The core computes and words all of it
// in the page's language (story::answers::evidence); this module lays it out.
import { lang } from './i18n.js';
import { describe, loadHs } from './hs.js';
import { story } from './story-folder.js';
import { drawBars } from './bars.js';
import { el } from './dom.js';

/** Wires the hub choice. `context()` gives `{year, side, name(code), terms(), goods(), codes(), route()}`. */
export function attachEvidence(els, { context }) {
  let channel;
  let hs;

  const update = async () => {
    if (!channel) return;
    const c = context();
    const route = c.route();
    const codes = [story.origin, els.hub.value, story.destination, ...route.flat()];
    try {
      const v = await channel.ask({
        kind: 'evidence', origin: story.origin, hub: els.hub.value, destination: story.destination, route,
        products: c.terms(), goods: c.goods(), codes: c.codes(), has_products: !els.parts.hidden, year: c.year, baseline: story.baseline,
        side: c.side, lang: lang(), names: Object.fromEntries(codes.map((code) => [code, c.name(code)])),
      });
      if (v.rows.length && !hs) hs = await loadHs();
      for (const key of ['summary', 'caveat', 'more', 'did']) els[key].textContent = v[key];
      els.didCaveat.textContent = v.did_caveat;
      els.mirrorCaveat.textContent = v.mirror_caveat;
      els.inHead.textContent = v.in_head;
      els.outHead.textContent = v.out_head;
      els.body.replaceChildren(...v.rows.map((r) => {
        const product = el('th', 'product', '', { scope: 'row' });
        product.append(el('span', 'code', r.code), el('span', 'desc', describe(hs, r.code)));
        const tr = el('tr');
        tr.append(product, ...r.cells.map((text) => el('td', 'num', text)));
        return tr;
      }));
      els.table.hidden = v.rows.length === 0;
      els.chartBox.hidden = v.rows.length === 0;
      drawBars(els.chart, v.bars);
      if (v.chart_label) els.chart.setAttribute('aria-label', v.chart_label);
      // Shown before it is drawn: a hidden box has no width to draw at.
      els.didBox.hidden = !v.did_bars;
      if (v.did_bars) {
        drawBars(els.didChart, v.did_bars);
        els.didChart.setAttribute('aria-label', v.did_label);
      }
      els.mirror.replaceChildren(...v.mirror.map((text) => el('li', null, text)));
      els.error.hidden = true;
    } catch (error) {
      els.error.textContent = error.message;
      els.error.hidden = false;
    }
    els.section.dataset.ready = 'true';
  };

  els.hub.addEventListener('change', update);
  return {
    use(next, hasProducts) {
      channel = next;
      els.section.dataset.ready = 'false';
      els.body.replaceChildren();
      els.parts.hidden = !hasProducts;
      els.hub.closest('label').hidden = !hasProducts;
      return update();
    },
    update,
  };
}
