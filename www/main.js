// Loads the core, wires the controls and the map. All figures come from the wasm core.
import init, { App, opening, parse_steps } from './pkg/roundabout.js';
import { renderRoutes, renderHeadlines, renderChartTable } from './panel.js';
import { renderTable } from './table.js';
import { showTooltip, showCountryTooltip, hideTooltip, showLines } from './tooltip.js';
import { attachPick } from './map-pick.js';
import { attachPublishedView } from './published-view.js';
import { attachMapView } from './map-view.js';
import { attachDownloads, save } from './download.js';
import { reduced, slide, startParticles } from './motion.js';
import { attachFocus } from './focus.js';
import { followHistory, writeLink } from './link.js';
import { attachEmbedButton, enterEmbedMode } from './embed.js';
import { followTheme } from './theme.js';
import { attachStory } from './story.js';
import { attachPlay } from './play.js';
import { chooseLanguage, inPageLanguage, t, translatePage } from './i18n.js';
import { attachLoader } from './loader.js';
import { attachAnalysis } from './analysis.js';
import { storyWorker, workerChannel } from './ask.js';
import { legs, showStoryTexts, story as folder, storyTexts, useStory } from './story-folder.js';
import { $, el, ids } from './dom.js';

const WORLD_URL = 'data/countries-110m.bin';
const DETAIL_URL = 'data/countries-50m.bin';
const STORY_URL = 'data/story.csv';
const HEADLINES_URL = 'data/headlines.json';
const STORY_JSON_URL = 'data/story.json';
const PUBLISHED_URL = 'data/published.json';

