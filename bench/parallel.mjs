// `./build.sh bench`, the parallel load: the page's worker reading a BACI-like file with 1, 2 and 4
// workers (this machine has 2 cores: 4 is oversubscribed), as ratios within each run against the plain
// JS loader and DuckDB-wasm. Writes bench/parallel.json and bench/PARALLEL.md, with the machine's load
// (other work on the machine slows every figure).
//   node bench/parallel.mjs   (ROUNDABOUT_PARALLEL_ROWS=1000000,5000000; ROUNDABOUT_PARALLEL_RUNS=3)
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generatedCsv, headlessChromium, serveDir } from './site.mjs';

const SIZES = (process.env.ROUNDABOUT_PARALLEL_ROWS ?? '1000000,5000000').split(',').map(Number);
const RUNS = Number(process.env.ROUNDABOUT_PARALLEL_RUNS ?? 3);
const COUNTS = [1, 2, 4];
// DuckDB at 5e6 rows takes most of a minute a run here: it runs at the sizes up to this one.
const DUCKDB_MAX = Number(process.env.ROUNDABOUT_PARALLEL_DUCKDB_MAX ?? 5000000);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
const f = (x, d = 2) => (x == null ? '–' : x.toFixed(d));

for (const rows of SIZES) generatedCsv(rows);
const dir = mkdtempSync(join(tmpdir(), 'roundabout-parallel-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>parallel load</title><link rel="icon" href="data:,">'
  + '<script type="importmap">{ "imports": { "apache-arrow": "/m/apache-arrow/Arrow.dom.mjs", "flatbuffers": "/m/flatbuffers/mjs/flatbuffers.js", "tslib": "/m/tslib/tslib.es6.mjs" } }</script>'
  + '<script type="module" src="/parallel-page.mjs"></script>');
for (const [link, target] of [['parallel-page.mjs', 'bench/parallel-page.mjs'], ['plain-js.mjs', 'bench/plain-js.mjs'], ['site', 'dist'], ['m', 'node_modules'], ['data', 'bench/data']]) {
  symlinkSync(resolve(target), join(dir, link));
}
const server = await serveDir(dir, 0, '/', { csp: false });
const { context, close } = await headlessChromium();
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 }).catch(() => {
  throw new Error(`the bench page did not start: ${errors.join('; ')}`);
});
const results = { cpu: readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1], cores: cpus().length, date: new Date().toISOString(), sizes: [] };
for (const rows of SIZES) {
  const load = loadavg()[0];
  const peers = ['plainjs', ...(rows <= DUCKDB_MAX ? ['duckdb'] : [])];
  const raw = await page.evaluate(([n, r, c, p]) => window.parallel(n, r, c, p), [rows, RUNS, COUNTS, peers]);
  const s = { rows, mb: raw.bytes / 1e6, loadBefore: load, loadAfter: loadavg()[0], median: {}, ratio: {}, raw: raw.runs };
  for (const n of COUNTS) {
    const key = `workers${n}`;
    s.median[key] = median(raw.runs.map((r) => r[key]));
    // Within each run the peer's time over the workers', then the median of those ratios.
    for (const peer of peers) s.ratio[`${peer}/${key}`] = median(raw.runs.map((r) => r[peer] / r[key]));
    s.ratio[`workers1/${key}`] = median(raw.runs.map((r) => r.workers1 / r[key]));
  }
  for (const peer of peers) s.median[peer] = median(raw.runs.map((r) => r[peer]));
  results.sizes.push(s);
  console.log(JSON.stringify({ rows, median: s.median, ratio: s.ratio, load: [load, s.loadAfter] }));
}
await close();
server.close();
rmSync(dir, { recursive: true, force: true });

const lines = [
  '# Parallel load', '',
  `Written by \`node bench/parallel.mjs\` (part of \`./build.sh bench\`) on ${results.date}: ${results.cpu}, ${results.cores} cores, `
  + `headless Chromium. The page's own worker (\`dist/worker.js\`) reads the file as a dropped file with 1, 2 or 4 workers `
  + '(`?workers=N`; 4 on this 2-core machine is oversubscribed), timed from its first byte read to the table joined, '
  + 'the helpers\' start included; the plain JS loader (bench/plain-js.mjs) and DuckDB-wasm load the same bytes, in turn within each run. '
  + `${RUNS} runs after a warm-up; medians of times, and medians of the ratios within each run (peer's time over ours: above 1, ours is quicker). `
  + 'The load average (1 min) before and after each size says how busy the machine was: figures taken while other work ran are slower and noisier.', '',
  '| rows | MB | workers | load (ms) | MB/s | × one worker | × plain JS | × DuckDB-wasm | load average |', '|---|---|---|---|---|---|---|---|---|',
];
for (const s of results.sizes) {
  for (const n of COUNTS) {
    const ms = s.median[`workers${n}`];
    lines.push(`| ${s.rows} | ${f(s.mb, 1)} | ${n} | ${f(ms, 0)} | ${f(s.mb / (ms / 1e3), 0)} | ${f(s.ratio[`workers1/workers${n}`])} | `
      + `${f(s.ratio[`plainjs/workers${n}`])} | ${f(s.ratio[`duckdb/workers${n}`])} | ${f(s.loadBefore)} → ${f(s.loadAfter)} |`);
  }
  lines.push(`| ${s.rows} | ${f(s.mb, 1)} | plain JS | ${f(s.median.plainjs, 0)} | ${f(s.mb / (s.median.plainjs / 1e3), 0)} | | | | |`);
  if (s.median.duckdb) lines.push(`| ${s.rows} | ${f(s.mb, 1)} | DuckDB-wasm | ${f(s.median.duckdb, 0)} | ${f(s.mb / (s.median.duckdb / 1e3), 0)} | | | | |`);
}
lines.push('', 'Where the rest goes, by construction: the worker that cuts and joins is a thread beside the helpers; the join copies '
  + 'every row once more (renumbered, 20 bytes a row) and sorts by route once, on one core, as one worker does; each piece crosses '
  + 'two copies (out of a helper\'s wasm memory into a transferable buffer, and into the joining worker\'s memory). With more '
  + 'helpers than cores they only take turns.');
writeFileSync('bench/parallel.json', `${JSON.stringify(results, null, 2)}\n`);
writeFileSync('bench/PARALLEL.md', `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
