// "Find a country" by any of its names: English, Ukrainian or Russian (data/names-*.json, the
// i18n-iso-countries files, fetched on the first search the data's own list does not answer), its ISO code,
// or the start of a name the data's countries alone begin with.

const LANGS = ['en', 'uk', 'ru'];
let named; // [[alpha-2, [name, …]], …] of every country, once fetched

const same = (a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

async function everyName() {
  named ??= Promise.all(LANGS.map(async (lang) => {
    const response = await fetch(`data/names-${lang}.json`);
    if (!response.ok) throw new Error(`data/names-${lang}.json: HTTP ${response.status}`);
    return (await response.json()).countries;
  })).then((files) => {
    const all = new Map();
    for (const countries of files) {
      for (const [alpha2, names] of Object.entries(countries)) all.set(alpha2, [...(all.get(alpha2) ?? []), ...[names].flat()]);
    }
    return [...all];
  });
  return named;
}

/**
 * The country `query` names. `countries` are the data's, `[alpha-3, name, English name, alpha-2]`;
 * `nameOf(alpha3)` names any country in the page's language (the code itself when it is none). Resolves to
 * `{ code }` for a country of the data (by a name, a code, or the start of a name no other of them has),
 * `{ name }` for a country the data has no rows for, or `{}` when none is found.
 */
export async function findCountry(query, countries, nameOf) {
  const wanted = query.trim();
  if (!wanted) return {};
  const direct = countries.find(([a3, name, english, a2]) => [a3, a2, name, english].some((n) => same(n, wanted)));
  if (direct) return { code: direct[0] };
  const code = wanted.toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && nameOf(code) !== code) return { name: nameOf(code) };
  const match = (await everyName()).find(([a2, names]) => same(a2, wanted) || names.some((n) => same(n, wanted) || same(n.split(' (')[0], wanted)));
  if (!match) {
    // No country has that name ("Niger" is one): the start of a name one of the data's countries alone
    // has, as a reader types "Kazakh" and presses Enter.
    const begun = countries.filter(([, name, english]) => [name, english].some((n) => same(n.slice(0, wanted.length), wanted)));
    return begun.length === 1 ? { code: begun[0][0] } : {};
  }
  const inData = countries.find((c) => c[3] === match[0]);
  return inData ? { code: inData[0] } : { name: wanted };
}
