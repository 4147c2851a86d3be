// Maps beyond the default story's Eurasia: a world-wide BACI file and a file from the Americas into the UAE
// (both synthetic, tests/fixtures/analysis), and the second story (Europe → the Caucasus). Each map, as the
// reader downloads it, has north up (west to east left to right, south below north) and no label over
// another, measured in the browser's own fonts at desktop and phone widths.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, SITE, openPage, openSite } from './browser.mjs';

const FIXTURES = 'tests/fixtures/analysis';
let site;
let story;
let storyDir;

before(async () => {
  site = await openSite();
  storyDir = mkdtempSync(join(tmpdir(), 'roundabout-map-world-'));
  execFileSync('target/debug/roundabout', ['story', 'tests/fixtures/story/caucasus', '--site', SITE, '--out', storyDir]);
  story = await openSite('/', storyDir);
});
after(async () => {
  await site?.close();
  await story?.close();
  if (storyDir) rmSync(storyDir, { recursive: true, force: true });
});

/** The map's SVG, drawn into the page to measure each text's box: `{text: [x0, y0, x1, y1]}` and the size. */
async function labels(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
  const svg = readFileSync(await download.path(), 'utf8');
  return page.evaluate((svg) => {
    const host = document.createElement('div');
    host.style.cssText = 'position:absolute;left:0;top:0';
    // The download is framed (title, line, source: graphics.js); the map is the SVG inside. The frame's rows
    // are styled inline, which the page's Content-Security-Policy refuses: left out.
    host.innerHTML = svg.replace(/ style="[^"]*"/g, '');
    document.body.append(host);
    const root = host.querySelector('svg svg') ?? host.querySelector('svg');
    const boxes = [...root.querySelectorAll('text')].map((t) => {
      const b = t.getBBox();
      return [t.textContent, [b.x, b.y, b.x + b.width, b.y + b.height]];
    });
    const size = [root.width.baseVal.value, root.height.baseVal.value];
    host.remove();
    return { boxes, size };
  }, svg);
}

function assertReadable({ boxes, size }, what) {
  // Glyph boxes include the font's ascent and descent: a pixel of slack either way.
  for (const [i, [a, p]] of boxes.entries()) {
    // The key's texts too (its title wraps on a phone).
    assert.ok(p[0] >= -1 && p[1] >= -1 && p[2] <= size[0] + 1 && p[3] <= size[1] + 1, `${what}: "${a}" leaves the map ${p}`);
    for (const [b, q] of boxes.slice(i + 1)) {
      const apart = p[2] <= q[0] + 1 || q[2] <= p[0] + 1 || p[3] <= q[1] + 1 || q[3] <= p[1] + 1;
      assert.ok(apart, `${what}: "${a}" ${p.map(Math.round)} covers "${b}" ${q.map(Math.round)}`);
    }
  }
}

/** The middle of a label's box, when the map has it. */
const at = ({ boxes }, name) => {
  const b = boxes.find(([t]) => t === name)?.[1];
  return b && [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
};

async function loadFile(page, file, top) {
  await page.setInputFiles('#file-input', join(FIXTURES, file));
  await page.locator('#file-back').waitFor({ state: 'visible' });
  await page.selectOption('#top', top);
}

test('a world-wide file: north up, countries where a reader looks for them, no label over another', async () => {
  for (const [w, h] of [[1280, 800], [390, 844], [360, 640]]) {
    const { page, errors } = await openPage(site, w, h, '/?goods=all');
    await loadFile(page, 'baci_world_synthetic.csv', '50');
    const map = await labels(page);
    assertReadable(map, `world ${w}`);
    // No label under the zoom buttons over the map's top right.
    const zoom = await page.evaluate(() => {
      const [z, c] = ['#map .zoom', '#map-canvas'].map((s) => document.querySelector(s).getBoundingClientRect());
      return [z.left - c.left, z.top - c.top, z.right - c.left, z.bottom - c.top];
    });
    for (const [text, b] of map.boxes) {
      const clear = b[2] <= zoom[0] + 1 || b[0] >= zoom[2] - 1 || b[3] <= zoom[1] + 1 || b[1] >= zoom[3] - 1;
      assert.ok(clear, `${w}: "${text}" ${b.map(Math.round)} under the zoom buttons ${zoom.map(Math.round)}`);
    }
    const [usa, china] = [at(map, 'United States'), at(map, 'China')];
    assert.ok(usa && china, `${w}: the busiest countries are labelled`);
    assert.ok(usa[0] < china[0], `${w}: the United States west of China`);
    for (const [west, east] of [['United States', 'Russia'], ['Brazil', 'South Africa'], ['Mexico', 'Japan']]) {
      const [a, b] = [at(map, west), at(map, east)];
      if (a && b) assert.ok(a[0] < b[0], `${w}: ${west} west of ${east}`);
    }
    for (const [north, south] of [['Canada', 'Mexico'], ['Russia', 'India'], ['Japan', 'Australia'], ['United States', 'Brazil']]) {
      const [a, b] = [at(map, north), at(map, south)];
      if (a && b) assert.ok(a[1] < b[1], `${w}: ${north} north of ${south}`);
    }
    // Europe, a crowd of dots and routes too short to draw on a phone, is labelled: by ISO codes where
    // its names find no room.
    const europe = [['DEU', 'Germany'], ['NLD', 'Netherlands'], ['BEL', 'Belgium'], ['CHE', 'Switzerland'], ['FRA', 'France'],
      ['GBR', 'United Kingdom'], ['ITA', 'Italy'], ['ESP', 'Spain'], ['AUT', 'Austria'], ['NOR', 'Norway'], ['DNK', 'Denmark'], ['SWE', 'Sweden']];
    const named = europe.filter(([code, name]) => at(map, code) || at(map, name));
    assert.ok(named.length >= 3, `${w}: Europe labelled, ${named}`);
    if (w < 500) assert.ok(named.filter(([code]) => at(map, code)).length >= 2, `${w}: Europe's lesser labels shortened, ${named}`);
    await page.locator('#map-canvas').screenshot({ path: join(ARTIFACTS, `map-world-${w}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('beyond Eurasia: the Americas into the UAE, and the Caucasus story, laid out with no label over another', async () => {
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    const { page, errors } = await openPage(site, w, h, '/?goods=all');
    await loadFile(page, 'baci_americas_uae_synthetic.csv', '10');
    const americas = await labels(page);
    assertReadable(americas, `the Americas → the UAE ${w}`);
    const [usa, uae, brazil] = ['United States', 'United Arab Emirates', 'Brazil'].map((n) => at(americas, n));
    assert.ok(usa && uae && brazil, `${w}: the route's ends are labelled`);
    assert.ok(usa[0] < uae[0] && usa[1] < brazil[1], `${w}: west to east, north to south`);
    await page.locator('#map-canvas').screenshot({ path: join(ARTIFACTS, `map-americas-uae-${w}.png`) });
    assert.deepEqual(errors, []);
    await page.close();

    const second = await openPage(story, w, h, '/?goods=all');
    const caucasus = await labels(second.page);
    assertReadable(caucasus, `the Caucasus ${w}`);
    const [turkey, russia, china] = ['Türkiye', 'Russia', 'China'].map((n) => at(caucasus, n));
    assert.ok(turkey && russia && china, `${w}: the story's countries are labelled`);
    assert.ok(turkey[0] < china[0] && russia[1] < turkey[1], `${w}: west to east, north to south`);
    await second.page.locator('#map-canvas').screenshot({ path: join(ARTIFACTS, `map-caucasus-${w}.png`) });
    assert.deepEqual(second.errors, []);
    await second.page.close();
  }
});
