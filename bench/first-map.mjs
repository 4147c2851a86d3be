// Where the time to the first map (the page's mark, made in the frame that shows it) goes: the built site
// (dist/) opened RUNS times in Chromium at 1280×800, each run a new tab (the first, cold, left out), with the
// wasm's compile and every call into its exports timed from outside the page (its instantiate wrapped before
// the page runs), the fetches from resource timing, and the main thread's CPU time from the DevTools
// protocol; then the same page opened again in its tab, as a reader's reload (its process running, the
// core's code compiled), which tells the first visit's own costs apart. Then TRACED more runs under a
// Chromium trace (which slows the page, so apart): the main thread's time to the map split by what it did,
// and its idle time (waiting on the network or on compiles off the thread). Beside each run, the same site
// without its core (the floor: its HTML, CSS and preloads, and a main.js that only marks its first frame):
// what the browser alone takes to show the page, which bounds the first map from below on this machine;
// and a blank page (one paragraph and the same script): the browser's own start, whatever the page.
// Medians; writes bench/first-map.json.
//   node bench/first-map.mjs [runs] [traced runs] [site folder]   (after ./build.sh build)
//   FIRST_MAP_TRACE=FILE keeps the last traced run's trace (to open in Chromium's Performance panel).
// The page is only ever waited on through the DevTools protocol: Playwright's waitFor… helpers would
// inject their scripts into the page while it starts, and time them as the page's.
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { headlessChromium, serveDir } from './site.mjs';

const RUNS = Number(process.argv[2] ?? 9);
const TRACED = Number(process.argv[3] ?? 3);
const SITE = process.argv[4] ?? 'dist';
/** The page's mark, made in the frame that shows the first map. */
const READY_MARK = 'roundabout-map-drawn';

/** Runs in the page before its scripts: times the wasm's compile and each call into its exports. */
function instrument(readyMark) {
  const fm = { calls: {}, depth: 0, ready: false };
  window.__firstMap = fm;
  fm.done = new Promise((resolve) => { fm.resolve = resolve; });
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
  // The glue instantiates in one instantiateStreaming (instantiate where the host sends another MIME type,
  // or where the page compiled the module itself: compileStreaming, timed apart).
  const original = { ...WebAssembly };
  WebAssembly.compileStreaming = async (...args) => {
    const start = performance.now();
    const module = await original.compileStreaming.apply(WebAssembly, args);
    fm.compileOnly = { start, end: performance.now() };
    return module;
  };
  for (const kind of ['instantiateStreaming', 'instantiate']) {
    WebAssembly[kind] = async (...args) => {
      const start = performance.now();
      const out = await original[kind].apply(WebAssembly, args);
      const instance = out instanceof WebAssembly.Instance ? out : out.instance;
      if (!instance) return out;
      fm.compile = { start: fm.compileOnly?.start ?? start, end: performance.now() };
      // The glue reads only the exports: an object that passes for an Instance carries the timed ones.
      const timed = Object.create(WebAssembly.Instance.prototype, { exports: { value: wrap(instance) } });
      return out instanceof WebAssembly.Instance ? timed : { module: out.module, instance: timed };
    };
  }
  // The page marks the frame that shows its first map; the mark's time is the first map's.
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    const made = mark(name, ...rest);
    if (name === readyMark && !fm.ready) {
      fm.ready = true;
      fm.readyAt = made.startTime;
      fm.resolve();
    }
    return made;
  };
}

/** Evaluates `expression` in the page (awaiting it), without Playwright's injected helpers. */
async function evaluate(cdp, expression) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, timeout: 30000 });
  if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

/** Goes to `url` in `page` and waits for its first map. */
async function firstMapIn(page, cdp, url) {
  await page.goto(url, { waitUntil: 'commit' });
  // A page that never draws its map fails the run rather than hanging it.
  await evaluate(cdp, `Promise.race([window.__firstMap.done, new Promise((_, no) => setTimeout(() => no(new Error('no first map in 30 s')), 30000))])`);
}

