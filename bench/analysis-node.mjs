// The analysis views' questions under node, on the worker's wasm module (dist/, from ./build.sh build): load a
// BACI-like table, then the median of five answers to each question.
//   target/release/roundabout generate --rows 1000000 --seed 42 --out /tmp/baci-1m.csv
//   node bench/analysis-node.mjs /tmp/baci-1m.csv
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { initSync, Analysis } from '../dist/pkg/roundabout_worker.js';

const FILE = process.argv[2] ?? 'bench/data/baci-1000000.csv';
const QUESTIONS = [
  ['products hs2', { products: { exporters: ['CHN'], importers: ['KAZ', 'KGZ'], level: 2, year: 2023, baseline: 2021 } }],
  ['products hs6', { products: { exporters: ['CHN'], importers: ['KAZ', 'KGZ'], level: 6, year: 2023, baseline: 2021 } }],
  // The hub's legs, the difference in differences on the CHPL goods and the mirror gap, worded: one question.
  ['evidence', { evidence: { origin: 'CHN', hub: 'KAZ', destination: 'RUS', route: [['CHN'], ['KAZ', 'KGZ']], has_products: true, year: 2023, baseline: 2021 } }],
  ['published', { published: { metrics: ['chn_exports_45_sanctioned_goods_to_kaz_plus_kgz', 'kaz_drone_imports_from_china',
    'kaz_drone_exports_to_russia', 'chn_exports_to_kaz_gacc', 'kgz_exports_to_russia_growth'] } }],
];

initSync({ module: readFileSync(new URL('../dist/pkg/roundabout_worker_bg.wasm', import.meta.url)) });
const bytes = readFileSync(FILE);
let start = performance.now();
const table = new Analysis(FILE, bytes);
console.log(`load ${(bytes.length / 2 ** 20).toFixed(0)} MB: ${(performance.now() - start).toFixed(0)} ms`);
start = performance.now();
table.cut(['CHN>KAZ', 'CHN>KGZ', 'KAZ>RUS', 'KGZ>RUS']);
console.log(`cut to the routes: ${(performance.now() - start).toFixed(0)} ms`);
for (const [name, question] of QUESTIONS) {
  const times = [];
  let reply;
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    reply = table.ask(JSON.stringify(question));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: median ${times[2].toFixed(1)} ms, ${reply.length} bytes of JSON`);
}
