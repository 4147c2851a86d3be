// A loaded file as a story, loaded only once a file is (a dynamic import: none of it weighs on the page's
// first load): its title and dek editable in place, "Save as a story" downloads the folder `roundabout
// story` publishes (story.json and the cut, zipped by the worker's core), and the Embed panel says that
// a file must be published before it can be embedded. Nothing here imports the page's modules (they would
// become a chunk the page waits for): what it needs is handed in.

const $ = (id) => document.getElementById(id);

let shown; // the file on screen: {app, worker, summary, lang, story, t, save}
let saves = 0;
const kept = {}; // the page's own words, put back when the file goes

/** Makes an element editable in place. It keeps its role (the title stays the page's heading); a hidden
 * hint, `hint`, tells screen readers that it can be edited. */
function editable(el, hint, on) {
  if (on) {
    el.contentEditable = 'plaintext-only';
    if (el.contentEditable !== 'plaintext-only') el.contentEditable = 'true';
    el.setAttribute('aria-describedby', hint);
    Object.assign(el.style, { outline: '1px dashed currentColor', outlineOffset: '4px' }); // set here: no CSS on the page's first load
  } else {
    el.removeAttribute('contenteditable');
    el.removeAttribute('aria-describedby');
    Object.assign(el.style, { outline: '', outlineOffset: '' });
  }
}

/** The embed panel's word for a file on screen: it cannot be embedded until published as a story. */
function embedNote(on, t) {
  const panel = $('embed-panel');
  for (const el of panel.children) if (el.id !== 'embed-unpublished') el.hidden = on;
  let note = $('embed-unpublished');
  if (!on) return note?.remove();
  if (note) return;
  note = Object.assign(document.createElement('p'), { id: 'embed-unpublished' });
  const save = Object.assign(document.createElement('button'), { type: 'button', textContent: t('Save as a story') });
  save.addEventListener('click', saveStory);
  note.append(t('This map shows a file loaded in your browser, which no other page can reach. To embed it, save it as a story, publish the folder with `roundabout story` (see the README) and embed that page.'), ' ', save);
  panel.append(note);
}

/**
 * A file's cut is on screen (`saved`: the story.json of a saved story's zip, when it was one). Shows
 * its title and dek (a saved story's own, else the page's, editable), and offers "Save as a story".
 * `redraw(snapshot)` puts a saved story's view, as the core answers it, on screen.
 */
export function fileShown({ app, worker, summary, saved, lang, story, t, save, redraw }) {
  const title = document.querySelector('h1');
  const dek = $('dek');
  const credit = document.querySelector('.embed-credit [data-story="credit"]');
  const [sourcesLine, notes] = [document.querySelector('.sources [data-story="sources"]'), document.querySelector('.sources [data-story="notes"]')];
  if (!shown) Object.assign(kept, { title: title.textContent, credit: credit.textContent, sources: [...sourcesLine.childNodes], notes: [...notes.childNodes] });
  shown = { app, worker, summary, saved, lang, story, t, save };
  // A saved story's words are shown as text only; its view goes through the core's link parser, which
  // drops what it cannot vouch for.
  const text = (v) => (typeof v === 'string' && v.trim() ? v : undefined);
  const words = saved ? { ...saved.texts?.en, ...saved.texts?.[lang] } : {};
  title.textContent = text(words.title) ?? title.textContent;
  dek.textContent = text(words.dek) ?? dek.textContent;
  if (text(saved?.view)) {
    redraw(app.apply_link(saved.view));
  }
  const sources = Array.isArray(saved?.sources) ? saved.sources.map((s) => text(s?.names?.[lang]) ?? text(s?.name)).filter(Boolean) : [];
  credit.textContent = sources.length ? sources.join('; ') : summary.format;
  // The page's sources and notes are its story's: under a file, the file's (a saved story's notes, else none).
  sourcesLine.textContent = `${credit.textContent}.`;
  notes.textContent = [words.notes].flat().filter((n) => typeof n === 'string').join(' ');
  if (!$('edit-hint')) {
    const hint = Object.assign(document.createElement('p'), { id: 'edit-hint', className: 'visually-hidden' });
    hint.textContent = t('Editable: the title and the introduction are saved with Save as a story.');
    dek.after(hint);
  }
  editable(title, 'edit-hint', true);
  editable(dek, 'edit-hint', true);
  let button = $('save-story');
  if (!button) {
    button = Object.assign(document.createElement('button'), { type: 'button', id: 'save-story', textContent: t('Save as a story') });
    button.addEventListener('click', saveStory);
    $('file-back').before(button);
  }
  embedNote(true, t);
}

