// Languages: Ukrainian and Russian for every string of the page, numbers formatted by the core.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, openPage, openSite } from './browser.mjs';

const NBSP = '\u00a0';
let site;

before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

// English words that must not be left on a translated page.
const ENGLISH = ['Routes in', 'Reported by', 'Year', 'Sources', 'What others have found', 'Download the map', 'reports', 'on 2021', 'Load your own file',
  // The story's sources, named in story.json in each language.
  'Bureau of National Statistics', 'General Administration of Customs'];

for (const [lang, expected] of [
  ['uk', { h1: /^Обхідний шлях/, title: 'Шляхи у 2023 р.', route: 'Китай → Казахстан', value: `15,4${NBSP}млрд${NBSP}$`, growth: `+87${NBSP}% до 2021`, source: 'Казахстан: Бюро національної статистики' }],
  ['ru', { h1: /^Обходной путь/, title: 'Пути в 2023 г.', route: 'Китай → Казахстан', value: `15,4${NBSP}млрд${NBSP}$`, growth: `+87${NBSP}% к 2021`, source: 'Казахстан: Бюро национальной статистики' }],
]) {
  test(`the page in ${lang}`, async () => {
    const { page, errors } = await openPage(site, 1280, 800, `/?goods=all&lang=${lang}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.match(await page.textContent('h1'), expected.h1);
    assert.equal(await page.textContent('#panel-title'), expected.title);
    const first = await page.innerText('#routes li');
    for (const part of [expected.route, expected.value, expected.growth]) assert.ok(first.includes(part), `${part} in ${first}`);
    const text = await page.innerText('body');
    for (const word of ENGLISH) assert.ok(!text.includes(word), `"${word}" is translated`);
    // The sources keep their links, named in the page's language; the embed's credit line names them so too.
    assert.equal(await page.textContent('footer.sources a[href="https://stat.gov.kz/"]'), expected.source);
    assert.ok((await page.textContent('.embed-credit')).includes(expected.source));
    await page.screenshot({ path: join(ARTIFACTS, `lang-${lang}-1280x800.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the language menu switches the page and keeps the view', async () => {
  const { page } = await openPage(site, 1280, 800, '/?year=2021');
  await page.selectOption('#lang', 'ru');
  await page.waitForSelector('html[lang="ru"] body[data-ready="true"]');
  assert.equal(await page.textContent('#panel-title'), 'Пути в 2021 г.');
  assert.match(await page.evaluate(() => window.location.search), /year=2021&lang=ru/);
  await page.close();
});
