// "Browse the HS codes": the nomenclature as a tree (section → chapter → heading → subheading) with its
// descriptions, to find a code without knowing it. Branches are built when first opened; choosing a code
// puts it in the codes box and shows its products.
import { hs_section, hs_use } from './pkg/roundabout.js';
import { lang, t } from './i18n.js';
import { loadHs } from './hs.js';
import { el } from './dom.js';

/** Codes one level down from `code` ('' for chapters), in order. */
function children(hs, code) {
  const digits = code.length + 2;
  return Object.keys(hs.hs2022).filter((c) => c.length === digits && c.startsWith(code)).sort();
}

function useButton(code, label, choose) {
  const b = el('button', 'link', label, { type: 'button' });
  b.dataset.code = code;
  b.addEventListener('click', () => choose(code));
  return b;
}

/** A branch: its summary, and inside a button to choose it and its children, built on first opening. */
function branch(summaryText, code, label, fill, choose) {
  const node = el('details');
  node.append(el('summary', null, summaryText));
  node.addEventListener('toggle', () => {
    if (!node.open || node.dataset.built) return;
    node.dataset.built = 'true';
    const list = el('ul');
    list.append(...fill());
    node.append(...(code ? [useButton(code, label, choose)] : []), list);
  }, { once: false });
  return node;
}

function item(...content) {
  const li = el('li');
  li.append(...content);
  return li;
}

/** Wires `details` (closed at first) to fill itself with the tree; `choose(code)` hears the code chosen. */
export function attachHsBrowser(details, choose) {
  let built = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || built) return;
    built = true;
    const hs = await loadHs();
    const tree = el('ul', 'hs-tree');
    if (!hs) {
      tree.append(item(t('The HS nomenclature could not be loaded.')));
      details.append(tree);
      return;
    }
    const subheadings = (heading) => children(hs, heading).map((c) => item(useButton(c, `${c} ${hs.hs2022[c]}`, choose)));
    const headings = (chapter) => children(hs, chapter).map((h) => item(
      branch(`${h} ${hs.hs2022[h]}`, h, hs_use(h, lang()), () => subheadings(h), choose)));
    const chapters = (section) => children(hs, '').filter((c) => hs.chapter_section[c] === section).map((c) => item(
      branch(`${c} ${hs.hs2022[c]}`, c, hs_use(c, lang()), () => headings(c), choose)));
    tree.append(...Object.entries(hs.sections).map(([section, text]) => item(
      branch(hs_section(section, text, lang()), '', '', () => chapters(section), choose))));
    details.append(tree);
  });
}
