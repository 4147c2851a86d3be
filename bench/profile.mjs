// Where Roundabout's wasm spends its time on the benchmark's tasks: Chromium's sampling profiler (DevTools
// protocol) around each task, self time summed by function. Writes bench/PROFILE.md and bench/profile.json.
//   node bench/profile.mjs   (ROUNDABOUT_BENCH_ROWS=5000000 by default; needs target/profile-pkg, see build.sh)
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchSite, headlessChromium, serveDir } from './site.mjs';

const ROWS = Number(process.env.ROUNDABOUT_BENCH_ROWS ?? 5000000);
const TOP = 12;
const TASKS = [
  ['load', 'parse the CSV into the store (one run)'],
  ['route', 'the CHPL route query, both legs (20 runs)'],
  ['group', 'the full group-by: exporter, importer, year, HS2 (one run)'],
];

/** `_ZN10roundabout6ingest4baci...17h0123456789abcdefE` → `roundabout::ingest::baci::…`. */
export function demangle(name) {
  const m = /^_ZN(.*)E$/.exec(name);
  if (!m) return name;
  const parts = [];
  let rest = m[1];
  while (rest.length) {
    const len = /^(\d+)/.exec(rest);
    if (!len) break;
    const start = len[1].length;
    parts.push(rest.slice(start, start + Number(len[1])));
    rest = rest.slice(start + Number(len[1]));
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts.join('::').replaceAll('$LT$', '<').replaceAll('$GT$', '>').replaceAll('$u20$', ' ')
    .replaceAll('$C$', ',').replaceAll('..', '::').replaceAll('$RF$', '&');
}

/** Self time by function name, as shares of the profile's total. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const name = demangle(byId.get(id)?.callFrame.functionName || '(anonymous)');
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([name, us]) => ({ name, share: us / total, ms: us / 1e3 }));
}

const root = benchSite('target/profile-pkg');
const server = await serveDir(root.dir, 0, '/', { csp: false });
const { context, close } = await headlessChromium();
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 });
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const bytes = await page.evaluate((rows) => window.roundaboutStep('fetch', rows), ROWS);
const out = [];
for (const [task, what] of TASKS) {
  await cdp.send('Profiler.start');
  const t = Date.now();
  await page.evaluate((step) => window.roundaboutStep(step), task);
  const ms = Date.now() - t;
  const { profile } = await cdp.send('Profiler.stop');
  out.push({ task, what, ms, top: selfTimes(profile) });
}
// The small table's load, where fixed costs would show: 20 loads back to back, profiled together.
const SMALL = 100000;
await page.evaluate((rows) => window.roundaboutStep('fetch', rows), SMALL);
await page.evaluate(() => window.roundaboutStep('load'));
await cdp.send('Profiler.start');
const smallMs = await page.evaluate(async () => {
  const t = performance.now();
  for (let i = 0; i < 20; i += 1) await window.roundaboutStep('load');
  return (performance.now() - t) / 20;
});
const small = await cdp.send('Profiler.stop');
out.push({ task: 'load', what: `parse the ${SMALL}-row CSV into the store (20 runs, ${smallMs.toFixed(1)} ms each)`, ms: Math.round(smallMs * 20), top: selfTimes(small.profile) });
await close();
server.close();
root.remove();

const lines = ['# Where the time goes', '',
  `Chromium's sampling profiler (200 µs) around each benchmark task on the seeded ${ROWS}-row table (${(bytes / 1e6).toFixed(1)} MB),`,
  `then around 20 loads of the ${SMALL}-row table,`,
  'self time per function. Written by `node bench/profile.mjs` (part of `./build.sh bench`), with a wasm build that keeps',
  'its function names (`target/profile-pkg`, not optimised by wasm-opt, so a little slower than the page\'s).', ''];
for (const r of out) {
  lines.push(`## ${r.task}: ${r.what}, ${r.ms} ms`, '', '| self time | ms | function |', '|---|---|---|');
  for (const f of r.top) lines.push(`| ${(f.share * 100).toFixed(1)}% | ${f.ms.toFixed(1)} | \`${f.name}\` |`);
  lines.push('');
}
writeFileSync(resolve('bench/PROFILE.md'), lines.join('\n'));
writeFileSync(resolve('bench/profile.json'), `${JSON.stringify({ date: new Date().toISOString(), rows: ROWS, tasks: out }, null, 2)}\n`);
console.log(lines.join('\n'));
