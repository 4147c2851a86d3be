// In the browser: times FrameBench frames (bench/frame.mjs drives it and reads window.frameResult).
import init, { FrameBench } from './pkg/roundabout.js';

const [width, height, flows, runs] = [1280, 800, 500, 30];
await init();
const shapes = new Uint8Array(await (await fetch('m/world-atlas/countries-50m.json')).arrayBuffer());
const canvas = document.getElementById('map');
const ratio = window.devicePixelRatio || 1;
canvas.width = width * ratio;
canvas.height = height * ratio;
canvas.style.width = `${width}px`;
canvas.style.height = `${height}px`;
const ctx = canvas.getContext('2d');
const bench = new FrameBench(shapes, flows, width, height);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

/** `runs` frames after a warm-up, each after a `change`: 0 the flows, 1 a pan, 2 a settled zoom, 3 a zoom gesture,
 * 4 the kept land layer made after a zoom (when the page idles). */
function frames(change) {
  bench.frame(ctx, ratio, change);
  const times = [];
  let drawn = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    drawn = bench.frame(ctx, ratio, change);
    // Reading one pixel waits for the canvas to finish drawing, so the time includes rasterising.
    ctx.getImageData(0, 0, 1, 1);
    times.push(performance.now() - start);
  }
  const layouts = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    bench.layout(change);
    layouts.push(performance.now() - start);
  }
  return { drawn, median: median(times), p90: p90(times), layout: median(layouts) };
}

const changed = frames(0);
const panned = frames(1);
const zoomed = frames(2);
const zooming = frames(3);
const layer = frames(4);
window.frameResult = { width, height, flows, ratio, runs, drawn: changed.drawn, ...changed, panned, zoomed, zooming, layer };
