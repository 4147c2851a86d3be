// Throwaway: screenshots of what reader16 changed (not a test; deleted before commit).
import { openPage, openSite } from './browser.mjs';
const site = await openSite();
const out = '/tmp/r16shots';
for (const [w, h] of [[360, 780], [390, 844], [1280, 800]]) {
  for (const scheme of ['light', 'dark']) {
    for (const lang of ['en', 'uk']) {
      const { page } = await openPage(site, w, h, `/?goods=all&lang=${lang}`);
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => new Promise(requestAnimationFrame));
      await page.locator('#chart').screenshot({ path: `${out}/chart-${w}-${scheme}-${lang}.png` });
      await page.fill('#country-search', 'Germany');
      await page.dispatchEvent('#country-search', 'change');
      await page.waitForSelector('#find-status:not([hidden])');
      await page.locator('.controls').screenshot({ path: `${out}/find-${w}-${scheme}-${lang}.png` });
      await page.click('#story-start');
      await page.evaluate(() => new Promise(requestAnimationFrame));
      await page.screenshot({ path: `${out}/story-${w}-${scheme}-${lang}.png` });
      if (w < 500) {
        await page.click('#story-fold');
        await page.screenshot({ path: `${out}/story-folded-${w}-${scheme}-${lang}.png` });
      }
      await page.close();
    }
  }
}
await site.close();
