// The map's controls: pan and zoom (buttons, keyboard, drag, Ctrl + wheel; reset brings it back),
// downloads, and the travelling dots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { countColour, dots, openPage, openSite } from './browser.mjs';

const INTO_HUB = [0, 114, 178];
let site;

before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

/** A fingerprint of the canvas pixels, taken after the next frame has been painted. */
async function picture(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const canvas = document.querySelector('#map-canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let h = 2166136261;
    for (let i = 0; i < data.length; i += 7) h = Math.imul(h ^ data[i], 16777619);
    done(h >>> 0);
  }))));
}

/** The map's picture once two in a row agree: what a redraw still pending (the land at idle, finer shapes
 * arriving) leaves. Up to 20 tries; the last picture if it never settles, for the assertion to show. */
async function settled(page) {
  let [last, now] = [undefined, await picture(page)];
  for (let i = 0; i < 20 && now !== last; i += 1) [last, now] = [now, await picture(page)];
  return now;
}

test('the zoom buttons enlarge the flows, fetch finer shapes, and reset restores the fitted map', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  const fitted = await settled(page);
  const before = await countColour(page, '#map-canvas', INTO_HUB);
  const finer = page.waitForResponse((r) => r.url().endsWith('/data/countries-50m.bin') && r.ok());
  await page.click('#zoom-in');
  await page.click('#zoom-in');
  await finer;
  await picture(page);
  const after = await countColour(page, '#map-canvas', INTO_HUB);
  assert.ok(after > before * 1.3, `longer arrows when zoomed in (${before} → ${after} px)`);
  await page.click('#zoom-reset');
  assert.equal(await settled(page), fitted);
  assert.deepEqual(errors, []);
  await page.close();
});

// The frame after a zoom gesture is drawn straight, the next (when idle) from the kept land layer, a few
// pixels apart; the idle frame was merged into the straight one when asked for before it was drawn, and the
// map then stayed drawn straight (and a reset at that moment too).
test('zooming out and in again, the map rests as fitted', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  const fitted = await settled(page);
  await page.click('#zoom-out');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('zoom'));
  await page.click('#zoom-in');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('zoom'));
  await page.waitForTimeout(400); // past the gesture's settling
  assert.equal(await settled(page), fitted);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the keyboard pans and zooms the focused map', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  const fitted = await settled(page);
  await page.focus('#map-canvas');
  await page.keyboard.press('ArrowLeft');
  const panned = await picture(page);
  assert.notEqual(panned, fitted);
  await page.keyboard.press('+');
  assert.notEqual(await picture(page), panned);
  await page.keyboard.press('0');
  assert.equal(await settled(page), fitted);
  await page.close();
});

test('dragging pans without a tooltip; plain wheel scrolls the page and Ctrl + wheel zooms', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  const fitted = await picture(page);
  const box = await page.locator('#map-canvas').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 80, y + 30, { steps: 5 });
  await page.mouse.up();
  const dragged = await picture(page);
  assert.notEqual(dragged, fitted);
  await page.mouse.wheel(0, 200);
  assert.equal(await picture(page), dragged, 'a plain wheel leaves the map alone');
  await page.locator('#zoom-hint').waitFor({ state: 'visible' });
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  assert.notEqual(await picture(page), dragged);
  await page.close();
});

test('one Ctrl + wheel notch zooms a modest step, three notches about three times', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  const box = await page.locator('#map-canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
  const zoom = async () => Number(new URL(page.url()).searchParams.get('zoom') ?? 1);
  const wheel = async (notches) => {
    await page.keyboard.down('Control');
    for (let i = 0; i < notches; i++) await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
  };
  await wheel(1);
  await page.waitForFunction(() => new URL(location.href).searchParams.has('zoom'));
  const one = await zoom();
  assert.ok(one >= 1.2 && one <= 1.5, `one notch: ×${one}`);
  await wheel(2);
  await page.waitForFunction((z) => Number(new URL(location.href).searchParams.get('zoom')) > z, one);
  const three = await zoom();
  assert.ok(three >= 1.7 && three <= 3.4, `three notches: ×${three}`);
  await page.close();
});

