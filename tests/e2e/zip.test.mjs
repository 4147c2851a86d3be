// BACI's zip as downloaded, and several files at once: the worker reads a zip's directory through
// File.slice(), the reader chooses the years (and, when they would not fit, the countries kept), and every
// file picked is read and counted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipOf } from '../../scripts/zip.mjs';
import { ARTIFACTS, dots, openPage, openSite } from './browser.mjs';

const FIXTURES = 'tests/fixtures/engine';
let site;
let scratch;

before(async () => {
  site = await openSite();
  scratch = mkdtempSync(join(tmpdir(), 'roundabout-zip-'));
});
after(async () => {
  await site?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const CODES = 'country_code,country_name,country_iso2,country_iso3\n156,China,CN,CHN\n398,Kazakhstan,KZ,KAZ\n417,Kyrgyzstan,KG,KGZ\n643,Russian Federation,RU,RUS\n842,USA,US,USA\n276,Germany,DE,DEU\n';
// 2023 by hand: China → Kyrgyzstan 5,900 thousand USD = $5.9m; Kazakhstan → Russia 2,700.001 thousand = $2.7m.
const Y2023 = 't,i,j,k,v,q\n2023,156,417,880621,5900,\n2023,398,643,880621,2700.001,1.5\n';
const GENERATED = 20_000;

/** 2022: `rows` seeded rows among six countries, and China → Kazakhstan's sum in cents. */
function generated(rows = GENERATED) {
  const countries = [156, 398, 417, 643, 842, 276];
  let seed = 12345;
  const next = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  let lines = 't,i,j,k,v,q\n';
  let chnKaz = 0;
  for (let r = 0; r < rows; r += 1) {
    const i = countries[next(6)];
    let j = countries[next(6)];
    if (j === i) j = i === 156 ? 398 : 156;
    const thousandths = next(1_000_000); // v in thousand USD, three decimals
    lines += `2022,${i},${j},${String(100000 + next(800000)).padStart(6, '0')},${(thousandths / 1000).toFixed(3)},\n`;
    if (i === 156 && j === 398) chnKaz += thousandths * 100; // 1/1000 of 1000 USD = 1 USD = 100 cents
  }
  return { lines, chnKaz };
}

/** The page's money format in English: three significant digits and a scale word. */
function money(cents) {
  const v = cents / 100;
  const [scaled, unit] = v >= 1e9 ? [v / 1e9, 'bn'] : v >= 1e6 ? [v / 1e6, 'm'] : v >= 1e3 ? [v / 1e3, 'k'] : [v, ''];
  return `$${Number(scaled.toPrecision(3))}${unit}`;
}

/** Waits until the status line shows `name`'s rows: #file-back stays visible from the file before. */
const shown = (page, name) => page.waitForFunction((n) => document.getElementById('file-message').textContent.startsWith(`Showing ${n}:`), name);
const route = (page, name) => page.locator('#routes li', { hasText: name }).innerText();
const message = (page) => page.locator('#file-message');

test('a BACI zip: its years listed, its code file used, its figures shown', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  const { lines, chnKaz } = generated();
  const path = join(scratch, 'BACI_HS22_V202501.zip');
  writeFileSync(path, zipOf([
    ['BACI_HS22_Y2022_V202501.csv', lines],
    ['BACI_HS22_Y2023_V202501.csv', Y2023],
    ['country_codes_V202501.csv', CODES],
    ['product_codes_HS22_V202501.csv', 'code,description\n880621,Drones\n'],
  ]));
  await page.setInputFiles('#file-input', path);
  await page.locator('.zip-choice').waitFor();
  assert.match(await message(page).textContent(), /^BACI_HS22_V202501\.zip holds 2 tables, about [\d,]+ rows; the page keeps up to 10\.0 million\.$/);
  const labels = await page.locator('.zip-choice fieldset label').allInnerTexts();
  assert.deepEqual(labels.map((l) => l.trim().split(' ')[0]), ['2022', '2023']);
  assert.equal(await page.isChecked('#zip-keep'), false, 'small enough to keep whole');
  await page.screenshot({ path: join(ARTIFACTS, 'zip-choice-1280x800.png') });
  await page.click('.zip-choice button');
  await page.locator('#file-back').waitFor({ state: 'visible' });
  assert.match(await message(page).textContent(), new RegExp(`^Showing BACI_HS22_V202501\\.zip: CEPII BACI, ${(GENERATED + 2).toLocaleString('en')} rows, 2022–2023\\.`));
  assert.match(await route(page, 'China → Kyrgyzstan'), /\$5\.9m/);
  assert.match(await route(page, 'Kazakhstan → Russia'), /\$2\.7m/);
  await page.click('#years input[value="2022"]');
  assert.ok((await route(page, 'China → Kazakhstan')).includes(money(chnKaz)), `${money(chnKaz)} in ${await route(page, 'China → Kazakhstan')}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the moving dots hold still while a file is read, and travel again once it is shown', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all', { motion: true });
  await page.waitForFunction(() => document.querySelector('#motion').textContent === 'Pause motion');
  assert.ok(await dots(page) > 50, 'dots before the file');
  const path = join(scratch, 'dots.zip');
  writeFileSync(path, zipOf([['BACI_HS22_Y2023_V202501.csv', Y2023], ['country_codes_V202501.csv', CODES]]));
  await page.setInputFiles('#file-input', path);
  // The worker holds the file from here until it is shown: the zip's form waits on the reader meanwhile.
  await page.locator('.zip-choice').waitFor();
  assert.equal(await dots(page), 0, 'no dots while the file is read');
  assert.equal(await dots(page), 0, 'nor a frame later');
  assert.equal(await page.getAttribute('#motion', 'aria-pressed'), 'false', 'the reader paused nothing');
  await page.click('.zip-choice button');
  await shown(page, 'dots.zip');
  await page.waitForFunction(() => {
    const canvas = document.querySelector('#map-particles');
    return canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.some((v, i) => i % 4 === 3 && v > 0);
  });
  assert.ok(await dots(page) > 20, 'dots along the routes of the file');
  assert.deepEqual(errors, []);
  await page.close();
});

test('of a zip, only the years chosen and the countries asked are kept', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  const path = join(scratch, 'two.zip');
  writeFileSync(path, zipOf([['BACI_HS22_Y2022_V202501.csv', generated().lines], ['BACI_HS22_Y2023_V202501.csv', Y2023], ['country_codes_V202501.csv', CODES]]));
  await page.setInputFiles('#file-input', path);
  await page.locator('.zip-choice').waitFor();
  await page.uncheck('.zip-choice input[value$="Y2022_V202501.csv"]');
  await page.check('#zip-keep');
  await page.fill('#zip-countries', 'kgz');
  await page.click('.zip-choice button');
  await page.locator('#file-back').waitFor({ state: 'visible' });
  // 2023 alone, and of it the one row touching Kyrgyzstan: China → Kyrgyzstan.
  assert.match(await message(page).textContent(), /^Showing two\.zip \(2023\): CEPII BACI, 1 row, 2023\. No rows for CHN → KAZ, KAZ → RUS, KGZ → RUS\.$/);
  assert.match(await route(page, 'China → Kyrgyzstan'), /\$5\.9m/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a country typed to keep that names none is refused before reading; a name is taken', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  const path = join(scratch, 'names.zip');
  writeFileSync(path, zipOf([['BACI_HS22_Y2023_V202501.csv', Y2023], ['country_codes_V202501.csv', CODES]]));
  await page.setInputFiles('#file-input', path);
  await page.locator('.zip-choice').waitFor();
  await page.check('#zip-keep');
  await page.fill('#zip-countries', 'Kazakstan');
  await page.click('.zip-choice button');
  await page.locator('#file-status.error').waitFor();
  assert.equal(await message(page).textContent(), 'No country is called “Kazakstan”.');
  assert.equal(await page.locator('.zip-choice').count(), 1, 'the choice stays to be mended');
  await page.fill('#zip-countries', 'kyrgyzstan');
  await page.click('.zip-choice button');
  await page.locator('#file-back').waitFor({ state: 'visible' });
  assert.match(await message(page).textContent(), /^Showing names\.zip: CEPII BACI, 1 row, 2023\./);
  assert.equal(await page.locator('.zip-choice').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a Ukrainian page a zip\'s row counts are written as Ukrainian writes numbers', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?lang=uk');
  const path = join(scratch, 'uk.zip');
  writeFileSync(path, zipOf([['BACI_HS22_Y2022_V202501.csv', generated().lines], ['country_codes_V202501.csv', CODES]]));
  await page.setInputFiles('#file-input', path);
  await page.locator('.zip-choice').waitFor();
  // Some 20,000 rows: "20 000" grouped with a no-break space, not "20,000"; the limit "10,0 млн", not "10.0".
  assert.match(await message(page).textContent(), /^uk\.zip містить таблиць: 1, близько \d{1,3}\u00a0\d{3} рядків; сторінка тримає до 10,0\u00a0млн\.$/);
  assert.match(await page.locator('.zip-choice small').first().textContent(), /^\(близько \d{1,3}\u00a0\d{3} рядків\)$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a zip of one small table counts its row in the singular, in English and in Ukrainian', async () => {
  const path = join(scratch, 'one-row.zip');
  // One data line of 27 bytes after a 12-byte header: an estimate of 1 row (32 bytes a row).
  writeFileSync(path, zipOf([['BACI_HS22_Y2023_V202501.csv', 't,i,j,k,v,q\n2023,156,417,880621,5900,\n'], ['country_codes_V202501.csv', CODES]]));
  for (const [lang, summary, entry] of [
    ['en', /^one-row\.zip holds 1 table, about 1 row; the page keeps up to 10\.0 million\.$/, '(about 1 row)'],
    ['uk', /^one-row\.zip містить таблиць: 1, близько 1 рядка; сторінка тримає до 10,0\u00a0млн\.$/, '(близько 1 рядка)'],
  ]) {
    const { page, errors } = await openPage(site, 1280, 800, `/?lang=${lang}`);
    await page.setInputFiles('#file-input', path);
    await page.locator('.zip-choice').waitFor();
    assert.match(await message(page).textContent(), summary);
    assert.equal(await page.locator('.zip-choice small').first().textContent(), entry);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('two Comtrade files picked together are both read, named and counted', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  const [header, ...rows] = readFileSync(join(FIXTURES, 'comtrade_small.csv'), 'utf8').trimEnd().split('\n');
  const half = Math.ceil(rows.length / 2);
  const a = join(scratch, 'comtrade_a.csv');
  const b = join(scratch, 'comtrade_b.csv');
  writeFileSync(a, [header, ...rows.slice(0, half)].join('\n') + '\n');
  writeFileSync(b, [header, ...rows.slice(half)].join('\n') + '\n');
  await page.setInputFiles('#file-input', join(FIXTURES, 'comtrade_small.csv'));
  await shown(page, 'comtrade_small.csv');
  const whole = Number((await message(page).textContent()).match(/, ([\d,]+) rows/)[1].replace(/,/g, ''));
  const halves = [];
  for (const f of [a, b]) {
    await page.setInputFiles('#file-input', f);
    await shown(page, f.split('/').pop());
    halves.push(Number((await message(page).textContent()).match(/, ([\d,]+) rows/)[1].replace(/,/g, '')));
  }
  assert.ok(halves[0] > 0 && halves[1] > 0, 'each half holds rows');
  await page.setInputFiles('#file-input', [a, b]);
  await shown(page, 'comtrade_a.csv, comtrade_b.csv');
  const text = await message(page).textContent();
  assert.match(text, /^Showing comtrade_a\.csv, comtrade_b\.csv: UN Comtrade Plus CSV, /);
  assert.equal(Number(text.match(/, ([\d,]+) rows/)[1].replace(/,/g, '')), halves[0] + halves[1]);
  assert.equal(halves[0] + halves[1], whole, 'the two halves hold the whole file');
  assert.deepEqual(errors, []);
  await page.close();
});

test('each entry of a zip says its progress, one of two then two of two', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  // Progress is posted every 4 MiB read: 170,000 rows of 27 bytes (4.6 MB) a year give each entry one.
  // 2022: China → Kazakhstan $1,000 a row, $170m; 2023: China → Kyrgyzstan $2,000 a row, $340m.
  const rows = 170_000;
  const path = join(scratch, 'BACI_HS22_V202502.zip');
  writeFileSync(path, zipOf([
    ['BACI_HS22_Y2022_V202502.csv', `t,i,j,k,v,q\n${'2022,156,398,880621,1.000,\n'.repeat(rows)}`],
    ['BACI_HS22_Y2023_V202502.csv', `t,i,j,k,v,q\n${'2023,156,417,880621,2.000,\n'.repeat(rows)}`],
    ['country_codes_V202502.csv', CODES],
  ]));
  // Every text the status line shows, as it changes.
  await page.evaluate(() => {
    window.seen = [];
    const el = document.getElementById('file-message');
    new MutationObserver(() => window.seen.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await page.setInputFiles('#file-input', path);
  await page.locator('.zip-choice').waitFor();
  await page.click('.zip-choice button');
  await shown(page, 'BACI_HS22_V202502.zip');
  const seen = await page.evaluate(() => window.seen);
  const first = seen.indexOf('Reading BACI_HS22_Y2022_V202502.csv (1 of 2)…');
  const second = seen.indexOf('Reading BACI_HS22_Y2023_V202502.csv (2 of 2)…');
  assert.ok(first >= 0 && second > first, `per entry, in order: ${JSON.stringify(seen)}`);
  assert.match(await message(page).textContent(), new RegExp(`, ${(2 * rows).toLocaleString('en')} rows, 2022–2023\\.`));
  assert.match(await route(page, 'China → Kyrgyzstan'), /\$340m/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without DecompressionStream the core inflates the zip, to the same figures', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  // The worker reads a zip's entries once the years are chosen: the browser's inflater is taken away from
  // every worker before that, as in a browser that lacks it.
  const gone = [];
  page.on('worker', (w) => gone.push(w.evaluate(() => { delete self.DecompressionStream; return typeof self.DecompressionStream; })));
  const path = join(scratch, 'BACI_HS22_V202503.zip');
  writeFileSync(path, zipOf([
    ['BACI_HS22_Y2023_V202503.csv', Y2023],
    ['country_codes_V202503.csv', CODES],
  ]));
  await page.setInputFiles('#file-input', path);
  await page.locator('.zip-choice').waitFor();
  assert.ok(gone.length > 0, 'the reading worker started');
  assert.deepEqual([...new Set(await Promise.all(gone))], ['undefined']);
  await page.click('.zip-choice button');
  await shown(page, 'BACI_HS22_V202503.zip');
  // The figures of the first test's 2023 entry: China → Kyrgyzstan $5.9m, Kazakhstan → Russia $2.7m, the
  // code file (inflated by the core too) naming them.
  assert.match(await message(page).textContent(), /: CEPII BACI, 2 rows, 2023\./);
  assert.match(await route(page, 'China → Kyrgyzstan'), /\$5\.9m/);
  assert.match(await route(page, 'Kazakhstan → Russia'), /\$2\.7m/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an entry of 8 MiB and more is inflated by a helper beside the reading worker, to the same figures', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  const names = [];
  page.on('worker', (w) => names.push(w.evaluate(() => self.name)));
  const rows = 320_000;
  const { lines, chnKaz } = generated(rows);
  assert.ok(lines.length >= 8 << 20, `${lines.length} bytes`);
  const path = join(scratch, 'big.zip');
  writeFileSync(path, zipOf([['BACI_HS22_Y2022_V202501.csv', lines], ['country_codes_V202501.csv', CODES]]));
  await page.setInputFiles('#file-input', path);
  await page.locator('.zip-choice').waitFor();
  await page.click('.zip-choice button');
  await shown(page, 'big.zip');
  assert.match(await message(page).textContent(), new RegExp(`: CEPII BACI, ${rows.toLocaleString('en')} rows, 2022\\.`));
  assert.ok((await route(page, 'China → Kazakhstan')).includes(money(chnKaz)), `${money(chnKaz)} in ${await route(page, 'China → Kazakhstan')}`);
  assert.ok((await Promise.all(names)).includes('inflate'), `workers: ${await Promise.all(names)}`);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Drops a zip of a generated BACI year of `rows` rows and its code file, spoilt by `spoil(zip)`, as `name`,
 * reads it, and asserts the message matches `refused` while the story stays on the page. A small entry is
 * inflated in the reading worker; one of 8 MiB and more by its helper. */
async function assertZipRefused(name, rows, spoil, refused) {
  const { page, errors } = await openPage(site, 1280, 800);
  const storyRoutes = await page.locator('#routes li').count();
  const zip = zipOf([['BACI_HS22_Y2022_V202501.csv', generated(rows).lines], ['country_codes_V202501.csv', CODES]]);
  spoil(zip);
  const path = join(scratch, name);
  writeFileSync(path, zip);
  await page.setInputFiles('#file-input', path);
  await page.locator('.zip-choice').waitFor();
  await page.click('.zip-choice button');
  // The refusal names the entry (`name/…`); the offer before it names the zip alone.
  await page.waitForFunction((zip) => document.getElementById('file-message').textContent.startsWith(`${zip}/`), name);
  assert.match(await message(page).textContent(), refused, `${rows} rows`);
  assert.equal(await page.locator('#routes li').count(), storyRoutes);
  assert.deepEqual(errors, []);
  await page.close();
}

test('an entry whose bytes inflate but do not match the directory\'s CRC-32 is refused, by either inflater', async () => {
  // The core checks the inflated bytes against the directory's CRC-32, whichever worker inflated them.
  const wrongCrc = (zip) => {
    const central = zip.readUInt32LE(zip.length - 6); // the end record's offset of the directory
    zip.writeUInt32LE((zip.readUInt32LE(14) ^ 1) >>> 0, 14); // the first entry's local header
    zip.writeUInt32LE((zip.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16); // and its directory record
  };
  for (const rows of [GENERATED, 320_000]) {
    await assertZipRefused('crc.zip', rows, wrongCrc, /^crc\.zip\/BACI_HS22_Y2022_V202501\.csv: \d+ bytes with CRC [0-9a-f]{8}, the directory says \d+ bytes with CRC [0-9a-f]{8}; the zip is damaged or cut short: download it again$/);
  }
});

test('a zip whose entry is damaged is named with its entry, and the story stays', async () => {
  const damage = (zip) => { for (let i = 3000; i < 3100; i += 1) zip[i] ^= 0x5a; }; // inside the first entry's deflated rows
  for (const rows of [GENERATED, 320_000]) {
    await assertZipRefused('damaged.zip', rows, damage, /^damaged\.zip\/BACI_HS22_Y2022_V202501\.csv: deflate data is damaged \(.+\); download the zip again$/);
  }
});
