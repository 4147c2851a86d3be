// A paired-bar chart drawn by the core into a canvas, with its downloads: SVG (the core's), PNG (the
// canvas) and CSV (the core's). The table beside each chart is its text equivalent.
import { bars_height, draw_bars, export_bars } from './pkg/roundabout.js';
import { save } from './download.js';
import { lang } from './i18n.js';
import { isDark as dark } from './theme.js';

/** Draws `bars` ({series, rows: [{label, values}]}) at the canvas's CSS width and the screen's pixel ratio;
 * hides it when empty. */
export function drawBars(canvas, bars) {
  canvas.hidden = bars.rows.length === 0;
  if (canvas.hidden) return;
  const json = JSON.stringify(bars);
  const width = Math.max(240, Math.round(canvas.parentElement.getBoundingClientRect().width));
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(bars_height(json, width) * ratio);
  draw_bars(canvas, json, dark(), lang(), ratio);
  canvas.dataset.bars = json;
  canvas.dataset.width = String(width);
}

/** Wires a chart's SVG, PNG and CSV buttons; `stem()` names the files. */
export function attachBarDownloads(canvas, { svg, png, csv }, stem) {
  const files = () => export_bars(canvas.dataset.bars ?? '{"series":["",""],"rows":[]}', Number(canvas.dataset.width ?? canvas.width), dark(), lang());
  svg.addEventListener('click', () => save(new Blob([files()[0]], { type: 'image/svg+xml' }), `${stem()}.svg`));
  csv.addEventListener('click', () => save(new Blob([files()[1]], { type: 'text/csv' }), `${stem()}.csv`));
  png.addEventListener('click', () => canvas.toBlob((blob) => { if (blob) save(blob, `${stem()}.png`); }, 'image/png'));
}
