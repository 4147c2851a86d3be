// A click or tap on an arrow selects its route: the tooltip, with its figures and sources, stays pinned, and
// the country under the arrow is not focused. A click on land away from arrows still focuses the country.
// On a phone (touch, no hover), a tap is the only way to reach a route's figures and sources.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, findColour, openPage, openSite } from './browser.mjs';

const INTO_HUB = [0, 114, 178];
const CHPL45 = [0x9a, 0x44, 0x00];
let site;

before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

const tooltip = (page) => page.evaluate(() => { const t = document.querySelector('#tooltip'); return t.hidden ? '' : t.innerText; });
const pinned = (page) => page.evaluate(() => document.querySelector('#tooltip').dataset.pinned ?? '');

test('a click on an arrow pins its route\'s figures and sources, over the country under it', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  const box = await page.locator('#map-canvas').boundingBox();
  const point = await findColour(page, '#map-canvas', INTO_HUB, 20);
  assert.ok(point, 'an arrow into a hub is on the map');
  await page.mouse.click(box.x + point.x, box.y + point.y);
  const text = await tooltip(page);
  assert.match(text, /^China → (Kazakhstan|Kyrgyzstan), 2023\n/, text);
  assert.match(text, /as (Kazakhstan|Kyrgyzstan) reports it/);
  assert.match(text, /'s figure: /, 'its sources');
  assert.notEqual(await pinned(page), '');
  assert.equal(await page.isVisible('#focus-bar'), false, 'the country under the arrow is not focused');
  assert.doesNotMatch(page.url(), /focus=/);
  // Pinned: the pointer can leave the arrow and the figures stay.
  await page.mouse.move(box.x + 5, box.y + box.height / 2, { steps: 4 });
  assert.equal(await tooltip(page), text);
  // A click elsewhere on the map lets it go, and focuses nothing.
  await page.mouse.click(box.x + 5, box.y + 5);
  assert.equal(await pinned(page), '');
  assert.equal(await page.isVisible('#focus-bar'), false);

  // On land away from the arrows, a click focuses the country as before.
  let land;
  for (let y = box.height * 0.9; !land && y > box.height * 0.3; y -= 20) {
    for (let x = box.width * 0.95; !land && x > box.width * 0.6; x -= 20) {
      await page.mouse.move(box.x + x, box.y + y);
      if ((await tooltip(page)).startsWith('China\n')) land = { x, y };
    }
  }
  assert.ok(land, 'a point inside China shows its tooltip');
  await page.mouse.click(box.x + land.x, box.y + land.y);
  await page.locator('#focus-bar').waitFor({ state: 'visible' });
  assert.equal(await page.textContent('#focus-name'), 'China');
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone, a tap on an arrow shows its figures and sources; a tap elsewhere closes them', async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const [path, colour, route] of [['/?goods=all', INTO_HUB, /^China → (Kazakhstan|Kyrgyzstan), 2023\n[\s\S]*'s figure: /], ['/', CHPL45, /^China → Kazakhstan and Kyrgyzstan, 2023\n[\s\S]*CHPL, 45 goods/]]) {
      await page.goto(site.base + path);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
      await page.locator('#map-canvas').scrollIntoViewIfNeeded();
      const box = await page.locator('#map-canvas').boundingBox();
      const point = await findColour(page, '#map-canvas', colour, 20);
      assert.ok(point, `${path}: the arrow is on the map`);
      await page.touchscreen.tap(box.x + point.x, box.y + point.y);
      await page.waitForSelector('#tooltip:not([hidden])', { timeout: 3000 });
      assert.match(await tooltip(page), route, path);
      // The whole tooltip fits the phone's screen.
      const tip = await page.locator('#tooltip').boundingBox();
      assert.ok(tip.x >= 0 && tip.x + tip.width <= 390, `${path}: tooltip within the screen (${tip.x}, ${tip.width})`);
      assert.equal(await page.isVisible('#focus-bar'), false);
      await page.touchscreen.tap(box.x + 4, box.y + 4);
      await page.waitForSelector('#tooltip', { state: 'hidden', timeout: 3000 });
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
