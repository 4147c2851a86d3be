// Frame time of the map: 500 flows over the 50m country shapes at 1280×800, in headless Chromium.
// Writes bench/frame.json and bench/FRAME.md. Needs target/frame-pkg, the map's code built as the page's module is
// (./build.sh bench builds it).
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDir } from '../scripts/serve.mjs';

const root = mkdtempSync(join(tmpdir(), 'roundabout-frame-'));
symlinkSync(resolve('bench/frame.html'), join(root, 'index.html'));
symlinkSync(resolve('bench/frame-page.mjs'), join(root, 'frame-page.mjs'));
symlinkSync(resolve('target/frame-pkg'), join(root, 'pkg'));
symlinkSync(resolve('node_modules'), join(root, 'm'));
const server = await serveDir(root, 0);
const profile = mkdtempSync(join(tmpdir(), 'roundabout-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--headless'],
});
const results = [];
for (const ratio of [1, 2]) {
  const page = await context.newPage({ deviceScaleFactor: ratio });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.frameResult, null, { timeout: 120000 });
  results.push({ ...(await page.evaluate(() => window.frameResult)), ratio });
  await page.close();
}
await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
rmSync(root, { recursive: true, force: true });

const machine = `${cpus()[0].model}, ${cpus().length} cores; ${new Date().toISOString()}`;
writeFileSync('bench/frame.json', `${JSON.stringify({ machine, results }, null, 2)}\n`);
const cell = (r) => `${r.median.toFixed(1)} / ${r.p90.toFixed(1)}, layout ${r.layout.toFixed(1)}`;
writeFileSync('bench/FRAME.md', [
  '# Frame time', '',
  `Machine: ${machine}. Written by \`node bench/frame.mjs\` (part of \`./build.sh bench\`).`, '',
  'One frame = the core lays the scene out (projection fitted to the flows, 50m country shapes clipped and',
  'simplified, flows, labels, key) and draws it on a 2D canvas; a pixel read waits for the raster. 30 frames',
  'after a warm-up, of four kinds. After the flows changed (the hovered flow moves on each frame; a year',
  'change or a slide between years is the same) and after a pan by one pixel, the land layer is kept, projected',
  'and drawn, reaching a quarter of the map beyond it (a pan past that makes it again). During a zoom gesture',
  '(wheel, pinch, buttons), each frame zooms by 1% and stretches the land layer drawn before the gesture, as the',
  'page does until the gesture ends. Once it ends (the page waits 150 ms), one frame projects and draws the land',
  'sharp, straight onto the map ("after a zoom settles"); the page then makes the kept land layer, a quarter',
  'larger on every side, when it next idles ("layer made when idle", not a frame the reader waits for). Each',
  'cell: frame median / p90, then the layout alone. Goal: 16 ms.', '',
  '| flows (drawn) | size | pixel ratio | after a flow change (ms) | after a pan (ms) | during a zoom (ms) | after a zoom settles (ms) | layer made when idle (ms) |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map((r) => `| ${r.flows} (${r.drawn}) | ${r.width}×${r.height} | ${r.ratio} | ${cell(r)} | ${cell(r.panned)} | ${cell(r.zooming)} | ${cell(r.zoomed)} | ${cell(r.layer)} |`),
  '',
  'Flows whose ends lie beyond the visible hemisphere of the azimuthal projection are not drawn, hence fewer than 500.',
  '',
].join('\n'));
console.log(results);
