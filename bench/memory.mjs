// Peak wasm memory against the store's bytes: each size in a fresh process (a wasm memory never shrinks, so
// the size after a step is the peak up to it), the file pushed 1 MiB at a time as the page's worker does.
// Each size is measured twice: its rows in the generated (random) order, and sorted by route.
//   node bench/memory.mjs [rows,rows,...]   (default 1000000,5000000; writes bench/memory.json)
// Needs the bench build of the wasm (`./build.sh bench` makes target/bench-pkg).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { routeOrderedCsv } from './site.mjs';
import { table } from './wasm-node.mjs';

const CHUNK = 1 << 20;

/** One size, its rows in the generated (random) order or (`byRoute`) sorted by route. */
async function one(rows, byRoute) {
  const { initSync, BenchTable, FileFeed } = await import('../target/bench-pkg/roundabout.js');
  const wasm = initSync({ module: readFileSync(new URL('../target/bench-pkg/roundabout_bg.wasm', import.meta.url)) });
  const bytes = byRoute ? readFileSync(routeOrderedCsv(rows)) : table(rows);
  const before = wasm.memory.buffer.byteLength;
  const feed = new FileFeed('bench.csv', bytes.length);
  for (let at = 0; at < bytes.length; at += CHUNK) feed.push(bytes.subarray(at, at + CHUNK));
  const parsed = wasm.memory.buffer.byteLength;
  const t = BenchTable.from_feed(feed);
  const store = t.bytes_per_row() * t.rows();
  const load = wasm.memory.buffer.byteLength;
  t.route();
  const route = wasm.memory.buffer.byteLength;
  t.group_by();
  const group = wasm.memory.buffer.byteLength;
  return { rows, csvBytes: bytes.length, store, before, parsed, load, route, group };
}

if (process.argv[2] === '--one') {
  console.log(JSON.stringify(await one(Number(process.argv[3]), process.argv[4] === 'by-route')));
} else {
  const sizes = (process.argv[2] ?? '1000000,5000000').split(',').map(Number);
  const measured = (rows, order) => JSON.parse(execFileSync(process.execPath,
    [fileURLToPath(import.meta.url), '--one', String(rows), order], { encoding: 'utf8' }).trim().split('\n').pop());
  // The same rows in route order too: long runs of one route are put in order run by run (store::cluster).
  const results = sizes.map((rows) => ({ ...measured(rows, 'random'), byRoute: measured(rows, 'by-route') }));
  for (const r of results) {
    console.log(`${r.rows} rows: store ${(r.store / 2 ** 20).toFixed(1)} MiB; wasm memory after load ${(r.load / 2 ** 20).toFixed(0)} MiB `
      + `(${(r.load / r.store).toFixed(2)}× the store; ${(r.before / 2 ** 20).toFixed(1)} MiB before the file, ${(r.parsed / 2 ** 20).toFixed(0)} MiB once parsed, before the sort), after the route query ${(r.route / 2 ** 20).toFixed(0)} MiB, after the group-by ${(r.group / 2 ** 20).toFixed(0)} MiB; in route order ${(r.byRoute.load / 2 ** 20).toFixed(0)} MiB after load (${(r.byRoute.load / r.byRoute.store).toFixed(2)}×)`);
  }
  writeFileSync('bench/memory.json', `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
}
