// Story mode on a phone and by keyboard: on a 390 × 844 screen each step's caption and the map fit one
// screen, the caption over the map and foldable; Escape leaves the story and the focus goes back to the
// button that opened it; every tab stop of the page, and of the embed, is visible.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, openPage, openSite } from './browser.mjs';

let site;

before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

const box = (page, selector) => page.locator(selector).evaluate((el) => {
  const b = el.getBoundingClientRect();
  return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
});
const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

test('on a phone, each step\'s caption lies over the map and both fit one screen; the caption folds', async () => {
  const { page, errors } = await openPage(site, 390, 844, '/?goods=all');
  await page.click('#story-start');
  const steps = Number((await page.textContent('#story-counter')).match(/of (\d+)/)[1]);
  for (let step = 1; step <= steps; step += 1) {
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const [map, caption, next] = [await box(page, '#map'), await box(page, '#story-caption'), await box(page, '#story-next')];
    assert.ok(map.top >= 0 && map.bottom <= 844, `step ${step}: the map on screen, ${JSON.stringify(map)}`);
    for (const [name, b] of [['caption', caption], ['next', next]]) {
      assert.ok(b.top >= map.top && b.bottom <= map.bottom && b.left >= map.left && b.right <= map.right, `step ${step}: the ${name} over the map, ${JSON.stringify([b, map])}`);
    }
    if (step === 2) await page.screenshot({ path: join(ARTIFACTS, 'story-phone-390x844.png') });
    if (step < steps) await page.click('#story-next');
  }
  const open = await box(page, '#story-bar');
  await page.click('#story-fold');
  assert.equal(await page.getAttribute('#story-fold', 'aria-expanded'), 'false');
  assert.equal(await page.isVisible('#story-caption'), false);
  const folded = await box(page, '#story-bar');
  assert.ok(folded.bottom - folded.top < (open.bottom - open.top) / 2, 'folded, the bar leaves the map free');
  await page.screenshot({ path: join(ARTIFACTS, 'story-phone-folded-390x844.png') });
  await page.click('#story-fold');
  assert.equal(await page.isVisible('#story-caption'), true);
  assert.deepEqual(errors, []);
  await page.close();
});

/** The map key's box on the page: its texts (11 px, left-aligned; flow labels are centred) in the SVG the
 * page downloads, which is the map as drawn, padded as the key's panel pads them, moved by the canvas' place. */
async function keyBox(page, canvas) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
  const svg = readFileSync(await download.path(), 'utf8');
  const b = await page.evaluate((svg) => {
    const host = document.createElement('div');
    host.innerHTML = svg.replace(/ style="[^"]*"/g, '');
    document.body.append(host);
    const root = host.querySelector('svg svg');
    const boxes = [...root.querySelectorAll('text[font-size="11"][text-anchor="start"]')].map((t) => t.getBBox());
    host.remove();
    return boxes.length && [Math.min(...boxes.map((b) => b.x)), Math.min(...boxes.map((b) => b.y)),
      Math.max(...boxes.map((b) => b.x + b.width)), Math.max(...boxes.map((b) => b.y + b.height))];
  }, svg);
  assert.ok(b, 'the map has a key');
  const pad = 8;
  return { left: canvas.left + b[0] - pad, top: canvas.top + b[1] - pad, right: canvas.left + b[2] + pad, bottom: canvas.top + b[3] + pad };
}

test('on a phone, the open caption leaves the map key in sight: neither covers the other, both on screen', async () => {
  const { page, errors } = await openPage(site, 390, 844, '/?goods=all');
  await page.click('#story-start');
  const steps = Number((await page.textContent('#story-counter')).match(/of (\d+)/)[1]);
  for (let step = 1; step <= steps; step += 1) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const [bar, canvas] = [await box(page, '#story-bar'), await box(page, '#map-canvas')];
    const key = await keyBox(page, canvas);
    const apart = key.bottom <= bar.top || bar.bottom <= key.top || key.right <= bar.left || bar.right <= key.left;
    assert.ok(apart, `step ${step}: the caption ${JSON.stringify(bar)} covers the key ${JSON.stringify(key)}`);
    for (const [name, b] of [['caption', bar], ['key', key]]) {
      assert.ok(b.top >= 0 && b.left >= 0 && b.bottom <= 844 && b.right <= 390, `step ${step}: the ${name} off the screen, ${JSON.stringify(b)}`);
    }
    if (step === 1) await page.screenshot({ path: join(ARTIFACTS, 'story-phone-key-390x844.png') });
    if (step < steps) await page.click('#story-next');
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a wide screen the caption stays above the map', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  await page.click('#story-start');
  const [bar, map] = [await box(page, '#story-bar'), await box(page, '#map')];
  assert.ok(bar.bottom <= map.top, `${JSON.stringify([bar, map])}`);
  assert.equal(await page.isVisible('#story-fold'), false);
  await page.close();
});

