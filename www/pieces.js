// A big file read by several workers at once, without SharedArrayBuffer (embeds and static hosts cannot be
// relied on to send COOP/COEP). This worker reads the file's stream (a zip entry's inflated by the
// browser's DecompressionStream: deflate cannot be cut before it is inflated, and inflating is quicker than
// reading rows, so one inflater keeps the helpers busy), cuts it at line ends into pieces, and sends each
// piece's chunks, transferred, to the least busy of its helpers: each another instance of this same script
// with its own copy of the compiled wasm module. A helper reads its piece (the file's header given again)
// into a table and sends it back as bytes, transferred; the pieces are joined in file order by the core
// (`Files.addPiece`): dictionaries unified, rows ordered by route, errors on the file's own lines.
import { PieceReader, canSplit } from './pkg/roundabout_worker.js';

/** A piece's size: about a quarter of a helper's share, so that the helpers stay busy to the end. */
const PIECE_MIN = 1 << 20;
const PIECE_MAX = 16 << 20;
/** Bytes looked at before choosing: the header line and enough to tell CSV text from gzip. */
const HEAD = 4096;

/** Whether to read with `workers` workers: only when the page's `?workers=` asks. Unasked, one worker reads a
 * file in one piece, as quick or quicker at every size measured on 2 cores: the helpers' start, the pieces'
 * two copies and their merge on the reading worker cost what the helpers save (bench/PARALLEL.md,
 * 2026-12-02: two workers 0.58× one at 35.7 MB, 0.86× at 178.6 MB). */
export const inParallel = (workers) => workers > 1;

/** A helper's side, from its first message on: reads the pieces it is sent, one after another, and sends
 * each back as bytes. */
export function helper(init, first) {
  const ready = init({ module_or_path: first.module });
  const reader = ready.then(() => new PieceReader(first.file, first.codes?.name, first.codes?.bytes));
  self.onmessage = async ({ data: m }) => {
    try {
      const r = await reader;
      r.begin(m.header, m.size);
      for (const c of m.chunks) r.push(c);
      const bytes = r.finish();
      self.postMessage({ id: m.id, bytes }, [bytes.buffer]);
    } catch (error) {
      self.postMessage({ id: m.id, error: String(error.message ?? error) });
    }
  };
}

/** A chunk whose buffer is its own can be transferred; one sharing its buffer is copied first. */
export const own = (c) => (c.byteOffset === 0 && c.byteLength === c.buffer.byteLength ? c : c.slice());

/**
 * Reads the stream `open()` gives (a file of about `size` bytes) into `files` in pieces with `workers`
 * helpers; `begin(header)` starts the file in `files` and returns its name. Resolves false, having read
 * nothing into `files`, when the file cannot be cut (gzip; no line end near its start) or a cut fell inside
 * a quoted field: the caller then reads it in one piece. `progress(bytes)` is called as it reads.
 */
export async function readInPieces(files, { name, size, open, workers, module, codes, begin, progress }) {
  const reader = open().getReader();
  const first = [];
  let got = 0;
  while (got < HEAD) {
    const { done, value } = await reader.read();
    if (done) break;
    first.push(value);
    got += value.length;
  }
  const head = new Uint8Array(got);
  first.reduce((at, c) => (head.set(c, at), at + c.length), 0);
  const lineEnd = head.indexOf(10);
  if (!canSplit(name, head.subarray(0, HEAD)) || lineEnd < 0 || lineEnd + 1 >= got) {
    reader.cancel();
    return false;
  }
  const header = head.slice(0, lineEnd + 1);
  const named = begin(header);
  const pieceSize = Math.max(PIECE_MIN, Math.min(PIECE_MAX, Math.ceil(size / (workers * 4))));
  const helpers = Array.from({ length: workers }, () => new Worker(new URL('worker.js', import.meta.url), { type: 'module', name: 'piece' }));
  const busy = helpers.map(() => 0);
  const back = new Map();
  let [sent, joined, failure, refused, wake] = [0, 0, undefined, false, undefined];
  helpers.forEach((w, i) => {
    w.postMessage({ type: 'helper', module, file: named, codes });
    w.onmessage = ({ data: r }) => {
      busy[i] -= 1;
      if (r.error) failure ??= new Error(r.error);
      else back.set(r.id, r.bytes);
      wake?.();
    };
    w.onerror = (e) => { failure ??= new Error(`${named}: ${e.message}`); wake?.(); };
  });
  const join = () => {
    for (; back.has(joined) && !refused; joined += 1) {
      refused = !files.addPiece(back.get(joined));
      back.delete(joined);
    }
  };
  // Waits until at most `most` pieces are out, joining those back in order meanwhile.
  const settle = async (most) => {
    join();
    while (sent - joined > most && !failure && !refused) {
      await new Promise((resolve) => { wake = resolve; });
      join();
    }
    if (failure) throw failure;
  };
  let piece = [];
  let pieceBytes = 0;
  const send = async () => {
    const i = busy.indexOf(Math.min(...busy));
    busy[i] += 1;
    const chunks = piece.map(own);
    helpers[i].postMessage({ id: sent, header, chunks, size: pieceBytes + header.length }, chunks.map((c) => c.buffer));
    sent += 1;
    [piece, pieceBytes] = [[], 0];
    await settle(2 * workers); // at most two pieces a helper out: memory stays bounded
  };
  // Adds a chunk; a piece full (at least `pieceSize` bytes) ends at its next line end, as the core's
  // `piece::cut` cuts.
  const take = async (c) => {
    const from = Math.max(0, pieceSize - pieceBytes - 1);
    const end = pieceBytes + c.length >= pieceSize ? c.indexOf(10, from) : -1;
    if (end < 0) {
      piece.push(c);
      pieceBytes += c.length;
      return;
    }
    const rest = c.subarray(end + 1);
    piece.push(c.subarray(0, end + 1));
    pieceBytes += end + 1;
    await send();
    if (rest.length) await take(rest);
  };
  try {
    let read = got;
    await take(head.subarray(header.length));
    for (;;) {
      const { done, value } = await reader.read();
      if (done || refused) break;
      read += value.length;
      progress(read);
      await take(value);
    }
    if (pieceBytes > 0 && !refused) await send();
    await settle(0);
    if (refused) return false;
    files.endPieces();
    return true;
  } finally {
    if (refused || failure) reader.cancel().catch(() => {});
    for (const w of helpers) w.terminate();
  }
}
