// Reads a reader's trade files off the main thread: the page stays responsive, and cancelling is
// terminating this worker. Every file picked or dropped is read (BACI data files with their code file,
// several Comtrade or tidy files, BACI's zip) and their rows merged into one table. Files stream into the
// core chunk by chunk, so the tab never holds a whole file; a zip is read through `File.slice()`: its
// directory, then each chosen entry in turn, inflated by the browser's DecompressionStream where there is
// one, by the core otherwise. The core cuts the table down to a few hundred rows for the page. The worker
// then keeps the whole table and answers the page's product questions by message ({type: 'ask', id,
// question}), with small answers. For the default story it is sent the story's bytes ({type: 'story',
// bytes}) and answers the same questions. It writes the zip of a story saved from the page ({type: 'save',
// id, story}: story.json with the cut shown), and opens one: a zip holding story.json is read whole, its
// story handed to the page with the cut. Its wasm module is the worker's own: every trade format, zips
// and the analysis, which the page's module leaves out. A big file is read in pieces by several instances
// of this script at once (pieces.js), and a big zip entry inflated by another (inflater.js); a helper is
// told so by its first message.
import init, { Analysis, Files, isZip, refuseIn, zipTail, zipEnd, zip64End, zipEntries, zipDataAt, zipDamaged, zipInflate, zipOffer, saveStory } from './pkg/roundabout_worker.js';
import { helper, inParallel, readInPieces } from './pieces.js';
import { canInflate, inflated, inflateHelper } from './inflater.js';

// The module built with SIMD128 where the browser validates a SIMD128 instruction (i8x16.popcnt), else
// the scalar one; both have the same exports, so one glue runs either. Paths named: see main.js.
const SIMD128 = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
const wasm = (scalar) => new URL(!scalar && WebAssembly.validate(SIMD128) ? 'pkg/roundabout_worker_simd_bg.wasm' : 'pkg/roundabout_worker_bg.wasm', import.meta.url);
let compiled; // the module, compiled once: a parallel load's helpers are sent it
let ready;
/** Compiles and starts the module, once; not in a helper, which is sent the module compiled. `scalar`:
 * the scalar module even where SIMD128 is (the tests of both). */
const boot = (scalar) => (ready ??= (async () => {
  const url = wasm(scalar);
  compiled = await WebAssembly.compileStreaming(fetch(url))
    .catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
  await init({ module_or_path: compiled });
})());
const PROGRESS_EVERY = 4 << 20; // bytes between progress messages

const bytesAt = async (file, at, len) => new Uint8Array(await file.slice(at, at + len).arrayBuffer());

/** A progress report for `step`, called with the bytes read of `total`: a message every few MB. */
function progress(step, total) {
  let reported = 0;
  return (at) => {
    if (at - reported < PROGRESS_EVERY) return;
    reported = at;
    self.postMessage({ type: 'progress', phase: 'reading', ...step, done: Math.min(at, total), total });
  };
}

/** Calls `each` with every chunk of `stream`, reporting progress against `total` for `step`. */
async function drain(stream, total, step, each) {
  const reader = stream.getReader();
  const report = progress(step, total);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    each(value);
    at += value.length;
    report(at);
  }
}

let workers; // how many workers read a file: the page's `?workers=`, else one
let codeFile; // BACI's country-code file as last given ({name, bytes}), for a parallel load's helpers
let keeping; // only some countries' rows are kept: read in one piece, whose pieces are filtered as they come

/** Reads one file or entry of `size` bytes from the stream `open()` gives: in pieces by several workers
 * when the page asks (`begin(header)` starts it in `files`), else in one piece (`single()` starts it). */
async function readStream(files, { name, size, open, step, begin, single }) {
  const pieces = { name, size, open, workers, module: compiled, codes: codeFile, begin, progress: progress(step, size) };
  if (!keeping && inParallel(workers) && await readInPieces(files, pieces)) return;
  single();
  await drain(open(), size, step, (c) => files.push(c));
  files.end();
}

