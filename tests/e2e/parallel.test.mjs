// A big file read by two workers at once gives the page exactly the figures one worker gives: the same
// summary, the same bad rows on the same lines of the file, the same routes in every year.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipOf } from '../../scripts/zip.mjs';
import { openPage, openSite } from './browser.mjs';

let site;
let scratch;

before(async () => {
  site = await openSite();
  scratch = mkdtempSync(join(tmpdir(), 'roundabout-parallel-'));
});
after(async () => {
  await site?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A seeded BACI-like file of about 4 MB (several pieces for two workers), with bad rows far into it;
 * returns its path and the lines of its bad rows. */
function generate(rows, name = 'baci-big.csv') {
  const countries = [156, 398, 417, 643, 842, 276, 860];
  const products = [854231, 880621, 847150, 10121, 940360, 850440];
  let seed = 7;
  const next = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  const lines = ['t,i,j,k,v,q'];
  const bad = [];
  for (let r = 0; r < rows; r += 1) {
    if (r % 40_000 === 39_999) {
      lines.push(`2022,156,398,854231,${r % 3 ? 'abc' : '1,5'},1`);
      bad.push(lines.length);
    }
    const [e, i] = [countries[next(7)], countries[next(7)]];
    lines.push(`${2021 + next(3)},${e},${i === e ? 643 : i},${products[next(6)]},${next(100000) / 8 + 1},${next(4) ? next(900) : 'NA'}`);
  }
  const path = join(scratch, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, bad, text: `${lines.join('\n')}\n` };
}

/** What the page shows of the file: the status line, the bad rows listed, and the routes of every year. */
async function figures(workers, path) {
  const { page, errors } = await openPage(site, 1280, 800, `/?goods=all&workers=${workers}`);
  // The workers that read the file; the one that answers the views below the map on the story is named apart.
  const names = [];
  page.on('worker', (w) => names.push(w.evaluate(() => self.name).catch(() => 'ended')));
  await page.setInputFiles('#file-input', path);
  if (path.endsWith('.zip')) await page.click('.zip-choice button');
  await page.locator('#file-back').waitFor({ state: 'visible', timeout: 60_000 });
  const shown = {
    message: await page.textContent('#file-message'),
    errors: await page.locator('#file-errors li').allTextContents(),
    years: {},
  };
  for (const year of await page.locator('#years input').evaluateAll((els) => els.map((e) => e.value))) {
    await page.click(`#years input[value="${year}"]`);
    shown.years[year] = await page.locator('#routes li').allInnerTexts();
  }
  assert.deepEqual(errors, []);
  const started = (await Promise.all(names)).filter((name) => name !== 'story').length;
  await page.close();
  return { shown, started };
}

test('two workers show exactly what one shows, bad rows on the file\'s own lines', async () => {
  const { path, bad } = generate(140_000);
  const one = await figures(1, path);
  const two = await figures(2, path);
  assert.equal(one.started, 1, 'one worker reads the file');
  assert.equal(two.started, 3, 'the worker and its two helpers');
  assert.deepEqual(two.shown, one.shown);
  assert.match(one.shown.message, /^Showing baci-big\.csv: CEPII BACI, 140,000 rows, 2021–2023\. .*3 bad rows skipped; the first:$/);
  assert.deepEqual(one.shown.errors.map((e) => Number(e.match(/^line (\d+)/)?.[1])), bad);
  assert.ok(Object.values(one.shown.years).every((routes) => routes.length > 3));
});

test('a BACI zip\'s entry, inflated by the browser, is read by two workers as by one', async () => {
  const { text, bad } = generate(120_000, 'BACI_HS22_Y2022_V202501.csv');
  const codes = 'country_code,country_name,country_iso2,country_iso3\n156,China,CN,CHN\n398,Kazakhstan,KZ,KAZ\n'
    + '417,Kyrgyzstan,KG,KGZ\n643,Russian Federation,RU,RUS\n842,USA,US,USA\n276,Germany,DE,DEU\n860,Uzbekistan,UZ,UZB\n';
  const path = join(scratch, 'BACI_HS22_V202501.zip');
  writeFileSync(path, zipOf([['BACI_HS22_Y2022_V202501.csv', text], ['country_codes_V202501.csv', codes]]));
  const one = await figures(1, path);
  const two = await figures(2, path);
  assert.equal(two.started, 3, 'the worker and its two helpers');
  assert.deepEqual(two.shown, one.shown);
  assert.match(one.shown.message, /^Showing BACI_HS22_V202501\.zip: CEPII BACI, 120,000 rows, 2021–2023\./);
  assert.deepEqual(one.shown.errors.map((e) => Number(e.match(/^line (\d+)/)?.[1])), bad);
});