/** Opens the page in a new tab and waits for its first map; `during(cdp)` runs once the tab exists. */
async function open(context, url, during = async () => {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const cdp = await context.newCDPSession(page);
  await page.addInitScript(instrument, READY_MARK);
  await during(cdp);
  await firstMapIn(page, cdp, url);
  return { page, cdp };
}

/** One run's timeline, milliseconds from navigation start; with `again`, also the first map of the page
 * opened again in its tab, as a reader's reload: its process running, the core's code compiled. */
async function run(context, url, again = false) {
  const { page, cdp } = await open(context, url, (c) => c.send('Performance.enable'));
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const r = await evaluate(cdp, `(${() => {
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
      world: fetched('countries-110m.bin'),
      storyCsv: fetched('story.csv'),
      compile: fm.compile,
      calls: fm.calls,
      firstPaint: paint['first-contentful-paint'],
      ready: fm.readyAt,
    };
  }})()`);
  if (again) {
    await firstMapIn(page, cdp, url);
    r.again = await evaluate(cdp, `(${() => ({ ready: window.__firstMap.readyAt, calls: window.__firstMap.calls })})()`);
  }
  await page.close();
  // Main-thread CPU time (seconds, cumulative for the tab) up to the first map; the page idles after it.
  return { ...r, cpu: { task: metrics.TaskDuration * 1000, script: metrics.ScriptDuration * 1000, layout: (metrics.LayoutDuration + metrics.RecalcStyleDuration) * 1000 } };
}

// What a trace event's own time (less its children's) was spent on, by the innermost event that says.
const KINDS = [
  ['wasm compile', /wasm/i],
  ['garbage collection', /GC|Scavenge|MarkCompact|MarkLatency/],
  ['JS parse and compile', /Compile|Parse(Program|Function|Script)|PreParse|CollectSourcePositions|produceCache|consumeCache/],
  ['HTML parse', /ParseHTML|HTMLDocumentParser|HTMLTokenizer/],
  ['style', /UpdateLayoutTree|[Rr]ecalcStyle|StyleSheet|Style\.|StyleEngine|RuleSet/],
  ['layout', /Layout|ShapeText|Layout::|performLayout/],
  ['paint and compositing', /Paint|Layerize|^Commit$|Composit|Raster|CanvasResource|DecodeImage|Decode Image|ImageDecode/],
  ['script (JS and wasm calls)', /FunctionCall|EvaluateScript|evaluateModule|callFunction|RunMicrotasks|FireAnimationFrame|TimerFire|EventDispatch|HandlePostMessage|v8\.run|v8\.execute|FireIdleCallback/],
  ['navigation and loading', /Navigation|DocumentLoader|Resource|Loader|mojo|WindowProxy|Frame::|ResponseBody|Fetch/],
];
const kindOf = (name) => KINDS.find(([, re]) => re.test(name))?.[0];
const WAITING = 'in a task but off the CPU (the machine\'s load)';
const IDLE = 'idle (waiting on the network or other threads)';

/** One traced run: the main thread from navigation start to the first map, by kind, and its long tasks. */
async function traced(context, url) {
  const events = [];
  let cdp;
  const { page } = await open(context, url, async (c) => {
    cdp = c;
    c.on('Tracing.dataCollected', (d) => events.push(...d.value));
    await c.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute', 'v8', 'v8.wasm', 'blink.user_timing', 'loading', 'toplevel'] },
    });
  });
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  // FIRST_MAP_TRACE=FILE keeps the last traced run's events, for Chromium's Performance panel.
  if (process.env.FIRST_MAP_TRACE) writeFileSync(process.env.FIRST_MAP_TRACE, JSON.stringify({ traceEvents: events }));
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const mark = events.find((e) => e.name === READY_MARK);
  if (!mark) throw new Error(`the trace holds no "${READY_MARK}" mark`);
  const thread = (e) => `${e.pid}:${e.tid}`;
  const main = [...names].find(([key, name]) => name === 'CrRendererMain' && key.startsWith(`${mark.pid}:`))?.[0];
  const start = events.find((e) => e.name === 'navigationStart' && e.pid === mark.pid)?.ts;
  if (!main || start === undefined) throw new Error('the trace holds no renderer main thread or navigation start');
  const end = mark.ts;
  const spans = events.filter((e) => e.ph === 'X' && thread(e) === main && e.ts + (e.dur ?? 0) > start && e.ts < end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Each span's own time on the CPU (its thread time, less its children's), by kind: on a loaded machine the
  // wall time of a task also holds the time its thread waited for a core, counted apart.
  const by = {};
  const tasks = [];
  const stack = []; // the enclosing spans: { end, kind, cpu, child, task }
  let busy = 0;
  let onCpu = 0;
  const clip = (e) => Math.min(e.ts + (e.dur ?? 0), end) - Math.max(e.ts, start);
  const close = (upTo) => {
    while (stack.length && stack.at(-1).end <= upTo) {
      const s = stack.pop();
      const own = Math.max(0, s.cpu - s.child) / 1000;
      by[s.kind] = (by[s.kind] ?? 0) + own;
      s.task.kinds[s.kind] = (s.task.kinds[s.kind] ?? 0) + own;
    }
  };
  for (const e of spans) {
    close(e.ts);
    const parent = stack.at(-1);
    const wall = clip(e);
    // Thread time where the trace has it, in the share of the span inside the window.
    const cpu = e.tdur !== undefined && e.dur ? (wall * e.tdur) / e.dur : wall;
    if (parent) parent.child += cpu;
    else { busy += wall; onCpu += cpu; }
    const task = parent?.task ?? { at: (e.ts - start) / 1000, ms: wall / 1000, kinds: {} };
    if (!parent) tasks.push(task);
    stack.push({ end: e.ts + (e.dur ?? 0), kind: kindOf(e.name) ?? parent?.kind ?? 'other', cpu, child: 0, task });
  }
  close(Infinity);
  by[WAITING] = (busy - onCpu) / 1000;
  by[IDLE] = (end - start - busy) / 1000;
  const longTasks = tasks.filter((t) => t.ms >= 10).map((t) => ({
    at: t.at, ms: t.ms, mostly: Object.entries(t.kinds).sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '),
  }));
  return { toMap: (end - start) / 1000, cpu: onCpu / 1000, by, longTasks };
}

