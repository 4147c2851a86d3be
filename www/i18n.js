// The page in English, Ukrainian or Russian. The English text of the page is the key: static text
// and labels are translated in place once, at start; scripts translate their own strings with `t`.
// The dictionaries are data (data/i18n-uk.json, data/i18n-ru.json), fetched only when needed.
// Numbers come from the core, already formatted for the language; the dictionaries keep a number, its
// scale word and its sign on one line themselves (no-break spaces, checked by the core's tests).

const LANGUAGES = ['en', 'uk', 'ru'];
let dictionary = {};

const normal = (text) => text.replace(/\s+/g, ' ').trim();

/** The page's language, as `translatePage` set it. */
export const lang = () => document.documentElement.lang || 'en';

/** Of texts the core gives in English, Ukrainian and Russian, the one in the page's language. */
export const inPageLanguage = (texts) => texts[LANGUAGES.indexOf(lang())] ?? texts[0];

/**
 * `text` (English) in the page's language, with `{name}` placeholders filled from `vars`. A text that counts
 * gives its English forms, `{ one, other }`, and the `count`: the dictionary's entry (keyed by `other`) may
 * hold the language's forms (`{ one, few, many }`), picked by the language's plural rules.
 */
export function t(text, vars = {}, count = undefined) {
  const forms = typeof text === 'string' ? { other: text } : text;
  const found = dictionary[normal(forms.other)] ?? forms;
  const kind = count === undefined ? 'other' : new Intl.PluralRules(lang()).select(count);
  const chosen = typeof found === 'string' ? found : found[kind] ?? found.other ?? found.many;
  return chosen.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** The language to use: the link's `lang`, else the page's own `<html lang>`, else English. */
export function chooseLanguage(fromLink) {
  const tag = fromLink ?? document.documentElement.lang?.slice(0, 2);
  return LANGUAGES.includes(tag) ? tag : 'en';
}

/** Loads `lang`'s dictionary and translates the page's static text and labels into it. */
export async function translatePage(lang) {
  document.documentElement.lang = lang;
  if (lang === 'en') return;
  const response = await fetch(`data/i18n-${lang}.json`);
  if (!response.ok) throw new Error(`data/i18n-${lang}.json: HTTP ${response.status}`);
  dictionary = await response.json();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const key = normal(node.nodeValue);
    if (key && typeof dictionary[key] === 'string') node.nodeValue = node.nodeValue.replace(/\S[\s\S]*\S|\S/, t(key));
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [alt]')) {
    for (const attribute of ['aria-label', 'placeholder', 'alt']) {
      const value = el.getAttribute(attribute);
      if (value && typeof dictionary[normal(value)] === 'string') el.setAttribute(attribute, t(value));
    }
  }
  document.title = t(document.title);
}