async function fetchBytes(url, signal) {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const fetchJson = async (url, signal) => JSON.parse(new TextDecoder().decode(await fetchBytes(url, signal)));

function showError(message) {
  const status = $('status');
  status.textContent = message;
  status.classList.add('error');
  status.hidden = false;
}

/** Keeps the canvas's backing store at its size times the pixel ratio (the figure's, less a story caption's). */
function sizeCanvas(canvas) {
  const { width, height } = canvas.getBoundingClientRect();
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  return { width, height, ratio };
}

/** The year control: a radio button for each year the data holds. */
function buildYearControl(years, onChange) {
  $('years').replaceChildren(...years.map((year) => {
    const label = el('label');
    const input = el('input', null, undefined, { type: 'radio', name: 'year', value: String(year) });
    input.addEventListener('change', () => onChange(year));
    label.append(input, el('span', null, String(year)));
    return label;
  }));
}

/** The "routes shown" menu at `n`, with `n` added as a choice when a link asked for another number. */
function showTop(select, n) {
  if (![...select.options].some((o) => Number(o.value) === n)) {
    const option = el('option', null, String(n), { value: String(n) });
    const after = [...select.options].find((o) => Number(o.value) > n);
    select.insertBefore(option, after ?? null);
  }
  select.value = String(n);
}

/** The published figures' file, handed to the core (which draws them) and read for the period the view
 * opens on and the comparisons beside a reader's file; nothing (with a warning) when the core refuses it:
 * the all-goods view works without. */
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
  // The path named, not left to the glue's own address: the glue is bundled into this file.
  const ready = init({ module_or_path: new URL('pkg/roundabout_bg.wasm', import.meta.url) });
  const storyJsonIn = fetchJson(STORY_JSON_URL);
  // What the link (or, with none, the story's view) opens on, read by the core as soon as it is ready: the
  // language, the embed view and the story step. The published figures' words (worded when the site was
  // built) are fetched in the page's own language from the start, as most links ask; the core's answer
  // keeps them, or fetches its language's.
  const openingIn = Promise.all([ready, storyJsonIn]).then(([, json]) => opening(window.location.search, json.view ?? ''));
  const langIn = openingIn.then((o) => chooseLanguage(o.lang));
  const wordsOf = (lang, signal) => fetchJson(`data/published-words-${lang}.json`, signal);
  const pageLang = chooseLanguage();
  const early = new AbortController();
  const pageWords = wordsOf(pageLang, early.signal);
  pageWords.catch(() => {}); // read below only in the page's language
  const publishedWordsIn = langIn.then((lang) => {
    if (lang === pageLang) return pageWords;
    early.abort();
    return wordsOf(lang);
  }).catch((error) => console.warn(`The published figures' words are off: ${error.message}`));
  const [, world, story, headlines, storyJson, published] = await Promise.all([
    ready,
    fetchBytes(WORLD_URL),
    fetchBytes(STORY_URL),
    fetch(HEADLINES_URL).then((r) => (r.ok ? r.json() : [])),
    storyJsonIn,
    fetchBytes(PUBLISHED_URL).catch((error) => console.warn(`The published figures are off: ${error.message}`)),
  ]);
  useStory(storyJson);
  const app = new App(world, 'story.csv', story, legs().join(','), folder.destination, folder.baseline, folder.view);
  // The published figures on the sanctioned goods: the view the page opens on. Without them, all goods.
  const publishedData = published && readPublished(app, published);
  // The address bar's link: the view, and the page's language, embed and story step; without one, the
  // view the story opens on (the core's, handed above). The first snapshot is show()'s, below.
  app.open_link(window.location.search);
  let state;
  const open = await openingIn;
  const lang = await langIn;
  await translatePage(lang);
  // The core starts light: a light page needs no call (each answers with a snapshot, unused here).
  if (followTheme((dark) => update(app.set_dark(dark), false))) app.set_dark(true);
  // The core starts in English; another language comes with its country names and the story's words.
  if (lang !== 'en') {
    app.set_language(lang, await fetchBytes(`data/names-${lang}.json`));
    showStoryTexts(lang);
  }
  const words = storyTexts(lang);
  // The words of the data on screen: the story's, or a loaded file's (the goods its codes name).
  const showGoods = (goods, dek) => { app.set_goods(goods); $('dek').textContent = dek; };
  showGoods(words.goods, words.dek);
  const publishedWords = publishedData && await publishedWordsIn;
  if (publishedWords) app.set_published_words(publishedWords.key.title, publishedWords.key.note, publishedWords.key.goods.join('\n'));
  else if (publishedData) app.show_period(null); // figures without words: the all-goods view
  // Another language is another page: the same view's link in it.
  $('lang').value = lang;
  $('lang').addEventListener('change', (e) => window.location.assign(app.choose_language(e.target.value).link || window.location.pathname));
  if (open.embed) enterEmbedMode();
  const canvas = $('map-canvas');
  const ctx = canvas.getContext('2d');
  let size = sizeCanvas(canvas);
  app.set_map(ctx, size.width, size.height, size.ratio);
  app.set_still(reduced.matches);
  reduced.addEventListener('change', () => app.set_still(reduced.matches));

  // A frame: repaint at most once a frame, and only when something asked for it; `progress` (0 to 1) is
  // how far the slide from the last view has got. An action's answer draws the map itself. A frame drawn
  // straight (after a zoom) is drawn again when idle, which keeps its land layer for the frames after.
  let pending = false;
  let progress;
  const draw = (p) => {
    if (typeof p === 'number') progress = p;
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (app.frame(progress)) (window.requestIdleCallback ?? setTimeout)(() => draw());
      progress = undefined;
    });
  };
  // The finer country shapes, fetched once when the core first wants them.
  let detail;
  const fetchDetail = () => {
    detail ??= fetchBytes(DETAIL_URL).then((bytes) => { app.set_detail_shapes(bytes); draw(); })
      .catch((error) => showError(`Finer country shapes could not load: ${error.message ?? error}`));
  };
  let analysis; // the analysis views, wired when first needed
  let storyChannel; // the default story's table, held by a worker started when first asked
  // A country's name: the snapshot's, for the routes' countries (no call into the core); the core's else.
  const nameOf = (c) => state.countries.find((row) => row[0] === c)?.[1] ?? app.country_name(c);
  const analysisViews = () => (analysis ??= attachAnalysis({
    context: () => ({ year: state.year, side: state.side }),
    name: nameOf,
    headlines,
    published: () => publishedView && [publishedData, publishedWords],
  }));
  const storyTable = () => (storyChannel ??= storyWorker(story));
  const tip = $('tooltip');
  const publishedView = publishedWords && attachPublishedView(publishedWords, {
    ...ids('view', ['switch', 'published', 'all']), ...ids('period', ['prev', 'next']), ...ids('published', ['caption', 'body']),
    period: $('period'), title: $('panel-title'), embedTitle: $('embed-title'), routes: $('routes'), summary: $('map-summary'),
  }, { choose: (period) => { hideTooltip(tip); update(app.show_period(period)); }, fallback: publishedData.default_period });

  // The one path from the core's snapshot to the page: controls, panel, table, chart, map, address bar.
  const update = (snap, push = true) => {
    state = snap;
    const { changed } = snap;
    if (changed.data) {
      buildYearControl(snap.years, chooseYear);
      for (const [id, text] of [['products-growth-head', snap.growth_head], ['baseline-note', snap.baseline_note]]) $(id).textContent = text;
    }
    for (const input of document.querySelectorAll('#years input')) input.checked = Number(input.value) === snap.year;
    $('side').value = snap.side;
    showTop($('top'), snap.top);
    $('top-choice').hidden = !snap.top_choice;
    $('side-choice').hidden = !snap.side_choice;
    showFocus(snap);
    publishedView?.sync(snap.period);
    if (snap.period !== null) publishedView?.render();
    else if (changed.routes) {
      renderRoutes($('routes'), snap.routes, snap.other);
      renderTable({ caption: $('table-caption'), body: $('table-body'), foot: $('table-foot') }, snap);
      for (const [id, text] of [['map-summary', snap.summary], ['panel-title', snap.title], ['embed-title', snap.embed_title]]) $(id).textContent = text;
      canvas.dataset.year = String(snap.year);
    }
    if (changed.chart) {
      renderChartTable($('chart-table'), snap.chart);
      $('chart-notes').textContent = snap.chart.caption;
      $('chart-notes').hidden = !snap.chart.caption;
    }
    if (changed.routes) analysis?.update();
    if (snap.detail) fetchDetail();
    if (changed.slide) slide(draw);
    if (snap.step_counter) $('story-counter').textContent = snap.step_counter;
    if (snap.embed) $('embed-full').href = `index.html${snap.page_link}`; // the full page, on the embed's view
    if (push) writeLink(() => snap.link);
  };

  const chooseYear = (year) => update(app.set_year(year));
  attachPlay($('play'), () => state.years, () => state.year, chooseYear);
  $('lock-scale').addEventListener('change', (e) => update(app.lock_scale(e.target.checked)));
  $('side').addEventListener('change', (e) => update(app.set_side(e.target.value)));
  $('top').addEventListener('change', (e) => update(app.set_top(Number(e.target.value))));

  let hovered;
  const showRoute = (id, x, y, box) => (state.period !== null ? showLines(tip, publishedView.tooltip(id), x, y, box) : showTooltip(tip, state.routes[id], x, y, box));
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
    if (state.period !== null) return hideTooltip(tip);
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
    redraw: (wantsDetail) => { if (wantsDetail) fetchDetail(); draw(); writeLink(() => app.link(), { replace: true }); },
    controls: { zoomIn: $('zoom-in'), zoomOut: $('zoom-out'), reset: $('zoom-reset') },
    hint: $('zoom-hint'),
  });
  attachDownloads(app, canvas, {
    svgButton: $('download-svg'),
    pngButton: $('download-png'),
    stem: () => `roundabout-${state.year}`,
    chart: $('chart'), chartSvg: $('chart-svg'), chartPng: $('chart-png'), chartCsv: $('chart-csv'),
  });
  const showFocus = attachFocus({
    canvas, search: $('country-search'), options: $('country-list'), bar: $('focus-bar'), label: $('focus-name'),
    directions: document.querySelectorAll('#focus-bar [data-direction]'), clear: $('focus-clear'), status: $('find-status'),
  }, {
    countryAt: (x, y) => app.country_at(x, y),
    choose: (country, direction) => update(app.set_focus(country ?? undefined, direction)),
    nameOf: (c) => app.country_name(c),
    hasRows: (code) => app.has_routes(code),
    statusOf: (code, name, query) => app.search_status(code, name, query),
  });
  attachEmbedButton(
    { button: $('embed-button'), panel: $('embed-panel'), code: $('embed-code'), copy: $('embed-copy') },
    () => state.embed_link,
  );
  followHistory((query) => update(app.apply_link(query), false));
  let walk; // the story's walk, wired below: a reader's file leaves it
  let reading = false; // a reader's file being read: the dots hold still and leave the cores to it
  let refreshDots; // the dots' check of whether to run, once they have started
  attachLoader({
    ...ids('file', ['input', 'status', 'message', 'cancel', 'back', 'errors', 'flow']), drop: $('drop-zone'), bar: $('file-progress'),
  }, {
    show: (name, table, summary, worker, saved) => {
      walk?.offer(false);
      showGoods(inPageLanguage(summary.goods), inPageLanguage(summary.dek));
      update(app.load_cut(name, table, summary.off_the_list === true));
      if (worker) analysisViews().use(workerChannel(worker), name);
      // Editable words, "Save as a story" and a saved story's own words and view (publish.js).
      if (worker) import('./publish.js').then((p) => p.fileShown({ app, worker, summary, saved, lang, story: folder, t, save, redraw: (snap) => update(snap) }));
    },
    busy: (on) => { reading = on; refreshDots?.(); },
    countryNames: () => app.country_names(),
    countryCodes: (typed) => app.kept_countries(typed),
    restore: () => {
      walk?.offer(true);
      showGoods(words.goods, words.dek);
      update(app.load('story.csv', story));
      analysisViews().use(storyTable(), 'story.csv');
      import('./publish.js').then((p) => p.fileLeft());
    },
  });
  const steps = words.steps && readSteps(words.steps);
  if (steps) {
    walk = attachStory(steps, { ...ids('story', ['start', 'bar', 'title', 'caption', 'prev', 'next', 'close', 'fold']), map: $('map') }, {
      go: (view, step, count) => update(app.story_step(view, step, count)),
      leave: () => update(app.story_step(undefined, 0, 0)),
    });
    if (open.step !== null) walk.open(open.step);
  }
  new ResizeObserver(() => { size = sizeCanvas(canvas); app.set_map(ctx, size.width, size.height, size.ratio); draw(); }).observe(canvas);

  update(app.show(), false);
  $('status').hidden = true;
  // show() drew the first map; this frame shows it, with no more work in it than the mark.
  requestAnimationFrame(() => {
    performance.mark('roundabout-map-drawn');
    setTimeout(afterFirstMap);
  });
  // What comes after the first map, in a task of its own: the moving dots, the headlines, the analysis
  // views' route choices, and (in another task) the chart; then the page is ready. Once idle, the same map
  // again, now keeping its land layer for the frames that follow. The analysis views, below the map, start
  // (and the worker that answers them is fetched) as they come within a screen of view, unless a reader's
  // file started them already.
  const afterFirstMap = () => {
    refreshDots = startParticles(app, $('map-particles'), { size: () => size, button: $('motion'), held: () => reading });
    renderHeadlines($('headlines'), headlines);
    const [routes, hubs] = app.route_choices().split('\n\n').map((part) => part.split('\n').map((line) => new Option(...line.split('\t'))));
    $('products-route').replaceChildren(...routes);
    $('evidence-hub').replaceChildren(...hubs);
    setTimeout(() => app.set_chart($('chart'), devicePixelRatio));
    (window.requestIdleCallback ?? setTimeout)(draw);
    const near = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      near.disconnect();
      if (!analysis) analysisViews().use(storyTable(), 'story.csv');
    }, { rootMargin: '100% 0px' });
    for (const id of ['products', 'evidence', 'headlines']) near.observe($(id));
    document.body.dataset.ready = 'true';
  };
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
