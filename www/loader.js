// "Load your own file": pick or drop a CEPII BACI, UN Comtrade or tidy CSV (gzipped too). A worker
// reads it; the page shows progress and a Cancel button, and keeps what it showed until the new
// data is in. Everything from the file is shown as text, never as markup.
import { t } from './i18n.js';

/** Files beyond this are refused before reading: the tab would run out of memory. */
export const MAX_BYTES = 1 << 30;

const isCodeFile = async (file) => /^country_code[,;]/.test(await file.slice(0, 64).text());

/**
 * Wires the file input and dropping on the page. `show(name, csvBytes, summary, worker)` puts a cut on
 * screen; the worker, which then holds the file's whole table, passes to the caller. `restore()` goes back
 * to the default story. `els` holds the input, the status box and its parts.
 */
export function attachLoader(els, { show, restore }) {
  const { input, drop, status, message, bar, cancel, back, errors } = els;
  let worker;

  const setMessage = (text, isError = false) => {
    status.hidden = false;
    message.textContent = text;
    status.classList.toggle('error', isError);
  };
  const finish = (keep = false) => {
    if (!keep) worker?.terminate();
    worker = undefined;
    bar.hidden = true;
    cancel.hidden = true;
  };

  const load = async (files) => {
    const list = [...files];
    if (list.length === 0) return;
    const flags = await Promise.all(list.map(isCodeFile));
    const codes = list.find((_, i) => flags[i]);
    const file = list.find((_, i) => !flags[i]);
    if (!file) return setMessage(t('{file} is a BACI country-code file: drop it together with a BACI data file.', { file: codes.name }), true);
    if (file.size > MAX_BYTES) {
      return setMessage(t('{file} is {size} MB, more than this page can hold ({max} MB). Cut it down first with `roundabout prepare`.', {
        file: file.name, size: Math.round(file.size / 2 ** 20), max: MAX_BYTES / 2 ** 20,
      }), true);
    }
    finish();
    errors.replaceChildren();
    back.hidden = true;
    setMessage(t('Reading {file}…', { file: file.name }));
    bar.hidden = false;
    bar.removeAttribute('value');
    cancel.hidden = false;
    worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') {
        if (data.phase === 'reading') {
          bar.max = data.total;
          bar.value = data.done;
        } else {
          bar.removeAttribute('value');
          setMessage(t('Reading {file}: counting the routes…', { file: file.name }));
        }
      } else if (data.type === 'error') {
        finish();
        setMessage(data.message, true);
      } else if (data.type === 'done') {
        const kept = worker;
        kept.onmessage = null;
        finish(true);
        try {
          show(file.name, new TextEncoder().encode(data.csv), data.summary, kept);
          describe(data.summary);
        } catch (error) {
          setMessage(`${file.name}: ${error.message ?? error}`, true);
        }
      }
    };
    worker.onerror = (event) => {
      finish();
      setMessage(`${file.name}: ${event.message}`, true);
    };
    worker.postMessage({ file, codes });
  };

  const describe = (s) => {
    const years = s.years.length ? `${s.years[0]}–${s.years[s.years.length - 1]}` : '–';
    let text = t('Showing {file}: {format}, {rows} rows, {years}.', { file: s.file, format: s.format, rows: s.rows.toLocaleString('en'), years });
    if (s.missing_routes.length) text += ` ${t('No rows for {routes}.', { routes: s.missing_routes.join(', ') })}`;
    if (s.bad_rows) text += ` ${t('{count} bad rows skipped; the first:', { count: s.bad_rows.toLocaleString('en') })}`;
    setMessage(text);
    errors.replaceChildren(...s.first_errors.map((e) => Object.assign(document.createElement('li'), { textContent: e })));
    back.hidden = false;
  };

  input.addEventListener('change', () => { load(input.files); input.value = ''; });
  cancel.addEventListener('click', () => { finish(); setMessage(t('Cancelled. The map still shows the data it had.')); });
  back.addEventListener('click', () => {
    restore();
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
