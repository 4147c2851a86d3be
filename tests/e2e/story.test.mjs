// Story mode and play: the shipped story walks through its steps with buttons and arrow keys; every figure a
// caption quotes is on the page at that step; a link opens a step.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, openSite } from './browser.mjs';

let site;

before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

/** Dollar amounts and percentages a caption quotes, e.g. ["$8.23bn", "87%"]. */
const figures = (text) => text.match(/\$[\d.]+(bn|m)|\d+%/g) ?? [];

test('each step shows its view, and every figure its caption quotes is on the page', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await page.click('#story-start');
  await page.locator('#story-bar').waitFor({ state: 'visible' });
  assert.equal(await page.textContent('#story-counter'), 'Step 1 of 6');
  assert.equal(await page.isDisabled('#story-prev'), true);
  for (let step = 1; step <= 6; step += 1) {
    const caption = await page.textContent('#story-caption');
    // Steps 5 and 6 show the published figures: every figure for a route is in the data table.
    const published = await page.getAttribute('body', 'data-view') === 'published';
    assert.equal(published, step >= 5, `step ${step}'s view`);
    const shown = (await page.locator('#routes li:visible').allInnerTexts()).join(' ')
      + await page.innerText('#headlines') + (published ? await page.textContent('#published-body') : '');
    for (const figure of figures(caption)) {
      assert.ok(shown.includes(figure), `step ${step}: "${figure}" of "${caption}" is on the page`);
    }
    assert.match(await page.evaluate(() => window.location.search), new RegExp(`step=${step}`));
    if (step < 6) await page.click('#story-next');
  }
  assert.equal(await page.isDisabled('#story-next'), true);
  await page.focus('#story-prev');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.textContent('#story-counter'), 'Step 4 of 6');
  assert.equal(await page.textContent('#focus-name'), 'Kyrgyzstan');
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#story-bar'), false);
  assert.doesNotMatch(await page.evaluate(() => window.location.search), /step=/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link opens the story at its step', async () => {
  const { page } = await openPage(site, 375, 700, '/?step=2');
  await page.locator('#story-bar').waitFor({ state: 'visible' });
  assert.equal(await page.textContent('#story-counter'), 'Step 2 of 6');
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2023');
  assert.equal(await page.textContent('#focus-name'), 'Kazakhstan');
  await page.close();
});

test('play steps through the years and pause holds the year', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  await page.click('#play');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2019', 'from the last year, play starts over');
  await page.waitForFunction(() => document.querySelector('#panel-title').textContent === 'Routes in 2020', null, { timeout: 5000 });
  await page.click('#play');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
  await page.waitForTimeout(2000);
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2020');
  assert.equal(await page.isChecked('#years input[value="2020"]'), true);
  await page.close();
});
