// What the bench scripts share: the served bench folder, a headless Chromium and the generated BACI zips.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { zipOf } from '../scripts/zip.mjs';

export { serveDir } from '../scripts/serve.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--enable-precise-memory-info', '--js-flags=--expose-gc'];

/** A temporary folder to serve: the bench page, the wasm package `pkg`, the npm packages and the tables. */
export function benchSite(pkg = 'target/bench-pkg') {
  const dir = mkdtempSync(join(tmpdir(), 'roundabout-bench-'));
  symlinkSync(resolve('bench/page.html'), join(dir, 'index.html'));
  symlinkSync(resolve('bench/page.mjs'), join(dir, 'page.mjs'));
  symlinkSync(resolve('bench/plain-js.mjs'), join(dir, 'plain-js.mjs'));
  symlinkSync(resolve(pkg), join(dir, 'pkg'));
  symlinkSync(resolve('node_modules'), join(dir, 'm'));
  symlinkSync(resolve('bench/data'), join(dir, 'data'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Headless Chromium with a fresh profile, removed on close. */
export async function headlessChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'roundabout-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** The seed of every generated table: the same tables in every run. */
export const SEED = 42;

/** bench/data/baci-ROWS.csv: one generated BACI-like year (`roundabout generate`), made once. */
export function generatedCsv(rows) {
  const data = resolve('bench/data');
  mkdirSync(data, { recursive: true });
  const csv = join(data, `baci-${rows}.csv`);
  if (!existsSync(csv)) {
    const bin = existsSync('target/release/roundabout') ? 'target/release/roundabout' : 'target/debug/roundabout';
    execFileSync(bin, ['generate', '--rows', String(rows), '--seed', String(SEED), '--out', csv], { stdio: 'inherit' });
  }
  return csv;
}

/** bench/data/comtrade-ROWS.csv: a generated UN Comtrade Plus file of all 47 columns (`roundabout generate
 * --comtrade-plus`), made once. */
export function generatedComtradeCsv(rows) {
  const csv = resolve('bench/data', `comtrade-${rows}.csv`);
  if (!existsSync(csv)) {
    mkdirSync(resolve('bench/data'), { recursive: true });
    const bin = existsSync('target/release/roundabout') ? 'target/release/roundabout' : 'target/debug/roundabout';
    execFileSync(bin, ['generate', '--comtrade-plus', '--rows', String(rows), '--seed', String(SEED), '--out', csv], { stdio: 'inherit' });
  }
  return csv;
}

/** bench/data/baci-ROWS-by-route.csv: the generated year with its rows sorted by exporter, importer and
 * product, as a file that comes route by route has them; made once. */
export function routeOrderedCsv(rows) {
  const sorted = resolve('bench/data', `baci-${rows}-by-route.csv`);
  if (existsSync(sorted)) return sorted;
  const [header, ...lines] = readFileSync(generatedCsv(rows), 'latin1').split('\n').filter(Boolean);
  const key = (line) => line.split(',', 4).slice(1).map(Number);
  const keyed = lines.map((line) => [key(line), line]);
  keyed.sort(([a], [b]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  writeFileSync(sorted, `${header}\n${keyed.map(([, line]) => line).join('\n')}\n`, 'latin1');
  return sorted;
}

/**
 * bench/data/baci-ROWS.zip: the generated year zipped under BACI's name for 2023, made once. Its CSV is kept
 * when `keepCsv` (other steps read it), else removed when made only for the zip. Returns the zip's path.
 */
export function generatedZip(rows, { keepCsv = true } = {}) {
  const zip = resolve('bench/data', `baci-${rows}.zip`);
  if (existsSync(zip)) return zip;
  const made = !existsSync(resolve('bench/data', `baci-${rows}.csv`));
  const csv = generatedCsv(rows);
  writeFileSync(zip, zipOf([['BACI_HS22_Y2023_V202501.csv', readFileSync(csv)]]));
  if (made && !keepCsv) rmSync(csv);
  return zip;
}
