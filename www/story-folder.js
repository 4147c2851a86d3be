// The story the site was built with: data/story.json, checked by `roundabout story` when the site was
// written. Its routes and years drive the views; its words in the page's language replace the English
// baked into index.html (every element marked `data-story`).

import { format_list } from './pkg/roundabout.js';

export const story = { origin: '', hubs: [], destination: '', baseline: 0, year: undefined, view: '', texts: { en: {} } };

/** Takes data/story.json's object as the page's story. */
export function useStory(json) {
  Object.assign(story, json.routes, { baseline: json.baseline, year: json.year, view: json.view ?? '', texts: json.texts });
}

/** The story's words in `lang`, English where that language has none of its own. */
export const storyTexts = (lang) => ({ ...story.texts.en, ...story.texts[lang] });

/** The legs drawn, origin → each hub, then each hub → destination, as `CHN>KAZ`. */
export const legs = () => [...story.hubs.map((h) => `${story.origin}>${h}`), ...story.hubs.map((h) => `${h}>${story.destination}`)];

/** The story's countries, origin first. */
export const storyCountries = () => [story.origin, ...story.hubs, story.destination];

/** Puts the story's words in `lang` into every element marked `data-story`. */
export function showStoryTexts(lang) {
  const words = storyTexts(lang);
  for (const el of document.querySelectorAll('[data-story]')) {
    const text = [words[el.dataset.story]].flat().join(' ');
    if (!text) continue;
    if (el.tagName === 'META') el.content = text;
    else el.textContent = text;
  }
}

/** The hubs the evidence offers beyond the story's own: those the EBRD's "Eurasian Roundabout" papers name. */
const KNOWN_HUBS = ['KAZ', 'KGZ', 'ARM', 'GEO', 'TUR', 'ARE', 'UZB'];

/** The route and hub choices of the analysis views, from the story's routes; `name(code)` names a country. */
export function fillRouteChoices(routeSelect, hubSelect, name, lang) {
  const list = (codes) => format_list(codes.map(name).join('\n'), lang);
  const { origin, hubs, destination } = story;
  const routes = [...(hubs.length > 1 ? [[origin, hubs]] : []), ...hubs.map((h) => [origin, [h]]), ...hubs.map((h) => [h, [destination]])];
  routeSelect.replaceChildren(...routes.map(([from, to]) => new Option(`${name(from)} → ${list(to)}`, `${from}>${to.join(',')}`)));
  hubSelect.replaceChildren(...[...new Set([...hubs, ...KNOWN_HUBS])].map((c) => new Option(name(c), c)));
}
