// A second story, built from a folder (tests/fixtures/story/caucasus: invented figures, other routes, other
// goods and words) by `roundabout story` into its own site: its page shows its title, its goods' words and
// its routes, and nothing of the default story's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, SITE, openPage, openSite } from './browser.mjs';

const FOLDER = 'tests/fixtures/story/caucasus';
let site;
let out;

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'roundabout-second-story-'));
  // ./build.sh build leaves the command-line tool here (it writes the default story the same way).
  execFileSync('target/debug/roundabout', ['story', FOLDER, '--site', SITE, '--out', out]);
  site = await openSite('/', out);
});
after(async () => {
  await site?.close();
  rmSync(out, { recursive: true, force: true });
});

test('the second story\'s page: its title, goods, routes, steps and sources', async () => {
  const story = JSON.parse(readFileSync(join(FOLDER, 'story.json'), 'utf8'));
  const { page, errors, foreign } = await openPage(site, 1280, 800, '/?goods=all');
  const en = story.texts.en;
  assert.equal(await page.textContent('h1'), en.title);
  assert.equal(await page.title(), en.title);
  assert.equal(await page.textContent('.kicker'), en.kicker);
  assert.equal(await page.textContent('#dek'), en.dek);
  assert.match(await page.textContent('footer.sources'), /Invented test figures/);
  // The story's own parts of the page (the published figures and "What others have found" are the project's).
  const own = [await page.title(), await page.innerText('header'), await page.innerText('footer.sources'), await page.textContent('.embed-credit'),
    await page.getAttribute('meta[name="description"]', 'content')].join('\n');
  for (const word of ['Central Asia', 'Kyrgyzstan', 'Bureau of National Statistics']) assert.ok(!own.includes(word), `"${word}" is the default story's: ${own}`);

  // Its routes, on the map's panel and in the analysis views' choices.
  const routes = (await page.locator('#routes li').allInnerTexts()).join('\n');
  for (const route of ['China → Türkiye', 'China → Armenia', 'Georgia → Russia']) assert.ok(routes.includes(route), `${route} in ${routes}`);
  assert.ok(!routes.includes('Kazakhstan →'), 'the fixture\'s smaller route through Kazakhstan is not one of the story\'s');
  const choices = await page.locator('#products-route option').allInnerTexts();
  assert.deepEqual(choices, ['China → Türkiye, Armenia, and Georgia', 'China → Türkiye', 'China → Armenia', 'China → Georgia',
    'Türkiye → Russia', 'Armenia → Russia', 'Georgia → Russia']);
  assert.equal(await page.locator('#evidence-hub option').first().getAttribute('value'), 'TUR');

  // The key names its goods: the map's SVG carries the key's title.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
  const svg = readFileSync(await download.path(), 'utf8');
  assert.ok(svg.includes('Drones (HS 8806), US$ a year'), 'the key names the story\'s goods');
  // Its rows are all drones, outside CHPL: the key's one colour is theirs, not "Other goods".
  assert.ok(!svg.includes('Other goods'), 'the key names the drones as drones');
  assert.equal(svg.split('Drones (HS 8806)').length - 1, 2, 'the key\'s title and its one colour');
  assert.equal(await page.textContent('#products-growth-head'), `Growth on ${story.baseline}`);

  // Its steps.
  await page.click('#story-start');
  assert.equal(await page.textContent('#story-title'), en.steps.title);
  assert.equal(await page.textContent('#story-caption'), en.steps.steps[0].caption);
  assert.equal(await page.textContent('#story-counter'), `Step 1 of ${en.steps.steps.length}`);
  await page.click('#story-close');

  await page.screenshot({ path: `${ARTIFACTS}/second-story.png` });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await page.close();
});

