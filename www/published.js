// Published figures beside ours: for each headline figure the loaded data covers, the same sum from it,
// next to the published one and its source (the list of "What others have found"); and with a reader's file,
// each published figure on the sanctioned goods it covers beside the file's own, matched and worded by the core.
import { lang } from './i18n.js';
import { el } from './dom.js';
import { sourceLink } from './published-view.js';

/** Adds "Ours: …" (worded by the core) to each headline item (`data-metric`) the table answers, and says
 * which it cannot; `file` names the table. */
export async function compareHeadlines(list, headlines, channel, file) {
  let ours = [];
  try {
    ours = await channel.ask({ kind: 'published', metrics: headlines.map((h) => h.metric), file, lang: lang() });
  } catch (error) {
    console.warn(`Published figures: ${error.message}`);
  }
  for (const item of list.querySelectorAll('li[data-metric]')) {
    item.querySelector('.ours')?.remove();
    const o = ours.find((x) => x.metric === item.dataset.metric);
    if (!o) continue;
    item.append(el('span', 'ours', o.text));
  }
  list.dataset.compared = 'true';
}

/** Sets the published figures (`data`, worded in `words`: published-words-{lang}.json) that the reader's
 * file covers beside its own figures, row by row with the difference and the reasons they may differ
 * (worded by the core); hides the table for the default story. */
export async function besideFile(els, data, { figures: words }, channel, file) {
  const answer = file ? await channel.ask({ kind: 'beside', view: data, lang: lang(), names: words.names, whose: words.whose }) : undefined;
  els.box.hidden = !answer?.rows.length;
  if (!answer) return;
  const heads = [...els.body.parentElement.tHead.rows[0].cells].map((c) => c.textContent);
  els.body.replaceChildren(...answer.rows.map((o) => {
    const f = data.figures[o.figure];
    const tr = el('tr');
    tr.dataset.id = f.id;
    const { heading, source } = words.figures[o.figure];
    const head = el('th', null, `${heading} (`, { scope: 'row' });
    head.append(sourceLink(source), ')');
    const why = el('ul');
    why.append(...o.why.map((s) => el('li', null, s)));
    tr.append(head, el('td', null, o.ours.join(' ')), el('td', null, o.change), el('td'));
    tr.lastChild.append(why);
    for (const cell of tr.querySelectorAll('td')) cell.dataset.label = heads[cell.cellIndex];
    return tr;
  }));
  els.note.textContent = answer.note.join(' ');
}
