// The page in English, Ukrainian or Russian. The English text of the page is the key: static text
// and labels are translated in place once, at start; scripts translate their own strings with `t`.
// Numbers come from the core, already formatted for the language.

const NBSP = '\u00a0';

const UK = {
  'Roundabout: how goods reach Russia through Central Asia': 'Roundabout: як товари потрапляють до Росії через Центральну Азію',
  'Sanctions · Trade routes': 'Санкції · Торговельні шляхи',
  'The roundabout: how goods reach Russia through Central Asia': 'Обхідний шлях: як товари потрапляють до Росії через Центральну Азію',
  "After Russia invaded Ukraine, China's exports to Kazakhstan and Kyrgyzstan surged, and so did their exports to Russia. Arrow width shows the value of all goods traded in a year, as customs report it.":
    'Після вторгнення Росії в Україну експорт Китаю до Казахстану й Киргизстану різко зріс, а з ним і їхній експорт до Росії. Ширина стрілки — вартість усіх товарів за рік за даними митниць.',
  'View settings': 'Налаштування',
  Year: 'Рік',
  'Play through the years': 'Показати роки по черзі',
  'Find a country': 'Знайти країну',
  'e.g. Kazakhstan': 'напр. Казахстан',
  'Walk through the story': 'Пройти історію крок за кроком',
  'Reported by': 'За даними',
  'the importing country': 'країни-імпортера',
  'the exporting country': 'країни-експортера',
  '← Previous': '← Назад',
  'Next →': 'Далі →',
  'Leave the story': 'Вийти з історії',
  Focus: 'Фокус',
  'Flows of': 'Потоки країни',
  All: 'Усі',
  Imports: 'Імпорт',
  Exports: 'Експорт',
  'Show all countries': 'Показати всі країни',
  'Map of the routes. Arrow keys pan, plus and minus zoom, 0 resets.': 'Карта шляхів. Стрілки зсувають карту, плюс і мінус змінюють масштаб, 0 повертає початковий вигляд.',
  Zoom: 'Масштаб',
  'Zoom in': 'Збільшити',
  'Zoom out': 'Зменшити',
  'Reset the view': 'Початковий вигляд',
  'Hold Ctrl (or ⌘) and scroll to zoom': 'Утримуйте Ctrl (або ⌘) і прокрутіть, щоб змінити масштаб',
  'Loading the map…': 'Завантаження карти…',
  'Pause motion': 'Зупинити рух',
  'Play motion': 'Увімкнути рух',
  'Lock the arrow scale': 'Зафіксувати масштаб стрілок',
  'Download the map:': 'Завантажити карту:',
  Embed: 'Вбудувати',
  'Paste this where the map should appear; it keeps the view you see now.': 'Вставте цей код туди, де має бути карта; він зберігає поточний вигляд.',
  Copy: 'Копіювати',
  Copied: 'Скопійовано',
  'Select and copy the text': 'Виділіть і скопіюйте текст',
  "Sources: Kazakhstan's and Kyrgyzstan's national statistics, IMF, China's customs.": 'Джерела: національна статистика Казахстану й Киргизстану, МВФ, митниця Китаю.',
  'Open the full page': 'Відкрити повну сторінку',
  Routes: 'Шляхи',
  'Routes in {year}': 'Шляхи у {year} р.',
  '{year}, all goods.': '{year} р., усі товари.',
  'Over time, US$ billion': 'У часі, млрд дол. США',
  'Value of each route by year': 'Вартість кожного шляху за роками',
  'Dashed line: 2021, the year before the invasion, the baseline for growth.': 'Пунктир: 2021 рік, останній перед вторгненням, база для порівняння.',
  'What others have found': 'Що з’ясували інші',
  Sources: 'Джерела',
  'Source:': 'Джерело:',
  "Kazakhstan: Bureau of National Statistics. Kyrgyzstan: National Statistical Committee (2023 imports preliminary). Russia: IMF International Trade in Goods statistics. China: General Administration of Customs, as reported by Eurasianet. Country shapes: Natural Earth. Each figure's own source shows when you hover an arrow.":
    'Казахстан: Бюро національної статистики. Киргизстан: Національний статистичний комітет (імпорт за 2023 рік попередній). Росія: статистика МВФ щодо міжнародної торгівлі товарами. Китай: Головне митне управління, за повідомленням Eurasianet. Кордони країн: Natural Earth. Джерело кожної цифри видно, якщо навести курсор на стрілку.',
  'Totals of all goods, current US dollars. The two sides of a flow rarely agree: exports are valued at the border, imports include freight, and goods re-exported through a third country may be counted against it.':
    'Підсумки за всіма товарами, у поточних доларах США. Дві сторони потоку рідко збігаються: експорт оцінюють на кордоні, імпорт — з доставкою, а товари, реекспортовані через третю країну, можуть зараховувати їй.',
  '{value} as {who} reports it': '{value} за даними: {who}',
  "{who}'s figure: {source}": 'Джерело ({who}): {source}',
  'Step {at} of {count}': 'Крок {at} з {count}',
  '▶ Play': '▶ Грати',
  '❚❚ Pause': '❚❚ Пауза',
  'Map of trade flows in {year}. {parts}.': 'Карта торговельних потоків у {year} р. {parts}.',
  'The map could not load: {error}': 'Карту не вдалося завантажити: {error}',
  'The roundabout in five steps': 'Обхідний шлях у п’яти кроках',
  '2021, the year before the invasion: Kazakhstan imported $8.23bn of goods from China, by its own count.':
    '2021 рік, останній перед вторгненням: Казахстан імпортував із Китаю товарів на 8,23 млрд $ за власними даними.',
  "By 2023 that had grown to $15.4bn, up 87% on 2021. China's customs count even more: $24.7bn.":
    'До 2023 року ця сума зросла до 15,4 млрд $, на 87 % більше, ніж у 2021-му. Митниця Китаю рахує ще більше: 24,7 млрд $.',
  "Over the same years Kazakhstan's exports to Russia rose 39%, to $9.94bn as Russia reports them.":
    'За ті самі роки експорт Казахстану до Росії зріс на 39 %, до 9,94 млрд $ за даними Росії.',
  "Kyrgyzstan's imports from China grew 266% on 2021, to $5.35bn; its exports to Russia grew 99%.":
    'Імпорт Киргизстану з Китаю зріс на 266 % порівняно з 2021 роком, до 5,35 млрд $; його експорт до Росії зріс на 99 %.',
  "Totals hide the goods that matter: China's exports of 45 sanctioned high-priority goods to Kazakhstan and Kyrgyzstan reached $1.3bn in 2023, and Kazakhstan bought $5.9m of drones from China and sold $2.7m on to Russia. Load product-level data to follow them.":
    'Підсумки приховують найважливіше: експорт Китаю 45 санкційних пріоритетних товарів до Казахстану й Киргизстану у 2023 році сягнув 1,3 млрд $, а Казахстан купив у Китаю дронів на 5,9 млн $ і продав до Росії на 2,7 млн $. Завантажте дані за товарами, щоб простежити їх.',
  "China's exports of the 45 sanctioned high-priority goods to Kazakhstan and Kyrgyzstan: $1.3bn in 2023, up 64% on 2022.":
    'Експорт Китаю 45 санкційних пріоритетних товарів до Казахстану й Киргизстану: 1,3 млрд $ у 2023 році, на 64 % більше, ніж у 2022-му.',
  'Kazakhstan bought $5.9m of drones from China in 2023 ...': 'Казахстан купив у Китаю дронів на 5,9 млн $ у 2023 році…',
  '... and exported $2.7m of drones to Russia.': '…і експортував дронів до Росії на 2,7 млн $.',
  "China's customs count $24.7bn of exports to Kazakhstan in 2023; Kazakhstan counts $15.4bn of imports from China.":
    'Митниця Китаю налічує 24,7 млрд $ експорту до Казахстану у 2023 році; Казахстан — 15,4 млрд $ імпорту з Китаю.',
  "China's customs count $19.8bn of trade with Kyrgyzstan in 2023; Kyrgyzstan counts $5.4bn of imports from China.":
    'Митниця Китаю налічує 19,8 млрд $ торгівлі з Киргизстаном у 2023 році; Киргизстан — 5,4 млрд $ імпорту з Китаю.',
  "Kyrgyzstan's exports to Russia rose 145% in 2022 (Kyrgyz customs).": 'Експорт Киргизстану до Росії зріс на 145 % у 2022 році (митниця Киргизстану).',
  Language: 'Мова',
};

