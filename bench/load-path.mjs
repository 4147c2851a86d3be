// The page's worker path against the core's load, in node on the same wasm: the file pushed 64 KiB at a time
// (what a File's stream hands over) into `Files`, as www/worker.js does, or into `FileFeed`, as the bench's
// load does, each run in a fresh process (a fresh worker's memory grows from nothing). Wall and CPU time
// (CPU time is steadier while other work runs on the machine), and the wasm memory after the load.
//   node bench/load-path.mjs [rows,rows,...] [runs]   (default 1000000,5000000 and 3; not part of ./build.sh bench)
// Needs the bench build of the wasm (`./build.sh bench` makes target/bench-pkg).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { table } from './wasm-node.mjs';

const CHUNK = 64 << 10;

async function one(rows, path) {
  const { initSync, BenchTable, FileFeed, Files } = await import('../target/bench-pkg/roundabout.js');
  const wasm = initSync({ module: readFileSync(new URL('../target/bench-pkg/roundabout_bg.wasm', import.meta.url)) });
  const bytes = table(rows);
  const cpu = process.cpuUsage();
  const t = performance.now();
  if (path === 'worker') {
    const files = new Files(undefined);
    files.begin('bench.csv', bytes.length);
    for (let at = 0; at < bytes.length; at += CHUNK) files.push(bytes.subarray(at, at + CHUNK));
    files.end();
    files.analysis('bench.csv');
  } else {
    const feed = new FileFeed('bench.csv', bytes.length);
    for (let at = 0; at < bytes.length; at += CHUNK) feed.push(bytes.subarray(at, at + CHUNK));
    BenchTable.from_feed(feed);
  }
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, memoryMiB: wasm.memory.buffer.byteLength / 2 ** 20 };
}

if (process.argv[2] === '--one') {
  console.log(JSON.stringify(await one(Number(process.argv[3]), process.argv[4])));
} else {
  const sizes = (process.argv[2] ?? '1000000,5000000').split(',').map(Number);
  const runs = Number(process.argv[3] ?? 3);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const rows of sizes) {
    const got = { core: [], worker: [] };
    const load = loadavg()[0];
    for (let r = 0; r < runs; r += 1) {
      for (const path of ['core', 'worker']) {
        got[path].push(JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', String(rows), path], { encoding: 'utf8' }).trim().split('\n').pop()));
      }
    }
    const line = (path) => `${path} ${median(got[path].map((g) => g.ms)).toFixed(0)} ms (CPU ${median(got[path].map((g) => g.cpuMs)).toFixed(0)} ms), `
      + `wasm memory ${median(got[path].map((g) => g.memoryMiB)).toFixed(0)} MiB`;
    console.log(`${rows} rows, medians of ${runs}, load average ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}: ${line('core')}; ${line('worker')}`);
  }
}
