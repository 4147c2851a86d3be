// `./build.sh bench`, last: the load goals of the project's issue on speed, each against the figures this
// bench run wrote (results, parallel, memory, first-map, big-zip, inflate and profile JSON in bench/), as
// met or missed, with what limits a missed one from the profile. Writes bench/GOALS.md.
//   node bench/goals.mjs   (after the other bench scripts)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const read = (name) => (existsSync(`bench/${name}`) ? JSON.parse(readFileSync(`bench/${name}`, 'utf8')) : undefined);
const results = read('results.json');
const parallel = read('parallel.json');
const memory = read('memory.json');
const firstMap = read('first-map.json');
/** first-map.json's row for the page opened again in its tab (bench/first-map.mjs). */
const AGAIN = 'first map, the page opened again in its tab (a reload: its process running, its wasm compiled)';
/** first-map.json's rows for the site without its core and for a blank page. */
const FLOOR = 'the page without its core: HTML, CSS, preloads, first frame';
const BLANK = 'a blank page (one paragraph): the browser alone, first frame';
const bigZip = read('big-zip.json');
const inflate = read('inflate.json');
const profile = read('profile.json');
const simd = read('simd.json');

const f = (x, d = 2) => (x == null ? '–' : x.toFixed(d));
const SIZES = [1000000, 5000000];
const at = (rows) => parallel?.sizes.find((s) => s.rows === rows);
const bench = (rows) => results?.sizes.find((s) => s.rows === rows);
// The workers the machine has: its cores, at most the 4 the parallel bench runs.
const own = parallel ? Math.min(4, parallel.cores) : 2;

/** A goal: its figures at each size, met when every one of them is at least `floor` (at most, for `ceiling`). */
const rows = [];
function goal(what, figures, { floor, ceiling, unit = '×' }) {
  const known = figures.filter((x) => x.value != null);
  const met = known.length === figures.length && known.every((x) => (floor != null ? x.value >= floor : x.value <= ceiling));
  const target = floor != null ? `≥ ${floor}${unit}` : `≤ ${ceiling}${unit === '×' ? '×' : ` ${unit}`}`;
  const value = (x) => (x.value == null ? 'not measured' : unit === '×' ? `${f(x.value)}×` : `${f(x.value, 0)} ${unit}`);
  const shown = figures.map((x) => (x.label ? `${x.label}: ${value(x)}` : value(x))).join('; ');
  rows.push(`| ${what} | ${target} | ${shown} | ${known.length < figures.length ? 'not measured' : met ? 'met' : 'missed'} |`);
  return met;
}

const sized = (pick) => SIZES.map((n) => ({ label: `${n / 1e6}M rows`, value: pick(n) }));
const loadMet = goal(`load, the page's path with ${own} workers, against the plain JS loader`, sized((n) => at(n)?.ratio[`plainjs/workers${own}`]), { floor: 3 });
const duckMet = goal(`load, the page's path with ${own} workers, against DuckDB-wasm`, sized((n) => at(n)?.ratio[`duckdb/workers${own}`]), { floor: 12 });
const oneMet = goal('load, one worker (the page\'s path), against the plain JS loader', sized((n) => at(n)?.ratio['plainjs/workers1']), { floor: 2 });
const coreMet = goal('load, the core alone (bench page, one thread), against the plain JS loader', sized((n) => bench(n)?.ratio.plainjs.load), { floor: 2 });
const workersMet = goal('2 workers against one', sized((n) => at(n)?.ratio['workers1/workers2']), { floor: 1.7 });
goal('CHPL route query against every peer (the smallest ratio)', sized((n) => {
  const r = bench(n)?.ratio;
  return r && Math.min(...Object.values(r).map((p) => p.route).filter(Number.isFinite));
}), { floor: 1 });
goal('group-by against every peer (the smallest ratio)', sized((n) => {
  const r = bench(n)?.ratio;
  return r && Math.min(...Object.values(r).map((p) => p.group).filter(Number.isFinite));
}), { floor: 1 });
goal('peak wasm memory after load, × the store\'s bytes', SIZES.flatMap((n) => {
  const m = memory?.results.find((r) => r.rows === n);
  return [{ label: `${n / 1e6}M rows`, value: m && m.load / m.store },
    { label: `${n / 1e6}M rows in route order`, value: m?.byRoute && m.byRoute.load / m.byRoute.store }];
}), { ceiling: 1.5 });
const firstMapMet = goal('first map, localhost, 1280×800 (median)', [{ value: firstMap?.summary["first map (the page's mark roundabout-map-drawn)"] }], { ceiling: 200, unit: 'ms' });
const bigZipMet = goal(`a zipped BACI-size year (${f((bigZip?.rows ?? 11e6) / 1e6, 0)}M rows) from drop to first map`, [{ value: bigZip?.summary.total }], { ceiling: 4000, unit: 'ms' });

