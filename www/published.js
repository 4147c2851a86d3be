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
const say = ([text, vars]) => t(text, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, t(v)])));
const item = (text) => Object.assign(document.createElement('li'), { textContent: text });

/** Lists the published figures (`data`, worded by `view`) that the reader's file covers beside its own
 * figures, with the reasons they may differ; empties the list for the default story. */
export async function besideFile(list, data, view, channel, file) {
  const items = file ? await channel.ask({ kind: 'beside', view: data, lang: document.documentElement.lang, names: view.names() }) : [];
  list.replaceChildren(...items.map((o) => {
    const f = data.figures[o.figure];
    const li = item();
    if (f) {
      li.dataset.id = f.id;
      li.append(`${view.heading(f)}: ${view.value(f)} (`, view.sourceLink(f), '). ');
    }
    li.append(...o.said.map((s) => `${say(s)} `));
    if (o.why.length) {
      const why = document.createElement('ul');
      why.append(...o.why.map((s) => item(say(s))));
      li.append(t('Why they may differ:'), why);
    }
    return li;
  }));
  list.hidden = list.previousElementSibling.hidden = !items.length;
}
