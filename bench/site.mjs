// What the bench scripts share: the served bench folder and a headless Chromium.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export { serveDir } from '../scripts/serve.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--enable-precise-memory-info', '--js-flags=--expose-gc'];

/** A temporary folder to serve: the bench page, the wasm package `pkg`, the npm packages and the tables. */
export function benchSite(pkg = 'target/bench-pkg') {
  const dir = mkdtempSync(join(tmpdir(), 'roundabout-bench-'));
  symlinkSync(resolve('bench/page.html'), join(dir, 'index.html'));
  symlinkSync(resolve('bench/page.mjs'), join(dir, 'page.mjs'));
  symlinkSync(resolve('bench/plain-js.mjs'), join(dir, 'plain-js.mjs'));
  symlinkSync(resolve(pkg), join(dir, 'pkg'));
  symlinkSync(resolve('node_modules'), join(dir, 'm'));
  symlinkSync(resolve('bench/data'), join(dir, 'data'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Headless Chromium with a fresh profile, removed on close. */
export async function headlessChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'roundabout-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}
