// `./build.sh bench`, a BACI-size year: a zip of one generated 11,000,000-row year (BACI's HS22 year 2023
// holds about that many), dropped on the page as a reader drops BACI's download, timed from the drop to
// the first map of it. The page asks which years to read and, as this year is over the rows it keeps
// whole, offers to keep only the story's countries; the bench answers with those defaults at once, and
// the time the form waits for an answer is left out. Writes bench/big-zip.json.
//   node bench/big-zip.mjs   (after ./build.sh build; ROUNDABOUT_BIGZIP_ROWS=11000000, ROUNDABOUT_BIGZIP_RUNS=3)
import { statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { generatedZip, headlessChromium, serveDir } from './site.mjs';

const ROWS = Number(process.env.ROUNDABOUT_BIGZIP_ROWS ?? 11_000_000);
const RUNS = Number(process.env.ROUNDABOUT_BIGZIP_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The CSV is only a step to the zip: 40 bytes a row, not kept.
const zipPath = generatedZip(ROWS, { keepCsv: false });
const zipBytes = statSync(zipPath).size;

const server = await serveDir(resolve('dist'), 0, '/');
const { context, close } = await headlessChromium();
const runs = [];
for (let i = 0; i < RUNS; i += 1) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('body[data-ready="true"]');
  // Times from the events' own stamps: the drop (the input's change), the form shown, the answer sent.
  await page.evaluate(() => {
    const marks = (window.bigZip = {});
    document.getElementById('file-input').addEventListener('change', (e) => { marks.drop = e.timeStamp; });
    new MutationObserver(() => { marks.form ??= document.querySelector('form.zip-choice') ? performance.now() : undefined; })
      .observe(document.body, { childList: true, subtree: true });
    document.addEventListener('submit', (e) => { marks.answer = e.timeStamp; }, { capture: true });
  });
  await page.setInputFiles('#file-input', zipPath);
  await page.locator('form.zip-choice button[type=submit]').click({ timeout: 60000 });
  await page.waitForFunction(() => document.getElementById('file-message').textContent.startsWith('Showing'), null, { timeout: 120000 });
  const marks = await page.evaluate(async () => {
    const shown = performance.now();
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return { ...window.bigZip, shown, map: performance.now(), status: document.getElementById('file-message').textContent };
  });
  if (errors.length) throw new Error(`the page failed on the zip: ${errors.join('; ')}`);
  runs.push({
    directory: marks.form - marks.drop,
    read: marks.shown - marks.answer,
    draw: marks.map - marks.shown,
    total: marks.form - marks.drop + (marks.map - marks.answer),
    status: marks.status,
  });
  await page.close();
}
await close();
server.close();

const summary = Object.fromEntries(['directory', 'read', 'draw', 'total'].map((k) => [k, median(runs.map((r) => r[k]))]));
const result = { date: new Date().toISOString(), load: loadavg().map((x) => x.toFixed(2)).join(' '), rows: ROWS, zipBytes, runs: RUNS, summary, status: runs[0].status, raw: runs };
writeFileSync('bench/big-zip.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`${ROWS} rows zipped (${(zipBytes / 1e6).toFixed(1)} MB), dropped on the page, to its first map: median ${summary.total.toFixed(0)} ms `
  + `(the zip's directory ${summary.directory.toFixed(0)}, read and cut ${summary.read.toFixed(0)}, drawn ${summary.draw.toFixed(0)}); ${runs[0].status}`);
