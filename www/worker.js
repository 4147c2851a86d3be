// Reads a reader's trade file off the main thread: the page stays responsive, and cancelling is
// terminating this worker. The file streams into the core chunk by chunk, so the tab never holds the
// whole file; the core cuts it down to the story's routes and only that cut (a few hundred rows at most)
// goes back to the page. The worker then keeps the whole table and answers the page's product questions
// by message ({type: 'ask', id, question}), with small answers. For the default story it is sent the
// story's bytes ({type: 'story', bytes}) and answers the same questions. Its wasm module is the worker's
// own: every trade format and the analysis, which the page's module leaves out.
import init, { Analysis, FileFeed } from './pkg/roundabout_worker.js';

const ready = init({ module_or_path: new URL('pkg/roundabout_worker_bg.wasm', import.meta.url) }); // bundled: see main.js
const PROGRESS_EVERY = 4 << 20; // bytes between progress messages

/** Calls `each` with every chunk of the file, reporting how much has been read. */
async function stream(file, each) {
  const reader = file.stream().getReader();
  let at = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    each(value);
    at += value.length;
    if (at - reported >= PROGRESS_EVERY) {
      reported = at;
      self.postMessage({ type: 'progress', phase: 'reading', done: at, total: file.size });
    }
  }
}

let analysis;
let held = Promise.resolve(); // the table's loading, which questions wait for

async function story({ bytes }) {
  await ready;
  analysis = new Analysis('story.csv', bytes);
}

async function load({ file, codes }) {
  try {
    await ready;
    const codeBytes = codes ? new Uint8Array(await codes.arrayBuffer()) : undefined;
    const feed = new FileFeed(file.name, file.size, codes?.name, codeBytes);
    await stream(file, (chunk) => feed.push(chunk));
    self.postMessage({ type: 'progress', phase: 'parsing', done: file.size, total: file.size });
    analysis = feed.analysis();
    const cut = analysis.cut();
    self.postMessage({ type: 'done', csv: cut.csv, summary: cut.summary });
  } catch (error) {
    // A panic in the core arrives here as a RuntimeError: still just a message for the reader.
    const message = error instanceof WebAssembly.RuntimeError
      ? `${file.name}: the file could not be read (internal error: ${error.message})`
      : String(error.message ?? error);
    self.postMessage({ type: 'error', message });
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
  if (data.type === 'ask') ask(data);
  else held = data.type === 'story' ? story(data) : load(data);
};
