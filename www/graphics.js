// The map and the chart as graphics ready to publish, loaded on the first click of a download (a dynamic
// import: none of it weighs on the page's first load): PNG at 1×, 2× or a width, and SVG, framed by the
// title, the year and goods, whose reports, the key (drawn by the core on the map) and a source line; and
// the map's years as a video. Nothing here imports the page's modules (they would become a chunk the page
// waits for): what it needs is handed in.

const $ = (id) => document.getElementById(id);

// The graphics' frame, in CSS px: the title, a line naming the year, goods and whose reports, the figure,
// then the source line.
const PAD = 16;
const SANS = 'system-ui, -apple-system, "Segoe UI", sans-serif';
/** The frame's fonts and line heights: smaller around a narrow figure (a chart of 320 px). */
const fonts = (width) => {
  const k = Math.min(1, Math.max(0.65, width / 640));
  const px = (n) => Math.round(n * k);
  return {
    title: [`bold ${px(22)}px Georgia, "Times New Roman", serif`, px(28)],
    line: [`${px(14)}px ${SANS}`, px(20)],
    source: [`${px(12)}px ${SANS}`, px(18)],
  };
};

const clean = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The frame's words, from the page as it is: its title; the view's line (the year or period and the
 * goods, as the embed's credit line names them, and in the all-goods view whose reports are drawn); the
 * view's sources. */
function words(app, figure) {
  const all = app.show().period === null;
  const side = $('side');
  const reported = all && `${clean(side.closest('label').firstChild)} ${clean(side.selectedOptions[0])}.`;
  const credit = clean(document.querySelector(`.embed-credit .${all ? 'all-goods' : 'published'}-only`));
  return {
    title: clean(document.querySelector('h1')),
    line: [figure, clean($('embed-title')), reported].filter(Boolean).join(' '),
    source: `${credit} · Roundabout`,
  };
}

/** Splits `text` into lines no wider than `width` in `font`. */
function wrap(ctx, text, font, width) {
  ctx.font = font;
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/** Where each line and the figure go in a frame `width` wide around a figure `height` tall. */
function layout(text, width, height) {
  const ctx = document.createElement('canvas').getContext('2d');
  const sizes = fonts(width);
  const rows = [];
  let y = PAD;
  for (const part of ['title', 'line']) {
    const [font, lead] = sizes[part];
    for (const line of wrap(ctx, text[part], font, width - 2 * PAD)) {
      y += lead;
      rows.push({ text: line, font, y: y - lead * 0.25 });
    }
  }
  const figure = y + PAD / 2;
  y = figure + height + PAD / 2;
  const [font, lead] = sizes.source;
  for (const line of wrap(ctx, text.source, font, width - 2 * PAD)) {
    y += lead;
    rows.push({ text: line, font, y: y - lead * 0.25, source: true });
  }
  return { rows, figure, height: Math.ceil(y + PAD / 2) };
}

const colours = () => {
  const style = getComputedStyle(document.body);
  return { background: style.backgroundColor, text: style.color };
};

/** A figure (`draw(canvas, scale)` paints it at `width` × `height` CSS px) framed, as a PNG `scale` times. */
function framedPng(text, width, height, scale, draw) {
  const out = document.createElement('canvas');
  paintFrame(out, text, width, height, scale, draw);
  return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}

/** Paints the framed figure onto `out`, sized to fit it. */
function paintFrame(out, text, width, height, scale, draw) {
  const box = layout(text, width, height);
  out.width = Math.round(width * scale);
  out.height = Math.round(box.height * scale);
  const ctx = out.getContext('2d');
  const { background, text: ink } = colours();
  ctx.scale(scale, scale);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, box.height);
  for (const row of box.rows) {
    ctx.font = row.font;
    ctx.fillStyle = ink;
    ctx.globalAlpha = row.source ? 0.75 : 1;
    ctx.fillText(row.text, PAD, row.y);
  }
  ctx.globalAlpha = 1;
  const figure = document.createElement('canvas');
  figure.width = Math.round(width * scale);
  figure.height = Math.round(height * scale);
  draw(figure, scale);
  ctx.drawImage(figure, 0, box.figure, width, height);
}

const escape = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** An SVG document (`inner`, `width` × `height`) framed the same way. */
function framedSvg(text, width, height, inner) {
  const box = layout(text, width, height);
  const { background, text: ink } = colours();
  const rows = box.rows.map((r) => `<text x="${PAD}" y="${r.y.toFixed(1)}" style="font:${escape(r.font)}" fill="${ink}"${r.source ? ' fill-opacity="0.75"' : ''}>${escape(r.text)}</text>`);
  const figure = inner.replace(/^<\?xml[^>]*>\s*/, '').replace('<svg', `<svg x="0" y="${box.figure}"`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${box.height}" viewBox="0 0 ${width} ${box.height}">`
    + `<rect width="100%" height="100%" fill="${background}"/>${rows.join('')}${figure}</svg>`;
}

/** The sizes a PNG is offered at, for a figure `width` CSS px wide: [label, scale]. */
const SIZES = (width) => [['1×', 1], ['2×', 2], ['1200 px', 1200 / width], ['2000 px', 2000 / width]];

/** A small menu of PNG sizes after `button`; `make(scale)` resolves with the PNG, saved as `name`;
 * `animate()`, where given, resolves with a video of the years. */
function pngMenu(button, width, make, save, name, t, animate) {
  const id = `${button.id}-sizes`;
  const open = document.getElementById(id);
  if (open) {
    open.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const menu = Object.assign(document.createElement('span'), { id, className: 'png-sizes' });
  menu.setAttribute('role', 'group');
  menu.setAttribute('aria-label', t('PNG size'));
  const go = async (scale) => {
    const blob = await make(scale);
    if (blob) save(blob, name);
  };
  for (const [label, scale] of SIZES(width)) {
    const b = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: label });
    b.dataset.width = String(Math.round(width * scale));
    b.addEventListener('click', () => go(scale));
    menu.append(' ', b);
  }
  const chosen = Object.assign(document.createElement('input'), { type: 'number', min: 200, max: 8000, step: 100, value: 1600, size: 5 });
  chosen.setAttribute('aria-label', t('Width in pixels'));
  const own = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: t('px, save') });
  own.addEventListener('click', () => go(Math.min(8000, Math.max(200, Number(chosen.value) || 1600)) / width));
  menu.append(' ', chosen, ' ', own);
  if (animate && typeof MediaRecorder === 'function') {
    const film = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: t('the years as a video (WebM)') });
    film.addEventListener('click', async () => {
      film.disabled = true;
      const blob = await animate();
      film.disabled = false;
      if (blob) save(blob, name.replace(/(-\d+)?\.png$/, '-years.webm'));
    });
    menu.append(' · ', film);
  }
  button.setAttribute('aria-expanded', 'true');
  button.after(menu);
}


