// The default story's second view, which the page opens on: the figures published on the sanctioned
// goods, one arrow per route and period, each with its goods, period, whose figures and source.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, countColour, findColour, openPage, openSite } from './browser.mjs';

// The goods definitions' colours (scene::palette::DAY): the CHPL of 45 goods, and the CHPL of unstated size.
const CHPL45 = [0x9a, 0x44, 0x00];
const CHPL = [0x00, 0x63, 0x48];
// The closing note's screens, outside the repository.
const SHOTS = process.env.ROUNDABOUT_SHOTS;
let site;

before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  }
}

test('the page opens on the published figures on the sanctioned goods, drawn on the first screen', async () => {
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    const { page, errors, foreign } = await openPage(site, width, height);
    assert.equal(await page.getAttribute('body', 'data-view'), 'published');
    assert.equal(await page.getAttribute('#view-published', 'aria-pressed'), 'true');
    assert.equal(await page.textContent('#panel-title'), 'Published figures, 2023');
    assert.ok(await countColour(page, '#map-canvas', CHPL45, 20) > 100, 'the CHPL 45 arrow (China → Kazakhstan and Kyrgyzstan) is drawn');
    assert.ok(await countColour(page, '#map-canvas', CHPL, 20) > 100, 'the CHPL arrows into Russia are drawn');
    const map = await page.locator('#map-canvas').boundingBox();
    assert.ok(map.y < height, `the map starts within the first screen (${map.y}px)`);
    const first = await page.innerText('#routes li');
    assert.match(first, /China → Kazakhstan and Kyrgyzstan\s+\$1\.3bn\s+CHPL, 45 goods/);
    assert.match(await page.innerText('#routes'), /Kazakhstan → Russia\s+no published figure/);
    await shot(page, `published-${width}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    await page.close();
  }
});

test('the switch goes to all goods and back, and the link says which', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  await page.click('#view-all');
  assert.equal(await page.getAttribute('body', 'data-view'), 'all');
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2023');
  assert.equal(await page.evaluate(() => window.location.search), '?goods=all');
  assert.ok(await page.isVisible('#years'), 'the all-goods years');
  assert.equal(await page.isVisible('#period'), false);
  await shot(page, 'all-goods-1280');
  await page.click('#view-published');
  assert.equal(await page.getAttribute('body', 'data-view'), 'published');
  assert.equal(await page.textContent('#panel-title'), 'Published figures, 2023');
  assert.equal(await page.evaluate(() => window.location.search), '');
  // Back in history is the all-goods view again.
  await page.goBack();
  await page.waitForFunction(() => document.body.dataset.view === 'all');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an arrow\'s tooltip gives its goods, whose figures and a link to where it was published', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  const box = await page.locator('#map-canvas').boundingBox();
  const point = await findColour(page, '#map-canvas', CHPL45, 20);
  assert.ok(point, 'the CHPL 45 arrow is on the map');
  await page.mouse.move(box.x + point.x, box.y + point.y);
  await page.waitForSelector('#tooltip:not([hidden])');
  const text = await page.innerText('#tooltip');
  assert.match(text, /^China → Kazakhstan and Kyrgyzstan, 2023/);
  assert.match(text, /CHPL, 45 goods \(the list before February 2024\): \$1\.3bn/);
  assert.match(text, /Figures: China's customs \(exporter\)/);
  const href = await page.getAttribute('#tooltip a', 'href');
  assert.equal(href, 'https://defencehub.live/threads/western-electronics-at-the-heart-of-russias-war-machine.14359/page-3');
  assert.match(await page.innerText('#tooltip a'), /The Wall Street Journal .*, 2024-03-04$/);
  await shot(page, 'published-tooltip-1280');
  // A click pins the tooltip: the pointer can leave the arrow for the link, and the link takes the click.
  await page.mouse.click(box.x + point.x, box.y + point.y);
  const link = await page.evaluate(() => {
    const r = document.querySelector('#tooltip a').getClientRects()[0];
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.move(link.x, link.y, { steps: 8 });
  assert.equal(await page.isVisible('#tooltip'), true);
  assert.equal(await page.evaluate(({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('#tooltip a')), link), true);
  // Another click on the map unpins it; leaving the map hides it.
  await page.mouse.click(box.x + 5, box.y + 5);
  await page.mouse.move(box.x + box.width + 40, box.y + box.height + 40);
  await page.waitForSelector('#tooltip', { state: 'hidden' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the data table lists each figure with its source, derived values with their sum, and periods without a figure', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  await page.click('.data-table summary');
  assert.equal(await page.textContent('#published-caption'), 'Published figures on the sanctioned goods, 2023');
  const table = await page.innerText('#published-table');
  // China → Russia in 2023: the WSJ's figure, KSE's share turned into dollars (derived), and the other
  // sources' shares, each listed.
  assert.match(table, /China → Russia\tCHPL, list size not stated\t\$4\.5bn/);
  assert.match(table, /\$7\.04bn, derived: 56\.3% × \$12\.5bn = \$7\.04bn/);
  assert.match(table, /about 90% of Russia's imports of these goods/);
  assert.match(table, /China and Hong Kong → Russia: 80% of Russia's imports of these goods/);
  assert.match(table, /Kazakhstan → Russia\tno published figure/);
  assert.doesNotMatch(table, /\$0(\D|$)/, 'no zero where nothing was published');
  const links = await page.$$eval('#published-table a', (as) => as.map((a) => a.href));
  assert.ok(links.length >= 8 && links.every((h) => h.startsWith('https://') || h.startsWith('http://')));
  // Another period: Turkey's and Kazakhstan's figures for the same flow, both listed.
  await page.selectOption('#period', { label: 'Jan–Sep 2023' });
  assert.match(await page.evaluate(() => window.location.search), /period=2023-01\/2023-09/);
  const sep = await page.innerText('#published-table');
  assert.match(sep, /Türkiye → Kazakhstan\tCHPL, 45 goods[^\n]*\t\$61m\tTurkey's trade statistics \(exporter\)/);
  assert.match(sep, /\$6\.6m\tKazakhstan's trade statistics \(importer\)/);
  assert.match(sep, /Türkiye → Russia, Azerbaijan, Georgia, Kazakhstan, Kyrgyzstan, and Uzbekistan\tCHPL, 45 goods[^\n]*\t\$158m/);
  await page.click('#period-next');
  assert.equal(await page.textContent('#panel-title'), 'Published figures, 2023');
  // The all-goods view keeps its own table.
  await page.click('#view-all');
  assert.equal(await page.isVisible('#published-table'), false);
  assert.match(await page.innerText('#table-body'), /China\tKazakhstan/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('embeds of both views', async () => {
  const published = await openPage(site, 640, 520, '/?embed=1&period=2023-10');
  assert.match(await published.page.innerText('.embed-credit'), /^Oct 2023: sanctioned goods, published figures\. Sources: each figure's publisher/);
  assert.ok(await countColour(published.page, '#map-canvas', CHPL45, 20) > 30, 'Turkey → Russia, October 2023');
  assert.deepEqual(published.errors, []);
  await published.page.close();
  const all = await openPage(site, 640, 520, '/?embed=1&goods=all');
  assert.match(await all.page.innerText('.embed-credit'), /^2023, all goods\. Sources: .*IMF/);
  assert.deepEqual(all.errors, []);
  await all.page.close();
  // The Embed button's snippet keeps the view on show.
  const { page } = await openPage(site, 1280, 800, '/?period=2022');
  await page.click('#embed-button');
  assert.match(await page.inputValue('#embed-code'), /index\.html\?period=2022&embed=1/);
  await page.close();
});

// "What others have found" beside a reader's file: tests/fixtures/analysis/baci_published_synthetic.csv
// (synthetic BACI rows, thousand US dollars; the sums are worked by hand in tests/published_beside.rs).
const BESIDE = 'tests/fixtures/analysis/baci_published_synthetic.csv';

async function loadBeside(page) {
  await page.setInputFiles('#file-input', BESIDE);
  await page.locator('#file-back').waitFor({ state: 'visible' });
  await page.waitForSelector('#beside tr[data-id]');
}

/** A row's cells: the published figure, the file's, the difference, the reasons. */
const cells = (page, id) => page.locator(`#beside tr[data-id="${id}"] > *`).evaluateAll((c) => c.map((x) => x.innerText.trim()));

test('a BACI file: each published figure it covers beside its own, with the reasons they may differ', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  assert.equal(await page.isVisible('#beside'), false, 'nothing beside the default story');
  await loadBeside(page);
  assert.deepEqual(await page.locator('#beside tbody tr').evaluateAll((l) => l.map((tr) => tr.dataset.id)),
    ['wsj-chn-kazkgz-2023', 'wsj-chn-kazkgz-growth', 'occrp-chn-kaz-drones-2022', 'occrp-kaz-rus-drones-2022', 'wsj-arm-rus-ic-2022']);
  // 2023, 45 CHPL goods: $1.3bn published; the file's $800m to Kazakhstan + $300m to Kyrgyzstan = $1.1bn, −15%.
  const [published, ours, change, why] = await cells(page, 'wsj-chn-kazkgz-2023');
  assert.match(published, /^CHPL, 45 goods \(the list before February 2024\), China → Kazakhstan and Kyrgyzstan, 2023: \$1\.3bn \(/);
  assert.equal(ours, "$1.1bn, from reconciled, CIF/FOB-adjusted data (BACI's method). The sum of its routes to each end: Kazakhstan $800m + Kyrgyzstan $300m.");
  assert.equal(change, '−15%');
  assert.match(why, /BACI reconciles the exporter's and the importer's reports/);
  assert.match(why, /the 45 CHPL codes \(tiers 1 to 4\.A\)/);
  assert.match(why, /The published figure is rounded to \$1\.3bn\./);
  assert.equal(await page.locator('#beside tr[data-id="wsj-chn-kazkgz-2023"] a').getAttribute('href'), 'https://defencehub.live/threads/western-electronics-at-the-heart-of-russias-war-machine.14359/page-3');
  // The value before the +64%, derived: $600m against $793m.
  assert.deepEqual((await cells(page, 'wsj-chn-kazkgz-growth')).slice(1, 3), ["$600m, from reconciled, CIF/FOB-adjusted data (BACI's method). The sum of its routes to each end: Kazakhstan $500m + Kyrgyzstan $100m.", '−24%']);
  // HS 8542, Armenia → Russia, 2022: $26m + $4m = $30m against $13m.
  assert.deepEqual((await cells(page, 'wsj-arm-rus-ic-2022')).slice(1, 3), ["$30m, from reconciled, CIF/FOB-adjusted data (BACI's method).", '+131%']);
  assert.match(await page.textContent('#beside-note'), /^13 more published figures are not in this file/);
  await page.locator('#beside-box').screenshot({ path: join(ARTIFACTS, 'beside-1280.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('beside a file in Ukrainian: the words translated, the numbers formatted by the core', async () => {
  const { page, errors } = await openPage(site, 390, 844, '/?lang=uk');
  await loadBeside(page);
  const [, ours, change, why] = await cells(page, 'wsj-chn-kazkgz-2023');
  assert.match(ours, /^1,1\u00a0млрд\u00a0\$, за узгодженими даними/);
  assert.equal(change, '−15\u00a0%');
  assert.match(why, /45 кодів CHPL/);
  // A derived sum's numbers as Ukrainian writes them (the core's formatter, in published.json).
  const [growth] = await cells(page, 'wsj-chn-kazkgz-growth');
  assert.match(growth, /1,3\u00a0млрд\u00a0\$ ÷ \(1 \+ 64\u00a0%\) = 793\u00a0млн\u00a0\$/);
  assert.equal(await page.textContent('#beside caption'), 'Опубліковані дані про санкційні товари поряд із вашим файлом');
  await page.locator('#beside-box').screenshot({ path: join(ARTIFACTS, 'beside-uk-390.png') });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the table scrolls in its own box, not the page (${overflow}px too wide)`);
  // On a phone each figure stacks, nothing to scroll sideways, its cells named by their column's heading.
  const box = await page.evaluate(() => { const b = document.querySelector('#beside-box'); return b.scrollWidth - b.clientWidth; });
  assert.ok(box <= 0, `the comparison fits the screen (${box}px too wide)`);
  assert.deepEqual(await page.locator('#beside tr[data-id="wsj-chn-kazkgz-2023"] td').evaluateAll((c) => c.map((x) => getComputedStyle(x, '::before').content)),
    ['"Ваш файл"', '"Різниця"', '"Чому вони можуть різнитися"']);
  assert.deepEqual(errors, []);
  await page.close();
});
