// The analysis views: products on a route, a hub's evidence, our figures beside the published ones. On the
// default story they say it holds totals only; on a BACI file (tests/fixtures/analysis/baci_synthetic.csv,
// synthetic numbers whose file name says so on the page) they rank, drill down, follow the year and export.
// Expected figures are worked by hand from the fixture (values in thousand US dollars).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ARTIFACTS, openPage, openSite } from './browser.mjs';

const BACI = 'tests/fixtures/analysis/baci_synthetic.csv';
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let site;

before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

/** Each row as [code, description, …the other cells]: the first cell holds both. */
const rows = (page, selector) => page.locator(`${selector} tbody tr`).evaluateAll((trs) => trs.map((tr) => {
  const [first, ...rest] = [...tr.children];
  return [first.querySelector('.code').textContent, first.querySelector('.desc').textContent, ...rest.map((c) => c.textContent.trim())];
}));
const ready = (page, id) => page.waitForSelector(`#${id}[data-ready="true"]`);

async function loadBaci(page) {
  await page.setInputFiles('#file-input', BACI);
  await page.locator('#file-back').waitFor({ state: 'visible' });
  await page.waitForSelector('#products-table:not([hidden])');
  await ready(page, 'evidence');
  await page.waitForSelector('#headlines[data-compared="true"]');
}