test('the second story in Ukrainian: texts it has in Ukrainian, English where it has none', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all&lang=uk');
  assert.equal(await page.textContent('h1'), 'Дрони через Кавказ');
  assert.equal(await page.textContent('.kicker'), JSON.parse(readFileSync(join(FOLDER, 'story.json'), 'utf8')).texts.en.kicker);
  assert.match(await page.textContent('#products-route option'), /^Китай → /);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the second story\'s Embed snippet points at its own page, and that page embeds the second story', async () => {
  const story = JSON.parse(readFileSync(join(FOLDER, 'story.json'), 'utf8'));
  const { page, errors } = await openPage(site, 1280, 800, '/?goods=all&year=2022');
  await page.click('#embed-button');
  assert.equal(await page.isVisible('#embed-unpublished'), false, 'a built story embeds as it is');
  const snippet = await page.inputValue('#embed-code');
  const src = snippet.match(/<iframe src="([^"]+)" title="([^"]+)"/);
  assert.ok(src, snippet);
  assert.equal(src[1].replaceAll('&amp;', '&'), `${site.base}/index.html?year=2022&embed=1`);
  assert.equal(src[2], story.texts.en.title);
  // The page the snippet points at: the second story, in embed mode, with its own sources.
  const inner = await site.browser.newPage();
  await inner.goto(src[1].replaceAll('&amp;', '&'));
  await inner.waitForSelector('body[data-ready="true"]');
  assert.ok(await inner.evaluate(() => document.body.classList.contains('embed')));
  assert.equal(await inner.textContent('#panel-title'), 'Routes in 2022');
  assert.match(await inner.textContent('.embed-credit'), /Invented test figures/);
  await inner.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the published figures view works on the second story as on the default one', async () => {
  const { page, errors } = await openPage(site, 1280, 800, '/');
  assert.equal(await page.getAttribute('#view-published', 'aria-pressed'), 'true', 'it opens on the published figures');
  assert.equal(await page.textContent('#panel-title'), 'Published figures, 2023');
  const routes = (await page.locator('#routes li').allInnerTexts()).join('\n');
  assert.match(routes, /China → Kazakhstan and Kyrgyzstan\n\$1\.3bn/);
  assert.ok((await page.locator('#period option').count()) > 3, 'its periods');
  await page.selectOption('#period', '2022');
  assert.equal(await page.textContent('#panel-title'), 'Published figures, 2022');
  // Its own title stays; the all-goods view is the second story's.
  assert.equal(await page.textContent('h1'), 'Drones through the Caucasus');
  await page.click('#view-all');
  assert.match((await page.locator('#routes li').allInnerTexts()).join('\n'), /China → Türkiye/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a story with a view opens on it when the address has none, and its published view\'s link opens that view', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'roundabout-story-view-'));
  const built = mkdtempSync(join(tmpdir(), 'roundabout-story-view-site-'));
  cpSync(FOLDER, folder, { recursive: true, dereference: true });
  const json = JSON.parse(readFileSync(join(folder, 'story.json'), 'utf8'));
  writeFileSync(join(folder, 'story.json'), JSON.stringify({ ...json, view: '?goods=all&year=2022' }));
  execFileSync('target/debug/roundabout', ['story', folder, '--site', SITE, '--out', built]);
  const viewSite = await openSite('/', built);
  const { page, errors } = await openPage(viewSite, 1280, 800, '/');
  assert.equal(await page.isChecked('#years input[value="2022"]'), true);
  const routes = (await page.locator('#routes li').allInnerTexts()).join('\n');
  assert.ok(routes.includes('China → Türkiye'), `the story's own routes, not the published figures: ${routes}`);
  // At the latest year every setting is the default: the published view's link must still name that view,
  // or, followed (a reader shares it), it would open on the story's view.
  await page.locator('#years input').last().click();
  await page.click('#view-published');
  const link = await page.evaluate(() => window.location.search);
  assert.equal(link, '?goods=published');
  const shared = await openPage(viewSite, 1280, 800, `/${link}`);
  assert.equal(await shared.page.getAttribute('#view-published', 'aria-pressed'), 'true');
  assert.equal(await shared.page.textContent('#panel-title'), 'Published figures, 2023');
  assert.deepEqual(shared.errors, []);
  await shared.page.close();
  // Back to the address with no query (the entries between are the page's own links): the story's view again.
  for (let i = 0; i < 5 && (await page.evaluate(() => window.location.search)) !== ''; i += 1) await page.goBack();
  assert.equal(await page.evaluate(() => window.location.search), '');
  await page.waitForFunction(() => document.querySelector('#years input[value="2022"]')?.checked);
  assert.equal(await page.getAttribute('#view-published', 'aria-pressed'), 'false');
  assert.deepEqual(errors, []);
  await page.close();
  await viewSite.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(built, { recursive: true, force: true });
});
