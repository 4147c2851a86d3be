// Where the time to the first map goes: the built site (dist/) opened RUNS times in Chromium at 1280×800,
// each run a new tab (the first, cold, left out), with the wasm's compile and every call into its exports
// timed from outside the page (its instantiate wrapped before the page runs), the fetches from resource
// timing, and the main thread's CPU time from the DevTools protocol. Medians; writes bench/first-map.json.
//   node bench/first-map.mjs [runs]   (after ./build.sh build)
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { headlessChromium, serveDir } from './site.mjs';

const RUNS = Number(process.argv[2] ?? 9);

/** Runs in the page before its scripts: times the wasm's compile and each call into its exports. */
function instrument() {
  const fm = { calls: {}, depth: 0, ready: false };
  window.__firstMap = fm;
  const wrap = (instance) => {
    const exports = {};
    for (const [name, f] of Object.entries(instance.exports)) {
      exports[name] = typeof f !== 'function' || name.startsWith('__wbindgen') ? f : function wrapped(...args) {
        const t = performance.now();
        fm.depth += 1;
        try { return f.apply(this, args); } finally {
          fm.depth -= 1;
          // Calls nested in another call count once, in the outer one.
          if (!fm.ready && fm.depth === 0) {
            const c = (fm.calls[name] ??= { ms: 0, n: 0, first: t });
            c.ms += performance.now() - t;
            c.n += 1;
          }
        }
      };
    }
    return exports;
  };
  // The glue compiles and instantiates in one instantiateStreaming (instantiate where the host sends
  // another MIME type).
  for (const kind of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[kind];
    WebAssembly[kind] = async (...args) => {
      const start = performance.now();
      const out = await original.apply(WebAssembly, args);
      const instance = out instanceof WebAssembly.Instance ? out : out.instance;
      if (!instance) return out;
      fm.compile = { start, end: performance.now() };
      // Not an Instance: the glue takes it as the pair a compile and instantiate give.
      return { module: out.module ?? args[0], instance: { exports: wrap(instance) } };
    };
  }
  new MutationObserver((_, obs) => {
    if (document.body?.dataset.ready !== 'true') return;
    fm.ready = true;
    fm.readyAt = performance.now();
    obs.disconnect();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
}

/** One run's timeline, milliseconds from navigation start. */
async function run(context, url) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.addInitScript(instrument);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstMap?.ready, null, { timeout: 30000 });
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const r = await page.evaluate(() => {
    const fm = window.__firstMap;
    const nav = performance.getEntriesByType('navigation')[0];
    const res = (part) => performance.getEntriesByType('resource').find((e) => e.name.includes(part));
    const fetched = (part) => { const e = res(part); return e && { start: e.startTime, end: e.responseEnd }; };
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
    return {
      html: nav.responseEnd,
      domContentLoaded: nav.domContentLoadedEventEnd,
      mainJs: fetched('main.js'),
      wasm: fetched('roundabout_bg.wasm'),
      world: fetched('countries-110m.json'),
      storyCsv: fetched('story.csv'),
      compile: fm.compile,
      calls: fm.calls,
      firstPaint: paint['first-contentful-paint'],
      ready: fm.readyAt,
    };
  });
  await page.close();
  // Main-thread CPU time (seconds, cumulative for the tab) up to the first map; the page idles after it.
  return { ...r, cpu: { task: metrics.TaskDuration * 1000, script: metrics.ScriptDuration * 1000, layout: (metrics.LayoutDuration + metrics.RecalcStyleDuration) * 1000 } };
}

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : undefined;
};

const server = await serveDir(resolve('dist'), 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const { context, close } = await headlessChromium();
const runs = [];
for (let i = 0; i <= RUNS; i += 1) {
  const r = await run(context, url);
  if (i > 0) runs.push(r);
}
await close();
server.close();

const call = (r, name) => r.calls[name]?.ms ?? 0;
const wasmCalls = (r) => Object.values(r.calls).reduce((s, c) => s + c.ms, 0);
const rows = [
  ['HTML received', (r) => r.html],
  ['main.js received', (r) => r.mainJs?.end],
  ['page wasm received (preloaded)', (r) => r.wasm?.end],
  ['world shapes received', (r) => r.world?.end],
  ['wasm compile started', (r) => r.compile?.start],
  ['wasm compiled and instantiated', (r) => r.compile?.end],
  ['compile + instantiate (ms)', (r) => r.compile && r.compile.end - r.compile.start],
  ['App::new (ms: world topojson, story table, Page::new)', (r) => call(r, 'app_new')],
  ['render before the first map (ms)', (r) => call(r, 'app_render')],
  ['every other wasm call before the map (ms)', (r) => wasmCalls(r) - call(r, 'app_new') - call(r, 'app_render')],
  ['first contentful paint', (r) => r.firstPaint],
  ['first map (body[data-ready])', (r) => r.ready],
  ['main thread busy to the map (CPU ms)', (r) => r.cpu.task],
  ['  of which script (CPU ms)', (r) => r.cpu.script],
  ['  of which style and layout (CPU ms)', (r) => r.cpu.layout],
];
const summary = Object.fromEntries(rows.map(([name, f]) => [name, median(runs.map(f))]));
const others = {};
for (const r of runs) for (const [name, c] of Object.entries(r.calls)) (others[name] ??= []).push(c.ms);
const calls = Object.fromEntries(Object.entries(others).map(([k, v]) => [k, median(v)]).sort((a, b) => b[1] - a[1]));
const load = loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`first map, ${RUNS} runs after a cold one, medians (ms from navigation start unless said); load average ${load}`);
for (const [name, v] of Object.entries(summary)) console.log(`  ${name.padEnd(56)} ${v === undefined ? '–' : v.toFixed(1)}`);
console.log('  wasm calls before the map (median ms):', Object.entries(calls).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
writeFileSync('bench/first-map.json', `${JSON.stringify({ date: new Date().toISOString(), load, runs: RUNS, summary, calls, raw: runs }, null, 2)}\n`);
