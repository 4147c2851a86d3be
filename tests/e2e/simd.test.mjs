// The worker's two modules, the one built with SIMD128 (which a browser with SIMD128 runs) and the scalar
// one (which a browser without it runs), read the same files to the same cut for the map: the same rows,
// the same summary, the same bad rows on the same lines. Files of quoted fields, Latin-1 text, long
// Comtrade lines (whose commas the SIMD128 module finds sixteen bytes at a time) and BACI.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, openSite } from './browser.mjs';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

const FILES = [
  ['comtrade_plus_traps.csv', 'tests/fixtures/counting/comtrade_plus_traps.csv'],
  ['comtrade_legacy_latin1.csv', 'tests/fixtures/counting/comtrade_legacy_latin1.csv'],
  ['BACI_HS92_Y2019_V202201.csv', 'tests/fixtures/counting/BACI_HS92_Y2019_V202201.csv'],
  ['comtrade_bad_rows.csv', 'tests/fixtures/malformed/comtrade_bad_rows.csv'],
  ['tidy_semicolon.csv', 'tests/fixtures/malformed/tidy_semicolon.csv'],
];

/** Long Comtrade Plus lines: quoted names and descriptions (commas inside quotes, `""` for a quote) at
 * every distance from a sixteen-byte boundary, and one bad value far into the file. */
function longLines() {
  const header = 'typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,cmdCode,cmdDesc,customsCode,motCode,qtyUnitAbbr,qty,primaryValue';
  const lines = [header];
  const partners = [['156', 'CHN', 'China'], ['643', 'RUS', 'Russian Federation'], ['490', 'S19', '"Other Asia, nes"'], ['344', 'HKG', '"China, Hong Kong SAR"']];
  for (let r = 0; r < 600; r += 1) {
    const [code, iso, name] = partners[r % 4];
    const pad = 'x'.repeat(r % 17);
    const value = r === 451 ? '12.5x' : `${(r * 37) % 1000}.${r % 100}`;
    lines.push(`C,A,20230101,2023,52,2023,398,KAZ,Kazakhstan${pad},X,Export,${code},${iso},${name},0,8542${String(31 + (r % 3))},"Processors, ""controllers"" ${pad}",C00,0,kg,${r},${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The cut each module makes of each file (name, bytes), and the wasm files the workers fetched. */
async function cuts(files) {
  const { page, errors } = await openPage(site, 1280, 800);
  const fetched = new Set();
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) fetched.add(r.url().split('/').pop()); });
  const read = (file, scalar) => page.evaluate(async ({ name, bytes, scalar: s, base }) => {
    const worker = new Worker(`${base}/worker.js`, { type: 'module' });
    try {
      return await new Promise((resolve, reject) => {
        worker.onmessage = ({ data }) => {
          if (data.type === 'done') resolve({ table: [...data.table], summary: data.summary, label: data.label });
          else if (data.type === 'error') resolve({ error: data.message ?? data.internal });
        };
        worker.onerror = (e) => reject(new Error(e.message));
        const files = [new File([new Uint8Array(bytes)], name)];
        worker.postMessage({ files, codes: [], routes: ['CHN>KAZ', 'KAZ>RUS'], lang: 'en', scalar: s });
      });
    } finally {
      worker.terminate();
    }
  }, { name: file[0], bytes: [...file[1]], scalar, base: site.base });
  const made = [];
  for (const file of files) made.push({ name: file[0], simd: await read(file, false), scalar: await read(file, true) });
  assert.deepEqual(errors, []);
  await page.close();
  return { made, fetched };
}

test('the SIMD128 module and the scalar module make the same cut of every kind of file', async () => {
  const files = [...FILES.map(([name, path]) => [name, readFileSync(path)]), ['long_lines.csv', Buffer.from(longLines())]];
  const { made, fetched } = await cuts(files);
  assert.deepEqual(fetched, new Set(['roundabout_worker_simd_bg.wasm', 'roundabout_worker_bg.wasm']), 'both modules fetched');
  for (const { name, simd, scalar } of made) {
    assert.deepEqual(simd, scalar, name);
    assert.ok(simd.summary?.rows > 0 || simd.error, `${name}: rows read, or the file refused in both`);
  }
  assert.match(JSON.stringify(made.at(-1).simd.summary), /line 453, column `primaryValue`: found `12.5x`/, 'the long lines\' bad value named on its line');
});