/** The map's menu of PNG sizes (and its video of the years) after `button`. */
export function mapMenu(button, app, canvas, save, name, t) {
  pngMenu(button, canvas.getBoundingClientRect().width, (scale) => mapPng(app, canvas, scale), save, name, t, () => mapWebm(app, canvas));
}

/** The chart's menu of PNG sizes after `button`. */
export function chartMenu(button, app, chart, save, t) {
  pngMenu(button, chartSize(chart).width, (scale) => chartPng(app, chart, scale), save, 'roundabout-routes.png', t);
}

/** The map as a framed PNG, `scale` times its size on screen. */
function mapPng(app, canvas, scale) {
  const { width, height } = canvas.getBoundingClientRect();
  return framedPng(words(app, ''), width, height, scale, (figure, s) => app.render(figure.getContext('2d'), width, height, s));
}

/** Seconds each year stays on screen in the video, and how often it is painted meanwhile. */
const YEAR_SECONDS = 0.8;
const HOLD_PAINTS = 4;

/** The map's years one after another, framed, as a WebM video recorded from a canvas
 * (`captureStream` and `MediaRecorder`: the browser's own encoder, nothing fetched). The map on screen is
 * left as it was: the years are drawn off screen, and the year shown is put back. */
async function mapWebm(app, canvas) {
  const { years, period, year: current } = app.show();
  if (period !== null || years.length < 2) return undefined;
  const { width, height } = canvas.getBoundingClientRect();
  const text = words(app, '');
  const out = document.createElement('canvas');
  const frame = (year) => {
    app.set_year(year);
    const line = text.line.replace(String(current), String(year));
    paintFrame(out, { ...text, line }, width, height, 1, (figure, s) => app.render(figure.getContext('2d'), width, height, s, 1));
  };
  frame(years[0]);
  const recorder = new MediaRecorder(out.captureStream(30), { mimeType: 'video/webm' });
  const parts = [];
  recorder.ondataavailable = (e) => parts.push(e.data);
  const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
  recorder.start();
  // Painted again while a year holds: a canvas's stream has frames only when it is painted.
  for (const year of years) {
    for (let i = 0; i < HOLD_PAINTS; i += 1) {
      frame(year);
      await new Promise((resolve) => setTimeout(resolve, (YEAR_SECONDS * 1000) / HOLD_PAINTS));
    }
  }
  recorder.stop();
  await stopped;
  frame(current); // the year shown again, and the last scene drawn (which hovering and SVG read) its own
  return new Blob(parts, { type: 'video/webm' });
}

/** The map as a framed SVG document. */
export function mapSvg(app, canvas) {
  const { width, height } = canvas.getBoundingClientRect();
  const inner = app.svg();
  return inner && framedSvg(words(app, ''), Math.round(width), Math.round(height), inner);
}

/** The chart's frame words: its heading first. */
const chartWords = (app, chart) => words(app, `${clean(chart.closest('div').querySelector('h3'))}.`);

/** The chart's size in CSS px: as on screen, 16:9. */
function chartSize(chart) {
  const width = chart.clientWidth || 320;
  return { width, height: Math.round((width * 9) / 16) };
}

/** The chart as a framed PNG, `scale` times its size on screen. */
function chartPng(app, chart, scale) {
  const { width, height } = chartSize(chart);
  return framedPng(chartWords(app, chart), width, height, scale, (figure, s) => {
    figure.getContext('2d').setTransform(s, 0, 0, s, 0, 0);
    app.draw_chart(figure, s);
  });
}

/** The chart as a framed SVG document. */
export function chartSvg(app, chart) {
  const { width, height } = chartSize(chart);
  return framedSvg(chartWords(app, chart), width, height, app.chart_files(width, height)[0]);
}
