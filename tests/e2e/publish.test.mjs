// Publishing: a loaded file saved as a story (its title and dek edited in place) reloads to the same
// page; the Embed panel of a loaded file says to publish it first; the map and the chart download as
// framed graphics (title, year and goods, source) at 1×, 2×, 1200 and 2000 px, and the chart is drawn
// at the device's pixel ratio.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipOf } from '../../scripts/zip.mjs';
import { ARTIFACTS, SITE, openPage, openSite } from './browser.mjs';

const BACI = 'tests/fixtures/engine/baci_small.csv';
/** Customs figures where both sides report (China's exports and Kazakhstan's imports in 2023): the side menu is offered. */
const BOTH_SIDES = 'tests/fixtures/counting/source_change.csv';
let site;
let scratch;

before(async () => {
  site = await openSite();
  scratch = mkdtempSync(join(tmpdir(), 'roundabout-publish-'));
});
after(async () => {
  await site?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const routes = (page) => page.locator('#routes li').allInnerTexts();

/** A PNG's width and height, from its header. */
const pngSize = (bytes) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

/** The entries of a zip whose entries are stored (as the core writes a story's), by their local headers. */
function storedEntries(zip) {
  const entries = {};
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50;) {
    const [method, size, nameLen, extraLen] = [zip.readUInt16LE(at + 8), zip.readUInt32LE(at + 18), zip.readUInt16LE(at + 26), zip.readUInt16LE(at + 28)];
    assert.equal(method, 0, 'stored');
    const name = zip.toString('utf8', at + 30, at + 30 + nameLen);
    const from = at + 30 + nameLen + extraLen;
    entries[name] = zip.subarray(from, from + size);
    at = from + size;
  }
  return entries;
}

/** Clicks `selector` and returns the download's name and bytes. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('a loaded file, its title and dek edited, saves as a story that reloads to the same page', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await page.setInputFiles('#file-input', BOTH_SIDES);
  await page.locator('#save-story').waitFor({ state: 'visible' });
  // The title and dek are editable now (the title still the page's heading), and screen readers are told.
  for (const el of ['h1', '#dek']) {
    assert.ok(await page.evaluate((s) => document.querySelector(s).isContentEditable, el), `${el} is editable`);
    assert.equal(await page.getAttribute(el, 'aria-describedby'), 'edit-hint');
  }
  assert.match(await page.textContent('#edit-hint'), /^Editable: the title and the introduction/);
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
  await page.locator('h1').fill('Drones the long way round');
  await page.locator('#dek').fill('What customs say about one small test file.');
  await page.click('#years input[value="2022"]');
  await page.selectOption('#side', 'exporter');
  const shown = await routes(page);
  await page.screenshot({ path: join(ARTIFACTS, 'publish-editable-1280x800.png') });
  const saved = await download(page, '#save-story');
  assert.equal(saved.name, 'drones-the-long-way-round.zip');
  assert.deepEqual([...saved.bytes.subarray(0, 4)], [0x50, 0x4b, 3, 4]);
  const text = saved.bytes.toString('utf8');
  assert.ok(text.includes('"title": "Drones the long way round"'), 'story.json holds the edited title');
  assert.match(text, /"view": "\?[^"]*year=2022[^"]*"/);
  assert.ok(text.includes('year,month,exporter,importer,hs,value_usd'), 'the cut, as tidy CSV');
  assert.match(await page.textContent('#file-message'), /^Saved as a story/);
  // Unzipped, it is a story folder that `roundabout story` checks and publishes.
  const entries = storedEntries(saved.bytes);
  assert.deepEqual(Object.keys(entries), ['story.json', 'story.csv']);
  const folder = join(scratch, 'saved-story');
  mkdirSync(folder);
  for (const [name, bytes] of Object.entries(entries)) writeFileSync(join(folder, name), bytes);
  execFileSync('target/debug/roundabout', ['story', folder, '--site', SITE, '--out', join(scratch, 'site')], { stdio: 'pipe' });
  assert.ok(readFileSync(join(scratch, 'site', 'index.html'), 'utf8').includes('<h1 data-story="title">Drones the long way round</h1>'), 'the published page has the edited title');
  assert.deepEqual(errors, []);
  await page.close();

  // A fresh page, the zip loaded: the same title, dek, year, side and routes.
  const zip = join(scratch, saved.name);
  writeFileSync(zip, saved.bytes);
  const again = await openPage(site, 1280, 800, '/?goods=all');
  await again.page.setInputFiles('#file-input', zip);
  await again.page.locator('#save-story').waitFor({ state: 'visible' });
  assert.equal(await again.page.textContent('h1'), 'Drones the long way round');
  assert.equal(await again.page.textContent('#dek'), 'What customs say about one small test file.');
  assert.equal(await again.page.locator('#years input:checked').getAttribute('value'), '2022');
  assert.equal(await again.page.inputValue('#side'), 'exporter');
  assert.deepEqual(await routes(again.page), shown);
  assert.match(new URL(again.page.url()).search, /year=2022/);
  await again.page.screenshot({ path: join(ARTIFACTS, 'publish-reloaded-1280x800.png') });
  // Back to the default story: its own words, fixed again.
  await again.page.click('#file-back');
  assert.equal(await again.page.getAttribute('h1', 'contenteditable'), null);
  assert.match(await again.page.textContent('h1'), /roundabout/i);
  assert.deepEqual(again.errors, []);
  await again.page.close();
});

test('saved again on another language\'s page, a story keeps its English words; a file saved there gets its own', async () => {
  const texts = (zip) => JSON.parse(storedEntries(zip.bytes)['story.json'].toString('utf8')).texts;
  const english = await openPage(site, 1280, 800, '/?goods=all');
  await english.page.setInputFiles('#file-input', BOTH_SIDES);
  await english.page.locator('#save-story').waitFor({ state: 'visible' });
  const fileDek = await english.page.textContent('#dek');
  await english.page.locator('h1').fill('Drones the long way round');
  const first = await download(english.page, '#save-story');
  await english.page.close();
  const zip = join(scratch, 'english.zip');
  writeFileSync(zip, first.bytes);

  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all&lang=uk');
  await page.setInputFiles('#file-input', zip);
  await page.locator('#save-story').waitFor({ state: 'visible' });
  await page.locator('h1').fill('Дрони в обхід');
  const again = texts(await download(page, '#save-story'));
  assert.equal(again.en.title, 'Drones the long way round', 'the English title as saved, not the site\'s');
  assert.equal(again.en.dek, fileDek);
  assert.equal(again.uk.title, 'Дрони в обхід');
  // A file (not a story) saved from the Ukrainian page: its English introduction is the file's own, as the
  // English page words it, not the site's story's (which speaks of all goods).
  await page.click('#file-back');
  await page.setInputFiles('#file-input', BOTH_SIDES);
  await page.locator('#save-story').waitFor({ state: 'visible' });
  const fresh = texts(await download(page, '#save-story'));
  assert.equal(fresh.en.dek, fileDek);
  assert.notEqual(fresh.uk.dek, fileDek);
  assert.equal(fresh.uk.kicker, 'Санкції · Торговельні шляхи', 'the kicker in the page\'s language, as the site has it');
  // A saved story's sources are kept whole: their links and their names in other languages.
  const json = JSON.parse(storedEntries(first.bytes)['story.json'].toString('utf8'));
  json.sources = [{ name: 'Test customs office', url: 'https://example.org/customs', names: { uk: 'Тестова митниця' } }];
  const linked = join(scratch, 'linked.zip');
  writeFileSync(linked, zipOf([['story.json', JSON.stringify(json)], ['story.csv', storedEntries(first.bytes)['story.csv']]]));
  await page.click('#file-back');
  await page.setInputFiles('#file-input', linked);
  await page.locator('#save-story').waitFor({ state: 'visible' });
  // Named in the page's language where the story gives that name.
  assert.equal(await page.textContent('.embed-credit [data-story="credit"]'), 'Тестова митниця');
  assert.equal(await page.textContent('footer.sources [data-story="sources"]'), 'Тестова митниця.');
  const resaved = JSON.parse(storedEntries((await download(page, '#save-story')).bytes)['story.json'].toString('utf8'));
  assert.deepEqual(resaved.sources, json.sources);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Embed panel of a loaded file says to publish it first, and offers Save as a story', async () => {
  const { page, errors } = await openPage(site, 390, 844, '/?goods=all');
  await page.click('#embed-button');
  assert.ok(await page.isVisible('#embed-code'), 'the default story: a snippet');
  assert.match(await page.inputValue('#embed-code'), new RegExp(`<iframe src="${site.base}/index.html\\?[^"]*embed=1"`));
  await page.click('#embed-button');
  await page.setInputFiles('#file-input', BACI);
  await page.locator('#save-story').waitFor({ state: 'visible' });
  await page.click('#embed-button');
  assert.ok(!(await page.isVisible('#embed-code')), 'no snippet of a file no other page can reach');
  assert.match(await page.textContent('#embed-unpublished'), /save it as a story, publish the folder with `roundabout story`/);
  const saved = await download(page, '#embed-unpublished button');
  assert.match(saved.name, /\.zip$/);
  await page.locator('#embed-unpublished').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'publish-embed-file-390x844.png') });
  // Back to the default story: the snippet again.
  await page.click('#file-back');
  if (!(await page.isVisible('#embed-code'))) await page.click('#embed-button');
  assert.ok(await page.isVisible('#embed-code'));
  assert.equal(await page.locator('#embed-unpublished').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Pixels of a PNG's top band (the title's) that differ from its top-left pixel (the background). */
function inkInBand(page, bytes, band) {
  return page.evaluate(async ({ data, band }) => {
    const image = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
    const c = document.createElement('canvas');
    Object.assign(c, { width: image.width, height: image.height });
    const ctx = c.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const px = ctx.getImageData(0, 0, image.width, Math.round(band * image.height)).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - px[0]) + Math.abs(px[i + 1] - px[1]) + Math.abs(px[i + 2] - px[2]) > 60) n += 1;
    return n;
  }, { data: [...bytes], band });
}

