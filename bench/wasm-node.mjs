// Roundabout's wasm engine under node: parse speed, the CHPL route query, the full group-by and bytes per
// row on seeded BACI-like tables. Needs the bench build of the wasm (`./build.sh bench` makes target/bench-pkg).
//   node bench/wasm-node.mjs [rows,rows,...]      (default 100000,1000000,5000000)
// Tables are read from bench/data/baci-<rows>.csv, written there by `roundabout generate` when missing.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { initSync, BenchTable } from '../target/bench-pkg/roundabout.js';

const SIZES = (process.argv[2] ?? '100000,1000000,5000000').split(',').map(Number);
const DATA = process.env.ROUNDABOUT_BENCH_DATA ?? 'bench/data';
const SEED = 42;
const RUNS = 5;

/** The table's CSV bytes, generated once by the native binary. */
export function table(rows) {
  const path = `${DATA}/baci-${rows}.csv`;
  if (!existsSync(path)) {
    mkdirSync(DATA, { recursive: true });
    execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'roundabout', '--', 'generate',
      '--rows', String(rows), '--seed', String(SEED), '--out', path], { stdio: 'inherit' });
  }
  return readFileSync(path);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median milliseconds of `RUNS` calls after one warm-up, and the last result. */
function time(f) {
  let out = f();
  const ms = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    out = f();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), out };
}

// Run as a script; bench/memory.mjs imports `table` alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  initSync({ module: readFileSync(new URL('../target/bench-pkg/roundabout_bg.wasm', import.meta.url)) });
  console.log(`node ${process.version}, ${RUNS} runs after a warm-up, medians`);
  for (const rows of SIZES) {
    const bytes = table(rows);
    const load = time(() => {
      const t = new BenchTable('bench.csv', bytes);
      const n = t.rows();
      t.free();
      return n;
    });
    if (load.out !== rows) throw new Error(`loaded ${load.out} rows of ${rows}`);
    const t = new BenchTable('bench.csv', bytes);
    const route = time(() => t.route());
    const group = time(() => t.group_by());
    const mb = bytes.length / 1e6;
    console.log(`${rows} rows (${mb.toFixed(1)} MB): load ${load.ms.toFixed(1)} ms = ${(mb / load.ms * 1e3).toFixed(0)} MB/s; `
      + `route ${route.ms.toFixed(2)} ms (${route.out[0]} groups); group-by ${group.ms.toFixed(1)} ms (${group.out[0]} groups); `
      + `${t.bytes_per_row().toFixed(2)} bytes/row`);
    t.free();
  }
}
