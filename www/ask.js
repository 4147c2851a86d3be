// The channel to the table the product views ask about, always held by a worker: a reader's whole file, or
// the default story. Questions and answers are JSON (see the core's story::ask); the shell never aggregates.

/** `{kind: 'hub', …rest}` as the core reads it: `{"hub": {…rest}}`. */
const encode = ({ kind, ...rest }) => JSON.stringify({ [kind]: rest });

/** Asks a worker that holds a loaded table; answers arrive by message, matched by id. */
export function workerChannel(worker) {
  let next = 0;
  const waiting = new Map();
  worker.addEventListener('message', ({ data }) => {
    if (data.type !== 'answer' || !waiting.has(data.id)) return;
    const { resolve, reject } = waiting.get(data.id);
    waiting.delete(data.id);
    if (data.error) reject(new Error(data.error)); else resolve(JSON.parse(data.reply));
  });
  return {
    ask(question) {
      next += 1;
      const id = next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ type: 'ask', id, question: encode(question) });
      });
    },
    close() { worker.terminate(); },
  };
}

/** A worker holding the default story (`bytes`, kept by the page): a channel that outlives file loads. */
export function storyWorker(bytes) {
  const worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module', name: 'story' });
  worker.postMessage({ type: 'story', bytes: bytes.slice() });
  return { ...workerChannel(worker), close() {} };
}