/** The file is gone (back to the default story): the page's words, fixed again. */
export function fileLeft() {
  if (!shown) return;
  document.querySelector('h1').textContent = kept.title;
  document.querySelector('.embed-credit [data-story="credit"]').textContent = kept.credit;
  document.querySelector('.sources [data-story="sources"]').replaceChildren(...kept.sources);
  document.querySelector('.sources [data-story="notes"]').replaceChildren(...kept.notes);
  editable(document.querySelector('h1'), '', false);
  editable($('dek'), '', false);
  $('edit-hint')?.remove();
  $('save-story')?.remove();
  embedNote(false);
  shown = undefined;
}

/** story.json for what is on screen: the page's routes, baseline and kicker, the file's goods and
 * sources (as the credit line names them), the title and dek as edited, the year and the view as the
 * link holds them. `roundabout story` checks it (story::folder::Story) when the folder is published. */
function storyJson() {
  const { app, summary, saved, lang, story } = shown;
  // A saved story's words in every language are kept. English, which a site falls back on, is the file's
  // own where none was saved: the page's story speaks of other goods.
  const texts = { ...(saved?.texts instanceof Object ? saved.texts : {}) };
  texts.en = { kicker: story.texts.en.kicker, title: story.texts.en.title, dek: summary.dek[0], goods: summary.goods[0], ...texts.en };
  texts[lang] = {
    kicker: story.texts[lang]?.kicker,
    ...texts[lang],
    title: document.querySelector('h1').textContent.trim(),
    dek: $('dek').textContent.trim(),
    goods: summary.goods[['en', 'uk', 'ru'].indexOf(lang)] ?? summary.goods[0],
  };
  return `${JSON.stringify({
    routes: { origin: story.origin, hubs: story.hubs, destination: story.destination },
    year: app.show().year,
    view: app.link(),
    baseline: summary.years.includes(story.baseline) ? story.baseline : summary.years[0],
    data: 'story.csv',
    // A saved story's sources whole (their links and names in other languages), else the file's.
    sources: Array.isArray(saved?.sources) && saved.sources.length ? saved.sources
      : document.querySelector('.embed-credit [data-story="credit"]').textContent.split('; ').map((name) => ({ name })),
    texts,
  }, null, 2)}\n`;
}

/** Downloads the zip of what is on screen, written by the worker that holds the file. */
async function saveStory() {
  if (!shown) return;
  const { worker, t, save } = shown;
  saves += 1;
  const id = saves;
  const reply = await new Promise((resolve) => {
    const listen = ({ data }) => {
      if (data.type !== 'saved' || data.id !== id) return;
      worker.removeEventListener('message', listen);
      resolve(data);
    };
    worker.addEventListener('message', listen);
    worker.postMessage({ type: 'save', id, story: storyJson() });
  });
  const message = $('file-message');
  if (reply.error) {
    message.textContent = t('The story could not be saved: {error}', { error: reply.error });
    return;
  }
  const name = document.querySelector('h1').textContent.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60);
  save(new Blob([reply.zip], { type: 'application/zip' }), `${name || 'story'}.zip`);
  message.textContent = t('Saved as a story: unzip it and publish the folder with `roundabout story`, or load the zip here again.');
}
