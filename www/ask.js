// The channel to the table the product views ask about: the worker's, for a reader's file (it holds the
// whole table), or the page's own, for the default story. Questions and answers are JSON (see the core's
// story::ask); the shell never aggregates.

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

/** Asks the core on this thread: for the default story, a few hundred rows. */
export function localChannel(analysis) {
  return {
    ask: async (question) => JSON.parse(analysis.ask(encode(question))),
    close() { analysis.free(); },
  };
}