const RU = {
  'Roundabout: how goods reach Russia through Central Asia': 'Roundabout: как товары попадают в Россию через Центральную Азию',
  'Sanctions · Trade routes': 'Санкции · Торговые пути',
  'The roundabout: how goods reach Russia through Central Asia': 'Обходной путь: как товары попадают в Россию через Центральную Азию',
  "After Russia invaded Ukraine, China's exports to Kazakhstan and Kyrgyzstan surged, and so did their exports to Russia. Arrow width shows the value of all goods traded in a year, as customs report it.":
    'После вторжения России в Украину экспорт Китая в Казахстан и Киргизию резко вырос, а вместе с ним и их экспорт в Россию. Ширина стрелки — стоимость всех товаров за год по данным таможен.',
  'View settings': 'Настройки',
  Year: 'Год',
  'Play through the years': 'Показать годы по очереди',
  'Find a country': 'Найти страну',
  'e.g. Kazakhstan': 'напр. Казахстан',
  'Walk through the story': 'Пройти историю шаг за шагом',
  'Reported by': 'По данным',
  'the importing country': 'страны-импортёра',
  'the exporting country': 'страны-экспортёра',
  '← Previous': '← Назад',
  'Next →': 'Далее →',
  'Leave the story': 'Выйти из истории',
  Focus: 'Фокус',
  'Flows of': 'Потоки страны',
  All: 'Все',
  Imports: 'Импорт',
  Exports: 'Экспорт',
  'Show all countries': 'Показать все страны',
  'Map of the routes. Arrow keys pan, plus and minus zoom, 0 resets.': 'Карта путей. Стрелки сдвигают карту, плюс и минус меняют масштаб, 0 возвращает исходный вид.',
  Zoom: 'Масштаб',
  'Zoom in': 'Увеличить',
  'Zoom out': 'Уменьшить',
  'Reset the view': 'Исходный вид',
  'Hold Ctrl (or ⌘) and scroll to zoom': 'Удерживайте Ctrl (или ⌘) и прокрутите, чтобы изменить масштаб',
  'Loading the map…': 'Загрузка карты…',
  'Pause motion': 'Остановить движение',
  'Play motion': 'Включить движение',
  'Lock the arrow scale': 'Зафиксировать масштаб стрелок',
  'Download the map:': 'Скачать карту:',
  Embed: 'Встроить',
  'Paste this where the map should appear; it keeps the view you see now.': 'Вставьте этот код туда, где должна быть карта; он сохраняет текущий вид.',
  Copy: 'Копировать',
  Copied: 'Скопировано',
  'Select and copy the text': 'Выделите и скопируйте текст',
  "Sources: Kazakhstan's and Kyrgyzstan's national statistics, IMF, China's customs.": 'Источники: национальная статистика Казахстана и Киргизии, МВФ, таможня Китая.',
  'Open the full page': 'Открыть полную страницу',
  Routes: 'Пути',
  'Routes in {year}': 'Пути в {year} г.',
  '{year}, all goods.': '{year} г., все товары.',
  'Over time, US$ billion': 'Во времени, млрд долл. США',
  'Value of each route by year': 'Стоимость каждого пути по годам',
  'Dashed line: 2021, the year before the invasion, the baseline for growth.': 'Пунктир: 2021 год, последний перед вторжением, база для сравнения.',
  'What others have found': 'Что выяснили другие',
  Sources: 'Источники',
  'Source:': 'Источник:',
  "Kazakhstan: Bureau of National Statistics. Kyrgyzstan: National Statistical Committee (2023 imports preliminary). Russia: IMF International Trade in Goods statistics. China: General Administration of Customs, as reported by Eurasianet. Country shapes: Natural Earth. Each figure's own source shows when you hover an arrow.":
    'Казахстан: Бюро национальной статистики. Киргизия: Национальный статистический комитет (импорт за 2023 год предварительный). Россия: статистика МВФ по международной торговле товарами. Китай: Главное таможенное управление, по сообщению Eurasianet. Границы стран: Natural Earth. Источник каждой цифры виден при наведении курсора на стрелку.',
  'Totals of all goods, current US dollars. The two sides of a flow rarely agree: exports are valued at the border, imports include freight, and goods re-exported through a third country may be counted against it.':
    'Итоги по всем товарам, в текущих долларах США. Две стороны потока редко совпадают: экспорт оценивают на границе, импорт — с доставкой, а товары, реэкспортированные через третью страну, могут засчитывать ей.',
  '{value} as {who} reports it': '{value} по данным: {who}',
  "{who}'s figure: {source}": 'Источник ({who}): {source}',
  'Step {at} of {count}': 'Шаг {at} из {count}',
  '▶ Play': '▶ Играть',
  '❚❚ Pause': '❚❚ Пауза',
  'Map of trade flows in {year}. {parts}.': 'Карта торговых потоков в {year} г. {parts}.',
  'The map could not load: {error}': 'Карту не удалось загрузить: {error}',
  'The roundabout in five steps': 'Обходной путь в пяти шагах',
  '2021, the year before the invasion: Kazakhstan imported $8.23bn of goods from China, by its own count.':
    '2021 год, последний перед вторжением: Казахстан импортировал из Китая товаров на 8,23 млрд $ по собственным данным.',
  "By 2023 that had grown to $15.4bn, up 87% on 2021. China's customs count even more: $24.7bn.":
    'К 2023 году эта сумма выросла до 15,4 млрд $, на 87 % больше, чем в 2021-м. Таможня Китая насчитывает ещё больше: 24,7 млрд $.',
  "Over the same years Kazakhstan's exports to Russia rose 39%, to $9.94bn as Russia reports them.":
    'За те же годы экспорт Казахстана в Россию вырос на 39 %, до 9,94 млрд $ по данным России.',
  "Kyrgyzstan's imports from China grew 266% on 2021, to $5.35bn; its exports to Russia grew 99%.":
    'Импорт Киргизии из Китая вырос на 266 % по сравнению с 2021 годом, до 5,35 млрд $; её экспорт в Россию вырос на 99 %.',
  "Totals hide the goods that matter: China's exports of 45 sanctioned high-priority goods to Kazakhstan and Kyrgyzstan reached $1.3bn in 2023, and Kazakhstan bought $5.9m of drones from China and sold $2.7m on to Russia. Load product-level data to follow them.":
    'Итоги скрывают самое важное: экспорт Китаем 45 санкционных приоритетных товаров в Казахстан и Киргизию в 2023 году достиг 1,3 млрд $, а Казахстан купил у Китая дронов на 5,9 млн $ и продал в Россию на 2,7 млн $. Загрузите данные по товарам, чтобы проследить их.',
  "China's exports of the 45 sanctioned high-priority goods to Kazakhstan and Kyrgyzstan: $1.3bn in 2023, up 64% on 2022.":
    'Экспорт Китаем 45 санкционных приоритетных товаров в Казахстан и Киргизию: 1,3 млрд $ в 2023 году, на 64 % больше, чем в 2022-м.',
  'Kazakhstan bought $5.9m of drones from China in 2023 ...': 'Казахстан купил у Китая дронов на 5,9 млн $ в 2023 году…',
  '... and exported $2.7m of drones to Russia.': '…и экспортировал дронов в Россию на 2,7 млн $.',
  "China's customs count $24.7bn of exports to Kazakhstan in 2023; Kazakhstan counts $15.4bn of imports from China.":
    'Таможня Китая насчитывает 24,7 млрд $ экспорта в Казахстан в 2023 году; Казахстан — 15,4 млрд $ импорта из Китая.',
  "China's customs count $19.8bn of trade with Kyrgyzstan in 2023; Kyrgyzstan counts $5.4bn of imports from China.":
    'Таможня Китая насчитывает 19,8 млрд $ торговли с Киргизией в 2023 году; Киргизия — 5,4 млрд $ импорта из Китая.',
  "Kyrgyzstan's exports to Russia rose 145% in 2022 (Kyrgyz customs).": 'Экспорт Киргизии в Россию вырос на 145 % в 2022 году (таможня Киргизии).',
  Language: 'Язык',
};

