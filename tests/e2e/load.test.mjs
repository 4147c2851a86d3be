// A reader's own file: pick or drop a BACI, Comtrade or tidy CSV (gzipped too); a worker reads it with
// progress and Cancel; bad input gets a clear message and the map keeps what it had.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ARTIFACTS, findColour, openPage, openSite } from './browser.mjs';

const FIXTURES = 'tests/fixtures/engine';
const TIDY_HEADER = 'year,month,exporter,importer,hs,value_usd,quantity,unit,reported_by,source';
let site;
let scratch;

before(async () => {
  site = await openSite();
  scratch = mkdtempSync(join(tmpdir(), 'roundabout-load-'));
});
after(async () => {
  await site?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const route = (page, name) => page.locator('#routes li', { hasText: name }).innerText();
const message = (page) => page.locator('#file-message');

test('a BACI file replaces the story; the summary names what it holds; back restores the story', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  await page.setInputFiles('#file-input', join(FIXTURES, 'baci_small.csv'));
  await page.locator('#file-back').waitFor({ state: 'visible' });
  // Figures as `roundabout query --data tests/fixtures/engine/baci_small.csv --group-by exporter,importer,year` sums them.
  // Without its code file, the codes come from the built-in table, and the status line says which.
  assert.match(await message(page).textContent(), /^Showing baci_small\.csv: CEPII BACI, 6 rows, 2021–2023\. No rows for KGZ → RUS\. Notes: baci_small\.csv: country codes read from the built-in table, since no country-code file was given: 842 as United States \(USA\), 490 as Other Asia, nes \(S19\)\.$/);
  // Every country pair counts, not only the story's routes: 2023 has one (code 490, "Other Asia" → Kazakhstan).
  assert.deepEqual(await page.locator('#years input').evaluateAll((els) => els.map((e) => e.value)), ['2021', '2022', '2023']);
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2023');
  await page.click('#years input[value="2022"]');
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2022');
  assert.match(await route(page, 'China → Kyrgyzstan'), /\$5\.9m/);
  assert.match(await route(page, 'Kazakhstan → Russia'), /\$2\.7m[\s\S]*reconciled by CEPII BACI/);
  assert.match(await route(page, 'United States → Russia'), /\$10k/);
  // BACI's figures are reconciled, nobody's report: "Reported by" would change nothing, so it is not offered.
  assert.equal(await page.isHidden('#side-choice'), true);
  // The page's sources and notes are the file's, not the story's customs offices and totals of all goods.
  const footer = () => page.locator('footer.sources').innerText();
  assert.match(await footer(), /^Sources\s+CEPII BACI\. Country shapes: Natural Earth\./);
  assert.doesNotMatch(await footer(), /Totals of all goods|Bureau of National Statistics/);
  await page.screenshot({ path: join(ARTIFACTS, 'load-baci-1280x800.png') });
  await page.click('#file-back');
  assert.match(await footer(), /Totals of all goods/);
  assert.equal(await page.locator('footer.sources a').count(), 4, 'the story\'s sources, links again');
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2023');
  assert.equal(await page.isVisible('#side-choice'), true, 'the story\'s customs figures have both sides');
  assert.match(await route(page, 'China → Kazakhstan'), /\$15\.4bn/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a gzipped Comtrade file loads too', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  const path = join(scratch, 'comtrade_small.csv.gz');
  writeFileSync(path, gzipSync(readFileSync(join(FIXTURES, 'comtrade_small.csv'))));
  await page.setInputFiles('#file-input', path);
  await page.locator('#file-back').waitFor({ state: 'visible' });
  assert.match(await message(page).textContent(), /^Showing comtrade_small\.csv\.gz: UN Comtrade/);
  await page.close();
});

test('a file of goods off the CHPL list: the map\'s key names them, not "Other goods"', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  const path = join(scratch, 'drones.csv');
  writeFileSync(path, 't,i,j,k,v,q\n2023,156,398,880621,5900,\n2023,398,643,880621,2700,\n2023,398,643,880622,100,\n');
  await page.setInputFiles('#file-input', path);
  await page.locator('#file-back').waitFor({ state: 'visible' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
  const svg = readFileSync(await download.path(), 'utf8');
  // The key's title and its one colour; the worker's cut holds the drones as the `OTHER` token.
  assert.equal(svg.split('Drones (HS 8806)').length - 1, 2, 'the key names the drones');
  assert.ok(!svg.includes('Other goods'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a file of eight years on a phone: its years wrap, the page does not widen', async () => {
  const { page, errors } = await openPage(site, 360, 740, '/?goods=all');
  const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];
  const path = join(scratch, 'eight-years.csv');
  writeFileSync(path, `${TIDY_HEADER}\n${years.map((y) => `${y},,CHN,KAZ,TOTAL,${1e9 + y},,,importer,synthetic test file`).join('\n')}\n`);
  await page.setInputFiles('#file-input', path);
  await page.locator('#file-back').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#years input').count(), 8);
  // Eight years side by side are 455 px wide: the page scrolled sideways before they wrapped.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  const box = await page.locator('#years').boundingBox();
  assert.ok(box.x + box.width <= 360, `the years end at ${box.x + box.width} px`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a broken file gets a clear message and the map keeps its data', async () => {
  const { page, errors } = await openPage(site, 375, 700, '/?goods=all');
  await page.setInputFiles('#file-input', join(FIXTURES, 'unknown_header.csv'));
  await page.locator('#file-status.error').waitFor();
  assert.match(await message(page).textContent(), /^unknown_header\.csv: header `year,exporter,importer,product,value` fits no known format; expected/);
  assert.match(await route(page, 'China → Kazakhstan'), /\$15\.4bn/);
  await page.screenshot({ path: join(ARTIFACTS, 'load-broken-375x700.png'), fullPage: true });
  // Bad rows among good ones: the good ones load and the first bad ones are listed with line and column.
  await page.setInputFiles('#file-input', join(FIXTURES, 'tidy_bad_rows.csv'));
  await page.locator('#file-back').waitFor({ state: 'visible' });
  assert.match(await message(page).textContent(), /bad rows skipped; the first:$/);
  assert.match(await page.locator('#file-errors li').first().textContent(), /^line \d+, column `\w+`: /);
  // Every row bad: the file is refused, named once, with its bad rows listed; the rows shown before stay.
  const allBad = join(scratch, 'all_bad.csv');
  writeFileSync(allBad, `${TIDY_HEADER}\n2023,,CHN,KAZ,TOTAL,"12,5",,,importer,x\n2023,,CHN,KAZ,TOTAL,abc,,,importer,x\n`);
  const before = await page.locator('#routes').innerText();
  await page.setInputFiles('#file-input', allBad);
  await page.locator('#file-status.error').waitFor();
  assert.equal(await message(page).textContent(), 'all_bad.csv: no row to draw');
  assert.deepEqual(await page.locator('#file-errors li').allTextContents(), [
    'line 2, column `value_usd`: found `12,5`, expected a non-negative amount in US dollars (`.` before cents, no thousands separators)',
    'line 3, column `value_usd`: found `abc`, expected a non-negative amount in US dollars',
  ]);
  assert.equal(await page.locator('#routes').innerText(), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on the Ukrainian page a file\'s notes, bad rows and refusal are in Ukrainian', async () => {
  const { page, errors } = await openPage(site, 375, 700, '/?goods=all&lang=uk');
  await page.setInputFiles('#file-input', join(FIXTURES, 'baci_small.csv'));
  await page.locator('#file-back').waitFor({ state: 'visible' });
  assert.match(await message(page).textContent(), /Примітки: baci_small\.csv: коди країн прочитано з вбудованої таблиці, бо файл кодів країн не дано: 842 як США \(USA\), 490 як Інші країни Азії \(не вказано\) \(S19\)\.$/);
  // A trade area by its name in the page's language (data/area-names.json).
  assert.match(await route(page, 'Інші країни Азії (не вказано) → Казахстан'), /3\u00a0тис\.\u00a0\$/);
  // Whose reports a file's figures are names the reporter in the page's language too (the page hands its
  // names to the worker).
  await page.setInputFiles('#file-input', 'tests/fixtures/counting/comtrade_plus_traps.csv');
  await page.waitForFunction(() => document.querySelector('#file-message').textContent.startsWith('Показано comtrade_plus_traps.csv'));
  assert.match(await page.textContent('#dek'), /за звітами: Казахстан\./);
  const allBad = join(scratch, 'all_bad_uk.csv');
  writeFileSync(allBad, `${TIDY_HEADER}\n2023,,CHN,KAZ,TOTAL,"12,5",,,importer,x\n2023,13,CHN,KAZ,TOTAL,1,,,importer,x\n2023,,CHN,KAZ,TOTAL,1,,\n`);
  await page.setInputFiles('#file-input', allBad);
  await page.locator('#file-status.error').waitFor();
  assert.equal(await message(page).textContent(), 'all_bad_uk.csv: жодного рядка для карти');
  assert.deepEqual(await page.locator('#file-errors li').allTextContents(), [
    "рядок 2, стовпець `value_usd`: знайдено `12,5`, очікувалося: невід'ємна сума в доларах США (`.` перед центами, без розділювачів тисяч)",
    'рядок 3, стовпець `month`: знайдено `13`, очікувалося: місяць від 1 до 12 або нічого',
    'рядок 4: полів: 8, очікувалося 10',
  ]);
  await page.screenshot({ path: join(ARTIFACTS, 'load-bad-rows-uk-375x700.png'), fullPage: true });
  // A file refused outright: its header, or that it is empty.
  await page.setInputFiles('#file-input', join(FIXTURES, 'unknown_header.csv'));
  await page.locator('#file-errors li').first().waitFor({ state: 'detached' });
  await page.locator('#file-status.error').waitFor();
  assert.match(await message(page).textContent(), /^unknown_header\.csv: заголовок `year,exporter,importer,product,value` не відповідає жодному відомому формату; очікувалося: tidy CSV `year,month,.*\) або застарілий UN Comtrade CSV \(Year, /);
  const empty = join(scratch, 'empty_uk.csv');
  writeFileSync(empty, '');
  await page.setInputFiles('#file-input', empty);
  await page.waitForFunction(() => document.querySelector('#file-message').textContent.startsWith('empty_uk.csv'));
  assert.match(await message(page).textContent(), /^empty_uk\.csv: файл порожній; очікувалися рядок заголовка/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a big file reads in the worker with progress; Cancel stops it and the old data stays', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  const path = join(scratch, 'big.csv');
  const row = '2023,,CHN,KAZ,854231,1000.00,,,importer,generated for the test\n';
  writeFileSync(path, TIDY_HEADER + '\n' + row.repeat(2_500_000)); // ~170 MB
  await page.setInputFiles('#file-input', path);
  await page.locator('#file-cancel').waitFor({ state: 'visible' });
  assert.match(await message(page).textContent(), /^Reading big\.csv/);
  // The page answers while the worker reads.
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  await page.click('#file-cancel');
  assert.equal(await message(page).textContent(), 'Cancelled. The map still shows the data it had.');
  await page.waitForTimeout(1500);
  assert.match(await route(page, 'China → Kazakhstan'), /\$15\.4bn/);
  assert.equal(await page.isVisible('#file-back'), false);
  await page.close();
});

test('a file too big for the tab is refused before it is read', async () => {
  const { page } = await openPage(site, 1280, 800, '/?goods=all');
  const path = join(scratch, 'huge.csv');
  writeFileSync(path, '');
  truncateSync(path, 1229 * 2 ** 20); // sparse: no disk used
  await page.setInputFiles('#file-input', path);
  await page.locator('#file-status.error').waitFor();
  assert.match(await message(page).textContent(), /^huge\.csv is 1229 MB, more than this page can hold \(1024 MB\)\. Cut it down first with `roundabout prepare`\.$/);
  await page.close();
});

test('nothing from a file becomes markup', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all');
  const evil = '<img src=x onerror="window.__pwned=1">';
  const path = join(scratch, `${'<b>'}x.csv`);
  writeFileSync(path, `${TIDY_HEADER}\n2023,,CHN,KAZ,TOTAL,5.00,,,importer,"${evil.replace(/"/g, '""')}"\n2023,,CHN,KAZ,TOTAL,oops,,,importer,${'<script>window.__pwned=2</script>'}\n`);
  await page.setInputFiles('#file-input', path);
  await page.locator('#file-back').waitFor({ state: 'visible' });
  assert.match(await message(page).textContent(), /^Showing <b>x\.csv: /);
  assert.equal(await page.locator('#file-status b, img').count(), 0);
  // The source shows in the tooltip as text.
  const box = await page.locator('#map-canvas').boundingBox();
  const point = await findColour(page, '#map-canvas', [0, 114, 178]);
  assert.ok(point);
  await page.mouse.move(box.x + point.x, box.y + point.y);
  await page.locator('#tooltip').waitFor({ state: 'visible' });
  assert.ok((await page.innerText('#tooltip')).includes(evil));
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});
