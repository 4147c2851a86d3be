// Accessibility: axe-core finds no violation on the page, in embed mode, on a phone, with a focus set, or
// in the dark theme; the keyboard alone reaches every control.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ARTIFACTS, openPage, openSite } from './browser.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let site;

before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

/** axe's violations on the page, each as "rule: target, target…" for a readable failure. */
async function violations(page) {
  await page.evaluate(AXE); // evaluated through the debugger, so the page's CSP does not apply
  const found = await page.evaluate(async () => (await window.axe.run(document)).violations
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  return found;
}

for (const [name, width, height, path] of [
  ['the page at 1280 px', 1280, 800, '/?goods=all'],
  ['the page at 375 px', 375, 700, '/?goods=all'],
  ['embed mode', 640, 520, '/?goods=all&embed=1'],
  ['the published figures at 1280 px', 1280, 800, '/'],
  ['the published figures at 375 px', 375, 700, '/'],
  ['the published figures embedded', 640, 520, '/?embed=1&period=2023-01/2023-09'],
  ['a focused country', 1280, 800, '/?focus=KAZ&dir=outgoing'],
]) {
  test(`axe-core: no violations on ${name}`, async () => {
    const { page } = await openPage(site, width, height, path, { motion: true }); // the motion button too
    assert.deepEqual(await violations(page), []);
    await page.close();
  });
}

test('axe-core: no violations with the data table open, on a desktop and a phone', async () => {
  for (const [width, height, path, table] of [[1280, 800, '/?top=3', '.data-table table.all-goods-only'], [360, 740, '/?top=3', '.data-table table.all-goods-only'],
    [1280, 800, '/', '#published-table'], [360, 740, '/', '#published-table']]) {
    const { page } = await openPage(site, width, height, path);
    await page.click('.data-table summary');
    await page.locator(table).waitFor({ state: 'visible' });
    assert.deepEqual(await violations(page), [], `at ${width} px, ${path}`);
    await page.close();
  }
});

test('the keyboard alone reaches every control, with a visible focus, and drives the map', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all', { motion: true });
  const reached = [];
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el.matches('.segmented input') ? el.nextElementSibling : el);
      return { id: el.id || el.name || el.tagName, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    if (at.id === 'BODY') break; // past the last link of the page
    reached.push(at.id);
    assert.ok(at.outline, `${at.id} shows where the focus is`);
  }
  for (const id of ['year', 'country-search', 'side', 'map-canvas', 'zoom-in', 'zoom-out', 'zoom-reset', 'motion', 'lock-scale', 'download-svg', 'download-png', 'embed-button', 'SUMMARY']) {
    assert.ok(reached.includes(id), `${id} is reachable by Tab (reached: ${reached.join(', ')})`);
  }
  // Arrow keys change the year from the year control, as radio buttons do.
  await page.focus('#years input:checked');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('#panel-title').textContent === 'Routes in 2022');
  await page.close();
});

test('the dark theme follows the system: page, map and chart turn dark, with no axe violation', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await page.emulateMedia({ colorScheme: 'dark' });
  // The theme's change event repaints on a later frame: wait for it rather than guess.
  const dark = (selector) => page.waitForFunction((sel) => {
    const [r, g, b] = document.querySelector(sel).getContext('2d').getImageData(2, 2, 1, 1).data;
    return (r + g + b) / 3 < 60;
  }, selector, { timeout: 5000 });
  await dark('#map-canvas');
  await dark('#chart');
  const paper = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(paper, 'rgb(22, 24, 28)');
  assert.deepEqual(await violations(page), []);
  await page.screenshot({ path: join(ARTIFACTS, 'dark-1280x800.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