test('the default story says it holds totals only, shows the mirror gap and compares what it can; hs.json is not fetched', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await ready(page, 'products');
  await ready(page, 'evidence');
  await page.waitForSelector('#headlines[data-compared="true"]');
  assert.match(await page.textContent('#products-note'), /^The default story holds each route's total over all goods, not single products\./);
  assert.equal(await page.isVisible('#products-table'), false);
  assert.match(await page.textContent('#evidence-summary'), /evidence per product needs a file with product codes/);
  // story.csv: China's customs $24.7bn, Kazakhstan's $15.39bn of imports from China, 2023.
  assert.match(await page.textContent('#mirror-list'), /China reports \$24\.7bn of exports to Kazakhstan; Kazakhstan reports \$15\.4bn of imports from China/);
  const gacc = page.locator('#headlines li[data-metric="chn_exports_to_kaz_gacc"] .ours');
  assert.equal(await gacc.textContent(), "Ours, from the default story: $24.7bn (the exporter's report).");
  assert.equal(await page.locator('#headlines li[data-metric="kaz_drone_imports_from_china"] .ours').textContent(), 'Ours: not in the default story.');
  assert.ok(!fetched.some((u) => u.endsWith('/data/hs.json')), 'the HS table waits for a file with products');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a BACI file: rank products, sort, drill down to a subheading, read its evidence, play the years', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await loadBaci(page);
  assert.match(await page.textContent('#file-message'), /^Showing baci_synthetic\.csv: CEPII BACI, 28 rows, 2021–2023\./);
  // China → Kazakhstan and Kyrgyzstan, 2023, by chapter: 85 = 2500 + 900 + 2200 + 1200 = $6.8m on 3900 in
  // 2021 (+74%), 88 = 5900 + 800 = $6.7m on 1000 (+570%), 01 = $350k on 300 (+17%); total 13,850.
  assert.deepEqual((await rows(page, '#products-table')).map((r) => [r[0], r[2], r[3], r[4]]), [
    ['85', '$6.8m', '+74%', '49.1%'], ['88', '$6.7m', '+570%', '48.4%'], ['01', '$350k', '+17%', '2.5%']]);
  assert.match(await page.textContent('#products-table tbody tr:nth-child(2) .desc'), /^Aircraft, spacecraft/);
  assert.match(await page.textContent('#products-note'), /Descriptions: HS 2022, or HS 2017/);
  // The codes box suggests every HS 2022 code by its words once the nomenclature is in.
  assert.match(await page.getAttribute('#hs-options option[value="880621"]', 'label'), /^880621 Unmanned aircraft/);
  await page.click('#products-table th[data-column="growth"] button');
  // The core sorts, in the worker: the table changes when its answer is in.
  await page.waitForFunction(() => document.querySelector('#products-body button.code')?.textContent === '88');
  assert.deepEqual((await rows(page, '#products-table')).map((r) => r[0]), ['88', '85', '01']);
  assert.equal(await page.getAttribute('#products-table th[data-column="growth"]', 'aria-sort'), 'descending');
  // Drill down: 88 → 8806 → 880621, then pick it for the evidence.
  await page.click('#products-table button.code >> text=88');
  await page.waitForFunction(() => document.querySelector('#products-body button.code')?.textContent === '8806');
  await page.click('#products-table button.code >> text=8806');
  await page.waitForFunction(() => document.querySelector('#products-body button.code')?.textContent === '880621');
  assert.equal(await page.textContent('#products-crumbs'), 'All › 88 › 8806');
  await page.click('#products-table button.code >> text=880621');
  // The table and the sentence under it come with the same answer; before it, both may still speak of 8806.
  await page.waitForFunction(() => document.querySelector('#evidence-summary')?.textContent.includes('880621'));
  assert.deepEqual(await rows(page, '#evidence-table'), [['880621', 'Unmanned aircraft; for remote-controlled flight only, for other than for carriage of…', '$5.9m', '$2.7m', '46%']]);
  assert.equal(await page.textContent('#evidence-summary'), 'In 2023, Kazakhstan imported $5.9m of these goods (HS 880621) from China and exported $2.7m of them to Russia.');
  assert.match(await page.textContent('#evidence-caveat'), /do not prove it/);
  assert.ok(await page.isVisible('#evidence-chart'));
  await page.screenshot({ path: join(ARTIFACTS, 'analysis-baci-1280x800.png'), fullPage: true });
  // Play: the views follow the year (2021 first, then 2022: 3000 in, 1200 out).
  await page.click('#play');
  await page.waitForFunction(() => document.querySelector('#evidence-summary').textContent.startsWith('In 2022,'), null, { timeout: 10000 });
  await page.click('#play'); // pause
  assert.deepEqual((await rows(page, '#evidence-table'))[0].slice(2), ['$3m', '$1.2m', '40%']);
  assert.match(await page.textContent('#products-value-head'), /2022/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('evidence for all goods at a hub, the difference in differences and the published figures', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await loadBaci(page);
  // Kazakhstan, 2023: in 5900 + 2500 + 2200 + 900 + 350 = 11,850; out 2700 + 1400 + 200 = 4,300.
  assert.equal(await page.textContent('#evidence-summary'), 'In 2023, Kazakhstan imported $11.8m of these goods from China and exported $4.3m of them to Russia.');
  assert.deepEqual((await rows(page, '#evidence-table')).map((r) => r[0]), ['880621', '854231', '854290', '854239', '010121']);
  // Nothing of 854239 went on: no data, so no share of what came in either.
  assert.deepEqual((await rows(page, '#evidence-table'))[3].slice(-2), ['no data', '–']);
  // CHPL into Kazakhstan (854231, 854239): 1500 → 3400 (+127%); the rest of chapter 85 (854290): 2000 → 2200
  // (+10%); difference 117 points; log difference ln(3400/1500) − ln(2200/2000) = 0.72.
  assert.equal(await page.textContent('#did-text'), "From 2021 to 2023, China's exports to Kazakhstan of the CHPL goods changed by +127% ($1.5m to $3.4m); other goods of the same HS chapters (85) changed by +10%. The difference is +117 percentage points (log difference 0.72).");
  assert.match(await page.textContent('#mirror-list'), /one report per flow/);
  // Kyrgyzstan: drones in 800, none out.
  await page.selectOption('#evidence-hub', 'KGZ');
  await page.waitForFunction(() => document.querySelector('#evidence-summary').textContent.includes('Kyrgyzstan imported'));
  assert.equal(await page.textContent('#evidence-summary'), 'In 2023, Kyrgyzstan imported $2m of these goods from China and exported $700k of them to Russia.');
  // The published figures: drones $5.9m and $2.7m, CHPL-45 = 2500 + 900 + 1200 = $4.6m.
  const ours = (metric) => page.textContent(`#headlines li[data-metric="${metric}"] .ours`);
  assert.equal(await ours('kaz_drone_imports_from_china'), 'Ours, from baci_synthetic.csv: $5.9m (reconciled by the source).');
  assert.equal(await ours('kaz_drone_exports_to_russia'), 'Ours, from baci_synthetic.csv: $2.7m (reconciled by the source).');
  assert.equal(await ours('chn_exports_45_sanctioned_goods_to_kaz_plus_kgz'), 'Ours, from baci_synthetic.csv: $4.6m (reconciled by the source).');
  // A preset and free codes: tier 1 on China → Kazakhstan.
  await page.selectOption('#products-route', 'CHN>KAZ');
  await page.selectOption('#products-preset', 'tier1');
  await page.waitForFunction(() => document.querySelector('#products-body button.code')?.textContent === '854231');
  assert.deepEqual((await rows(page, '#products-table')).map((r) => [r[0], r[2]]), [['854231', '$2.5m'], ['854239', '$900k']]);
  await page.selectOption('#products-preset', '');
  await page.fill('#products-codes', '8806, 0101');
  await page.click('#products-form button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('#products-body button.code')?.textContent === '880621');
  assert.deepEqual((await rows(page, '#products-table')).map((r) => r[0]), ['880621', '010121']);
  await page.fill('#products-codes', 'chips');
  await page.click('#products-form button[type="submit"]');
  await page.locator('#products-error').waitFor({ state: 'visible' });
  assert.match(await page.textContent('#products-error'), /unknown product filter `chips`/);
  assert.equal(await page.textContent('#products-note'), '');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the evidence chart downloads as SVG, PNG and CSV', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  await loadBaci(page);
  const download = async (id) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'latin1') };
  };
  const csv = await download('#evidence-csv');
  assert.equal(csv.name, 'roundabout-evidence-KAZ-2023.csv');
  assert.equal(csv.text.split('\n')[1], '880621,5900000.00,2700000.00');
  // Nothing of 854239 went on to Russia: an empty cell, not 0.
  assert.equal(csv.text.split('\n')[4], '854239,900000.00,');
  const svg = await download('#evidence-svg');
  assert.match(svg.text, /^<svg[^>]*>/);
  assert.ok(svg.text.includes('880621') && svg.text.includes('no data') && !svg.text.includes('$0'));
  // The SVG is laid out at the chart's width on screen, in CSS px.
  assert.equal(Number(svg.text.match(/^<svg width="(\d+)"/)[1]), await page.evaluate(() => Math.round(document.querySelector('#evidence-chart').getBoundingClientRect().width)));
  const png = await download('#evidence-png');
  assert.equal(png.text.slice(1, 4), 'PNG');
  // The difference in differences as bars: CHPL 1500 → 3400, the rest of chapter 85 2000 → 2200.
  // Drawn at its box's width (it was drawn while hidden, at the narrowest, and stretched): 720 px at 1280.
  assert.equal(await page.evaluate(() => document.querySelector('#did-chart').width), 720);
  const did = await download('#did-csv');
  assert.equal(did.text, 'label,2021 (USD),2023 (USD)\nChosen goods,1500000.00,3400000.00\nSame chapters,2000000.00,2200000.00\n');
  assert.match((await download('#did-svg')).text, /Same chapters/);
  await page.close();
});

