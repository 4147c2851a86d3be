// The analysis views under the map: products on a route, a hub's evidence, and our figures beside the
// published ones. They ask whichever table is in use: the default story's (on this thread) or a reader's
// file (held by its worker). Updates follow the year and the side, one at a time.
import { t } from './i18n.js';
import { attachProducts } from './products.js';
import { attachHsBrowser } from './hs-browser.js';
import { attachEvidence } from './evidence.js';
import { besideFile, compareHeadlines } from './published.js';
import { attachBarDownloads } from './bars.js';

import { $ } from './dom.js';

/** Wires the views; returns `use(channel, label)` to switch tables and `update()` for a new year or side.
 * `context()` gives the `{year, side}` on show; `name(code)` names a country; `published()` gives the
 * published figures and their view's words, once they are in. */
export function attachAnalysis({ context, name, headlines, published }) {
  let chosen; // a subheading picked in the products table for the evidence
  const products = attachProducts({
    section: $('products'), form: $('products-form'), route: $('products-route'), preset: $('products-preset'),
    codes: $('products-codes'), options: $('hs-options'), note: $('products-note'), error: $('products-error'), crumbs: $('products-crumbs'),
    table: $('products-table'), body: $('products-body'), more: $('products-more'), valueHead: $('products-value-head'),
    heads: document.querySelectorAll('#products-table th[data-column]'),
  }, { context, onPick: (code) => { chosen = code; run(() => evidence.update()); } });
  attachHsBrowser($('hs-browse'), (code) => {
    const codes = $('products-codes');
    const have = codes.value.split(/[\s,;]+/).filter(Boolean);
    codes.value = [...have.filter((c) => c !== code), code].join(', ');
    $('products-form').requestSubmit();
    codes.scrollIntoView({ block: 'nearest' });
  });
  const evidence = attachEvidence({
    section: $('evidence'), hub: $('evidence-hub'), summary: $('evidence-summary'), caveat: $('evidence-caveat'),
    error: $('evidence-error'), parts: $('evidence-parts'), chartBox: $('evidence-chart-box'), chart: $('evidence-chart'),
    table: $('evidence-table'), body: $('evidence-body'), more: $('evidence-more'), inHead: $('evidence-in-head'),
    outHead: $('evidence-out-head'), did: $('did-text'), didChart: $('did-chart'), didBox: $('did-chart-box'), didCaveat: $('did-caveat'), mirror: $('mirror-list'),
    mirrorCaveat: $('mirror-caveat'),
  }, {
    context: () => ({
      ...context(),
      name,
      terms: () => (chosen ? [chosen] : products.terms()),
      goods: () => (chosen ? '' : products.goods()),
      codes: () => chosen || products.codes(),
      route: products.route,
    }),
  });
  attachBarDownloads($('evidence-chart'), { svg: $('evidence-svg'), png: $('evidence-png'), csv: $('evidence-csv') },
    () => `roundabout-evidence-${$('evidence-hub').value}-${context().year}`);
  attachBarDownloads($('did-chart'), { svg: $('did-svg'), png: $('did-png'), csv: $('did-csv') },
    () => `roundabout-did-${$('evidence-hub').value}-${context().year}`);

  // One question at a time, in order; a year change asked for while one waits is not asked twice
  // (playing the years asks often).
  let running = Promise.resolve();
  let updateWaiting = false;
  const run = (task) => (running = running.then(task).catch((error) => console.warn(error)));

  let channel;
  return {
    use(next, label) {
      if (channel && channel !== next) channel.close();
      chosen = undefined;
      channel = next;
      return run(async () => {
        await products.use(next);
        await evidence.use(next, products.hasProducts());
        await compareHeadlines($('headlines'), headlines, next, label);
        const p = published();
        if (p) await besideFile({ box: $('beside-box'), body: $('beside-body'), note: $('beside-note') }, ...p, next, label !== 'story.csv');
        $('headlines-note').textContent = t('Where ours differs from a published figure, the two may rest on different reports (exporter, importer, or reconciled), product lists or periods; a match does not check the published figure\'s method.');
      });
    },
    update() {
      if (updateWaiting) return running;
      updateWaiting = true;
      return run(async () => { updateWaiting = false; await products.update(); await evidence.update(); });
    },
  };
}
