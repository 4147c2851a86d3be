// The line chart's text, measured in the browser: the chart's SVG (the same drawing as its canvas) is laid
// into the page and every text's box measured with the real font. No two texts overlap, none leaves the
// chart, none covers a line's end or the invasion marker, and in the dark theme each reads at WCAG AA
// (4.5:1) on the chart's paper. Files are synthetic (tests only): one year, ten routes with long names.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, openPage, openSite } from './browser.mjs';

const HEADER = 'year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source';
// Ten routes, values close together so that their lines' ends crowd.
const PAIRS = ['ZAF>ARE', 'CHN>KAZ', 'KAZ>RUS', 'KGZ>RUS', 'ARE>RUS', 'TUR>RUS', 'ZAF>RUS', 'USA>ARE', 'DEU>KAZ', 'CHN>KGZ'];
let site;
let scratch;

before(async () => {
  site = await openSite();
  scratch = mkdtempSync(join(tmpdir(), 'roundabout-chart-'));
});
after(async () => {
  await site?.close();
  rmSync(scratch, { recursive: true, force: true });
});

function file(name, years) {
  const rows = years.flatMap((year, y) => PAIRS.map((p, i) => {
    const [e, m] = p.split('>');
    return `${year},,${e},${m},TOTAL,${(1e9 + i * 2e7 + y * 1e8).toFixed(2)},,,importer,synthetic test file`;
  }));
  const path = join(scratch, name);
  writeFileSync(path, `${HEADER}\n${rows.join('\n')}\n`);
  return path;
}

/** Downloads the chart's SVG, lays it into the page, and measures the chart's texts, dots and straight lines. */
async function measure(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#chart-svg')]);
  const svg = readFileSync(await download.path(), 'utf8');
  return page.evaluate((svg) => {
    const box = document.createElement('div');
    // The download is framed (title, line, source: graphics.js); the chart itself is the SVG inside. The
    // frame's rows are styled inline, which the page's Content-Security-Policy refuses: left out.
    box.innerHTML = svg.replace(/ style="[^"]*"/g, '');
    document.body.append(box);
    const root = box.querySelector('svg svg') ?? box.querySelector('svg');
    const paper = root.querySelector('rect').getAttribute('fill');
    const texts = [...root.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => {
      const b = t.getBBox();
      return { text: t.textContent.trim(), fill: t.getAttribute('fill'), x: b.x, y: b.y, w: b.width, h: b.height };
    });
    const dots = [...root.querySelectorAll('circle')].map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }));
    const red = [...root.querySelectorAll('polyline, line')].filter((l) => /#A23D10/i.test(l.getAttribute('stroke') ?? ''))
      .map((l) => l.getBBox());
    const size = { w: Number(root.getAttribute('width')), h: Number(root.getAttribute('height')) };
    box.remove();
    return { paper, texts, dots, red, size };
  }, svg);
}

const meets = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

function checkLayout({ texts, dots, red, size }, what) {
  assert.ok(texts.length >= 10, `${what}: the labels are drawn (${texts.map((t) => t.text).join(' | ')})`);
  for (const t of texts) {
    assert.ok(t.x >= 0 && t.x + t.w <= size.w && t.y >= 0 && t.y + t.h <= size.h, `${what}: "${t.text}" inside the chart ${JSON.stringify(t)}`);
    for (const d of dots) assert.ok(!meets(t, { x: d.x - 3, y: d.y - 3, w: 6, h: 6 }), `${what}: "${t.text}" clear of a line's end at ${d.x},${d.y}`);
    for (const r of red) assert.ok(!meets(t, r), `${what}: "${t.text}" clear of the invasion marker`);
  }
  for (const [i, a] of texts.entries()) {
    for (const b of texts.slice(i + 1)) assert.ok(!meets(a, b), `${what}: "${a.text}" and "${b.text}" overlap: ${JSON.stringify([a, b])}`);
  }
}

test('a one-year file of ten routes: the labels neither stack nor leave the chart, light and dark', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await page.setInputFiles('#file-input', file('one-year.csv', [2023]));
  await page.locator('#file-back').waitFor({ state: 'visible' });
  const light = await measure(page);
  checkLayout(light, 'light');
  assert.ok(light.texts.some((t) => /South Africa|ZAF/.test(t.text)), 'South Africa\'s route is labelled whole');
  await page.locator('.panel').screenshot({ path: join(ARTIFACTS, 'chart-labels-one-year-1280.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => new Promise(requestAnimationFrame));
  const dark = await measure(page);
  checkLayout(dark, 'dark');
  assert.notEqual(dark.paper.toLowerCase(), '#ffffff', 'dark paper');
  for (const t of dark.texts) assert.ok(contrast(t.fill, dark.paper) >= 4.5, `"${t.text}" ${t.fill} on ${dark.paper}: ${contrast(t.fill, dark.paper).toFixed(2)}`);
  await page.locator('.panel').screenshot({ path: join(ARTIFACTS, 'chart-labels-one-year-dark-1280.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('five years of ten routes on a phone, with the invasion marked: no text collides', async () => {
  const { page, errors } = await openPage(site, 390, 844, '/?goods=all');
  await page.setInputFiles('#file-input', file('five-years.csv', [2019, 2020, 2021, 2022, 2023]));
  await page.locator('#file-back').waitFor({ state: 'visible' });
  const drawn = await measure(page);
  checkLayout(drawn, 'five years');
  assert.ok(drawn.red.length > 0, 'the invasion is marked');
  await page.locator('#chart').screenshot({ path: join(ARTIFACTS, 'chart-labels-five-years-390.png') });
  // The default story in Russian, dark: the labels read too.
  await page.goto(`${site.base}/?goods=all&lang=ru`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForSelector('body[data-ready="true"]');
  const story = await measure(page);
  for (const t of story.texts) assert.ok(contrast(t.fill, story.paper) >= 4.5, `"${t.text}" ${t.fill} on ${story.paper}`);
  assert.deepEqual(errors, []);
  await page.close();
});
