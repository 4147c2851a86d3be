// Loads the core, wires the controls and the map. All figures come from the wasm core.
import init, { App, format_money, parse_steps } from './pkg/roundabout.js';
import { renderRoutes, renderHeadlines, renderSummary, renderChartTable } from './panel.js';
import { renderTable } from './table.js';
import { showTooltip, showCountryTooltip, hideTooltip, showLines } from './tooltip.js';
import { attachPick } from './map-pick.js';
import { attachPublishedView, publishedWords } from './published-view.js';
import { attachMapView } from './map-view.js';
import { attachDownloads, save } from './download.js';
import { slide, startParticles } from './motion.js';
import { attachFocus } from './focus.js';
import { followHistory, page, readLink, writeLink } from './link.js';
import { attachEmbedButton, enterEmbedMode } from './embed.js';
import { followTheme } from './theme.js';
import { attachStory } from './story.js';
import { attachPlay } from './play.js';
import { chooseLanguage, t, translatePage } from './i18n.js';
import { attachLoader } from './loader.js';
import { attachAnalysis } from './analysis.js';
import { storyWorker, workerChannel } from './ask.js';
import { fillRouteChoices, legs, showStoryTexts, story as folder, storyTexts, useStory } from './story-folder.js';

const WORLD_URL = 'data/countries-110m.json';
const DETAIL_URL = 'data/countries-50m.json';
const STORY_URL = 'data/story.csv';
const HEADLINES_URL = 'data/headlines.json';
const STORY_JSON_URL = 'data/story.json';
const PUBLISHED_URL = 'data/published.json';

const MIN_TOP = 5; // the smallest choice of "Largest routes shown"

const $ = (id) => document.getElementById(id);

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function showError(message) {
  const status = $('status');
  status.textContent = message;
  status.classList.add('error');
  status.hidden = false;
}

/** Keeps the canvas's backing store at the figure's size times the pixel ratio. */
function sizeCanvas(canvas) {
  const { width, height } = canvas.parentElement.getBoundingClientRect();
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  return { width, height, ratio };
}

function buildYearControl(app, onChange) {
  const box = $('years');
  box.replaceChildren();
  for (const year of app.years()) {
    const label = document.createElement('label');
    const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'year', value: String(year) });
    input.checked = year === app.year();
    input.addEventListener('change', () => onChange(year));
    const text = document.createElement('span');
    text.textContent = String(year);
    label.append(input, text);
    box.append(label);
  }
}

/** The "routes shown" menu at `n`, with `n` added as a choice when a link asked for another number. */
function showTop(select, n) {
  if (![...select.options].some((o) => Number(o.value) === n)) {
    const option = Object.assign(document.createElement('option'), { value: String(n), textContent: String(n) });
    const after = [...select.options].find((o) => Number(o.value) > n);
    select.insertBefore(option, after ?? null);
  }
  select.value = String(n);
}

/** The language menu: shows `lang` and calls `choose` with the reader's pick. */
function attachLanguageChoice(select, lang, choose) {
  select.value = lang;
  select.addEventListener('change', () => choose(select.value));
}

/** The published figures' file, handed to the core (which draws them) and read for their words; nothing
 * (with a warning) when the core refuses it: the all-goods view works without. */
function readPublished(app, bytes) {
  try {
    app.set_published('published.json', bytes);
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    console.warn(`The published figures are off: ${error.message ?? error}`);
    return undefined;
  }
}

/** The story's steps, or nothing (with a warning) when the core refuses them: the map works without. */
function readSteps(steps) {
  try {
    return parse_steps('story.json', new TextEncoder().encode(JSON.stringify(steps)));
  } catch (error) {
    console.warn(`Story mode is off: ${error.message ?? error}`);
    return undefined;
  }
}