test('the map downloads as SVG and PNG', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
  assert.equal(svgFile.suggestedFilename(), 'roundabout-2023.svg');
  const svg = await readFile(await svgFile.path(), 'utf8');
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, />Kazakhstan</);
  assert.match(svg, />\$15\.4bn</);
  await page.click('#download-png'); // a choice of sizes (publish.test.mjs checks them)
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.click('#download-png-sizes button:text-is("1×")')]);
  assert.equal(pngFile.suggestedFilename(), 'roundabout-2023.png');
  const png = await readFile(await pngFile.path());
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  await page.close();
});

test('dots travel along the flows until paused, and never for readers who prefer reduced motion', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all', { motion: true });
  assert.ok(await dots(page) > 50, 'dots are drawn');
  const first = await page.evaluate(() => document.querySelector('#map-particles').toDataURL());
  await page.waitForFunction((before) => document.querySelector('#map-particles').toDataURL() !== before, first, { timeout: 5000 });
  await page.click('#motion');
  assert.equal(await page.getAttribute('#motion', 'aria-pressed'), 'true');
  assert.equal(await dots(page), 0, 'paused: no dots');
  await page.click('#motion');
  assert.ok(await dots(page) > 50, 'playing again');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
  assert.equal(await dots(page), 0, 'reduced motion: no dots');
  assert.equal(await page.isVisible('#motion'), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('clicking a country focuses its flows; the panel follows; search and clear work', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  const visibleRoutes = () => page.locator('#routes li:visible').allInnerTexts();
  await page.fill('#country-search', 'Kazakhstan');
  await page.press('#country-search', 'Enter');
  await page.dispatchEvent('#country-search', 'change');
  await page.locator('#focus-bar').waitFor({ state: 'visible' });
  assert.equal(await page.textContent('#focus-name'), 'Kazakhstan');
  let routes = await visibleRoutes();
  assert.equal(routes.length, 2);
  assert.ok(routes.some((r) => r.includes('China → Kazakhstan')) && routes.some((r) => r.includes('Kazakhstan → Russia')));
  await page.click('#focus-bar [data-direction="outgoing"]');
  routes = await visibleRoutes();
  assert.equal(routes.length, 1);
  assert.match(routes[0], /Kazakhstan → Russia/);
  await page.click('#focus-clear');
  assert.equal(await page.isVisible('#focus-bar'), false);
  assert.equal((await visibleRoutes()).length, 4);

  // Hover across the east of the map until the tooltip names China, then click there.
  const box = await page.locator('#map-canvas').boundingBox();
  let point;
  for (let y = box.height * 0.9; !point && y > box.height * 0.3; y -= 20) {
    for (let x = box.width * 0.95; !point && x > box.width * 0.6; x -= 20) {
      await page.mouse.move(box.x + x, box.y + y);
      const tip = await page.evaluate(() => { const t = document.querySelector('#tooltip'); return t.hidden ? '' : t.innerText; });
      if (tip.startsWith('China\n')) point = { x, y, tip };
    }
  }
  assert.ok(point, 'a point inside China shows its tooltip');
  assert.match(point.tip, /Exports to Kazakhstan: \$15\.4bn/);
  await page.mouse.click(box.x + point.x, box.y + point.y);
  await page.locator('#focus-bar').waitFor({ state: 'visible' });
  assert.equal(await page.textContent('#focus-name'), 'China');
  assert.equal((await visibleRoutes()).length, 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a locked scale keeps arrows comparable when the side changes', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  const blue = [0, 114, 178];
  const importerSide = await countColour(page, '#map-canvas', blue);
  await page.check('#lock-scale');
  await page.selectOption('#side', 'exporter');
  const lockedExporter = await countColour(page, '#map-canvas', blue);
  await page.uncheck('#lock-scale');
  const freeExporter = await countColour(page, '#map-canvas', blue);
  // China reports $24.7bn where Kazakhstan reports $15.4bn: on a locked scale the arrow is wider.
  assert.ok(lockedExporter > importerSide * 1.2, `${importerSide} → ${lockedExporter}`);
  assert.ok(freeExporter < lockedExporter, `unlocking rescales to the new largest value (${freeExporter} < ${lockedExporter})`);
  await page.close();
});
