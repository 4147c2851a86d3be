// The views of a file with many country pairs: the largest N on the map with the rest summed as
// "other", N in the link, each flow's share, and the data table that follows what is drawn.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, openPage, openSite } from './browser.mjs';

const TIDY_HEADER = 'year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source';
// Countries the map has anchors for; none of the pairs below is one of the story's routes.
const EXPORTERS = ['DEU', 'FRA', 'ITA', 'POL', 'TUR', 'IND', 'JPN', 'KOR', 'USA', 'BRA'];
const IMPORTERS = ['ARM', 'GEO', 'UZB', 'ARE', 'IRN', 'MNG'];
const PAIRS = EXPORTERS.length * IMPORTERS.length; // 60
let site;
let file;
let scratch;

before(async () => {
  site = await openSite();
  scratch = mkdtempSync(join(tmpdir(), 'roundabout-views-'));
  file = join(scratch, 'many_pairs.csv');
  // Pair k is worth k + 1 million dollars in 2023 and the reverse order in 2022, so the largest differ by year.
  const rows = [TIDY_HEADER];
  EXPORTERS.forEach((e, i) => IMPORTERS.forEach((m, j) => {
    const k = i * IMPORTERS.length + j;
    rows.push(`2023,,${e},${m},TOTAL,${(k + 1) * 1e6},,,importer,${m} customs`);
    rows.push(`2022,,${e},${m},TOTAL,${(PAIRS - k) * 1e6},,,importer,${m} customs`);
  }));
  writeFileSync(file, `${rows.join('\n')}\n`);
});
after(async () => {
  await site?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const shownRoutes = (page) => page.locator('#routes li:not(.other)').evaluateAll((els) => els
  .filter((e) => !e.hidden).map((e) => e.querySelector('.name').textContent));

async function loadMany(page) {
  await page.setInputFiles('#file-input', file);
  await page.locator('#file-back').waitFor({ state: 'visible' });
}

test('a file with 60 pairs shows the largest 10, sums the other 50, and the control and link change N', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  assert.equal(await page.inputValue('#top'), '10');
  assert.equal(await page.isVisible('#top'), false, 'the story\'s four routes all fit: no menu');
  await loadMany(page);
  assert.equal(await page.isVisible('#top'), true);
  let names = await shownRoutes(page);
  assert.equal(names.length, 10);
  assert.equal(names[0], 'Brazil → Mongolia', 'the largest first');
  // The 50 smallest: 1 + 2 + … + 50 million dollars, $1.275bn (to three figures, as f64 rounds it).
  assert.equal(await page.textContent('#routes li.other'), '50 other routes: $1.27bn');
  assert.match(await page.textContent('#map-summary'), /50 other routes: \$1\.27bn\.$/);
  assert.ok((await drawn(page)).labels.includes('50 other routes: $1.27bn'), 'the key says so too, in a download');
  await page.screenshot({ path: join(ARTIFACTS, 'top-10-1280x800.png') });

  await page.focus('#top');
  await page.selectOption('#top', '20');
  names = await shownRoutes(page);
  assert.equal(names.length, 20);
  assert.equal(await page.textContent('#routes li.other'), '40 other routes: $820m');
  assert.match(new URL(page.url()).search, /[?&]top=20(&|$)/);

  // A file's own countries can be focused: Germany's exports fill the map first.
  await page.fill('#country-search', 'Germany');
  await page.dispatchEvent('#country-search', 'change');
  await page.locator('#focus-bar').waitFor({ state: 'visible' });
  names = await shownRoutes(page);
  assert.equal(names.length, 6);
  assert.ok(names.every((n) => n.startsWith('Germany → ')), names.join(', '));

  // Another year has other largest pairs.
  await page.click('#years input[value="2022"]');
  await page.waitForFunction(() => document.querySelector('#panel-title').textContent === 'Routes in 2022');
  assert.equal((await shownRoutes(page))[0], 'Germany → Armenia');
  await page.click('#file-back');
  assert.equal(await page.isVisible('#focus-bar'), false, 'the story has no Germany: the focus goes');
  assert.equal((await shownRoutes(page)).length, 4, 'the default story has its four routes');
  assert.equal(await page.isVisible('#top'), false);
  assert.equal(await page.locator('#routes li.other').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link sets N; a number not on the menu is added to it', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?top=3');
  assert.equal(await page.inputValue('#top'), '3');
  assert.equal(await page.isVisible('#top'), true, 'fewer than the story\'s routes: the menu shows');
  assert.equal((await shownRoutes(page)).length, 3);
  assert.match(await page.textContent('#routes li.other'), /^1 other route: \$/);
  await page.selectOption('#top', '10');
  assert.equal(new URL(page.url()).search, '?goods=all', 'the default is left out of the link (the view stays named)');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#top').value === '3');
  assert.equal((await shownRoutes(page)).length, 3);
  assert.deepEqual(errors, []);
  await page.close();
});

/** The data table's caption and rows, each row as its cells' text. */
const readTable = (page) => page.evaluate(() => ({
  caption: document.querySelector('.data-table .all-goods-only caption').textContent,
  head: [...document.querySelectorAll('.data-table .all-goods-only thead th')].map((th) => `${th.scope}:${th.textContent}`),
  rows: [...document.querySelectorAll('.data-table .all-goods-only tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)),
  rowHeaders: [...document.querySelectorAll('.data-table .all-goods-only tbody th')].map((th) => th.scope),
  foot: document.querySelector('.data-table .all-goods-only tfoot').textContent,
}));

/** The map as drawn, from the scene's own SVG (downloaded): its text labels and how many arrows it has. */
async function drawn(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
  const svg = await readFile(await download.path(), 'utf8');
  return {
    labels: [...svg.matchAll(/>([^<>]+)<\/text>/g)].map((m) => m[1].replaceAll('&amp;', '&')),
    arrows: [...svg.matchAll(/<path[^>]*fill="#(0072b2|c8501e)"/g)].length, // the two legs' colours
  };
}

test('the data table lists the flows drawn and follows the year, the focus and N', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  assert.equal(await page.isVisible('.data-table table.all-goods-only'), false, 'closed until asked for');
  await page.focus('.data-table summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.isVisible('.data-table table.all-goods-only'), true, 'the keyboard opens it');
  let table = await readTable(page);
  assert.deepEqual(table.head, ['col:Exporter', 'col:Importer', 'col:Value', 'col:Change', 'col:Reported by', 'col:Source']);
  assert.equal(table.caption, 'Flows on the map in 2023');
  assert.deepEqual(table.rows[0].slice(0, 5), ['China', 'Kazakhstan', '$15.4bn', '+87% on 2021', 'Kazakhstan']);
  assert.match(table.rows[0][5], /Kazakhstan Bureau of National Statistics/);
  assert.ok(table.rowHeaders.every((s) => s === 'row'));

  await page.click('#years input[value="2022"]');
  await page.waitForFunction(() => document.querySelector('.data-table .all-goods-only caption').textContent.endsWith('2022'));
  table = await readTable(page);
  const panel = await page.locator('#routes li .value').allTextContents();
  assert.deepEqual(table.rows.map((r) => r[2]), panel, 'the panel\'s figures, route by route');
  const map = await drawn(page);
  assert.equal(map.arrows, table.rows.length, 'one row per arrow');
  for (const [exporter, importer] of table.rows) {
    for (const name of [exporter, importer]) assert.ok(map.labels.includes(name), `${name} is on the 2022 map`);
  }
  // Flow labels that fit are drawn (the key's round values aside): each is a row's value.
  const values = table.rows.map((r) => r[2]);
  const flowLabels = map.labels.filter((l) => l.startsWith('$') && !['$10bn', '$5bn', '$1bn'].includes(l));
  assert.ok(flowLabels.length >= 2 && flowLabels.every((l) => values.includes(l)), `${flowLabels} among ${values}`);
  await page.screenshot({ path: join(ARTIFACTS, 'table-1280x800.png'), fullPage: true });

  await page.fill('#country-search', 'Kazakhstan');
  await page.dispatchEvent('#country-search', 'change');
  await page.click('#focus-bar [data-direction="outgoing"]');
  assert.deepEqual((await readTable(page)).rows.map((r) => r.slice(0, 2)), [['Kazakhstan', 'Russia']]);
  await page.click('#focus-clear');
  await page.goto(`${site.base}/?top=2`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('.data-table summary');
  table = await readTable(page);
  assert.deepEqual(table.rows.map((r) => `${r[0]} → ${r[1]}`), ['China → Kazakhstan', 'Kazakhstan → Russia']);
  assert.match(table.foot, /^2 other routes: \$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the data table at 360 px scrolls in its own box, never the page sideways', async () => {
  const { page } = await openPage(site, 360, 740, '/?goods=all');
  await page.click('.data-table summary');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
  await page.locator('details.data-table').screenshot({ path: join(ARTIFACTS, 'table-360.png') });
  await page.close();
});
