// Embeds and static hosting: embed mode, the host script and <roundabout-map>, the Embed snippet,
// the strict CSP, and a site served from a sub-path.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, countColour, openPage, openSite } from './browser.mjs';

const INTO_HUB = [0, 114, 178];
let site;

// A newsroom's static host: the site lives under a sub-path.
before(async () => { site = await openSite('/news/2026/roundabout/'); });
after(async () => { await site?.close(); });

test('embed mode shows the map, its legend and a source line, nothing else', async () => {
  const { page, errors, foreign } = await openPage(site, 640, 520, '/index.html?embed=1&year=2022');
  for (const hidden of ['.controls', '.panel', '.headlines', '.sources', '.map-tools']) {
    assert.equal(await page.isVisible(hidden), false, `${hidden} is hidden`);
  }
  const headline = await page.locator('.masthead').boundingBox();
  assert.ok(headline.width <= 1 && headline.height <= 1, 'the headline is left for screen readers only');
  assert.ok(await countColour(page, '#map-canvas', INTO_HUB) > 200, 'the map is drawn');
  assert.match(await page.innerText('.embed-credit'), /^2022, all goods\. Sources: .*IMF/);
  const full = await page.getAttribute('#embed-full', 'href');
  assert.equal(full, 'index.html?year=2022');
  await page.screenshot({ path: join(ARTIFACTS, 'embed-640x520.png') });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await page.close();
});

test('the host script sizes the iframe, and <roundabout-map> carries its settings', async () => {
  const page = await site.browser.newPage();
  await page.setContent(`<!doctype html><p>An article.</p>
    <roundabout-map src="${site.base}/" period="2021" focus="KAZ"></roundabout-map>
    <script src="${site.base}/roundabout-embed.js"></script>`);
  const frame = page.locator('roundabout-map iframe');
  await frame.waitFor();
  assert.match(await frame.getAttribute('src'), /index\.html\?embed=1&year=2021&focus=KAZ$/);
  await page.waitForFunction(() => {
    const f = document.querySelector('roundabout-map iframe');
    return f && f.style.height && f.style.height !== '560px';
  }, null, { timeout: 20000 });
  const inner = page.frameLocator('roundabout-map iframe');
  assert.equal(await inner.locator('#panel-title').textContent(), 'Routes in 2021');
  assert.equal(await inner.locator('#focus-name').textContent(), 'Kazakhstan');
  // A period of the published figures (months, or any period with goods="published") is theirs, not a year.
  await page.setContent(`<!doctype html>
    <roundabout-map src="${site.base}/" period="2023-01/2023-09"></roundabout-map>
    <roundabout-map src="${site.base}/" goods="published" period="2022"></roundabout-map>
    <script src="${site.base}/roundabout-embed.js"></script>`);
  const frames = page.locator('roundabout-map iframe');
  await frames.nth(1).waitFor();
  assert.match(await frames.nth(0).getAttribute('src'), /\?embed=1&period=2023-01%2F2023-09$/);
  assert.match(await frames.nth(1).getAttribute('src'), /\?embed=1&goods=published&period=2022$/);
  const months = page.frameLocator('roundabout-map iframe >> nth=0');
  await months.locator('body[data-ready="true"]').waitFor({ timeout: 20000 });
  assert.match(await months.locator('.embed-credit').innerText(), /^Jan–Sep 2023/);
  await page.close();
});

test('the Embed button hands out a snippet of the current view', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  await page.click('#years label:has-text("2022")');
  await page.click('#embed-button');
  assert.equal(await page.getAttribute('#embed-button', 'aria-expanded'), 'true');
  const snippet = await page.inputValue('#embed-code');
  assert.ok(snippet.includes(`<iframe src="${site.base}/index.html?year=2022&amp;embed=1"`) || snippet.includes(`<iframe src="${site.base}/index.html?year=2022&embed=1"`), snippet);
  assert.ok(snippet.includes(`<script src="${site.base}/roundabout-embed.js" async></script>`), snippet);
  await page.close();
});

test('the strict Content-Security-Policy is in force and the page still works', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  const response = await page.goto(`${site.base}/?goods=all`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await page.waitForSelector('body[data-ready="true"]');
  assert.ok(await countColour(page, '#map-canvas', INTO_HUB) > 200);
  assert.deepEqual(errors, []);
  // An inline script, as injected markup would carry, is refused.
  const violation = await page.evaluate(() => new Promise((done) => {
    document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true });
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
  }));
  assert.match(violation, /^script-src/);
  assert.equal(await page.evaluate(() => window.__inline), undefined);
  await page.close();
});
