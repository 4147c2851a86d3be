// Flows coloured by product group: a file with goods of two CHPL tiers and one off the list
// (tests/fixtures/analysis/baci_tiers_synthetic.csv, synthetic numbers whose file name says so on the page)
// draws each flow in bands, the map's key names the groups, and the tooltip and the table give each group's value.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, countColour, openPage, openSite } from './browser.mjs';

const FIXTURE = 'tests/fixtures/analysis/baci_tiers_synthetic.csv';
const TIER_1 = [0x9a, 0x44, 0x00]; // scene::palette::DAY[0]
const TIER_3B = [0x70, 0x43, 0x5c]; // scene::palette::DAY[3]
let site;

before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

async function load(page) {
  await page.setInputFiles('#file-input', FIXTURE);
  await page.locator('#file-back').waitFor({ state: 'visible' });
}

/** Moves the pointer over pixels of `rgb` until the tooltip's text matches `wanted`; returns that text. */
async function hoverUntil(page, rgb, wanted) {
  await page.locator('#map-canvas').scrollIntoViewIfNeeded();
  const box = await page.locator('#map-canvas').boundingBox();
  const points = await page.evaluate(([r, g, b]) => {
    const canvas = document.querySelector('#map-canvas');
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const hits = [];
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 20) hits.push(i / 4);
    }
    const step = Math.max(1, Math.floor(hits.length / 80));
    return hits.filter((_, k) => k % step === 0).map((p) => ({ x: (p % canvas.width) / ratio, y: Math.floor(p / canvas.width) / ratio }));
  }, rgb);
  for (const p of points) {
    await page.mouse.move(box.x + p.x, box.y + p.y);
    const text = await page.evaluate(() => { const t = document.querySelector('#tooltip'); return t.hidden ? '' : t.innerText; });
    if (wanted.test(text)) return text;
  }
  return '';
}

test('a file with two CHPL tiers: bands in the groups\' colours, the key names them, the tooltip and table split the value', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await load(page);
  assert.match(await page.textContent('#file-message'), /^Showing baci_tiers_synthetic\.csv: CEPII BACI, 12 rows, 2022–2023\./);
  assert.ok(await countColour(page, '#map-canvas', TIER_1, 20) > 50, 'tier 1 bands on the map');
  assert.ok(await countColour(page, '#map-canvas', TIER_3B, 20) > 50, 'tier 3.B bands on the map');
  // The key is part of the scene: the SVG download carries it, with a swatch per group.
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
  const svg = await readFile(await file.path(), 'utf8');
  // The map's own SVG, inside the download's frame (title, year and goods, source).
  const map = svg.slice(svg.indexOf('<svg', 1));
  const key = [...map.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).filter((t) => /CHPL|goods$/.test(t));
  assert.deepEqual(key, ['CHPL tier 1', 'CHPL tier 3.B', 'Other goods']);
  assert.match(svg, /<path d="M[^"]*L[^"]*Z" fill="#9a4400"/);
  await page.screenshot({ path: join(ARTIFACTS, 'colour-1280x800.png') });
  // China → Kazakhstan, 2023: $2.5m of tier 1, $1.5m of tier 3.B and $1m of other goods.
  const tip = await hoverUntil(page, TIER_1, /China → Kazakhstan/);
  assert.match(tip, /^China → Kazakhstan, 2023\n\$5m/);
  assert.match(tip, /CHPL tier 1: \$2\.5m\nCHPL tier 3\.B: \$1\.5m\nOther goods: \$1m/);
  await page.screenshot({ path: join(ARTIFACTS, 'colour-tooltip-1280x800.png') });
  // The table gives the same split, for readers who cannot see the colours.
  const row = await page.locator('#table-body tr', { hasText: 'Kazakhstan' }).first().textContent();
  assert.match(row, /\$5m \(CHPL tier 1: \$2\.5m; CHPL tier 3\.B: \$1\.5m; Other goods: \$1m\)/);
  // A route of one group (China → Kyrgyzstan, tier 3.B only) lists no split.
  const kgz = await page.locator('#table-body tr', { hasText: 'Kyrgyzstan' }).first().textContent();
  assert.match(kgz, /\$700k–/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the colours and key hold on a phone, in Ukrainian and in the dark theme', async () => {
  const { page, errors } = await openPage(site, 375, 700, '/?goods=all&lang=uk');
  await load(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
  const svg = await readFile(await file.path(), 'utf8');
  assert.match(svg, />CHPL, рівень 1</);
  assert.match(svg, />Інші товари</);
  await page.screenshot({ path: join(ARTIFACTS, 'colour-375x700.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  // The theme's change event repaints on a later frame: wait for it.
  await page.waitForFunction(() => {
    const [r, g, b] = document.querySelector('#map-canvas').getContext('2d').getImageData(2, 2, 1, 1).data;
    return (r + g + b) / 3 < 60;
  }, null, { timeout: 5000 });
  assert.ok(await countColour(page, '#map-canvas', [0xe3, 0x92, 0x53], 20) > 20, 'tier 1 in its night colour');
  await page.screenshot({ path: join(ARTIFACTS, 'colour-dark-375x700.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
