// `./build.sh bench`: Roundabout's wasm against DuckDB-wasm, Arquero and a plain JS loader in headless Chromium, plus the page's
// size and time to first map. Writes bench/results.json and bench/RESULTS.md.
//   node bench/browser.mjs   (ROUNDABOUT_BENCH_ROWS=100000,1000000 to pick sizes; tables in bench/data)
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SEED, benchSite, generatedCsv, headlessChromium, serveDir } from './site.mjs';

const SIZES = (process.env.ROUNDABOUT_BENCH_ROWS ?? '100000,1000000,5000000').split(',').map(Number);
// Arquero's CSV reader holds every value as a JS object: past a million rows one run takes minutes.
const ARQUERO_MAX = Number(process.env.ROUNDABOUT_BENCH_ARQUERO_MAX ?? 1000000);
const RUNS = 5;
const SITE = resolve('dist');
const TASKS = ['load', 'route', 'group'];
const PEERS = ['duckdb', 'arquero', 'plainjs'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };

function tables() {
  for (const rows of SIZES) generatedCsv(rows);
}

function summarise(size) {
  const s = { rows: size.rows, mb: size.bytes / 1e6, median: {}, ratio: {} };
  for (const peer of ['roundabout', ...PEERS]) {
    const runs = size.runs.map((r) => r[peer]).filter(Boolean);
    if (!runs.length) continue;
    s.median[peer] = Object.fromEntries(TASKS.map((t) => [t, median(runs.map((r) => r[t]))]));
    s.median[peer].loadMBs = s.mb / (s.median[peer].load / 1e3);
    s.median[peer].memory = median(runs.map((r) => r.memory));
    s.median[peer].memoryHow = runs[0].memoryHow;
    s.median[peer].groups = runs[0].groups;
    s.median[peer].routeGroups = runs[0].routeGroups;
    if (runs[0].bytesPerRow) s.median[peer].bytesPerRow = runs[0].bytesPerRow;
    if (peer !== 'roundabout') {
      // Peer time over Roundabout's within each run, then the median of those ratios.
      s.ratio[peer] = Object.fromEntries(TASKS.map((t) => [t, median(size.runs.filter((r) => r[peer]).map((r) => r[peer][t] / r.roundabout[t]))]));
    }
  }
  return s;
}

function sizes() {
  const files = (dir, re) => readdirSync(dir).filter((f) => re.test(f)).map((f) => join(dir, f));
  const measure = (paths) => {
    const bytes = paths.map((p) => readFileSync(p));
    return {
      raw: bytes.reduce((n, b) => n + b.length, 0),
      gzip: bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
      brotli: bytes.reduce((n, b) => n + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0),
    };
  };
  const wasm = join(SITE, 'pkg/roundabout_bg.wasm');
  const workerWasm = join(SITE, 'pkg/roundabout_worker_bg.wasm');
  // As build.sh counts it: what the page loads before its map; the worker comes later.
  const code = [join(SITE, 'index.html'), join(SITE, 'style.css'), join(SITE, 'main.js'), wasm];
  const worker = [join(SITE, 'worker.js'), workerWasm];
  return {
    wasm: measure([wasm]), page: measure(code), 'worker wasm': measure([workerWasm]), worker: measure(worker),
    data: measure(files(join(SITE, 'data'), /./)),
  };
}

/** Milliseconds from navigation start to the page's mark `roundabout-map-drawn` (made in the frame that shows
 * the first map). */
async function firstMap(context) {
  const server = await serveDir(SITE, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const times = [];
  for (let i = 0; i <= RUNS; i += 1) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const t = await page.evaluate(() => performance.getEntriesByName('roundabout-map-drawn')[0].startTime);
    if (i > 0) times.push(t);
    await page.close();
  }
  server.close();
  return { ms: median(times), runs: times };
}

function machine(version) {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown';
  return { cpu, cores: cpus().length, chromium: version, node: process.version, date: new Date().toISOString() };
}

const f1 = (x, d = 1) => (x == null ? '–' : x.toFixed(d));
const mib = (b) => (b == null ? '–' : `${(b / 2 ** 20).toFixed(0)} MiB`);

