// The default story in a real browser: the map draws, the year control changes the panel, hover explains.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, countColour, findColour, openPage, openSite } from './browser.mjs';

const INTO_HUB = [0, 114, 178];
const ONWARD = [200, 80, 30];
let site;

before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

function routeText(page, name) {
  return page.locator('#routes li', { hasText: name }).innerText();
}

test('the map draws the four routes with no console error and no foreign request', async () => {
  const { page, errors, foreign } = await openPage(site, 1280, 800, '/?goods=all');
  assert.ok(await countColour(page, '#map-canvas', INTO_HUB) > 500, 'China → hub flows are drawn');
  assert.ok(await countColour(page, '#map-canvas', ONWARD) > 200, 'hub → Russia flows are drawn');
  assert.equal(await page.locator('#routes li').count(), 4);
  assert.match(await routeText(page, 'China → Kazakhstan'), /\$15\.4bn/);
  await page.screenshot({ path: join(ARTIFACTS, 'page-1280x800.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await page.close();
});

test('the default story sets its views under the map with no console warning', async () => {
  const { page, errors, warnings } = await openPage(site, 1280, 800, '/');
  // The note is the last thing the analysis views write for a table.
  await page.waitForFunction(() => document.getElementById('headlines-note').textContent.length > 0, null, { timeout: 15000 });
  assert.ok(await page.locator('#beside-box').isHidden(), 'no file, so no figures beside a file');
  assert.deepEqual(warnings, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('what the first map waits for is fetched from the start: one script, and the wasm and data preloaded', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/worker.js')));
  const { before, after } = await page.evaluate(() => {
    const drawn = performance.getEntriesByName('roundabout-map-drawn')[0].startTime;
    const name = (e) => new URL(e.name).pathname.split('/').slice(-2).join('/');
    const fetched = performance.getEntriesByType('resource').filter((e) => /\.(m?js|wasm|json|csv|bin)$/.test(e.name));
    return { before: fetched.filter((e) => e.startTime < drawn).map(name), after: fetched.filter((e) => e.startTime >= drawn).map(name) };
  });
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload]')]
    .map((l) => new URL(l.href).pathname.split('/').slice(-2).join('/')));
  assert.deepEqual(before.filter((p) => /\.m?js$/.test(p)), ['/main.js'], 'the page\'s modules come as one bundle');
  for (const wanted of ['pkg/roundabout_bg.wasm', 'data/countries-110m.bin', 'data/story.csv']) {
    assert.ok(before.includes(wanted) && preloaded.includes(wanted), `${wanted}: fetched ${before}, preloaded ${preloaded}`);
  }
  assert.ok(after.some((p) => p.endsWith('/worker.js')), `the analysis views near the screen start the worker: ${after}`);
  assert.ok(!before.some((p) => p.includes('worker')), `the worker is fetched before the first map: ${before}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an embed never fetches the worker and its wasm module', async () => {
  const { page, errors } = await openPage(site, 600, 450, '/?goods=all&embed=1');
  await page.mouse.wheel(0, 2000);
  await page.waitForTimeout(300); // an observer's callback would have run by now
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(fetched.some((n) => n.endsWith('roundabout_bg.wasm')), `${fetched}`);
  assert.deepEqual(fetched.filter((n) => n.includes('worker')), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('changing the year changes the panel and the map', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  const before2023 = await routeText(page, 'China → Kazakhstan');
  const pixels2023 = await countColour(page, '#map-canvas', INTO_HUB);
  await page.locator('#years label', { hasText: '2021' }).click();
  await page.waitForFunction(() => document.querySelector('#map-canvas').dataset.year === '2021');
  const after2021 = await routeText(page, 'China → Kazakhstan');
  assert.notEqual(after2021, before2023);
  assert.match(after2021, /\$8\.23bn/);
  assert.doesNotMatch(await page.locator('#routes').innerText(), /% on 2021/, 'no growth of the baseline year on itself');
  assert.match(await page.locator('#panel-title').innerText(), /2021/);
  assert.ok(await countColour(page, '#map-canvas', INTO_HUB) < pixels2023, 'thinner flows in 2021');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the other side of the mirror: China reports more than Kazakhstan', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  assert.match(await routeText(page, 'China → Kazakhstan'), /China reports \$24\.7bn; Kazakhstan reports \$15\.4bn/);
  await page.selectOption('#side', 'exporter');
  await page.waitForFunction(() => /\$24\.7bn/.test(document.querySelector('#routes li').textContent));
  await page.close();
});

test('hovering a flow shows its figures, its share of the flows shown and its source', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  const point = await findColour(page, '#map-canvas', ONWARD);
  assert.ok(point, 'an onward flow is on the canvas');
  const box = await page.locator('#map-canvas').boundingBox();
  await page.mouse.move(box.x + point.x, box.y + point.y);
  const tooltip = page.locator('#tooltip');
  await tooltip.waitFor({ state: 'visible' });
  const text = await tooltip.innerText();
  assert.match(text, /→ Russia, 2023/);
  // Its share of the four routes drawn in 2023: an onward flow is a third of them at most.
  const share = Number(text.match(/\n(\d+)% of the flows shown\n/)?.[1]);
  assert.ok(share > 0 && share < 50, `a share of the flows shown (${text})`);
  assert.match(text, /figure: /);
  await page.close();
});

test('a phone-sized screen shows the whole map and panel', async () => {
  const { page, errors } = await openPage(site, 375, 700, '/?goods=all');
  assert.ok(await countColour(page, '#map-canvas', ONWARD) > 50);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
  await page.screenshot({ path: join(ARTIFACTS, 'page-375x700.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
