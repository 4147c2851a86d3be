// Published figures beside ours: for each headline figure the loaded data covers, the same sum from it,
// next to the published one and its source (the list of "What others have found").
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
