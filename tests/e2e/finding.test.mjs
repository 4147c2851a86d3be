// Finding things and counting them in words: a country by any of its names (English, Ukrainian, Russian,
// ISO code), or said to have no rows; a good by a word, the codes that affirm it first; counts whose noun
// agrees with the number in English, Ukrainian and Russian. Files are synthetic (tests only).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, openSite } from './browser.mjs';

const HEADER = 'year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source';
const BACI = 'tests/fixtures/analysis/baci_synthetic.csv';
let site;
let scratch;

before(async () => {
  site = await openSite();
  scratch = mkdtempSync(join(tmpdir(), 'roundabout-finding-'));
});
after(async () => {
  await site?.close();
  rmSync(scratch, { recursive: true, force: true });
});

function write(name, text) {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

async function load(page, path) {
  await page.setInputFiles('#file-input', path);
  await page.locator('#file-back').waitFor({ state: 'visible' });
}

async function find(page, text) {
  await page.fill('#country-search', text);
  await page.dispatchEvent('#country-search', 'change');
}

test('find a country by its English, Ukrainian or Russian name or ISO code, or hear it has no rows', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  // The default story holds five countries: Germany is a country, not one of them.
  await find(page, 'Germany');
  await page.waitForSelector('#find-status:not([hidden])');
  assert.equal(await page.textContent('#find-status'), 'Germany has no rows in this data.');
  assert.equal(await page.isVisible('#focus-bar'), false);
  await find(page, 'Atlantis');
  await page.waitForFunction(() => document.querySelector('#find-status').textContent.includes('Atlantis'));
  assert.equal(await page.textContent('#find-status'), 'No country is called “Atlantis”.');
  // Kazakhstan in Russian and Kyrgyzstan by its alpha-2 code, from the English page.
  await find(page, 'Казахстан');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'KAZ');
  assert.equal(await page.textContent('#focus-name'), 'Kazakhstan');
  assert.equal(await page.isVisible('#find-status'), false);
  await find(page, 'kg');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'KGZ');
  // The start of a name one country of the data alone has; "K" starts three of them, so it finds none.
  await find(page, 'kazakh');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'KAZ');
  await find(page, 'K');
  await page.waitForSelector('#find-status:not([hidden])');
  assert.equal(await page.textContent('#find-status'), 'No country is called “K”.');
  assert.equal(new URL(page.url()).searchParams.get('focus'), 'KAZ', 'the map keeps its focus');
  // A whole name comes first: "Russ" finds Russia, "Niger" is Niger (no rows here), not the start of another.
  await find(page, 'Russ');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'RUS');
  await find(page, 'Niger');
  await page.waitForFunction(() => document.querySelector('#find-status').textContent.includes('Niger'));
  assert.equal(await page.textContent('#find-status'), 'Niger has no rows in this data.');

  // A file with Germany in 2022 only, beyond the ten largest routes: found by its Ukrainian name in 2022;
  // in 2023 it has no rows in this view, and the page says so.
  const big = ['CHN>KAZ', 'CHN>KGZ', 'KAZ>RUS', 'KGZ>RUS', 'CHN>RUS', 'TUR>RUS', 'ARE>RUS', 'ARM>RUS', 'GEO>RUS', 'UZB>RUS', 'IND>RUS'];
  const rows = [2022, 2023].flatMap((y) => big.map((p, i) => `${y},,${p.replace('>', ',')},TOTAL,${(1e9 + i * 1e7).toFixed(2)},,,importer,synthetic`));
  await load(page, write('germany.csv', `${HEADER}\n${rows.join('\n')}\n2022,,DEU,KAZ,TOTAL,5000.00,,,importer,synthetic\n`));
  await page.click('#years input[value="2022"]');
  await find(page, 'Німеччина');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'DEU');
  assert.match(await page.locator('#routes').innerText(), /Germany → Kazakhstan/);
  await page.click('#focus-clear');
  await page.click('#years input[value="2023"]');
  await find(page, 'DEU');
  await page.waitForSelector('#find-status:not([hidden])');
  assert.equal(await page.textContent('#find-status'), 'Germany has no rows in this view.');
  assert.equal(new URL(page.url()).searchParams.get('focus'), null, 'the map keeps its view');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the codes box ranks codes that affirm a word before those that exclude it', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await load(page, BACI);
  await page.waitForSelector('#hs-options option[value="8806"]', { state: 'attached' });
  await page.fill('#products-codes', 'unmanned');
  const order = await page.locator('#hs-options option').evaluateAll((os) => os.map((o) => o.value));
  const first = (code) => order.indexOf(code);
  assert.equal(order[0], '8806', `unmanned aircraft first: ${order.slice(0, 8)}`);
  assert.ok(first('880610') < first('8802') && first('880730') < first('8802'), 'every affirming code before "…except unmanned"');
  assert.ok(first('8802') < first('880211') && first('880240') < first('0101'), 'then those that exclude it, then the rest in code order');
  // A second term, after a comma, ranks anew.
  await page.fill('#products-codes', '8542, unmanned');
  assert.equal(await page.locator('#hs-options option').first().getAttribute('value'), '8806');
  assert.deepEqual(errors, []);
  await page.close();
});

test('counts agree with their nouns: one product, one row, in English, Ukrainian and Russian', async () => {
  const one = write('one.csv', `${HEADER}\n2023,,CHN,KAZ,880621,5000.00,,,importer,synthetic\n`);
  const three = write('three.csv', `${HEADER}\n2023,,CHN,KAZ,880621,5000.00,,,importer,synthetic\n2023,,CHN,KAZ,854231,7000.00,,,importer,synthetic\n2023,,CHN,KAZ,847130,9000.00,,,importer,synthetic\n`);
  const cases = [
    ['en', one, /^Showing one\.csv: tidy CSV, 1 row, 2023\./, /^1 product in 2023,/],
    ['en', three, /^Showing three\.csv: tidy CSV, 3 rows, 2023\./, /^3 products in 2023,/],
    ['uk', one, /рядків: 1,/, /^1 товар у 2023 р\./],
    ['uk', three, /рядків: 3,/, /^3 товари у 2023 р\./],
    ['ru', one, /строк: 1,/, /^1 товар в 2023 г\./],
    ['ru', three, /строк: 3,/, /^3 товара в 2023 г\./],
  ];
  for (const [lang, path, status, products] of cases) {
    const { page, errors } = await openPage(site, 1280, 800, `/?goods=all&lang=${lang}`);
    await load(page, path);
    assert.match(await page.textContent('#file-message'), status);
    await page.locator('#products').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => /\d/.test(document.querySelector('#products-note').textContent));
    // The first level shown is chapters: one chapter for one product, three for three.
    assert.match(await page.textContent('#products-note'), products, `${lang}: ${await page.textContent('#products-note')}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
