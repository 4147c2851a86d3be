// `./build.sh bench`, the parallel load: the page's worker reading a BACI-like file with 1, 2 and 4
// workers (this machine has 2 cores: 4 is oversubscribed), as ratios within each run against the plain
// JS loader and DuckDB-wasm. Writes bench/parallel.json and bench/PARALLEL.md, with the machine's load
// (other work on the machine slows every figure).
//   node bench/parallel.mjs   (ROUNDABOUT_PARALLEL_ROWS=1000000,5000000; ROUNDABOUT_PARALLEL_RUNS=3)
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generatedCsv, headlessChromium, routeOrderedCsv, serveDir } from './site.mjs';

const SIZES = (process.env.ROUNDABOUT_PARALLEL_ROWS ?? '1000000,5000000').split(',').map(Number);
const RUNS = Number(process.env.ROUNDABOUT_PARALLEL_RUNS ?? 3);
const COUNTS = [1, 2, 4];
// DuckDB at 5e6 rows takes most of a minute a run here: it runs at the sizes up to this one.
const DUCKDB_MAX = Number(process.env.ROUNDABOUT_PARALLEL_DUCKDB_MAX ?? 5000000);

/** The CPU time of each thread of the page's process over one traced load with `workers` workers (ms): the
 * main thread, the worker that reads the file and joins the pieces (the first worker busy in the load),
 * and the helpers together; the load's wall time beside. A thread's CPU time is that of its top-level tasks. */
async function threadTimes(page, rows, workers) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', '__metadata'] } });
  const ms = await page.evaluate(([n, w]) => window.tracedLoad(n, w), [rows, workers]);
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const mark = (name) => events.find((e) => e.name === name);
  const [start, end] = [mark('traced-load-start'), mark('traced-load-end')];
  if (!start || !end) throw new Error('the trace holds no load marks');
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  // Spans: complete events, and begin/end pairs (a task that runs its microtasks long is one of those).
  const spans = events.filter((x) => x.ph === 'X' && x.pid === start.pid);
  const open = new Map();
  for (const x of events.filter((y) => (y.ph === 'B' || y.ph === 'E') && y.pid === start.pid).sort((a, b) => a.ts - b.ts)) {
    const key = `${x.pid}:${x.tid}`;
    if (x.ph === 'B') (open.get(key) ?? open.set(key, []).get(key)).push(x);
    else {
      const b = open.get(key)?.pop();
      if (b) spans.push({ pid: b.pid, tid: b.tid, ts: b.ts, dur: x.ts - b.ts, tdur: b.tts !== undefined && x.tts !== undefined ? x.tts - b.tts : undefined });
    }
  }
  const threads = new Map(); // thread → { cpu, first }
  const lastEnd = new Map();
  for (const e of spans.filter((x) => x.ts + (x.dur ?? 0) > start.ts && x.ts < end.ts).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ts < (lastEnd.get(key) ?? 0)) continue; // inside a task already counted
    lastEnd.set(key, e.ts + (e.dur ?? 0));
    // The share of the task inside the load's window.
    const inside = e.dur ? (Math.min(e.ts + e.dur, end.ts) - Math.max(e.ts, start.ts)) / e.dur : 1;
    const t = threads.get(key) ?? { cpu: 0, first: Math.max(e.ts, start.ts) };
    t.cpu += (inside * (e.tdur ?? e.dur ?? 0)) / 1000;
    threads.set(key, t);
  }
  const of = (name) => [...threads].filter(([key]) => names.get(key) === name);
  const main = of('CrRendererMain').reduce((s, [, t]) => s + t.cpu, 0);
  // Workers idle through the load (DuckDB's) do next to nothing; the reading worker starts first.
  const workerThreads = of('DedicatedWorker thread').filter(([, t]) => t.cpu > 1).sort((a, b) => a[1].first - b[1].first);
  const reader = workerThreads[0]?.[1].cpu ?? 0;
  const helpers = workerThreads.slice(1).reduce((s, [, t]) => s + t.cpu, 0);
  return { workers, loaded: ms, wall: (end.ts - start.ts) / 1000, main, reader, helpers, total: main + reader + helpers };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
const f = (x, d = 2) => (x == null ? '–' : x.toFixed(d));