/** The reload's row: the page opened again in the tab that has just shown it. */
const AGAIN = 'first map, the page opened again in its tab (a reload: its process running, its wasm compiled)';
/** The floor's row: the site without its core (floorSite). */
const FLOOR = 'the page without its core: HTML, CSS, preloads, first frame';
/** The blank page's row (blankSite). */
const BLANK = 'a blank page (one paragraph): the browser alone, first frame';

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : undefined;
};

/** A new folder holding a main.js that only marks its first frame. */
function markingSite(name) {
  const dir = mkdtempSync(join(tmpdir(), `roundabout-${name}-`));
  writeFileSync(join(dir, 'main.js'), `requestAnimationFrame(() => performance.mark('${READY_MARK}'));\n`);
  return dir;
}

/** The site without its core: the built page's HTML and CSS, its data and wasm for the preloads to fetch,
 * and a main.js that only marks its first frame. */
function floorSite() {
  const dir = markingSite('floor');
  for (const f of ['index.html', 'style.css']) copyFileSync(resolve(SITE, f), join(dir, f));
  for (const f of ['pkg', 'data', 'favicon.svg']) symlinkSync(resolve(SITE, f), join(dir, f));
  return dir;
}

/** A blank page: one paragraph and the main.js that marks its first frame. */
function blankSite() {
  const dir = markingSite('blank');
  writeFileSync(join(dir, 'index.html'), '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Blank</title>'
    + '<script type="module" src="main.js"></script></head><body><p>A blank page.</p></body></html>\n');
  return dir;
}

