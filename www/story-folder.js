// The story the site was built with: data/story.json, checked by `roundabout story` when the site was
// written. Its routes and years drive the views; its words in the page's language replace the English
// baked into index.html (every element marked `data-story`).

export const story = { origin: '', hubs: [], destination: '', baseline: 0, year: undefined, view: '', sources: [], texts: { en: {} } };

/** Takes data/story.json's object as the page's story. */
export function useStory(json) {
  Object.assign(story, json.routes, { baseline: json.baseline, year: json.year, view: json.view ?? '', sources: json.sources, texts: json.texts });
}

/** The story's words in `lang`, English where that language has none of its own. */
export const storyTexts = (lang) => ({ ...story.texts.en, ...story.texts[lang] });

/** The legs drawn, origin → each hub, then each hub → destination, as `CHN>KAZ`. */
export const legs = () => [...story.hubs.map((h) => `${story.origin}>${h}`), ...story.hubs.map((h) => `${h}>${story.destination}`)];

/** The story's countries, origin first. */
export const storyCountries = () => [story.origin, ...story.hubs, story.destination];

/** Puts the story's words in `lang` into every element marked `data-story`, and its sources' names (where
 * the story gives them in `lang`) into every element marked `data-source`, their links kept. */
export function showStoryTexts(lang) {
  const words = storyTexts(lang);
  for (const el of document.querySelectorAll('[data-story]')) {
    const text = [words[el.dataset.story]].flat().join(' ');
    if (!text) continue;
    if (el.tagName === 'META') el.content = text;
    else el.textContent = text;
  }
  for (const el of document.querySelectorAll('[data-source]')) {
    const name = story.sources[el.dataset.source]?.names?.[lang];
    if (name) el.textContent = name;
  }
}