test('under a reader\'s file the story, whose captions speak of its own data, is left and not offered', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/');
  await page.click('#story-start');
  await page.locator('#story-bar').waitFor({ state: 'visible' });
  await page.setInputFiles('#file-input', 'tests/fixtures/analysis/baci_synthetic.csv');
  await page.locator('#file-back').waitFor({ state: 'visible' });
  // A caption of the story's $5.35bn beside the file's $2m, before.
  assert.equal(await page.isVisible('#story-bar'), false);
  assert.equal(await page.isVisible('#story-start'), false);
  assert.doesNotMatch(await page.evaluate(() => window.location.search), /step=/);
  await page.click('#file-back');
  assert.equal(await page.isVisible('#story-start'), true, 'the story is offered again');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Escape leaves the story; the focus returns to the button that opened it, never to <body>', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await page.focus('#story-start');
  await page.keyboard.press('Enter');
  assert.equal(await page.isVisible('#story-bar'), true);
  // Through every step with the Next button: on the last, the focus moves on to "Leave the story".
  await page.focus('#story-next');
  while (await page.isEnabled('#story-next')) {
    await page.keyboard.press('Enter');
    assert.notEqual(await focused(page), 'BODY');
  }
  assert.equal(await focused(page), 'story-close');
  await page.keyboard.press('Enter');
  assert.equal(await page.isVisible('#story-bar'), false);
  assert.equal(await focused(page), 'story-start');
  // Escape, with the focus anywhere, e.g. on the map.
  await page.keyboard.press('Enter');
  await page.focus('#map-canvas');
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#story-bar'), false);
  assert.equal(await focused(page), 'story-start');
  assert.equal(new URL(page.url()).searchParams.get('step'), null);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Presses Tab through the page once round, returning each stop that is not visible (zero-size, clipped or
 * off-screen). */
async function hiddenStops(page, limit = 160) {
  const hidden = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const focus = document.activeElement;
      if (!focus || focus === document.body || focus.dataset.tabbed) return null;
      focus.dataset.tabbed = 'true';
      // A control hidden inside its label (the year's radio buttons, the file picker) shows its focus there.
      const el = focus.closest('label') ?? focus;
      const b = el.getBoundingClientRect();
      const name = `${focus.tagName.toLowerCase()}#${focus.id || ''}.${focus.className || ''}`;
      // Clipped to nothing by an ancestor (the visually-hidden pattern), or outside the page.
      let clipped = false;
      for (let p = el; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.clipPath.startsWith('inset(50%') || (s.overflow === 'hidden' && p.getBoundingClientRect().width <= 1)) clipped = true;
      }
      const visible = b.width >= 2 && b.height >= 2 && !clipped && el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
        && b.right > 0 && b.bottom > -window.scrollY && b.left < document.documentElement.scrollWidth;
      return { name, visible };
    });
    if (!stop) break;
    if (!stop.visible) hidden.push(stop.name);
  }
  return hidden;
}

test('every tab stop is visible: the page on the default story, and the embed', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await page.locator('#products').scrollIntoViewIfNeeded();
  await page.waitForSelector('#products[data-ready="true"]');
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.deepEqual(await hiddenStops(page), []);
  const embed = await openPage(site, 640, 520, '/?goods=all&embed=1');
  assert.deepEqual(await hiddenStops(embed.page, 40), []);
  assert.deepEqual([...errors, ...embed.errors], []);
  await page.close();
  await embed.page.close();
});