const server = await serveDir(resolve(SITE), 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const floorDir = floorSite();
const floorServer = await serveDir(floorDir, 0);
const floorUrl = `http://127.0.0.1:${floorServer.address().port}/`;
const blankDir = blankSite();
const blankServer = await serveDir(blankDir, 0);
const blankUrl = `http://127.0.0.1:${blankServer.address().port}/`;
const { context, close } = await headlessChromium();
const runs = [];
const floors = [];
const blanks = [];
// Each run beside a run of the floor and of the blank page, so that all meet the machine's load alike.
for (let i = 0; i <= RUNS; i += 1) {
  const r = await run(context, url, true);
  const floor = await run(context, floorUrl);
  const blank = await run(context, blankUrl);
  if (i > 0) {
    runs.push(r);
    floors.push(floor.ready);
    blanks.push(blank.ready);
  }
}
const traces = [];
for (let i = 0; i < TRACED; i += 1) traces.push(await traced(context, url));
await close();
for (const s of [server, floorServer, blankServer]) s.close();
for (const dir of [floorDir, blankDir]) rmSync(dir, { recursive: true, force: true });

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
  ['App::new (ms: world shapes, story table, Page::new)', (r) => call(r, 'app_new')],
  ['every other wasm call before the map (ms)', (r) => wasmCalls(r) - call(r, 'app_new')],
  ['first contentful paint', (r) => r.firstPaint],
  ['first map (the page\'s mark roundabout-map-drawn)', (r) => r.ready],
  ['main thread busy to the map (CPU ms)', (r) => r.cpu.task],
  ['  of which script (CPU ms)', (r) => r.cpu.script],
  ['  of which style and layout (CPU ms)', (r) => r.cpu.layout],
  [AGAIN, (r) => r.again?.ready],
  ['  opened again: App::new (ms)', (r) => r.again && call(r.again, 'app_new')],
  ['  opened again: every other wasm call before the map (ms)', (r) => r.again && wasmCalls(r.again) - call(r.again, 'app_new')],
];
const summary = Object.fromEntries(rows.map(([name, f]) => [name, median(runs.map(f))]));
summary[FLOOR] = median(floors);
summary[BLANK] = median(blanks);
// Each run less the floor's run beside it: the page's own part, steadier than either on a machine whose
// speed drifts from one minute to the next.
summary['first map less the page without its core, run by run'] = median(runs.map((r, i) => r.ready - floors[i]));
// The traced runs' split of the main thread's time to the map (ms, medians of each kind).
const kinds = [...KINDS.map(([k]) => k), 'other', WAITING, IDLE];
if (traces.length) {
  summary['first map, traced (slower: the trace costs)'] = median(traces.map((t) => t.toMap));
  summary['  traced: main thread on the CPU to the map (ms)'] = median(traces.map((t) => t.cpu));
  for (const k of kinds) summary[`  traced: ${k} (ms${k === WAITING || k === IDLE ? '' : ' on the CPU'})`] = median(traces.map((t) => t.by[k] ?? 0));
}
const others = {};
for (const r of runs) for (const [name, c] of Object.entries(r.calls)) (others[name] ??= []).push(c.ms);
const calls = Object.fromEntries(Object.entries(others).map(([k, v]) => [k, median(v)]).sort((a, b) => b[1] - a[1]));
const load = loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`first map, ${RUNS} runs after a cold one${traces.length ? ` and ${traces.length} traced` : ''}, medians (ms from navigation start unless said); load average ${load}`);
for (const [name, v] of Object.entries(summary)) console.log(`  ${name.padEnd(62)} ${v === undefined ? '–' : v.toFixed(1)}`);
console.log('  wasm calls before the map (median ms):', Object.entries(calls).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
const typical = [...traces].sort((a, b) => a.toMap - b.toMap)[Math.floor(traces.length / 2)];
if (typical) {
  console.log('  main-thread tasks of 10 ms or more (the median traced run; ms from navigation start, +wall length, then its CPU time by kind):');
  for (const t of typical.longTasks) console.log(`    ${t.at.toFixed(0).padStart(5)} +${t.ms.toFixed(1).padEnd(6)} ${t.mostly}`);
}
writeFileSync('bench/first-map.json', `${JSON.stringify({ date: new Date().toISOString(), load, runs: RUNS, summary, calls, longTasks: typical?.longTasks, raw: runs }, null, 2)}\n`);
