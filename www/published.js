// Published figures beside ours: for each headline figure the loaded data covers, the same sum from it,
// next to the published one and its source (the list of "What others have found"); and with a reader's file,
// each published figure on the sanctioned goods it covers beside the file's own, matched and worded by the core.
import { t } from './i18n.js';
import { change, money } from './products.js';

const SIDES = { importer: "the importer's report", exporter: "the exporter's report", reconciled: 'reconciled by the source' };

/** Adds "Ours: …" to each headline item (`data-metric`) the table answers, and says which it cannot. */
export async function compareHeadlines(list, headlines, channel, fileLabel) {
  let ours = [];
  try {
    ours = await channel.ask({ kind: 'published', metrics: headlines.map((h) => h.metric) });
  } catch (error) {
    console.warn(`Published figures: ${error.message}`);
  }
  for (const item of list.querySelectorAll('li[data-metric]')) {
    item.querySelector('.ours')?.remove();
    const o = ours.find((x) => x.metric === item.dataset.metric);
    if (!o) continue;
    const text = o.value === null
      ? t('Ours: not in {file}.', { file: fileLabel })
      : t('Ours, from {file}: {value}{side}.', {
        file: fileLabel,
        value: o.growth ? change(o.value) : money(o.value),
        side: o.imf ? ` (${t("the IMF's estimate for Russia, which has published no partner data since 2021")})` : o.side ? ` (${t(SIDES[o.side])})` : '',
      });
    const span = Object.assign(document.createElement('span'), { className: 'ours', textContent: text });
    item.append(span);
  }
  list.dataset.compared = 'true';
}

/** A sentence of the core's, `[template, values]`: both in the page's language. */
// The core's sentences that count (`{n}`), in the singular.
const ONE = {
  '{n} more published figures are not in this file: its goods, routes or periods do not include them.':
    '{n} more published figure is not in this file: its goods, routes or periods do not include it.',
  '{n} count goods as their source selects them, with no HS codes to match a file by.':
    '{n} counts goods as its source selects them, with no HS codes to match a file by.',
};
const say = ([text, vars]) => t(vars.n === undefined ? text : { one: ONE[text] ?? text, other: text },
  Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, t(v)])), vars.n === undefined ? undefined : Number(vars.n));
const el = (tag, text) => Object.assign(document.createElement(tag), { textContent: text ?? '' });

/** Sets the published figures (`data`, worded by `view`) that the reader's file covers beside its own
 * figures, row by row with the difference and the reasons they may differ; hides the table for the
 * default story. */
export async function besideFile(els, data, view, channel, file) {
  const answer = file ? await channel.ask({ kind: 'beside', view: data, lang: document.documentElement.lang, names: view.names() }) : undefined;
  els.box.hidden = !answer?.rows.length;
  if (!answer) return;
  els.body.replaceChildren(...answer.rows.map((o) => {
    const f = data.figures[o.figure];
    const tr = el('tr');
    tr.dataset.id = f.id;
    const head = el('th', `${view.heading(f)}: ${view.value(f)} (`);
    head.scope = 'row';
    head.append(view.sourceLink(f), ')');
    const why = el('ul');
    why.append(...o.why.map((s) => el('li', say(s))));
    tr.append(head, el('td', o.ours.map(say).join(' ')), el('td', o.change), el('td'));
    tr.lastChild.append(why);
    return tr;
  }));
  els.note.textContent = answer.note.map(say).join(' ');
}