// The traced loads of bench/parallel.mjs at 5M rows, with 1 and 2 workers.
const traced = at(5e6)?.threads;
const threads = traced && { one: traced.find((t) => t.workers === 1), two: traced.find((t) => t.workers === 2) };

// Each figure's file and when it was written: a script run alone leaves the others' older figures.
const written = { 'results.json': results?.machine.date, 'parallel.json': parallel?.date, 'memory.json': memory?.date, 'first-map.json': firstMap?.date,
  'big-zip.json': bigZip?.date, 'inflate.json': inflate?.date, 'profile.json': profile?.date, 'simd.json': simd?.date };
const sources = Object.entries(written).map(([k, d]) => `${k} ${d ? d.slice(0, 16).replace('T', ' ') : 'missing'}`).join(', ');
// A function's name as a reader scans it: no hash, no crate prefix.
const short = (name) => name.replace(/::h[0-9a-f]{16}/g, '').replace(/^<?roundabout::/, '').replace(/ as roundabout::.*>/, '');
const top = (task) => profile?.tasks.find((t) => t.task === task)?.top.slice(0, 3).map((x) => `\`${short(x.name)}\` ${f(x.share * 100, 0)}%`).join(', ');
const lines = [
  '# The load goals, against this run\'s figures', '',
  `Written by \`node bench/goals.mjs\` (the last step of \`./build.sh bench\`) on ${new Date().toISOString()}, from the JSON the other `
  + `bench scripts wrote (${sources}). Ratios are the peer's time over Roundabout's (above 1: Roundabout is quicker). "The workers the machine has": `
  + `${own} here (${parallel?.cores ?? '?'} cores).`, '',
  '| goal | target | figures | |', '|---|---|---|---|', ...rows, '',
  '## What limits the missed ones', '',
  ...[!(loadMet && duckMet && oneMet && coreMet) && `- **Load against the plain JS loader.** The core's load spends its time in the parse and the sort by route (bench/PROFILE.md, 5M rows: ${top('load') ?? 'not profiled'}). `
  + 'The plain loader parses digits into typed arrays with no validation, no dictionaries and no order; the core checks every field '
  + '(a bad row is named by line and column), interns countries and products, and sorts rows by route so that the queries read only '
  + 'their routes\' ranges: the queries\' lead is what that order buys. '
  + `On the page's own path, where the plain loader too runs in a fresh worker on the dropped file, one worker is ${sized((n) => at(n)?.ratio['plainjsFile/workers1']).map((x) => `${f(x.value)}× at ${x.label}`).join(', ')} (bench/PARALLEL.md): `
  + 'each file is read in a fresh worker (a wasm memory never shrinks), where the pieces\' merge at the end, called once a load, runs '
  + 'wholly as V8\'s baseline code (about twice its time once optimised), and its memory is faulted in as the table grows; the core '
  + 'alone reuses one instance from run to run (CHANGES.md).',
  !workersMet && `- **Several workers.** ${threads ? `With 2 workers the load's CPU time in all came to ${f(threads.two.total, 0)} ms against one worker's ${f(threads.one.total, 0)} (5M rows, traced): the helpers ${f(threads.two.helpers, 0)} ms, the reading worker ${f(threads.two.reader, 0)}. On ${parallel.cores} cores that work takes at least ${f(threads.two.total / parallel.cores, 0)} ms, against ${f(threads.one.wall, 0)} for one worker in the same traced window: ${f(threads.one.wall / (threads.two.total / parallel.cores))}× at best. ` : ''}`
  + 'The reading worker still reads every byte, cuts it and merges the pieces its helpers sorted, which copies every row once more '
  + '(bench/PARALLEL.md); pieces cross two copies without SharedArrayBuffer; on this machine the helpers take turns on its cores with the reading worker.',
  !bigZipMet && `- **A BACI-size zip.** ${bigZip ? `The zip's directory ${f(bigZip.summary.directory, 0)} ms, reading (inflate and parse, keeping the rows of the story's countries) and the cut for the map ${f(bigZip.summary.read, 0)} ms, the first map ${f(bigZip.summary.draw, 0)} ms. ` : ''}`
  + `${inflate ? `An entry of 8 MiB or more is inflated by a helper worker while the reading worker parses (www/inflater.js), and the inflate sets the pace: traced, the inflating worker was busy throughout, the reading worker about 60% of the time; the merge of the kept rows, the cut and the page's load of it follow the last byte (CHANGES.md). On one thread, inflate alone runs at ${f(inflate.size / 1e6 / (inflate.ms.browserAlone / 1e3), 0)} MB/s, inflate and parse at ${f(inflate.size / 1e6 / (inflate.ms.browserLoad / 1e3), 0)} MB/s (bench/INFLATE.md).` : ''}`,
  !firstMapMet && `- **First map.** ${firstMap ? `Of ${f(firstMap.summary["first map (the page's mark roundabout-map-drawn)"], 0)} ms: main.js received at ${f(firstMap.summary['main.js received'], 0)}, the wasm compile started at ${f(firstMap.summary['wasm compile started'], 0)}, App::new ${f(firstMap.summary['App::new (ms: world shapes, story table, Page::new)'], 0)} ms, the first snapshot and its map (\`app_show\`) ${f(firstMap.calls?.app_show, 0)} ms (bench/RESULTS.md). The same site without its core (its HTML, CSS and preloads, a script that only marks its first frame) showed its first frame at ${f(firstMap.summary[FLOOR], 0)} ms in the same runs (the first map less it, run by run: ${f(firstMap.summary['first map less the page without its core, run by run'], 0)} ms): the rest is the core's start and the map. A blank page (one paragraph, the same script) showed its first frame at ${f(firstMap.summary[BLANK], 0)} ms: the browser's own start on this machine${firstMap.summary[FLOOR] > 200 ? ', and the page\'s HTML, CSS and preloads alone, with no core, come past the 200 ms goal here' : ''}. Opened again in the same tab (a reader's reload: the page's process running, the core's code compiled), the first map came at ${f(firstMap.summary[AGAIN], 0)} ms, with App::new ${f(firstMap.summary['  opened again: App::new (ms)'], 0)} ms and the other wasm calls ${f(firstMap.summary['  opened again: every other wasm call before the map (ms)'], 0)} ms, against ${f(firstMap.summary['App::new (ms: world shapes, story table, Page::new)'], 0)} and ${f(firstMap.summary['every other wasm call before the map (ms)'], 0)} ms on a first visit: on a first visit most of the core's time is Chromium compiling each function on its first call, on the page's thread, running it as baseline code until it is recompiled, and a fresh process's first canvas and text (CHANGES.md); and on 2 cores the page's thread waits for a core while V8 recompiles the start's hot wasm functions in the background and the page's tiles are rasterised (CHANGES.md).` : 'not measured.'}`,
  `- **SIMD128.** The worker runs its SIMD128 module where the browser has SIMD128 (bench/SIMD.md): scalar over SIMD128, ${simd ? simd.files.map((x) => `${f(x.ratio)}× on ${x.name}`).join(', ') : 'not measured'}. `
  + 'It finds line ends and the general reader\'s commas sixteen bytes at a time; BACI\'s usual lines are read in one pass by the same '
  + 'code in both modules, and reading their fields eight bytes a word (SWAR) was slower than the byte loop in wasm (CHANGES.md), so on '
  + 'BACI the two modules load alike and the parse and the sort set the pace.'].filter(Boolean), '',
];
writeFileSync('bench/GOALS.md', lines.join('\n'));
console.log(lines.join('\n'));