/** A zip's data entries and its country-code entry, from slices of its end and its directory. */
async function directory(file) {
  const len = zipTail(file.size);
  let end = zipEnd(file.name, await bytesAt(file, file.size - len, len), file.size - len);
  if (end.record_at !== undefined) end = zip64End(file.name, await bytesAt(file, end.record_at, 56));
  const entries = zipEntries(file.name, await bytesAt(file, end.at, end.len));
  return { data: entries.filter((e) => e.kind === 'data'), codes: entries.find((e) => e.kind === 'codes'), story: entries.find((e) => e.kind === 'story') };
}

/** How damage to an entry is worded: by the core, as when it inflates. */
const damaged = (file, entry) => (message) => zipDamaged(file.name, entry, message);

/** An entry's bytes as they are stored in the zip. */
async function stored(file, entry) {
  const at = zipDataAt(file.name, entry, await bytesAt(file, entry.header_at, 30));
  return file.slice(at, at + entry.compressed);
}

/** Streams one entry into `files`: inflated by the browser when it can, else by the core (and then in one
 * piece: the core inflates as it reads). */
async function readEntry(files, file, entry, step) {
  const blob = await stored(file, entry);
  const browser = entry.method === 8 && canInflate();
  if (entry.method === 8 && !browser) {
    files.beginEntry(file.name, entry, false);
    await drain(blob.stream(), entry.compressed, step, (c) => files.push(c));
    files.end();
    return;
  }
  await readStream(files, {
    name: `${file.name}/${entry.name}`,
    size: entry.size,
    open: () => (browser ? inflated(blob, entry.size, damaged(file, entry)) : blob.stream()),
    step,
    begin: (header) => files.beginEntryPieces(file.name, entry, header),
    single: () => files.beginEntry(file.name, entry, browser),
  });
}

let analysis;
let label; // the files' names as the status line shows them
let routes; // the story's routes ("CHN>KAZ", …), whose absence the cut's summary names
let held = Promise.resolve(); // the table's loading, which questions wait for
let choose; // resolves with the reader's choice of a zip's entries
let opened; // a saved story's story.json, sent with the first cut

/** A saved story's story.json, as text: the page reads its words and view (a view through the core's link
 * parser, which drops what it cannot vouch for; words only ever as text). */
async function storyJson(file, entry) {
  const text = new TextDecoder().decode(await whole(file, entry));
  try {
    JSON.parse(text);
  } catch (error) {
    throw new Error(`${file.name}/${entry.name}: ${error.message}`);
  }
  return text;
}

/** An entry's plain bytes, read whole (a code file, a saved story's story.json). */
async function whole(file, e) {
  return canInflate() && e.method === 8
    ? new Uint8Array(await new Response(inflated(await stored(file, e), e.size, damaged(file, e))).arrayBuffer())
    : zipInflate(file.name, e, new Uint8Array(await (await stored(file, e)).arrayBuffer()));
}

async function story({ bytes, scalar }) {
  await boot(scalar);
  analysis = new Analysis('story.csv', bytes);
}

