// The box that follows the pointer over a flow. Text only, never markup.
import { el } from './dom.js';

const OFFSET = 14;

export function showTooltip(box, route, x, y, area) {
  if (!route) return hideTooltip(box);
  const lines = [
    ['strong', `${route.exporter_name} → ${route.importer_name}, ${route.year}`],
    ['div', route.reported_text],
  ];
  // The value by product group, in the key's order, when the flow carries more than one.
  for (const text of route.group_texts ?? []) lines.push(['div', text, 'group']);
  if (route.share_text) lines.push(['div', route.share_text]);
  if (route.growth_text) lines.push(['div', route.growth_text]);
  if (route.reports_text) lines.push(['div', route.reports_text]);
  for (const text of route.source_texts) lines.push(['div', text, 'src']);
  showLines(box, lines, x, y, area);
}

/** A country's name and its routes' figures, e.g. "Imports from China: $15.4bn". */
export function showCountryTooltip(box, summary, x, y, area) {
  showLines(box, [['strong', summary.name], ...summary.lines.map((line) => ['div', line])], x, y, area);
}

/** The published figures' lines for an arrow (`[tag, text or element, class]`, from published-view.js). */
export function showLines(box, lines, x, y, area) {
  box.replaceChildren(...lines.map(([tag, text, cls]) => {
    // A source's link comes as an element the caller built; anything else is text.
    if (!(text instanceof Node)) return el(tag, cls, text);
    const node = el(tag, cls);
    node.append(text);
    return node;
  }));
  box.hidden = false;
  const left = Math.min(x + OFFSET, area.width - box.offsetWidth - 4);
  const top = y + OFFSET + box.offsetHeight > area.height ? y - box.offsetHeight - OFFSET : y + OFFSET;
  box.style.left = `${Math.max(4, left)}px`;
  box.style.top = `${Math.max(4, top)}px`;
}

export function hideTooltip(box) {
  box.hidden = true;
  box.dataset.pinned = '';
}
