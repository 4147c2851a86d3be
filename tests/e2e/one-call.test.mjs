// One click, one call: choosing a year crosses the JS/wasm boundary once (the core's action, which answers
// with everything the page shows and draws the map and the chart itself). The slide's frames that follow
// may draw the map again, one call a frame; nothing else calls. Every call into the wasm's exports is
// counted from outside the page (its instantiate wrapped before the page runs), nested calls once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, openSite } from './browser.mjs';

let site;

before(async () => {
  site = await openSite();
  await site.browser.addInitScript(countCalls);
});
after(async () => { await site?.close(); });

/** Runs in the page before its scripts: wraps every export of the wasm so that `window.__calls` lists them. */
function countCalls() {
  const calls = [];
  let depth = 0;
  window.__calls = calls;
  const wrap = (instance) => Object.fromEntries(Object.entries(instance.exports).map(([name, f]) => [name,
    // The glue's own exports (allocation, the table of JS values) are not calls of the page's.
    typeof f !== 'function' || name.startsWith('__') ? f : function wrapped(...args) {
      depth += 1;
      try { return f.apply(this, args); } finally {
        depth -= 1;
        if (depth === 0) calls.push(name);
      }
    }]));
  for (const kind of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[kind];
    WebAssembly[kind] = async (...args) => {
      const out = await original.apply(WebAssembly, args);
      const instance = out instanceof WebAssembly.Instance ? out : out.instance;
      if (!instance) return out;
      return { module: out.module ?? args[0], instance: { exports: wrap(instance) } };
    };
  }
}

/** The calls a year click makes: those in its event's handlers, then those of the next `frames` frames. */
function clickYear(page, year, frames) {
  return page.evaluate(async ({ year, frames }) => {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    // Let start-up's idle work (the land layer, the analysis views) end first.
    for (let i = 0; i < 30; i += 1) await frame();
    await new Promise((done) => setTimeout(done, 300));
    const start = window.__calls.length;
    document.querySelector(`#years input[value="${year}"]`).click();
    const click = window.__calls.slice(start);
    for (let i = 0; i < frames; i += 1) await frame();
    return { click, after: window.__calls.slice(start + click.length) };
  }, { year, frames });
}

for (const [name, path] of [['all goods', '/?goods=all'], ['the published figures', '/']]) {
  test(`a year click on ${name} is one call into the core; the slide's frames only draw`, async () => {
    const { page, errors } = await openPage(site, 1280, 800, path);
    const { click, after: frames } = await clickYear(page, 2022, 40);
    assert.deepEqual(click, ['app_set_year'], `the click's calls: ${click.join(', ')}`);
    const others = frames.filter((c) => !['app_frame', 'app_draw_particles'].includes(c));
    assert.deepEqual(others, [], `the frames' calls other than drawing: ${others.join(', ')}`);
    assert.equal(await page.isChecked('#years input[value="2022"]'), true);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('with reduced motion, a year click is one call and its frames make none', async () => {
  // Set before the page opens: a harness's change reaches the page's media query with no event.
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${site.base}/?goods=all`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const { click, after: frames } = await clickYear(page, 2021, 10);
  assert.deepEqual([...click, ...frames], ['app_set_year']);
  assert.equal(await page.textContent('#panel-title'), 'Routes in 2021');
  assert.deepEqual(errors, []);
  await page.close();
});
