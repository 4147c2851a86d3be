// The two inflaters of a BACI zip's entries, on the same zip in headless Chromium: the browser's
// DecompressionStream('deflate-raw') and the core's (flate2's Rust backend, in the worker's wasm), each
// alone and each feeding the rows into the table as the worker does. Prints MB/s of uncompressed CSV and
// writes bench/inflate.json and bench/INFLATE.md.
//   node bench/inflate.mjs [rows]   (after ./build.sh build; the zip is made with `roundabout generate`)
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDir } from '../scripts/serve.mjs';
import { generatedZip } from './site.mjs';

const ROWS = Number(process.argv[2] ?? 3_000_000);
const RUNS = 3;

const zipPath = generatedZip(ROWS);

copyFileSync(zipPath, 'dist/bench-inflate.zip'); // served beside the page for the run
const server = await serveDir(resolve('dist'), 0, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
const figures = await page.evaluate(async ({ zipUrl, runs }) => {
  const m = await import('/pkg/roundabout_worker.js');
  await m.default({ module_or_path: '/pkg/roundabout_worker_bg.wasm' });
  const file = new File([await (await fetch(zipUrl)).blob()], 'bench.zip');
  const bytesAt = async (at, len) => new Uint8Array(await file.slice(at, at + len).arrayBuffer());
  const len = m.zipTail(file.size);
  const end = m.zipEnd(file.name, await bytesAt(file.size - len, len), file.size - len);
  const [entry] = m.zipEntries(file.name, await bytesAt(end.at, end.len));
  const at = m.zipDataAt(file.name, entry, await bytesAt(entry.header_at, 30));
  const blob = file.slice(at, at + entry.compressed);
  const compressed = new Uint8Array(await blob.arrayBuffer());
  const drain = async (stream, each) => { const r = stream.getReader(); for (;;) { const { done, value } = await r.read(); if (done) return; each(value); } };
  const time = async (f) => { const out = []; for (let i = 0; i < runs; i += 1) { const t0 = performance.now(); await f(); out.push(performance.now() - t0); } return out.sort((a, b) => a - b)[Math.floor(runs / 2)]; };
  const ms = {
    browserAlone: await time(() => drain(blob.stream().pipeThrough(new DecompressionStream('deflate-raw')), () => {})),
    coreAlone: await time(async () => m.zipInflate(file.name, entry, compressed)),
    browserLoad: await time(async () => {
      const f = new m.Files(undefined);
      f.beginEntry(file.name, entry, true);
      await drain(blob.stream().pipeThrough(new DecompressionStream('deflate-raw')), (c) => f.push(c));
      f.end();
      f.analysis('bench').free();
    }),
    coreLoad: await time(async () => {
      const f = new m.Files(undefined);
      f.beginEntry(file.name, entry, false);
      await drain(blob.stream(), (c) => f.push(c));
      f.end();
      f.analysis('bench').free();
    }),
  };
  return { ms, size: entry.size, compressed: entry.compressed, ua: navigator.userAgent };
}, { zipUrl: '/bench-inflate.zip', runs: RUNS });
await browser.close();
server.close();
rmSync('dist/bench-inflate.zip');
const mbs = (ms) => (figures.size / 1e6 / (ms / 1e3)).toFixed(0);
console.log(`${ROWS} rows: ${(figures.size / 1e6).toFixed(1)} MB of CSV, ${(figures.compressed / 1e6).toFixed(1)} MB deflated; ${figures.ua.match(/Chrome\/[\d.]+/)?.[0]}; median of ${RUNS}`);
for (const [k, v] of Object.entries(figures.ms)) console.log(`  ${k}: ${v.toFixed(0)} ms, ${mbs(v)} MB/s of CSV`);
const ms = figures.ms;
writeFileSync('bench/inflate.json', `${JSON.stringify({ date: new Date().toISOString(), load: loadavg()[0], rows: ROWS, runs: RUNS, ...figures }, null, 2)}\n`);
writeFileSync('bench/INFLATE.md', [
  '# A BACI zip\'s entries: the browser\'s inflater and the core\'s', '',
  `Written by \`node bench/inflate.mjs ${ROWS}\` (part of \`./build.sh bench\`) on ${new Date().toISOString().slice(0, 10)}, headless `
  + `${figures.ua.match(/Chrome\/[\d.]+/)?.[0]}: one generated year of ${ROWS.toLocaleString('en')} rows, ${(figures.size / 1e6).toFixed(1)} MB of CSV `
  + `deflated to ${(figures.compressed / 1e6).toFixed(1)} MB in a zip; median of ${RUNS} runs; load average ${loadavg()[0].toFixed(2)}.`, '',
  '| | ms | MB/s of CSV |', '|---|---:|---:|',
  `| \`DecompressionStream('deflate-raw')\` alone | ${ms.browserAlone.toFixed(0)} | ${mbs(ms.browserAlone)} |`,
  `| the core's inflater (flate2, in the worker's wasm) alone | ${ms.coreAlone.toFixed(0)} | ${mbs(ms.coreAlone)} |`,
  `| browser's inflater feeding the rows into the table, as the worker does | ${ms.browserLoad.toFixed(0)} | ${mbs(ms.browserLoad)} |`,
  `| core's inflater feeding the rows into the table | ${ms.coreLoad.toFixed(0)} | ${mbs(ms.coreLoad)} |`, '',
  `The browser's inflater is ${(ms.coreAlone / ms.browserAlone).toFixed(2)}× the core's alone, and ${(ms.coreLoad / ms.browserLoad).toFixed(2)}× with the parse `
  + 'after it. The core\'s is the fallback for a browser without `DecompressionStream`.', ''].join('\n'));
