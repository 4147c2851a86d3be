// Each value counted once, in the page: a Comtrade Plus download holding a World row beside the partners,
// TOTAL beside chapters, areas, a re-export and a country's trade with itself (issue 13).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, openPage, openSite } from './browser.mjs';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

const route = (page, name) => page.locator('#routes li', { hasText: name });

test('a file with World, TOTAL and chapter rows shows each route once, areas listed as not drawn', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  // Kazakhstan's 2024 exports (tests/fixtures/counting/comtrade_plus_traps.csv, worked out in
  // tests/engine_counting.rs): China's TOTAL $600 beside its chapters 85 ($100) and 27 ($400), Russia's
  // TOTAL $300 beside chapter 85 ($200), the World's TOTAL $1,000, three areas, a re-export and an import
  // from Kazakhstan itself.
  await page.setInputFiles('#file-input', join('tests/fixtures/counting', 'comtrade_plus_traps.csv'));
  await page.locator('#file-back').waitFor({ state: 'visible' });
  assert.match(await page.locator('#file-message').textContent(), /^Showing comtrade_plus_traps\.csv: UN Comtrade Plus CSV, 13 rows, /);
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2024');
  // China: the TOTAL, $600, not $1,100 (TOTAL and chapters added) nor $1,170 (with the re-export).
  assert.match(await route(page, 'Kazakhstan → China').innerText(), /\$600(?!\d)/);
  assert.match(await route(page, 'Kazakhstan → Russia').innerText(), /\$300(?!\d)/);
  // The World is no route, nor is Kazakhstan's trade with itself.
  assert.equal(await route(page, 'World').count(), 0);
  assert.equal(await route(page, 'Kazakhstan → Kazakhstan').count(), 0);
  // Areas are ranked and listed, and say the map cannot draw them.
  assert.match(await route(page, 'Kazakhstan → Areas, nes').innerText(), /\$50[\s\S]*not drawn on the map/);
  assert.match(await route(page, 'Kazakhstan → Other Asia, nes').innerText(), /\$20[\s\S]*not drawn on the map/);
  assert.match(await route(page, 'Kazakhstan → Bunkers').innerText(), /\$30/);
  // The data table: the same figures.
  await page.click('.data-table summary');
  await page.locator('.data-table table.all-goods-only').waitFor({ state: 'visible' });
  // Rows read exporter, importer, value…; the story's own routes stay listed (with no data) above.
  const row = (importer) => page.locator('.data-table table.all-goods-only tbody tr', { hasText: new RegExp(`^Kazakhstan${importer}`) }).first().innerText();
  assert.match(await row('China'), /\$600(?!\d)/);
  assert.match(await row('Other Asia, nes'), /\$20 \(not drawn on the map\)/);
  assert.equal(await page.locator('.data-table table.all-goods-only tbody tr', { hasText: 'World' }).count(), 0);
  await page.screenshot({ path: join(ARTIFACTS, 'counting-1280x800.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a chart line joining two reports names the change under the chart and in its table', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  // tests/fixtures/counting/source_change.csv: Kazakhstan reports its imports from China 2019–2023, China
  // its exports to Kazakhstan in 2023 only. As the exporter reports, the line is Kazakhstan's figures to
  // 2022, then China's $24.7bn: the 2023 point is hollow and the note names both.
  await page.setInputFiles('#file-input', join('tests/fixtures/counting', 'source_change.csv'));
  await page.locator('#file-back').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#chart-notes').isHidden(), true, 'one report throughout: no note');
  await page.selectOption('#side', 'exporter');
  const note = 'China → Kazakhstan: Kazakhstan\'s import figures (UN Comtrade) 2019–2022; China\'s export figures (UN Comtrade) 2023';
  await page.locator('#chart-notes').waitFor({ state: 'visible' });
  assert.equal(await page.textContent('#chart-notes'), `A hollow point: the figures change source there. ${note}`);
  assert.equal(await page.locator('#chart-table tfoot td').textContent(), note);
  await page.locator('#chart').screenshot({ path: join(ARTIFACTS, 'chart-source-change.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a file with re-exports offers the flows, and each choice shows the core\'s figure', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  // tests/fixtures/counting/comtrade_legacy_latin1.csv, France's 2019 trade (worked out in
  // tests/engine_counting.rs): exports to Kazakhstan $500, a re-export to Kazakhstan $60, imports from Italy
  // (code 381) $700, a re-import from Italy $25, imports from France itself $15 (a re-import).
  await page.setInputFiles('#file-input', join('tests/fixtures/counting', 'comtrade_legacy_latin1.csv'));
  await page.locator('#file-back').waitFor({ state: 'visible' });
  const flow = page.locator('#file-flow');
  assert.equal(await flow.isVisible(), true, 'the file has re-exports: the choice shows');
  assert.equal(await flow.inputValue(), '');
  assert.match(await route(page, 'France → Kazakhstan').innerText(), /\$500(?!\d)/);
  assert.match(await route(page, 'Italy → France').innerText(), /\$700(?!\d)/);
  // Re-exports: the $60 alone, and no import.
  await flow.selectOption('re-export');
  await page.waitForFunction(() => /\$60(?!\d)/.test(document.querySelector('#routes')?.innerText ?? ''));
  assert.match(await route(page, 'France → Kazakhstan').innerText(), /\$60(?!\d)/);
  assert.equal(await route(page, 'Italy → France').count(), 0);
  await page.locator('#file-status').screenshot({ path: join(ARTIFACTS, 'counting-flow.png') });
  await page.click('.data-table summary');
  await page.locator('.data-table table.all-goods-only').waitFor({ state: 'visible' });
  const row = page.locator('.data-table table.all-goods-only tbody tr', { hasText: /^FranceKazakhstan/ }).first();
  assert.match(await row.innerText(), /\$60(?!\d)/);
  // Re-imports: Italy's $25; France's own $15 is never a route.
  await flow.selectOption('re-import');
  await page.waitForFunction(() => /\$25(?!\d)/.test(document.querySelector('#routes')?.innerText ?? ''));
  assert.match(await route(page, 'Italy → France').innerText(), /\$25(?!\d)/);
  assert.equal(await route(page, 'France → France').count(), 0);
  assert.equal(await route(page, 'France → Kazakhstan').count(), 0);
  // Back to exports and imports.
  await flow.selectOption('');
  await page.waitForFunction(() => /\$700(?!\d)/.test(document.querySelector('#routes')?.innerText ?? ''));
  assert.match(await route(page, 'France → Kazakhstan').innerText(), /\$500(?!\d)/);
  // A file with neither: no choice.
  await page.setInputFiles('#file-input', join('tests/fixtures/counting', 'source_change.csv'));
  await page.locator('#file-message', { hasText: 'Showing source_change.csv' }).waitFor();
  assert.equal(await flow.isHidden(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('what the reader guessed is said in the status line', async () => {
  const { page, errors } = await openPage(site, 1280, 800);
  // BACI up to V202201 numbers Italy 381; loaded without its code file, the built-in table reads it, and
  // says so.
  await page.setInputFiles('#file-input', join('tests/fixtures/counting', 'BACI_HS92_Y2019_V202201.csv'));
  await page.locator('#file-back').waitFor({ state: 'visible' });
  const message = await page.locator('#file-message').textContent();
  assert.match(message, /Notes: BACI_HS92_Y2019_V202201\.csv: [^;]*no country-code file[^;]*381 as Italy \(ITA\)/);
  assert.equal(await page.locator('#file-flow').isHidden(), true, 'BACI has no re-exports');
  assert.deepEqual(errors, []);
  await page.close();
});
