// `./build.sh bench`, the worker's two modules: the one built with SIMD128 (which browsers with SIMD128 run)
// against the scalar one, each reading the same dropped file on the page's path (dist/worker.js, one
// worker), in turn within each run: BACI years of 1M and 5M rows, and a UN Comtrade Plus file of 47
// columns with quoted descriptions. Writes bench/simd.json and bench/SIMD.md.
//   node bench/simd.mjs   (after ./build.sh build; ROUNDABOUT_SIMD_RUNS=5)
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { generatedComtradeCsv, generatedCsv, headlessChromium, serveDir } from './site.mjs';

const RUNS = Number(process.env.ROUNDABOUT_SIMD_RUNS ?? 5);
const FILES = [generatedCsv(1000000), generatedCsv(5000000), generatedComtradeCsv(400000)];

const PAGE = `<!doctype html><meta charset="utf-8"><title>SIMD128</title><link rel="icon" href="data:,"><script type="module">
/** The worker reading \`file\` with one module: its time from the first byte read to the table in. */
const load = (file, scalar) => new Promise((resolve, reject) => {
  const worker = new Worker('/site/worker.js', { type: 'module' });
  worker.onmessage = ({ data }) => {
    if (data.type === 'loaded') { worker.terminate(); resolve(data.ms); }
    else if (data.type === 'error') { worker.terminate(); reject(new Error(data.message ?? data.internal)); }
  };
  worker.postMessage({ files: [file], codes: [], routes: [], workers: 1, bench: true, scalar });
});
window.simd = async (name, runs) => {
  const bytes = new Uint8Array(await (await fetch('/data/' + name)).arrayBuffer());
  const out = [];
  // One file read by every load: a new File a load filled the browser's blob storage at 5M rows.
  const file = new File([bytes], name);
  for (let r = 0; r <= runs; r += 1) {
    // Which goes first alternates: neither always meets the other's leftovers.
    const order = r % 2 ? [true, false] : [false, true];
    const run = {};
    for (const scalar of order) run[scalar ? 'scalar' : 'simd'] = await load(file, scalar);
    if (r > 0) out.push(run);
  }
  return { bytes: bytes.length, runs: out };
};
window.ready = true;
</script>`;

const dir = mkdtempSync(join(tmpdir(), 'roundabout-simd-'));
writeFileSync(join(dir, 'index.html'), PAGE);
symlinkSync(resolve('dist'), join(dir, 'site'));
symlinkSync(resolve('bench/data'), join(dir, 'data'));
const server = await serveDir(dir, 0, '/', { csp: false });
const { context, close } = await headlessChromium();
const page = await context.newPage();
const fetched = new Set();
page.on('request', (r) => { if (r.url().endsWith('.wasm')) fetched.add(basename(r.url())); });
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForFunction(() => window.ready === true);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const results = { cpu: cpus()[0]?.model, cores: cpus().length, date: new Date().toISOString(), runs: RUNS, files: [] };
for (const path of FILES) {
  const name = basename(path);
  const load = loadavg()[0];
  const raw = await page.evaluate(([n, r]) => window.simd(n, r), [name, RUNS]);
  const file = {
    name,
    mb: raw.bytes / 1e6,
    simd: median(raw.runs.map((r) => r.simd)),
    scalar: median(raw.runs.map((r) => r.scalar)),
    // Within each run the scalar module's time over the SIMD128 one's (above 1: SIMD128 quicker), then the median.
    ratio: median(raw.runs.map((r) => r.scalar / r.simd)),
    load: [load, loadavg()[0]],
    raw: raw.runs,
  };
  results.files.push(file);
  console.log(JSON.stringify({ name, simd: file.simd, scalar: file.scalar, ratio: file.ratio }));
}
if (!fetched.has('roundabout_worker_simd_bg.wasm') || !fetched.has('roundabout_worker_bg.wasm')) {
  throw new Error(`both modules must have run: fetched ${[...fetched].join(', ')}`);
}
await close();
server.close();
rmSync(dir, { recursive: true, force: true });

writeFileSync('bench/simd.json', `${JSON.stringify(results, null, 2)}\n`);
const f = (x, d = 2) => x.toFixed(d);
writeFileSync('bench/SIMD.md', [
  '# The worker\'s SIMD128 module', '',
  `Written by \`node bench/simd.mjs\` (part of \`./build.sh bench\`) on ${results.date}: ${results.cpu}, ${results.cores} cores, headless Chromium. `
  + 'The page\'s worker (`dist/worker.js`, one worker) reads each file as a dropped file twice in each run, once with the module built '
  + 'with SIMD128 (`roundabout_worker_simd_bg.wasm`, which it runs where the browser validates a SIMD128 instruction) and once with the '
  + 'scalar module (`roundabout_worker_bg.wasm`, every other browser\'s), in alternating order; timed from its first byte read to the table in. '
  + `${RUNS} runs after a warm-up; medians of times, and the median of the ratios within each run (scalar over SIMD128: above 1, SIMD128 is quicker). `
  + 'The SIMD128 module finds line ends (memchr) and the commas of lines read by the general reader sixteen bytes at a time '
  + '(src/ingest/commas.rs); BACI\'s usual lines are read in one pass by the same code in both.', '',
  '| file | MB | SIMD128 (ms) | scalar (ms) | scalar ÷ SIMD128 | load average |', '|---|---|---|---|---|---|',
  ...results.files.map((x) => `| ${x.name} | ${f(x.mb, 1)} | ${f(x.simd, 0)} | ${f(x.scalar, 0)} | ${f(x.ratio)} | ${f(x.load[0])} → ${f(x.load[1])} |`),
  '',
].join('\n'));
