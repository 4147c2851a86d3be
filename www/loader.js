// "Load your own file": pick or drop CEPII BACI, UN Comtrade or tidy CSVs (gzipped too), several at once,
// or BACI's zip as downloaded. A worker reads them into one table; the page shows progress and a Cancel
// button, and keeps what it showed until the new data is in. Of a zip the reader chooses the years, and
// when they would not fit, keeps only some countries' rows. Everything from a file is shown as text, never
// as markup.
import { inPageLanguage, lang, t } from './i18n.js';
import { legs, storyCountries } from './story-folder.js';

/** Plain files beyond this are refused before reading: their whole table would not fit. A zip is read
 * entry by entry, and the reader chooses how much of it is kept. */
export const MAX_BYTES = 1 << 30;

/** Workers to read a big file with, when a link asks (`?workers=2`, for tests and benchmarks): read as the
 * page opens, since the link the page then writes leaves it out. Otherwise one worker reads the file. */
const WORKERS = Math.min(16, Math.max(0, Math.floor(Number(new URLSearchParams(window.location.search).get('workers'))) || 0)) || undefined;

/** The least time (ms) between two moves of the progress bar: four a second. */
const BAR_EVERY_MS = 250;
const head = async (file) => new Uint8Array(await file.slice(0, 64).arrayBuffer());
const isCodeFile = (bytes) => /^(\ufeff)?country_code[,;]/.test(new TextDecoder().decode(bytes));
const isZip = (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;

/**
 * Wires the file input and dropping on the page. `show(name, tableBytes, summary, worker, saved)` puts a cut
 * on screen (`saved`: a saved story's story.json, when the zip loaded was one); the worker, which then
 * holds the file's whole table, passes to the caller. `restore()` goes back
 * to the default story; `countryNames()` gives the page's country names for the worker's sentences (the
 * core's, as lines); `countryCodes(typed)` the codes of the countries a reader typed to keep, or throws;
 * `busy(on)` hears when a worker starts on a file and when it is done with it. `els` holds the input, the
 * status box and its parts.
 */
export function attachLoader(els, { show, restore, countryNames, countryCodes, busy }) {
  const { input, drop, status, message, bar, cancel, back, errors, flow } = els;
  let worker;
  let held; // the worker holding the file shown, asked for another flow's cut
  let barMoved = -Infinity; // when the progress bar last moved

  const setMessage = (text, isError = false) => {
    status.hidden = false;
    message.textContent = text;
    status.classList.toggle('error', isError);
  };
  const finish = (keep = false) => {
    if (!keep) worker?.terminate();
    worker = undefined;
    busy(false);
    bar.hidden = true;
    cancel.hidden = true;
  };

  /** Asks which of a zip's entries to read, and whether to keep only some countries' rows: the core's offer
   * (`tables`: each entry's rows, about; `said`; `tooMany`), in the page's language. */
  const ask = ({ entries, tables, said, tooMany }, reply) => {
    const form = document.createElement('form');
    form.className = 'zip-choice';
    const years = document.createElement('fieldset');
    years.append(Object.assign(document.createElement('legend'), { textContent: t('Read') }));
    for (const [i, e] of entries.entries()) {
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', checked: true, value: `${e.file}/${e.name}` });
      const label = document.createElement('label');
      label.append(box, ` ${e.year ?? e.name} `, Object.assign(document.createElement('small'), { textContent: `(${tables[i]})` }));
      years.append(label);
    }
    const keep = Object.assign(document.createElement('input'), { type: 'checkbox', checked: tooMany, id: 'zip-keep' });
    const countries = Object.assign(document.createElement('input'), { type: 'text', value: storyCountries().join(', '), id: 'zip-countries', size: 24 });
    countries.setAttribute('aria-label', t('Countries to keep (alpha-3 codes or names)'));
    const keepLabel = document.createElement('label');
    keepLabel.append(keep, ` ${t('Keep only the rows of')} `);
    const go = Object.assign(document.createElement('button'), { type: 'submit', textContent: t('Read the years chosen') });
    form.append(years, keepLabel, countries, ' ', go);
    setMessage(said);
    bar.hidden = true;
    message.after(form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = [...years.querySelectorAll('input:checked')].map((b) => b.value);
      if (chosen.length === 0) return setMessage(t('Choose at least one year.'), true);
      // The core reads the countries typed; one it cannot name is refused before anything is read.
      let list = [];
      try {
        if (keep.checked) list = countryCodes(countries.value);
      } catch (error) {
        return setMessage(error.message, true);
      }
      form.remove();
      bar.hidden = false;
      reply({ type: 'choose', entries: chosen, keep: list.length ? list : undefined });
    });
  };

  const load = async (picked) => {
    const list = [...picked];
    if (list.length === 0) return;
    const heads = await Promise.all(list.map(head));
    const codes = list.filter((_, i) => isCodeFile(heads[i]));
    const data = list.filter((_, i) => !isCodeFile(heads[i]));
    if (data.length === 0) return setMessage(t('{file} is a BACI country-code file: drop it together with a BACI data file.', { file: codes.map((c) => c.name).join(', ') }), true);
    const big = data.find((f, i) => f.size > MAX_BYTES && !isZip(heads[list.indexOf(f)]));
    if (big) {
      return setMessage(t('{file} is {size} MB, more than this page can hold ({max} MB). Cut it down first with `roundabout prepare`.', {
        file: big.name, size: Math.round(big.size / 2 ** 20), max: MAX_BYTES / 2 ** 20,
      }), true);
    }
    const names = data.map((f) => f.name).join(', ');
    finish();
    status.querySelector('.zip-choice')?.remove();
    errors.replaceChildren();
    back.hidden = true;
    flow.hidden = true;
    flow.value = '';
    setMessage(t('Reading {file}…', { file: names }));
    bar.hidden = false;
    bar.removeAttribute('value');
    cancel.hidden = false;
    worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module', name: 'file' });
    busy(true);
    const own = worker;
    worker.onmessage = ({ data: m }) => {
      if (m.type === 'progress') {
        if (m.phase === 'reading') {
          const step = m.entry ?? m.file;
          const text = m.count > 1
            ? t('Reading {file} ({index} of {count})…', { file: step, index: m.index, count: m.count })
            : t('Reading {file}…', { file: step });
          // Each change repaints the page beside the workers: the bar moves a few times a second, and the
          // line says each entry as it starts.
          const now = performance.now();
          if (text !== message.textContent || now - barMoved >= BAR_EVERY_MS) {
            barMoved = now;
            bar.max = m.total;
            bar.value = m.done;
            if (text !== message.textContent) setMessage(text);
          }
        } else {
          bar.removeAttribute('value');
          setMessage(t('Reading {file}: counting the routes…', { file: names }));
        }
      } else if (m.type === 'choose') {
        ask(m, (reply) => own.postMessage(reply));
      } else if (m.type === 'error') {
        finish();
        setMessage(m.internal === undefined ? m.message
          : t('{file}: the files could not be read (internal error: {error})', { file: m.files, error: m.internal }), true);
      } else if (m.type === 'done') {
        held = own;
        finish(true);
        shown(m, own);
        // Later cuts, for another flow, come from the same worker; the views keep their channel to it.
        own.onmessage = ({ data: r }) => (r.type === 'done' ? shown(r) : r.type === 'error' && setMessage(r.message, true));
      }
    };
    worker.onerror = (event) => {
      finish();
      setMessage(`${names}: ${event.message}`, true);
    };
    worker.postMessage({ files: data, codes, routes: legs(), workers: WORKERS, lang: lang(), names: countryNames() });
  };

  /** The summary's first bad rows, one item each, in the page's language. */
  const listErrors = (s) => errors.replaceChildren(...s.first_errors.map((e) => Object.assign(document.createElement('li'), { textContent: inPageLanguage(e) })));
  const shown = (m, kept) => {
    try {
      show(m.label, m.table, m.summary, kept, m.story && JSON.parse(m.story));
      describe(m.summary);
    } catch (error) {
      // The core's errors name the file already; the bad rows say why none could be drawn.
      const text = String(error.message ?? error);
      setMessage(text.startsWith(m.label) ? text : `${m.label}: ${text}`, true);
      listErrors(m.summary);
    }
  };

  const describe = (s) => {
    setMessage(inPageLanguage(s.shown));
    listErrors(s);
    back.hidden = false;
    // The flows to count, offered where the file has re-exports or re-imports; the core counts them.
    for (const o of flow.options) o.hidden = o.value !== '' && !s.flows.includes(o.value);
    flow.hidden = !s.flows.some((f) => f.startsWith('re'));
  };

  input.addEventListener('change', () => { load(input.files); input.value = ''; });
  flow.addEventListener('change', () => held?.postMessage({ type: 'cut', flow: flow.value }));
  cancel.addEventListener('click', () => {
    finish();
    status.querySelector('.zip-choice')?.remove();
    setMessage(t('Cancelled. The map still shows the data it had.'));
  });
  back.addEventListener('click', () => {
    restore();
    held = undefined;
    status.hidden = true;
    errors.replaceChildren();
  });
  document.addEventListener('dragover', (e) => { e.preventDefault(); drop.hidden = false; });
  document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) drop.hidden = true; });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.hidden = true;
    load(e.dataTransfer.files);
  });
}
