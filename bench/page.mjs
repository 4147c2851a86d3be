// In-page benchmark: the same three tasks for Roundabout's wasm, DuckDB-wasm, Arquero and a plain JS loader,
// timed run by run.
// bench/browser.mjs calls window.bench(rows, runs, peers) and computes medians and ratios.
import init, { BenchTable, FileFeed, bench_chpl_codes } from '/pkg/roundabout.js';
import * as duckdb from '/m/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';
import * as plain from '/plain-js.mjs';

const DUCKDB = { module: '/m/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm', worker: '/m/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js' };
const COLUMNS = "{'t': 'SMALLINT', 'i': 'SMALLINT', 'j': 'SMALLINT', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'DOUBLE'}";
const [CHN, KAZ, KGZ, RUS] = [156, 398, 417, 643];
const CHUNK = 1 << 20; // bytes a push: what a File's stream hands over, give or take

const wasm = await init();
const CHPL = Array.from(bench_chpl_codes());
const ROUTE_SQL = `SELECT i, j, t, sum(v) AS v FROM t
  WHERE ((i = ${CHN} AND j IN (${KAZ}, ${KGZ})) OR (i IN (${KAZ}, ${KGZ}) AND j = ${RUS})) AND k IN (${CHPL.join(', ')})
  GROUP BY i, j, t ORDER BY i, j, t`;
// Groups counted and summed in SQL, so that DuckDB does not hand 3 million rows to JS (Roundabout keeps its
// groups in wasm memory too).
const GROUP_SQL = `SELECT count(*) AS groups, sum(v) AS v FROM
  (SELECT i, j, t, k // 10000 AS hs2, sum(v) AS v, count(*) AS n FROM t GROUP BY i, j, t, hs2)`;

let db;
async function duck() {
  if (db) return db;
  const worker = new Worker(DUCKDB.worker);
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(DUCKDB.module);
  db.conn = await db.connect();
  return db;
}

const now = () => performance.now();
const gc = () => globalThis.gc?.();

/** The file pushed into the core a chunk at a time, as the page's worker does with a reader's file. */
function loadRoundabout(bytes) {
  const feed = new FileFeed('bench.csv', bytes.length);
  for (let at = 0; at < bytes.length; at += CHUNK) feed.push(bytes.subarray(at, at + CHUNK));
  return BenchTable.from_feed(feed);
}

async function roundabout(bytes) {
  gc();
  let t = now();
  const table = loadRoundabout(bytes);
  const load = now() - t;
  t = now();
  const route = table.route();
  const routeMs = now() - t;
  t = now();
  const group = table.group_by();
  const groupMs = now() - t;
  const out = { load, route: routeMs, group: groupMs, routeGroups: route[0], groups: group[0],
    memory: wasm.memory.buffer.byteLength, memoryHow: 'wasm linear memory size after load and queries',
    bytesPerRow: table.bytes_per_row() };
  table.free();
  return out;
}