for (const rows of SIZES) routeOrderedCsv(rows);
const dir = mkdtempSync(join(tmpdir(), 'roundabout-parallel-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>parallel load</title><link rel="icon" href="data:,">'
  + '<script type="importmap">{ "imports": { "apache-arrow": "/m/apache-arrow/Arrow.dom.mjs", "flatbuffers": "/m/flatbuffers/mjs/flatbuffers.js", "tslib": "/m/tslib/tslib.es6.mjs" } }</script>'
  + '<script type="module" src="/parallel-page.mjs"></script>');
for (const [link, target] of [['parallel-page.mjs', 'bench/parallel-page.mjs'], ['plain-js.mjs', 'bench/plain-js.mjs'], ['plain-js-worker.mjs', 'bench/plain-js-worker.mjs'], ['site', 'dist'], ['m', 'node_modules'], ['data', 'bench/data']]) {
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
  const peers = ['plainjs', 'plainjsFile', 'byRoute', ...(rows <= DUCKDB_MAX ? ['duckdb'] : [])];
  const raw = await page.evaluate(([n, r, c, p]) => window.parallel(n, r, c, p), [rows, RUNS, COUNTS, peers]);
  const s = { rows, mb: raw.bytes / 1e6, loadBefore: load, loadAfter: loadavg()[0], median: {}, ratio: {}, raw: raw.runs };
  for (const n of COUNTS) {
    const key = `workers${n}`;
    s.median[key] = median(raw.runs.map((r) => r[key]));
    // Within each run the peer's time over the workers', then the median of those ratios.
    for (const peer of peers) s.ratio[`${peer}/${key}`] = median(raw.runs.map((r) => r[peer] / r[key]));
    s.ratio[`workers1/${key}`] = median(raw.runs.map((r) => r.workers1 / r[key]));
  }
  for (const peer of ['workers1', ...peers.filter((p) => p !== 'byRoute')]) s.ratio[`${peer}/byRoute`] = median(raw.runs.map((r) => r[peer] / r.byRoute));
  for (const peer of peers) s.median[peer] = median(raw.runs.map((r) => r[peer]));
  s.threads = [];
  for (const n of [1, 2]) s.threads.push(await threadTimes(page, rows, n));
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
  + 'the helpers\' start included; the plain JS loader (bench/plain-js.mjs) and DuckDB-wasm load the same bytes, in turn within each run, '
  + 'and the plain JS loader also runs on the page\'s path (bench/plain-js-worker.mjs: a fresh worker reads the same dropped file whole '
  + 'and parses it, timed from the read\'s start), which the last ratio compares with. The row "1, rows in route order" is one '
  + 'worker on the same rows sorted by exporter, importer and product (bench/data/baci-ROWS-by-route.csv), which the store puts '
  + 'in route order run by run; its "× one worker" is the random order\'s time over its own, and its other ratios set the peers\' '
  + 'times on the random order against it. '
  + `${RUNS} runs after a warm-up; medians of times, and medians of the ratios within each run (peer's time over ours: above 1, ours is quicker). `
  + 'The load average (1 min) before and after each size says how busy the machine was: figures taken while other work ran are slower and noisier.', '',
  '| rows | MB | workers | load (ms) | MB/s | × one worker | × plain JS | × DuckDB-wasm | × plain JS, the page\'s path | load average |', '|---|---|---|---|---|---|---|---|---|---|',
];
for (const s of results.sizes) {
  for (const n of COUNTS) {
    const ms = s.median[`workers${n}`];
    lines.push(`| ${s.rows} | ${f(s.mb, 1)} | ${n} | ${f(ms, 0)} | ${f(s.mb / (ms / 1e3), 0)} | ${f(s.ratio[`workers1/workers${n}`])} | `
      + `${f(s.ratio[`plainjs/workers${n}`])} | ${f(s.ratio[`duckdb/workers${n}`])} | ${f(s.ratio[`plainjsFile/workers${n}`])} | ${f(s.loadBefore)} → ${f(s.loadAfter)} |`);
  }
  const peerRow = (name, ms) => `| ${s.rows} | ${f(s.mb, 1)} | ${name} | ${f(ms, 0)} | ${f(s.mb / (ms / 1e3), 0)} | | | | | |`;
  lines.push(peerRow('plain JS', s.median.plainjs), peerRow('plain JS, the page\'s path', s.median.plainjsFile));
  if (s.median.duckdb) lines.push(peerRow('DuckDB-wasm', s.median.duckdb));
  lines.push(`| ${s.rows} | ${f(s.mb, 1)} | 1, rows in route order | ${f(s.median.byRoute, 0)} | ${f(s.mb / (s.median.byRoute / 1e3), 0)} | `
    + `${f(s.ratio['workers1/byRoute'])} | ${f(s.ratio['plainjs/byRoute'])} | ${f(s.ratio['duckdb/byRoute'])} | ${f(s.ratio['plainjsFile/byRoute'])} | |`);
}
lines.push('', 'Which thread did what: one more load of each size with 1 and 2 workers under a Chromium trace (which slows it a '
  + 'little), the CPU time of each thread\'s top-level tasks over the load, in ms. The reading worker reads the file; with helpers it '
  + 'cuts the file into pieces, sends them, and joins what comes back. The window starts as the page makes the worker, so it holds '
  + 'the workers\' start (their module\'s compile), which the table above leaves out; the file\'s bytes are read by the browser\'s '
  + 'own process, not counted here.', '',
'| rows | workers | wall, the workers\' start included | CPU in all | the page\'s main thread | the reading worker | the helpers |', '|---|---|---|---|---|---|---|');
for (const s of results.sizes) {
  for (const t of s.threads) lines.push(`| ${s.rows} | ${t.workers} | ${f(t.wall, 0)} | ${f(t.total, 0)} | ${f(t.main, 0)} | ${f(t.reader, 0)} | ${f(t.helpers, 0)} |`);
}
lines.push('', 'Where the rest goes: with helpers the work grows (CPU in all, above). The reading worker still reads every byte, cuts '
  + 'it into pieces and joins them: each helper sorts its piece by route, and the reading worker merges the sorted pieces, which '
  + 'copies every row once more (renumbered, 20 bytes a row); each piece crosses two copies (out of a helper\'s wasm memory into a '
  + 'transferable buffer, and into the reading worker\'s memory). With more helpers than cores they only take turns.');
writeFileSync('bench/parallel.json', `${JSON.stringify(results, null, 2)}\n`);
writeFileSync('bench/PARALLEL.md', `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
