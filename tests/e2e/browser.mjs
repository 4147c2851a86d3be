// Shared set-up for the end-to-end tests: serve the built site, drive Debian's Chromium.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDir } from '../../scripts/serve.mjs';

export const ARTIFACTS = resolve('tests/e2e/artifacts');
export const SITE = process.env.ROUNDABOUT_SITE ?? 'dist';
/**
 * Chromium's headless shell (Debian's chromium-headless-shell): the engine a reader's Chromium runs, without the
 * browser around it, and in one process: for the same tests, 254–267 CPU-seconds against 438 for the full browser
 * in its usual processes (measured, ./build.sh test on this 2-core machine). `CHROMIUM` picks another binary.
 */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium-headless-shell';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--single-process', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * The browser, started again (up to three times) when it crashes while starting: the headless shell on these
 * machines now and then does, before any page opens (a segmentation fault in libc, in the kernel's log), so a
 * second start hides no test's failure.
 */
async function launch() {
  for (let attempt = 1; ; attempt += 1) {
    const profile = mkdtempSync(join(tmpdir(), 'roundabout-chromium-'));
    try {
      const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, reducedMotion: 'reduce' });
      return { profile, browser };
    } catch (error) {
      rmSync(profile, { recursive: true, force: true });
      if (attempt === 3) throw error;
      console.warn(`Chromium did not start (attempt ${attempt}): ${String(error.message ?? error).split('\n')[0]}`);
    }
  }
}

/**
 * Starts the server (serving the site, or the folder `dir`, under `prefix`) and the browser; `close()` stops both.
 * Its pages open as for a reader who prefers reduced motion: the travelling dots redraw every frame, and in
 * software rendering that took 1.2 of the 2.9 CPU-seconds a page cost (measured), beside every other test.
 * The tests of motion ask for it (`openPage(…, { motion: true })`).
 */
export async function openSite(prefix = '/', dir = SITE) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await serveDir(dir, 0, prefix);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const base = origin + prefix.replace(/\/$/, '');
  // A browser that never starts must not leave the server holding the test file's process open.
  const { profile, browser } = await launch().catch((error) => {
    server.close();
    throw error;
  });
  return {
    origin,
    base,
    browser,
    async close() {
      // A browser that crashed may never answer: the file's tests end all the same.
      await Promise.race([browser.close(), new Promise((done) => { setTimeout(done, 20000).unref(); })]);
      server.closeAllConnections();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the page at a viewport size, recording console errors, warnings and requests that leave the origin;
 * `onRequest(url)` sees every request from the start; `motion` opens it for a reader who has no preference. */
export async function openPage(site, width, height, path = '/', { onRequest, motion = false } = {}) {
  const page = await site.browser.newPage();
  await page.setViewportSize({ width, height });
  if (motion) await page.emulateMedia({ reducedMotion: 'no-preference' });
  const errors = [];
  const warnings = [];
  const foreign = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (onRequest) page.on('request', (r) => onRequest(r.url()));
  page.on('request', (r) => { if (!r.url().startsWith(site.origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  await page.goto(site.base + path);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, errors, warnings, foreign };
}

/** How many pixels of the moving dots' canvas are painted, in the next animation frame. */
export function dots(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => {
    const canvas = document.querySelector('#map-particles');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n += 1;
    done(n);
  })));
}

/** Counts canvas pixels near an RGB colour, after two animation frames so that pending repaints are done. */
export function countColour(page, selector, [r, g, b], tolerance = 40) {
  return page.evaluate(async ({ selector, r, g, b, tolerance }) => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const canvas = document.querySelector(selector);
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < tolerance) n += 1;
    }
    return n;
  }, { selector, r, g, b, tolerance });
}

/** A CSS-pixel point of the canvas whose colour is near `rgb`: the middle one of all such pixels in row order. */
export function findColour(page, selector, [r, g, b], tolerance = 30) {
  return page.evaluate(({ selector, r, g, b, tolerance }) => {
    const canvas = document.querySelector(selector);
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const hits = [];
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < tolerance) hits.push(i / 4);
    }
    if (hits.length === 0) return null;
    const p = hits[Math.floor(hits.length / 2)];
    return { x: (p % canvas.width) / ratio, y: Math.floor(p / canvas.width) / ratio };
  }, { selector, r, g, b, tolerance });
}