const DICTIONARIES = { en: {}, uk: UK, ru: RU };
let dictionary = DICTIONARIES.en;

const normal = (text) => text.replace(/\s+/g, ' ').trim();

/** `english` in the page's language, with `{name}` placeholders filled from `vars`. */
export function t(english, vars = {}) {
  const filled = (dictionary[normal(english)] ?? english).replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
  if (dictionary === DICTIONARIES.en) return filled;
  // Ukrainian and Russian keep a number, its scale word and its sign on one line.
  return filled.replace(/ (\$|%)/g, `${NBSP}$1`).replace(/(\d) (млрд|млн|тис\.|тыс\.)/g, `$1${NBSP}$2`);
}

/** The language to use: the link's `lang`, else the page's own `<html lang>`, else English. */
export function chooseLanguage(fromLink) {
  const tag = fromLink ?? document.documentElement.lang?.slice(0, 2);
  return tag in DICTIONARIES ? tag : 'en';
}

/** Translates the page's static text and labels into `lang` (nothing to do for English). */
export function translatePage(lang) {
  document.documentElement.lang = lang;
  dictionary = DICTIONARIES[lang] ?? DICTIONARIES.en;
  if (lang === 'en') return;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const key = normal(node.nodeValue);
    if (key && dictionary[key]) node.nodeValue = node.nodeValue.replace(/\S[\s\S]*\S|\S/, t(key));
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [alt]')) {
    for (const attribute of ['aria-label', 'placeholder', 'alt']) {
      const value = el.getAttribute(attribute);
      if (value && dictionary[normal(value)]) el.setAttribute(attribute, t(value));
    }
  }
  document.title = t(document.title);
}
