// The floor beside every figure: what a script author would hand-write in the page's own JS. A BACI CSV's
// bytes into typed arrays, with no validation (the header is assumed, "NA" is the only missing value), and the
// bench's two queries over them with a Map.

const [CHN, KAZ, KGZ, RUS] = [156, 398, 417, 643];
const [NL, COMMA, DOT, MINUS] = [10, 44, 46, 45];

/** Columns t, i, j, k, v of a BACI CSV (q is skipped, as neither query reads it). */
export function parse(bytes) {
  let capacity = Math.max(1024, Math.ceil(bytes.length / 32));
  let t = new Int16Array(capacity); let i = new Int16Array(capacity); let j = new Int16Array(capacity);
  let k = new Int32Array(capacity); let v = new Float64Array(capacity);
  let rows = 0;
  let at = bytes.indexOf(NL) + 1; // past the header
  const int = () => { let n = 0; let c; while ((c = bytes[at++]) !== COMMA) n = n * 10 + c - 48; return n; };
  while (at < bytes.length) {
    if (rows === capacity) {
      capacity *= 2;
      const grow = (a) => { const b = new a.constructor(capacity); b.set(a); return b; };
      t = grow(t); i = grow(i); j = grow(j); k = grow(k); v = grow(v);
    }
    t[rows] = int(); i[rows] = int(); j[rows] = int(); k[rows] = int();
    let whole = 0; let frac = 0; let scale = 1; let sign = 1; let c = bytes[at];
    if (c === MINUS) { sign = -1; at += 1; }
    while ((c = bytes[at++]) !== COMMA && c !== DOT) whole = whole * 10 + c - 48;
    if (c === DOT) while ((c = bytes[at++]) !== COMMA) { frac = frac * 10 + c - 48; scale *= 10; }
    v[rows] = sign * (whole + frac / scale);
    while (at < bytes.length && bytes[at++] !== NL); // q
    rows += 1;
  }
  return { rows, t, i, j, k, v };
}

/** China → {KAZ, KGZ} and {KAZ, KGZ} → Russia on the given codes, by exporter, importer and year:
 * `[groups, total value]`. */
export function route(table, codes) {
  const chpl = new Set(codes);
  const groups = new Map();
  const { t, i, j, k, v } = table;
  for (let r = 0; r < table.rows; r += 1) {
    const leg = (i[r] === CHN && (j[r] === KAZ || j[r] === KGZ)) || ((i[r] === KAZ || i[r] === KGZ) && j[r] === RUS);
    if (!leg || !chpl.has(k[r])) continue;
    const key = (i[r] * 1000 + j[r]) * 10000 + t[r];
    groups.set(key, (groups.get(key) ?? 0) + v[r]);
  }
  return [groups.size, [...groups.values()].reduce((a, b) => a + b, 0)];
}

/** Every row by exporter, importer, year and HS chapter: `[groups, total value]`. */
export function groupBy(table) {
  const groups = new Map();
  const { t, i, j, k, v } = table;
  for (let r = 0; r < table.rows; r += 1) {
    const key = ((i[r] * 1000 + j[r]) * 10000 + t[r]) * 100 + Math.floor(k[r] / 10000);
    groups.set(key, (groups.get(key) ?? 0) + v[r]);
  }
  return [groups.size, [...groups.values()].reduce((a, b) => a + b, 0)];
}
