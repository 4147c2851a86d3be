// In-page benchmark of the parallel load: the page's own worker (dist/worker.js) reads a BACI-like file
// with 1, 2 and 4 workers, beside the plain JS loader and DuckDB-wasm loading the same bytes, in turn
// within each run. bench/parallel.mjs calls window.parallel(rows, runs, workers) and writes the ratios.
import * as duckdb from '/m/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';
import * as plain from '/plain-js.mjs';

const DUCKDB = { module: '/m/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm', worker: '/m/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js' };
const COLUMNS = "{'t': 'SMALLINT', 'i': 'SMALLINT', 'j': 'SMALLINT', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'DOUBLE'}";
const now = () => performance.now();

let db;
async function duck() {
  if (db) return db;
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(DUCKDB.worker));
  await db.instantiate(DUCKDB.module);
  db.conn = await db.connect();
  return db;
}

let named = 0;
async function duckdbLoad(bytes) {
  const d = await duck();
  const name = `bench${named += 1}.csv`;
  const t = now();
  await d.registerFileBuffer(name, bytes.slice());
  await d.conn.query(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('${name}', header = true, columns = ${COLUMNS}, nullstr = 'NA')`);
  const ms = now() - t;
  await d.conn.query('DROP TABLE t');
  await d.dropFile(name);
  return ms;
}

function plainLoad(bytes) {
  globalThis.gc?.();
  const t = now();
  plain.parse(bytes);
  return now() - t;
}

/** The plain JS loader on the same path as the page's worker: a fresh worker reading the dropped file. */
function plainFileLoad(file, rows) {
  const worker = new Worker('/plain-js-worker.mjs', { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.rows === rows ? resolve(data.ms) : reject(new Error(`plain JS read ${data.rows} rows of ${rows}`)));
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ file });
  }).finally(() => worker.terminate());
}

/** The page's worker reading `file` as a dropped file with `workers` workers: its time from the first byte
 * read to the table joined (its own module compiled before; the helpers' start counted). `traced`: the load
 * between two marks, and the worker ended only once it has also made the cut for the map, so that its last
 * task ends in a trace. */
function workersLoad(file, workers, { traced = false } = {}) {
  if (traced) performance.mark('traced-load-start');
  const worker = new Worker('/site/worker.js', { type: 'module' });
  return new Promise((resolve, reject) => {
    let loaded;
    worker.onmessage = ({ data }) => {
      if (data.type === 'loaded') {
        loaded = data.ms;
        if (traced) performance.mark('traced-load-end');
        else resolve(loaded);
      } else if (data.type === 'done') resolve(loaded);
      else if (data.type === 'error') reject(new Error(data.message));
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ files: [file], codes: [], routes: [], workers, bench: true });
  }).finally(() => worker.terminate());
}

/** One size: `runs` timed runs after a warm-up; within a run, every peer and worker count in turn, and
 * (peer `byRoute`) one worker on the same rows in route order. */
window.parallel = async (rows, runs, counts, peers) => {
  const bytes = new Uint8Array(await (await fetch(`/data/baci-${rows}.csv`)).arrayBuffer());
  const byRoute = peers.includes('byRoute') && new Uint8Array(await (await fetch(`/data/baci-${rows}-by-route.csv`)).arrayBuffer());
  const out = { rows, bytes: bytes.length, runs: [] };
  // One file of each, read by every load as a reader's one dropped file: a new File a load filled the
  // browser's blob storage at 5M rows (the second run's read failed).
  const file = new File([bytes], 'bench.csv');
  const byRouteFile = byRoute && new File([byRoute], 'bench.csv');
  for (let r = 0; r <= runs; r += 1) {
    const run = {};
    for (const n of counts) run[`workers${n}`] = await workersLoad(file, n);
    if (peers.includes('plainjs')) run.plainjs = plainLoad(bytes);
    if (peers.includes('plainjsFile')) run.plainjsFile = await plainFileLoad(file, rows);
    if (byRouteFile) run.byRoute = await workersLoad(byRouteFile, 1);
    if (peers.includes('duckdb')) run.duckdb = await duckdbLoad(bytes);
    if (r > 0) out.runs.push(run);
  }
  return out;
};
/** One load with `workers` workers between two marks, for a trace of which thread did what. */
window.tracedLoad = async (rows, workers) => {
  const file = new File([new Uint8Array(await (await fetch(`/data/baci-${rows}.csv`)).arrayBuffer())], 'bench.csv');
  // The workers of the loads before wound down first: their threads' last work is not this load's.
  await new Promise((resolve) => { setTimeout(resolve, 500); });
  return workersLoad(file, workers, { traced: true });
};
window.benchReady = true;
