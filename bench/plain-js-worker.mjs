// The plain JS loader as a page would run it on a dropped file: in a fresh worker, the file read whole
// (`File.arrayBuffer()`) and parsed. Its time, from the read's start to the table parsed, stands beside the
// page's worker, which is timed the same way (bench/parallel-page.mjs).
import { parse } from '/plain-js.mjs';

self.onmessage = async ({ data: { file } }) => {
  const started = performance.now();
  const rows = parse(new Uint8Array(await file.arrayBuffer())).rows;
  self.postMessage({ ms: performance.now() - started, rows });
};
