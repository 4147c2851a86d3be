// "Evidence": for a hub, what it imports from the origin against what it exports to the destination, per
// product, as a chart and a table; the growth of the chosen goods against comparable goods (difference in
// differences); and the mirror gap between the two sides' reports. Each figure comes with one sentence on
// what it means and what it does not prove. The core computes; this module words and lays out.
import { t } from './i18n.js';
import { describe, loadHs } from './hs.js';
import { change, decimal, money, percent } from './products.js';
import { story } from './story-folder.js';
import { drawBars } from './bars.js';
import { el } from './dom.js';

const LIMIT = 15;


/** A figure, or "no data" where the file has no row. */
const amount = (v) => (v === null ? t('no data') : money(v));

const points = (d) => (d === null || d === undefined ? '–' : `${d >= 0 ? '+' : '−'}${Math.abs(Math.round(d * 100))}`);

/** Wires the hub choice. `context()` gives `{year, side, name(code), terms(), route()}`. */
export function attachEvidence(els, { context }) {
  let channel;
  let hs;

  const hub = async (c) => {
    const v = await channel.ask({ kind: 'hub', origin: story.origin, hub: els.hub.value, destination: story.destination, products: c.terms(), year: c.year, baseline: story.baseline, limit: LIMIT });
    if (v.rows.length && !hs) hs = await loadHs();
    const [origin, hubName, destination] = [story.origin, els.hub.value, story.destination].map(c.name);
    els.inHead.textContent = t('From {origin}', { origin });
    els.outHead.textContent = t('To {destination}', { destination });
    if (v.rows.length === 0) {
      els.summary.textContent = t('No rows for these goods between {origin}, {hub} and {destination} in {year}.', { origin, hub: hubName, destination, year: c.year });
      els.caveat.textContent = '';
    } else if (v.onward_usd === null || v.into_usd === null) {
      // A leg without rows is no data, never "$0".
      const figures = { year: c.year, hub: hubName, into: amount(v.into_usd), onward: amount(v.onward_usd), origin, destination };
      els.summary.textContent = v.onward_usd === null
        ? t('In {year}, {hub} imported {into} of these goods from {origin}; the file has no rows of them from {hub} to {destination}.', figures)
        : t('In {year}, {hub} exported {onward} of these goods to {destination}; the file has no rows of them from {origin} to {hub}.', figures);
      els.caveat.textContent = '';
    } else {
      const figures = { year: c.year, hub: hubName, into: money(v.into_usd), onward: money(v.onward_usd), origin, destination, goods: c.goods() };
      els.summary.textContent = figures.goods
        ? t('In {year}, {hub} imported {into} of these goods ({goods}) from {origin} and exported {onward} of them to {destination}.', figures)
        : t('In {year}, {hub} imported {into} of these goods from {origin} and exported {onward} of them to {destination}.', figures);
      els.caveat.textContent = t('Goods leaving for {destination} after arriving from {origin} fit re-export, but do not prove it: {hub} may make or stock the same goods, and the two figures come from different reports.', { destination, origin, hub: hubName });
    }
    els.body.replaceChildren(...v.rows.map((r) => {
      const tr = el('tr');
      const product = el('th', 'product', '');
      product.append(el('span', 'code', r.code), el('span', 'desc', describe(hs, r.code)));
      tr.append(product, el('td', 'num', amount(r.into_usd)),
        el('td', 'num', amount(r.onward_usd)), el('td', 'num', r.ratio === null ? '–' : percent(r.ratio, 0)));
      tr.firstChild.scope = 'row';
      return tr;
    }));
    els.table.hidden = v.rows.length === 0;
    els.more.textContent = v.more ? t('and {count} more', { count: v.more.toLocaleString('en') }) : '';
    els.chartBox.hidden = v.rows.length === 0;
    drawBars(els.chart, { series: [`${origin} → ${hubName}`, `${hubName} → ${destination}`], rows: v.rows.map((r) => ({ label: r.code, values: [r.into_usd ?? 0, r.onward_usd ?? 0] })) });
    els.chart.setAttribute('aria-label', t('Bar chart of {hub}\'s imports from {origin} and exports to {destination} per product, {year}; the table below gives the same figures.', { hub: hubName, origin, destination, year: c.year }));
  };

  const did = async (c) => {
    const treated = c.terms().length ? c.terms() : ['chpl'];
    const goods = c.terms().length ? c.goods() : t('the CHPL goods');
    const d = await channel.ask({ kind: 'diff_in_diff', exporters: [story.origin], importers: [els.hub.value], products: treated, year: c.year, baseline: story.baseline, side: c.side });
    const hubName = c.name(els.hub.value);
    if (d.treated_growth === null || d.control_growth === null) {
      els.did.textContent = t('Not enough data to compare the growth of {goods} with comparable goods from {origin} to {hub} between {baseline} and {year}: one of them is missing in a year.', {
        goods, origin: c.name(story.origin), hub: hubName, baseline: story.baseline, year: c.year });
      els.didCaveat.textContent = '';
      els.didBox.hidden = true;
      return;
    }
    els.did.textContent = t('From {baseline} to {year}, {origin}\'s exports to {hub} of {goods} changed by {treated} ({tb} to {ty}); other goods of the same HS chapters ({chapters}) changed by {control}. The difference is {diff} percentage points (log difference {log}).', {
      baseline: story.baseline, year: c.year, origin: c.name(story.origin), hub: hubName, goods,
      treated: change(d.treated_growth), tb: money(d.treated_base_usd), ty: money(d.treated_usd), chapters: d.chapters.join(', '),
      control: change(d.control_growth), diff: points(d.difference), log: d.log_difference === null ? '–' : decimal(d.log_difference, 2) });
    drawBars(els.didChart, { series: [String(story.baseline), String(c.year)], rows: [
      { label: t('Chosen goods'), values: [d.treated_base_usd, d.treated_usd] },
      { label: t('Same chapters'), values: [d.control_base_usd, d.control_usd] }] });
    els.didChart.setAttribute('aria-label', t('Bar chart: the chosen goods and the other goods of their HS chapters, {baseline} and {year}', { baseline: story.baseline, year: c.year }));
    els.didBox.hidden = false;
    els.didCaveat.textContent = t('A faster rise for sanctioned goods is what re-routing would produce, as in the EBRD\'s "Eurasian Roundabout" papers; it does not prove it: demand for the two groups can move apart for other reasons.');
  };

  const mirror = async (c, allGoods = false) => {
    const [exporters, importers] = c.route();
    const m = await channel.ask({ kind: 'mirror', exporters, importers, products: allGoods ? [] : c.terms(), year: c.year, baseline: story.baseline });
    if (!m.two_sides) {
      els.mirror.replaceChildren(el('li', null, t('This data holds one report per flow here (CEPII BACI, for one, reconciles the two sides into one figure), so there is no gap between reports to show for {year}.', { year: c.year })));
      els.mirrorCaveat.textContent = '';
      return;
    }
    els.mirror.replaceChildren(...m.pairs.filter((p) => p.exporter_usd && p.importer_usd).map((p) => {
      const [e, i] = p.keys.map(c.name);
      // Russia's figures after 2021 are the IMF's estimates, not its own reports: named as such.
      const sentence = p.importer_imf
        ? '{exporter} reports {ex} of exports to {importer}; the IMF estimates {im} of imports from {exporter} for {importer}: a gap of {gap}.'
        : p.exporter_imf
          ? 'The IMF estimates {ex} of exports to {importer} for {exporter}; {importer} reports {im} of imports from {exporter}: a gap of {gap}.'
          : '{exporter} reports {ex} of exports to {importer}; {importer} reports {im} of imports from {exporter}: a gap of {gap}.';
      return el('li', null, t(sentence, {
        exporter: e, importer: i, ex: money(p.exporter_usd), im: money(p.importer_usd), gap: money(p.gap_usd) }));
    }));
    els.mirrorCaveat.textContent = t('Two customs rarely agree: imports include freight and insurance, goods cross the border in different months, and goods that pass through a third country may be counted against it. A gap alone is not evidence of evasion.');
  };

  const update = async () => {
    if (!channel) return;
    const c = context();
    try {
      await hub(c);
      await did(c);
      await mirror(c);
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
      if (!hasProducts) {
        els.summary.textContent = t('The default story holds each route\'s total over all goods: evidence per product needs a file with product codes. Load a CEPII BACI file for a year, with its country codes, under the map.');
        return mirror(context(), true).then(() => { els.section.dataset.ready = 'true'; }, (error) => console.warn(error));
      }
      return update();
    },
    update: () => (els.parts.hidden ? mirror(context(), true).catch((error) => console.warn(error)) : update()),
  };
}