test('the map and the chart download as framed graphics: PNG at 1×, 2×, 1200 and 2000 px, and SVG', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  const title = await page.textContent('h1');
  const map = await page.locator('#map-canvas').boundingBox();
  await page.click('#download-png');
  await page.locator('#download-png-sizes').waitFor();
  const sizes = await page.locator('#download-png-sizes button[data-width]').evaluateAll((bs) => bs.map((b) => b.textContent));
  assert.deepEqual(sizes, ['1×', '2×', '1200 px', '2000 px']);
  const one = await download(page, '#download-png-sizes button:text-is("1×")');
  assert.equal(one.name, 'roundabout-2023.png');
  const [w1, h1] = pngSize(one.bytes);
  assert.equal(w1, Math.round(map.width));
  assert.ok(h1 > map.height + 60, `the frame adds a title band and a source line: ${h1} against ${map.height}`);
  for (const [label, width] of [['2×', 2 * Math.round(map.width)], ['1200 px', 1200], ['2000 px', 2000]]) {
    const [w, h] = pngSize((await download(page, `#download-png-sizes button:text-is("${label}")`)).bytes);
    assert.ok(Math.abs(w - width) <= 1, `${label}: ${w} px wide`);
    assert.ok(Math.abs(h / w - h1 / w1) < 0.01, `${label}: the same proportions`);
  }
  await page.fill('#download-png-sizes input', '1500');
  assert.equal(pngSize((await download(page, '#download-png-sizes button:text-is("px, save")')).bytes)[0], 1500);
  writeFileSync(join(ARTIFACTS, 'publish-map-1x.png'), one.bytes);
  // The years as a video: WebM (its EBML header), the page left on the year it showed.
  const video = await download(page, '#download-png-sizes button:text-is("the years as a video (WebM)")');
  assert.equal(video.name, 'roundabout-years.webm');
  assert.deepEqual([...video.bytes.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3]);
  assert.ok(video.bytes.length > 20000, `${video.bytes.length} bytes of video`);
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2023');
  // The title is drawn: the top band is not background alone.
  assert.ok(await inkInBand(page, one.bytes, 0.06) > 200, 'title pixels in the PNG\'s top band');

  const svg = (await download(page, '#download-svg')).bytes.toString('utf8');
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  assert.ok(texts.join(' ').includes(title.split(' ')[0]), `the title in ${texts.slice(0, 3)}`);
  assert.ok(texts.some((t) => /^2023, all goods\. Reported by the importing country\.$/.test(t)), `the year, goods and whose reports: ${texts.slice(0, 4)}`);
  assert.match(texts.join(' '), /Sources: Kazakhstan: Bureau of National Statistics.* · Roundabout/, 'the source line, wrapped to the width');
  assert.ok(texts.includes('All goods, US$ a year'), 'the key, drawn by the core');

  const chart = await page.locator('#chart').boundingBox();
  await page.click('#chart-png');
  await page.locator('#chart-png-sizes').waitFor();
  const c2 = await download(page, '#chart-png-sizes button:text-is("2×")');
  assert.equal(c2.name, 'roundabout-routes.png');
  assert.equal(pngSize(c2.bytes)[0], 2 * Math.round(chart.width));
  writeFileSync(join(ARTIFACTS, 'publish-chart-2x.png'), c2.bytes);
  assert.ok(await inkInBand(page, c2.bytes, 0.12) > 100, 'the chart\'s PNG has its title drawn');
  const chartSvg = (await download(page, '#chart-svg')).bytes.toString('utf8');
  assert.ok(chartSvg.includes('Value over time, US$.'), 'the chart\'s heading in its SVG');
  assert.ok(chartSvg.includes('· Roundabout'), 'and the source line');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the chart is drawn at the device\'s pixel ratio', async () => {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
  await page.goto(`${site.base}/?goods=all`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('#chart').width > 320);
  const { css, width, height } = await page.evaluate(() => {
    const c = document.querySelector('#chart');
    return { css: c.clientWidth, width: c.width, height: c.height };
  });
  assert.ok(css > 100, `the chart's CSS width: ${css}`);
  assert.equal(width, css * 2);
  assert.equal(height, Math.floor(css * 2 * 9 / 16));
  await page.locator('#chart').screenshot({ path: join(ARTIFACTS, 'publish-chart-dpr2.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