let files = 0;
async function duckdbRun(bytes) {
  const d = await duck();
  const copy = bytes.slice();
  const name = `bench${files += 1}.csv`;
  let t = now();
  await d.registerFileBuffer(name, copy);
  await d.conn.query(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('${name}', header = true, columns = ${COLUMNS}, nullstr = 'NA')`);
  const load = now() - t;
  t = now();
  const route = await d.conn.query(ROUTE_SQL);
  const routeMs = now() - t;
  t = now();
  const group = await d.conn.query(GROUP_SQL);
  const groupMs = now() - t;
  let memory = null;
  try {
    memory = Number((await d.conn.query('SELECT sum(memory_usage_bytes) AS m FROM duckdb_memory()')).get(0).m);
  } catch { /* older DuckDB: no duckdb_memory() */ }
  await d.conn.query('DROP TABLE t');
  await d.dropFile(name);
  return { load, route: routeMs, group: groupMs, routeGroups: route.numRows, groups: Number(group.get(0).groups),
    memory, memoryHow: 'duckdb_memory() after load and queries (the worker\'s buffer manager)' };
}

function arqueroRun(bytes) {
  const aq = globalThis.aq;
  const chpl = new Set(CHPL);
  gc();
  const heap0 = performance.memory?.usedJSHeapSize ?? 0;
  let t = now();
  const dt = aq.fromCSV(new TextDecoder().decode(bytes), { parse: { q: (s) => (s === 'NA' ? null : +s) } });
  const load = now() - t;
  gc();
  const heap = (performance.memory?.usedJSHeapSize ?? 0) - heap0;
  t = now();
  const route = dt.filter(aq.escape((d) => ((d.i === CHN && (d.j === KAZ || d.j === KGZ)) || ((d.i === KAZ || d.i === KGZ) && d.j === RUS))
    && chpl.has(d.k))).groupby('i', 'j', 't').rollup({ v: aq.op.sum('v') }).orderby('i', 'j', 't');
  const routeMs = now() - t;
  t = now();
  const group = dt.derive({ hs2: (d) => aq.op.floor(d.k / 10000) }).groupby('i', 'j', 't', 'hs2').rollup({ v: aq.op.sum('v'), n: aq.op.count() });
  const groupMs = now() - t;
  return { load, route: routeMs, group: groupMs, routeGroups: route.numRows(), groups: group.numRows(),
    memory: heap, memoryHow: 'JS heap growth over the load (precise memory info, after gc)' };
}

function plainRun(bytes) {
  gc();
  let t = now();
  const table = plain.parse(bytes);
  const load = now() - t;
  // Typed arrays live outside the JS heap that performance.memory counts: their bytes are the memory.
  const memory = ['t', 'i', 'j', 'k', 'v'].reduce((n, c) => n + table[c].byteLength, 0);
  t = now();
  const route = plain.route(table, CHPL);
  const routeMs = now() - t;
  t = now();
  const group = plain.groupBy(table);
  const groupMs = now() - t;
  return { load, route: routeMs, group: groupMs, routeGroups: route[0], groups: group[0],
    memory, memoryHow: 'the typed arrays\' bytes (their capacity) after the load' };
}

/** The peers must find the groups Roundabout finds, or their times compare different work. */
function sameGroups(run) {
  for (const [peer, r] of Object.entries(run)) {
    if (peer === 'roundabout') continue;
    if (r.routeGroups !== run.roundabout.routeGroups || r.groups !== run.roundabout.groups) {
      throw new Error(`${peer} found ${r.routeGroups} route and ${r.groups} groups; Roundabout ${run.roundabout.routeGroups} and ${run.roundabout.groups}`);
    }
  }
}

/** One size: `runs` timed runs after a warm-up, each peer in turn within a run. */
window.bench = async (rows, runs, peers) => {
  const bytes = new Uint8Array(await (await fetch(`/data/baci-${rows}.csv`)).arrayBuffer());
  const out = { rows, bytes: bytes.length, runs: [] };
  for (let r = 0; r <= runs; r += 1) {
    const run = {};
    if (peers.includes('roundabout')) run.roundabout = await roundabout(bytes);
    if (peers.includes('duckdb')) run.duckdb = await duckdbRun(bytes);
    if (peers.includes('arquero')) run.arquero = arqueroRun(bytes);
    if (peers.includes('plainjs')) run.plainjs = plainRun(bytes);
    if (run.roundabout) sameGroups(run);
    if (r > 0) out.runs.push(run);
  }
  return out;
};
window.benchReady = true;

/** The Roundabout tasks one at a time, for bench/profile.mjs to profile each apart. */
let held;
let heldBytes;
window.roundaboutStep = async (step, rows) => {
  if (step === 'fetch') {
    heldBytes = new Uint8Array(await (await fetch(`/data/baci-${rows}.csv`)).arrayBuffer());
    return heldBytes.length;
  }
  if (step === 'load') {
    held?.free();
    held = loadRoundabout(heldBytes);
    return held.rows();
  }
  if (step === 'route') {
    for (let i = 0; i < 20; i += 1) held.route();
    return 20;
  }
  return held.group_by()[0];
};