/** The frame-time table of bench/frame.mjs, run just before. */
function frameLines() {
  if (!existsSync('bench/frame.json')) return ['Frame time: not measured (run `node bench/frame.mjs` first).'];
  const { results } = JSON.parse(readFileSync('bench/frame.json', 'utf8'));
  return ['Frame time for 500 flows over the 50m countries (bench/frame.mjs; details in [FRAME.md](FRAME.md)):', '',
    '| size | pixel ratio | after a flow change (ms) | after a pan (ms) | during a zoom (ms) | after a zoom settles (ms) |', '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.width}×${r.height} | ${r.ratio} | ${r.median.toFixed(1)} | ${r.panned?.median.toFixed(1) ?? '–'} | ${r.zooming?.median.toFixed(1) ?? '–'} | ${r.zoomed?.median.toFixed(1) ?? '–'} |`)];
}

/** The memory table of bench/memory.mjs, run just before. */
function memoryLines() {
  if (!existsSync('bench/memory.json')) return ['Peak memory: not measured (run `node bench/memory.mjs` first).'];
  const { results } = JSON.parse(readFileSync('bench/memory.json', 'utf8'));
  return ['Peak wasm memory against the store (bench/memory.mjs: a fresh instance per size, the file pushed 1 MiB at a '
    + 'time; a wasm memory never shrinks, so its size after a step is the peak up to it):', '',
    '| rows | store | after load | × store | after the route query | after the group-by | after load, rows in route order | × store |', '|---|---|---|---|---|---|---|---|',
    ...results.map((m) => `| ${m.rows} | ${mib(m.store)} | ${mib(m.load)} | ${(m.load / m.store).toFixed(2)} | ${mib(m.route)} | ${mib(m.group)} | `
      + `${m.byRoute ? `${mib(m.byRoute.load)} | ${(m.byRoute.load / m.byRoute.store).toFixed(2)}` : '– | –'} |`)];
}

/** Where the first map's time goes, from bench/first-map.mjs, run just before. */
function firstMapLines() {
  if (!existsSync('bench/first-map.json')) return ['First map breakdown: not measured (run `node bench/first-map.mjs` first).'];
  const { summary, runs, load } = JSON.parse(readFileSync('bench/first-map.json', 'utf8'));
  return [`Where the first map's time goes (bench/first-map.mjs: ${runs} runs after a cold one, medians, ms from navigation start `
    + `unless said; load average ${load}):`, '', '| step | ms |', '|---|---|',
    ...Object.entries(summary).map(([step, ms]) => `| ${step.trim()} | ${f1(ms)} |`)];
}

function markdown(r) {
  const lines = ['# Benchmarks', '',
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores (shared with other work); Chromium ${r.machine.chromium}; `
    + `node ${r.machine.node}; ${r.machine.date}. Written by \`./build.sh bench\` (bench/browser.mjs).`, '',
    `Seeded BACI-like tables (\`roundabout generate --seed ${SEED}\`). ${RUNS} runs after a warm-up; medians. `
    + 'A ratio is the peer\'s time over Roundabout\'s within one run, median over runs (above 1: Roundabout is faster).', '',
    '| rows | MB | task | Roundabout | DuckDB-wasm | Arquero | plain JS | ×DuckDB | ×Arquero | ×plain JS |', '|---|---|---|---|---|---|---|---|---|---|'];
  for (const s of r.sizes) {
    for (const t of TASKS) {
      const name = { load: 'load CSV (ms)', route: 'CHPL route query (ms)', group: 'group-by exp, imp, year, HS2 (ms)' }[t];
      const cell = (p) => (s.median[p] ? f1(s.median[p][t], t === 'route' ? 2 : 1) : '–');
      lines.push(`| ${s.rows} | ${f1(s.mb)} | ${name} | ${cell('roundabout')} | ${cell('duckdb')} | ${cell('arquero')} | ${cell('plainjs')} | `
        + `${f1(s.ratio.duckdb?.[t], 2)} | ${f1(s.ratio.arquero?.[t], 2)} | ${f1(s.ratio.plainjs?.[t], 2)} |`);
    }
    const each = (f) => ['roundabout', ...PEERS].map((p) => f(s.median[p])).join(' | ');
    lines.push(`| ${s.rows} | ${f1(s.mb)} | load speed (MB/s) | ${each((m) => f1(m?.loadMBs, 0))} | | | |`);
    lines.push(`| ${s.rows} | ${f1(s.mb)} | memory | ${each((m) => mib(m?.memory))} | | | |`);
    lines.push(`| ${s.rows} | ${f1(s.mb)} | resident bytes per row (store) | ${f1(s.median.roundabout?.bytesPerRow, 2)} | | | | | | |`);
  }
  lines.push('', 'Roundabout loads the CSV as the page loads a reader\'s file: pushed into the core 1 MiB at a time '
    + '(`FileFeed`), never copied whole into the wasm. Plain JS is bench/plain-js.mjs: the bytes parsed by hand into typed '
    + 'arrays with no validation, and the two queries over them with a `Map`, as a script author would write them: the '
    + 'floor beside every figure. Every peer must find the groups Roundabout finds, or the run stops.', '',
    'Memory: Roundabout, the wasm linear memory size after load and queries (it never shrinks); DuckDB, `duckdb_memory()` in its worker; plain JS, the bytes of its typed arrays; Arquero, JS heap growth over the load '
    + '(`performance.memory` with precise memory info, after gc). `performance.measureUserAgentSpecificMemory` needs '
    + 'cross-origin isolation, which the bench server does not set up.', '',
    `Arquero runs only up to ${ARQUERO_MAX} rows.`, '', ...memoryLines(), '',
    '## The page', '', '| what | raw | gzip | brotli |', '|---|---|---|---|');
  for (const [k, v] of Object.entries(r.page.sizes)) lines.push(`| ${k} | ${v.raw} | ${v.gzip} | ${v.brotli} |`);
  lines.push('', '`wasm` is the page\'s module; `page` is what the page loads before its first map (that wasm, the bundled '
    + 'JS, CSS and HTML, without data); `worker` is the worker\'s bundled JS and module, fetched when a reader loads a file '
    + 'or nears the analysis views. Sizes in bytes.', '',
    `Navigation to the first drawn map (the page's mark \`roundabout-map-drawn\`), localhost, 1280×800: median ${f1(r.page.firstMap.ms)} ms `
    + `(runs: ${r.page.firstMap.runs.map((x) => f1(x)).join(', ')}).`, '',
    ...frameLines(), '', ...firstMapLines(), '',
    'Where the time goes in each task: [PROFILE.md](PROFILE.md). Several workers: [PARALLEL.md](PARALLEL.md). A zip\'s '
    + 'inflaters: [INFLATE.md](INFLATE.md). Every load goal against this run\'s figures: [GOALS.md](GOALS.md).', '');
  return lines.join('\n');
}

tables();
const root = benchSite();
const server = await serveDir(root.dir, 0, '/', { csp: false });
const { context, close } = await headlessChromium();
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 }).catch(() => {
  throw new Error(`the bench page did not start: ${errors.join('; ')}`);
});
const results = { machine: machine(context.browser()?.version() ?? 'unknown'), sizes: [], raw: [] };
for (const rows of SIZES) {
  const peers = ['roundabout', 'duckdb', 'plainjs', ...(rows <= ARQUERO_MAX ? ['arquero'] : [])];
  const raw = await page.evaluate(([n, r, p]) => window.bench(n, r, p), [rows, RUNS, peers]);
  results.raw.push(raw);
  const s = summarise(raw);
  results.sizes.push(s);
  console.log(JSON.stringify({ rows, median: s.median, ratio: s.ratio }));
}
await page.close();
results.page = { sizes: sizes(), firstMap: await firstMap(context) };
await close();
server.close();
root.remove();
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
writeFileSync('bench/RESULTS.md', markdown(results));
console.log(markdown(results));
