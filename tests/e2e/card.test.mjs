// The social card: index.html names card.png (1200 × 630, drawn by the native binary) for link previews,
// the site serves it, and the page itself never fetches it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, openSite } from './browser.mjs';

let site;

before(async () => { site = await openSite('/news/roundabout/'); });
after(async () => { await site?.close(); });

test('og:image and twitter:card name the card, which is served but not fetched by the page', async () => {
  const requested = [];
  const { page, errors } = await openPage(site, 1280, 800, '/', { onRequest: (url) => requested.push(url) });
  const meta = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('meta[property], meta[name]')]
    .map((m) => [m.getAttribute('property') ?? m.name, m.content])));
  assert.equal(meta['og:image'], 'card.png', 'relative, so the site can move; a host may make it absolute at build time');
  assert.equal(meta['twitter:card'], 'summary_large_image');
  assert.equal(meta['twitter:image'], 'card.png');
  assert.deepEqual([meta['og:image:width'], meta['og:image:height']], ['1200', '630']);
  const url = new URL(meta['og:image'], page.url()).href;
  const response = await page.request.get(url);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'image/png');
  const png = await response.body();
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
  await page.waitForTimeout(300); // anything lazy would have gone out by now
  assert.deepEqual(requested.filter((u) => u.includes('card.png')), [], 'the page does not load its own card');
  assert.deepEqual(errors, []);
  await page.close();
});
