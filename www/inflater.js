// A zip entry's deflated bytes inflated by the browser's DecompressionStream. The stream inflates on the
// thread that reads it, and inflating a BACI entry takes about as long as reading its rows (bench/INFLATE.md),
// so a big entry is inflated by a helper (another instance of worker.js) while this worker reads the rows
// it sends: the two run side by side on a machine with more than one core.

import { own } from './pieces.js';

/** An entry this big or bigger (inflated) is inflated by a helper; a code file or story.json is not. */
const HELPED_FROM = 8 << 20;
/** Bytes a helper sends at once (the inflater's chunks as they came, transferred, not joined into one
 * buffer: the helper is the slower side, and the copy made an 11M-row year's read about 240 ms longer), and
 * how many such batches it sends ahead of the reader: memory stays bounded. */
const BATCH = 1 << 20;
const AHEAD = 4;

export const canInflate = () => typeof DecompressionStream === 'function';

const inflating = (blob) => blob.stream().pipeThrough(new DecompressionStream('deflate-raw'));

/** The stream of `blob` (`size` bytes once inflated) inflated; a damaged entry's error worded by `damaged`. */
export function inflated(blob, size, damaged) {
  return size >= HELPED_FROM && navigator.hardwareConcurrency > 1 ? helped(blob, damaged) : here(blob, damaged);
}

/** Inflated on this thread. */
function here(blob, damaged) {
  const reader = inflating(blob).getReader();
  return new ReadableStream({
    async pull(c) {
      try {
        const { done, value } = await reader.read();
        if (done) c.close();
        else c.enqueue(value);
      } catch (error) {
        c.error(new Error(damaged(error.message)));
      }
    },
    cancel: (why) => reader.cancel(why),
  });
}

/** Inflated by a helper, which sends batches as this side takes them (each pull lets it send one more). */
function helped(blob, damaged) {
  const helper = new Worker(new URL('worker.js', import.meta.url), { type: 'module', name: 'inflate' });
  return new ReadableStream({
    start(c) {
      const fail = (message) => { c.error(new Error(damaged(message))); helper.terminate(); };
      helper.onmessage = ({ data }) => {
        if (data.batch) data.batch.forEach((chunk) => c.enqueue(chunk));
        else if (data.done) { c.close(); helper.terminate(); } else fail(data.error);
      };
      helper.onerror = (e) => fail(e.message);
      helper.postMessage({ type: 'inflate', blob });
    },
    pull: () => helper.postMessage('more'),
    cancel: () => helper.terminate(),
  });
}

/** A helper's side, from its first message ({type: 'inflate', blob}): inflates the blob and sends it back
 * in batches, transferred, then `{done}`, or `{error}` with the browser's words. */
export async function inflateHelper({ blob }) {
  let credit = AHEAD;
  let wake;
  self.onmessage = () => { credit += 1; wake?.(); };
  let parts = [];
  let bytes = 0;
  const send = async () => {
    while (credit === 0) await new Promise((resolve) => { wake = resolve; });
    credit -= 1;
    const batch = parts.map(own);
    self.postMessage({ batch }, batch.map((p) => p.buffer));
    [parts, bytes] = [[], 0];
  };
  try {
    const reader = inflating(blob).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      bytes += value.length;
      if (bytes >= BATCH) await send();
    }
    if (bytes > 0) await send();
    self.postMessage({ done: true });
  } catch (error) {
    self.postMessage({ error: String(error.message ?? error) });
  }
}