/** Reads every file: code files first, then zips' chosen entries and the other files, in the order given. */
async function load({ files: list, codes, routes: storyRoutes, workers: asked, lang, names: countryNames, bench, scalar }) {
  const names = list.map((f) => f.name).join(', ');
  workers = asked > 0 ? asked : 1;
  codeFile = undefined;
  try {
    await boot(scalar);
    refuseIn(lang ?? 'en');
    const started = performance.now();
    const zips = new Map();
    for (const file of list) {
      if (isZip(await bytesAt(file, 0, 4))) zips.set(file, await directory(file));
    }
    let keep;
    let chosen = new Set([...zips.values()].flatMap((z) => z.data));
    opened = undefined;
    for (const [file, z] of zips) if (z.story) opened = await storyJson(file, z.story);
    // A saved story is read whole: its cut is small, and its view names its years.
    if (zips.size && !opened) {
      const entries = [...zips].flatMap(([file, z]) => z.data.map((e) => ({ file: file.name, name: e.name, year: e.year, size: e.size })));
      // The core words the offer: each table's rows, about, and whether they all fit.
      self.postMessage({ type: 'choose', entries, ...zipOffer([...zips.keys()].map((f) => f.name).join(', '), entries.map((e) => e.size)) });
      const choice = await new Promise((resolve) => { choose = resolve; });
      chosen = new Set([...zips].flatMap(([file, z]) => z.data.filter((e) => choice.entries.includes(`${file.name}/${e.name}`))));
      keep = choice.keep;
    }
    keeping = keep !== undefined;
    const files = new Files(keep);
    for (const c of codes) {
      codeFile = { name: c.name, bytes: new Uint8Array(await c.arrayBuffer()) };
      files.setCodes(codeFile.name, codeFile.bytes);
    }
    const steps = list.reduce((n, f) => n + (zips.has(f) ? zips.get(f).data.filter((e) => chosen.has(e)).length : 1), 0);
    let index = 0;
    const labels = [];
    for (const file of list) {
      const zip = zips.get(file);
      if (!zip) {
        index += 1;
        labels.push(file.name);
        await readStream(files, {
          name: file.name,
          size: file.size,
          open: () => file.stream(),
          step: { file: file.name, index, count: steps },
          begin: (header) => { files.beginPieces(file.name, header); return file.name; },
          single: () => files.begin(file.name, file.size),
        });
        continue;
      }
      if (zip.codes && codes.length === 0) {
        codeFile = { name: `${file.name}/${zip.codes.name}`, bytes: await whole(file, zip.codes) };
        files.setCodes(codeFile.name, codeFile.bytes);
      }
      const read = zip.data.filter((e) => chosen.has(e));
      for (const entry of read) {
        index += 1;
        await readEntry(files, file, entry, { file: file.name, entry: entry.name, index, count: steps, rows: files.rows() });
      }
      const years = read.map((e) => e.year ?? e.name);
      labels.push(read.length === zip.data.length ? file.name : `${file.name} (${years.join(', ')})`);
    }
    self.postMessage({ type: 'progress', phase: 'parsing' });
    label = labels.join(', ');
    routes = storyRoutes;
    analysis = files.analysis(label);
    if (countryNames) analysis.nameIn(lang, countryNames);
    // The benchmark's mark (bench/parallel.mjs): the table is in, before the cut for the map.
    if (bench) self.postMessage({ type: 'loaded', ms: performance.now() - started });
    cut();
  } catch (error) {
    // A panic in the core arrives here as a RuntimeError: still a message for the reader, which the page words.
    if (error instanceof WebAssembly.RuntimeError) self.postMessage({ type: 'error', files: names, internal: error.message });
    else self.postMessage({ type: 'error', message: String(error.message ?? error) });
  }
}

/** Sends the page the table's cut counting `flow` (the core reads it, as `--flow`): exports and imports when none. */
function cut(flow) {
  const made = analysis.cut(routes, flow);
  self.postMessage({ type: 'done', table: made.table, summary: made.summary, label, story: opened }, [made.table.buffer]);
  opened = undefined;
}

/** The zip of the story on screen: the page's story.json and the cut shown. */
function save({ id, story: json }) {
  try {
    self.postMessage({ type: 'saved', id, zip: saveStory(new TextEncoder().encode(json), analysis?.shownCsv() ?? new Uint8Array()) });
  } catch (error) {
    self.postMessage({ type: 'saved', id, error: String(error.message ?? error) });
  }
}

async function ask({ id, question }) {
  try {
    await held;
    self.postMessage({ type: 'answer', id, reply: analysis.ask(question) });
  } catch (error) {
    self.postMessage({ type: 'answer', id, error: String(error.message ?? error) });
  }
}

self.onmessage = ({ data }) => {
  if (data.type === 'helper') helper(init, data);
  else if (data.type === 'inflate') inflateHelper(data);
  else if (data.type === 'ask') ask(data);
  else if (data.type === 'cut') held.then(() => cut(data.flow)).catch((e) => self.postMessage({ type: 'error', message: String(e.message ?? e) }));
  else if (data.type === 'choose') choose?.(data);
  else if (data.type === 'save') held.then(() => save(data));
  else held = data.type === 'story' ? story(data) : load(data);
};