test('axe-core: no violations with a BACI file loaded, at 1280 and 360 px', async () => {
  for (const [width, height] of [[1280, 800], [360, 740]]) {
    const { page, errors } = await openPage(site, width, height, '/?goods=all');
    await loadBaci(page);
    await page.evaluate(AXE);
    const found = await page.evaluate(async () => (await window.axe.run(document)).violations
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(found, []);
    await page.locator('#products').screenshot({ path: join(ARTIFACTS, `analysis-products-${width}.png`) });
    await page.locator('#evidence').screenshot({ path: join(ARTIFACTS, `analysis-evidence-${width}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the analysis views in Ukrainian: sentences, numbers and headings', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all&lang=uk');
  await ready(page, 'products');
  assert.match(await page.textContent('#products-note'), /^Основна історія містить лише підсумок/);
  await loadBaci(page);
  const NBSP = '\u00a0';
  assert.equal(await page.textContent('#evidence-summary'), `2023 р.: Китай → Казахстан — 11,8${NBSP}млн${NBSP}$ цих товарів; Казахстан → Росія — 4,3${NBSP}млн${NBSP}$.`);
  assert.equal(await page.textContent('#products-title'), 'Товари на маршруті');
  assert.equal(await page.textContent('#products-value-head'), 'Вартість, 2023');
  const text = await page.innerText('#products, #evidence');
  for (const word of ['Growth on', 'Download the chart', 'In 2023', 'comparable goods']) assert.ok(!text.includes(word), `"${word}" is translated`);
  await page.locator('#evidence').screenshot({ path: join(ARTIFACTS, 'analysis-evidence-uk.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the routes chart has a table for screen readers and downloads as SVG, PNG and CSV', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  // story.csv: China → Kazakhstan, importer's report, 2023: $15.4bn.
  const row2023 = await page.locator('#chart-table tbody tr', { hasText: '2023' }).innerText();
  assert.match(row2023, /\$15\.4bn/);
  assert.equal(await page.locator('#chart-table thead th').first().textContent(), 'Year');
  const download = async (id) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  };
  const csv = await download('#chart-csv');
  assert.equal(csv.name, 'roundabout-routes.csv');
  assert.match(csv.text.split('\n')[0], /^year,China → Kazakhstan \(USD\),/);
  const svg = await download('#chart-svg');
  assert.match(svg.text, /^<svg/);
  assert.ok(svg.text.includes('2023'));
  await page.click('#chart-png'); // a choice of sizes (publish.test.mjs checks them)
  assert.equal((await download('#chart-png-sizes button:text-is("1×")')).name, 'roundabout-routes.png');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the HS codes can be browsed as a tree, section to subheading, and a code chosen there shows its products', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await loadBaci(page);
  await page.locator('#hs-browse > summary').click();
  const section = page.locator('#hs-browse .hs-tree > li > details > summary', { hasText: /^Section XVII:/ });
  await section.click();
  await page.locator('#hs-browse summary', { hasText: /^88 Aircraft/ }).click();
  await page.locator('#hs-browse summary', { hasText: /^8806 / }).click();
  const drone = page.locator('#hs-browse button[data-code="880621"]');
  assert.match(await drone.textContent(), /^880621 Unmanned aircraft/);
  // Keyboard too: the chosen code goes into the box and the table shows it.
  await drone.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#products-codes').value === '880621');
  await page.waitForFunction(() => [...document.querySelectorAll('#products-body .code')].map((c) => c.textContent).join() === '880621');
  assert.deepEqual(errors, []);
  await page.close();
});