async function start() {
  const [, world, story, headlines, storyJson, published] = await Promise.all([
    // The path named, not left to the glue's own address: the glue is bundled into this file.
    init({ module_or_path: new URL('pkg/roundabout_bg.wasm', import.meta.url) }),
    fetchBytes(WORLD_URL),
    fetchBytes(STORY_URL),
    fetch(HEADLINES_URL).then((r) => (r.ok ? r.json() : [])),
    fetchBytes(STORY_JSON_URL).then((bytes) => JSON.parse(new TextDecoder().decode(bytes))),
    fetchBytes(PUBLISHED_URL).catch((error) => console.warn(`The published figures are off: ${error.message}`)),
  ]);
  useStory(storyJson);
  const app = new App(world, 'story.csv', story, legs().join(','), folder.destination, folder.baseline);
  // The story's year, where the data has it (a link's year, read next, comes before it).
  if (app.years().includes(folder.year)) app.set_year(folder.year);
  // The published figures on the sanctioned goods: the view the page opens on. Without them, all goods.
  const publishedData = published && readPublished(app, published);
  readLink(app);
  const lang = chooseLanguage(page.lang);
  await translatePage(lang);
  if (lang !== 'en') {
    app.set_language(lang, await fetchBytes(`data/names-${lang}.json`));
    showStoryTexts(lang);
  }
  const words = storyTexts(lang);
  // The words of the data on screen: the story's, or a loaded file's (the goods its codes name).
  const showGoods = (goods, dek) => { app.set_goods(goods.charAt(0).toLocaleUpperCase(lang) + goods.slice(1)); $('dek').textContent = dek; };
  showGoods(words.goods, words.dek);
  fillRouteChoices($('products-route'), $('evidence-hub'), (c) => app.country_name(c), lang);
  $('products-growth-head').textContent = t('Growth on {year}', { year: folder.baseline });
  $('baseline-note').textContent = t('Dashed line: {year}, the baseline for growth.', { year: folder.baseline });
  if (publishedData) app.set_published_words(...publishedWords(publishedData));
  attachLanguageChoice($('lang'), lang, (chosen) => {
    page.lang = chosen === 'en' ? undefined : chosen;
    window.location.assign(app.link(page.lang, page.embed, page.step) || window.location.pathname);
  });
  if (page.embed) enterEmbedMode(() => `index.html${app.link(page.lang, false, page.step)}`);
  const canvas = $('map-canvas');
  const ctx = canvas.getContext('2d');
  let size = sizeCanvas(canvas);
  let routes = [];
  let other;

  // Repaint at most once a frame, and only when something asked for it.
  let pending = false;
  const draw = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; app.render(ctx, size.width, size.height, size.ratio); });
    if (app.wants_detail() && !detail) {
      detail = fetchBytes(DETAIL_URL).then((bytes) => { app.set_detail_shapes(bytes); draw(); })
        .catch((error) => showError(`Finer country shapes could not load: ${error.message ?? error}`));
    }
  };
  let detail;
  let analysis; // the analysis views, wired when first needed
  let storyChannel; // the default story's table, held by a worker started when first asked
  const analysisViews = () => (analysis ??= attachAnalysis(app, headlines, () => publishedView && [publishedData, publishedView]));
  const storyTable = () => (storyChannel ??= storyWorker(story));
  let mapShown = false;
  const drawChart = () => {
    app.draw_chart($('chart'));
    renderChartTable($('chart-table'), app.chart_series(), (v) => format_money(v, document.documentElement.lang || 'en'));
    const notes = app.chart_notes();
    $('chart-notes').textContent = notes.join(' ');
    $('chart-notes').hidden = notes.length === 0;
  };
  let publishedView;
  const refresh = () => {
    if (app.period() !== undefined) {
      publishedView.render();
      analysis?.update();
      draw();
      return;
    }
    publishedView?.sync();
    routes = app.routes();
    other = app.other();
    renderRoutes($('routes'), routes, other);
    renderSummary($('map-summary'), routes, app.year(), other);
    renderTable({ caption: $('table-caption'), body: $('table-body'), foot: $('table-foot') }, routes, other, app.year());
    $('panel-title').textContent = t('Routes in {year}', { year: app.year() });
    $('embed-title').textContent = t('{year}, all goods.', { year: app.year() });
    if (mapShown) drawChart(); // the first map does not wait for the chart below it
    analysis?.update();
    draw();
    canvas.dataset.year = String(app.year());
  };

  if (publishedData) {
    publishedView = attachPublishedView(app, publishedData, {
      switch: $('view-switch'),
      published: $('view-published'),
      all: $('view-all'),
      period: $('period'),
      prev: $('period-prev'),
      next: $('period-next'),
      title: $('panel-title'),
      embedTitle: $('embed-title'),
      routes: $('routes'),
      caption: $('published-caption'),
      body: $('published-body'),
      summary: $('map-summary'),
    }, () => { hideTooltip($('tooltip')); sync(); refresh(); writeLink(app); });
  }
  const chooseYear = (year) => { app.set_year(year); sync(); refresh(); slide(app, draw); writeLink(app); };
  buildYearControl(app, chooseYear);
  attachPlay($('play'), () => app.years(), () => app.year(), chooseYear);
  $('lock-scale').addEventListener('change', (e) => { app.lock_scale(e.target.checked); draw(); });
  $('side').addEventListener('change', (e) => { app.set_side(e.target.value); refresh(); slide(app, draw); writeLink(app); });
  $('top').addEventListener('change', (e) => { app.set_top(Number(e.target.value)); refresh(); writeLink(app); });

  let hovered;
  const tip = $('tooltip');
  const showRoute = (id, x, y, box) => (app.period() !== undefined ? showLines(tip, publishedView.tooltip(id), x, y, box) : showTooltip(tip, routes[id], x, y, box));
  attachPick(canvas, app, { tip, show: showRoute, redraw: draw });
  canvas.addEventListener('pointermove', (e) => {
    if (tip.dataset.pinned) return;
    if (canvas.dataset.dragging) return hideTooltip(tip);
    const box = canvas.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const id = app.hover(x, y);
    if (id !== hovered) { hovered = id; draw(); }
    if (id !== undefined) return showRoute(id, x, y, box);
    if (app.period() !== undefined) return hideTooltip(tip);
    const country = app.country_at(x, y);
    const summary = country === undefined ? undefined : app.country_summary(country);
    if (summary) showCountryTooltip(tip, summary, x, y, box);
    else hideTooltip(tip);
  });
  canvas.addEventListener('pointerleave', () => {
    if (tip.dataset.pinned) return;
    hideTooltip(tip);
    if (hovered !== undefined) { hovered = undefined; app.hover(-1, -1); draw(); }
  });
  attachMapView(canvas, app, {
    size: () => size,
    redraw: () => { draw(); writeLink(app, { replace: true }); },
    controls: { zoomIn: $('zoom-in'), zoomOut: $('zoom-out'), reset: $('zoom-reset') },
    hint: $('zoom-hint'),
  });
  attachDownloads(app, canvas, {
    svgButton: $('download-svg'),
    pngButton: $('download-png'),
    stem: () => `roundabout-${app.year()}`,
  });
  const chartFile = (i, type, ext) => () => save(new Blob([app.chart_files(320, 180)[i]], { type }), `roundabout-routes.${ext}`);
  $('chart-svg').addEventListener('click', chartFile(0, 'image/svg+xml', 'svg'));
  $('chart-csv').addEventListener('click', chartFile(1, 'text/csv', 'csv'));
  $('chart-png').addEventListener('click', () => $('chart').toBlob((blob) => { if (blob) save(blob, 'roundabout-routes.png'); }, 'image/png'));
  const showFocus = attachFocus(app, {
    canvas,
    search: $('country-search'),
    options: $('country-list'),
    bar: $('focus-bar'),
    label: $('focus-name'),
    directions: document.querySelectorAll('#focus-bar [data-direction]'),
    clear: $('focus-clear'),
  }, () => { refresh(); writeLink(app); });
  // Controls show what the core holds, after a link is opened or history is walked.
  const sync = () => {
    for (const input of document.querySelectorAll('#years input')) input.checked = Number(input.value) === app.year();
    $('side').value = app.side();
    showTop($('top'), app.top());
    // Only where it changes something: the default story's four routes all fit.
    $('top-choice').hidden = app.route_count() <= MIN_TOP && app.top() >= app.route_count();
    showFocus();
  };
  attachEmbedButton(
    { button: $('embed-button'), panel: $('embed-panel'), code: $('embed-code'), copy: $('embed-copy') },
    () => app.link(page.lang, true, page.step),
  );
  followHistory(app, () => { sync(); refresh(); });
  followTheme(app, refresh);
  attachLoader({
    input: $('file-input'),
    drop: $('drop-zone'),
    status: $('file-status'),
    message: $('file-message'),
    bar: $('file-progress'),
    cancel: $('file-cancel'),
    back: $('file-back'),
    errors: $('file-errors'),
    flow: $('file-flow'),
  }, {
    show: (name, bytes, summary, worker) => {
      const goods = summary.goods[['en', 'uk', 'ru'].indexOf(lang)] ?? summary.goods[0];
      showGoods(goods, t('{file}: {goods}, {years}, from {format}. Arrow width shows their value in a year.', { file: name, goods, years: summary.span, format: summary.format }));
      app.show_period(undefined);
      app.load_data(name, bytes, true); buildYearControl(app, chooseYear); sync(); refresh(); writeLink(app);
      if (worker) analysisViews().use(workerChannel(worker), name);
    },
    restore: () => {
      showGoods(words.goods, words.dek);
      app.load_data('story.csv', story, false); buildYearControl(app, chooseYear); sync(); refresh(); writeLink(app);
      analysisViews().use(storyTable(), 'story.csv');
    },
  });
  const walk = words.steps && readSteps(words.steps);
  if (walk) {
    const openStep = attachStory(walk, {
      start: $('story-start'),
      bar: $('story-bar'),
      title: $('story-title'),
      counter: $('story-counter'),
      caption: $('story-caption'),
      prev: $('story-prev'),
      next: $('story-next'),
      close: $('story-close'),
    }, {
      go: (view, step) => { app.apply_link(view); page.step = step; sync(); refresh(); writeLink(app); },
      leave: () => { page.step = undefined; writeLink(app); },
    });
    if (page.step !== undefined) openStep(page.step);
  }
  sync();
  startParticles(app, $('map-particles'), { size: () => size, button: $('motion') });
  new ResizeObserver(() => { size = sizeCanvas(canvas); draw(); }).observe(canvas.parentElement);

  renderHeadlines($('headlines'), headlines);
  refresh();
  $('status').hidden = true;
  // draw() asked for the first map in this frame's callbacks; this one runs after it. The analysis views,
  // below the map, start (and the worker that answers them is fetched) as they come within a screen of
  // view, unless a reader's file started them already.
  requestAnimationFrame(() => {
    document.body.dataset.ready = 'true';
    performance.mark('roundabout-map-drawn');
    mapShown = true;
    drawChart();
    // Once idle, the same map again, now keeping its land layer for the frames that follow.
    (window.requestIdleCallback ?? setTimeout)(draw);
    const near = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      near.disconnect();
      if (!analysis) analysisViews().use(storyTable(), 'story.csv');
    }, { rootMargin: '100% 0px' });
    for (const id of ['products', 'evidence', 'headlines']) near.observe($(id));
  });
}

start().catch((error) => showError(t('The map could not load: {error}', { error: error.message ?? error })));

// A panic in the core ends its call with a RuntimeError (its message is in the console): say so on the
// page rather than leave a map that silently stopped answering.
const onCoreFailure = (error) => {
  if (error instanceof WebAssembly.RuntimeError) {
    showError(t('The map stopped on an internal error ({error}). Reload the page to start again.', { error: error.message }));
  }
};
window.addEventListener('error', (event) => onCoreFailure(event.error));
window.addEventListener('unhandledrejection', (event) => onCoreFailure(event.reason));
