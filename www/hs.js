// HS descriptions for product codes, from data/hs.json (derived by scripts/derive_hs.mjs). Fetched once,
// the first time a table of products is shown: the default story never needs it.

const HS_URL = 'data/hs.json';
let table;

/** Loads the nomenclature (once). A failure leaves codes without descriptions, and says so in the console. */
export function loadHs() {
  table ??= fetch(HS_URL).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${HS_URL}: HTTP ${r.status}`))))
    .catch((error) => { console.warn(`HS descriptions are off: ${error.message}`); return undefined; });
  return table;
}

/** The code's description (HS 2022, else HS 2017), or '' before the table is in or for unknown codes. */
export function describe(hs, code) {
  return hs?.hs2022[code] ?? hs?.hs2017[code] ?? '';
}
