// "Download" links under the map and the chart: framed graphics (title, year and goods, key, source) made
// by graphics.js, loaded on the first click; the chart's CSV as the core writes it.
import { t } from './i18n.js';

/** Saves `blob` under `name` through a temporary link. */
export function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const graphics = () => import('./graphics.js');
const svgBlob = (svg) => new Blob([svg], { type: 'image/svg+xml' });

/** Wires the map's SVG and PNG buttons and the chart's SVG, PNG and CSV; `stem()` names the map's files
 * after the current view. PNG opens a choice of sizes (and, for the map, a video of the years). */
export function attachDownloads(app, canvas, { svgButton, pngButton, stem, chart, chartSvg, chartPng, chartCsv }) {
  svgButton.addEventListener('click', async () => {
    const svg = (await graphics()).mapSvg(app, canvas);
    if (svg) save(svgBlob(svg), `${stem()}.svg`);
  });
  pngButton.addEventListener('click', async () => (await graphics()).mapMenu(pngButton, app, canvas, save, `${stem()}.png`, t));
  chartSvg.addEventListener('click', async () => save(svgBlob((await graphics()).chartSvg(app, chart)), 'roundabout-routes.svg'));
  chartPng.addEventListener('click', async () => (await graphics()).chartMenu(chartPng, app, chart, save, t));
  chartCsv.addEventListener('click', () => save(new Blob([app.chart_files(320, 180)[1]], { type: 'text/csv' }), 'roundabout-routes.csv'));
}
