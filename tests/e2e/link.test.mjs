// The view as a link: opening one restores it, every change writes one, back and forward walk them,
// and a hostile link changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, openSite } from './browser.mjs';

let site;

before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

const visibleRoutes = (page) => page.locator('#routes li:visible').allInnerTexts();
const search = (page) => page.evaluate(() => window.location.search);

test('a link opens its year, side and focus', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?year=2021&side=exporter&focus=KAZ&dir=outgoing');
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2021');
  assert.equal(await page.inputValue('#side'), 'exporter');
  assert.equal(await page.isChecked('#years input[value="2021"]'), true);
  assert.equal(await page.textContent('#focus-name'), 'Kazakhstan');
  assert.equal(await page.getAttribute('#focus-bar [data-direction="outgoing"]', 'aria-pressed'), 'true');
  const routes = await visibleRoutes(page);
  assert.equal(routes.length, 1);
  assert.match(routes[0], /Kazakhstan → Russia/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('changes write links; back and forward walk them', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  // The all-goods view is named in its link: without it, the page opens on the published figures.
  assert.equal(await search(page), '?goods=all');
  await page.click('#years label:has-text("2022")');
  assert.equal(await search(page), '?year=2022');
  await page.click('#years label:has-text("2020")');
  await page.selectOption('#side', 'exporter');
  assert.equal(await search(page), '?year=2020&side=exporter');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#side').value === 'importer');
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2020');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#panel-title').textContent === 'Routes in 2022');
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('#panel-title').textContent === 'Routes in 2020');
  await page.click('#zoom-in');
  await page.waitForFunction(() => window.location.search.includes('zoom=1.5'));
  await page.close();
});

test('a hostile or broken link leaves the default view and runs nothing', async () => {
  const evil = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const { page, errors, foreign } = await openPage(site, 1280, 800, `/?year=20x3&focus=${evil}&zoom=NaN&pan=1e400,2&lang=${evil}&x=${evil}`);
  // The default view: the published figures on the sanctioned goods, of the latest full year.
  assert.equal(await page.textContent('#panel-title'), 'Published figures, 2023');
  assert.equal(await page.isVisible('#focus-bar'), false);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await page.close();
});
