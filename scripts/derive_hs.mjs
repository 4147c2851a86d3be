#!/usr/bin/env node
// Derives www/data/hs.json, the page's compact HS nomenclature, from the reference tables in
// data/sources (UN Comtrade's HS 2022 and HS 2017 tables, packaged by datasets/harmonized-system,
// ODC-PDDL-1.0). The page fetches it only when the product views open.
//   node scripts/derive_hs.mjs [data/sources] [www/data/hs.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DATA = process.argv[2] ?? 'data/sources';
const OUT = process.argv[3] ?? 'www/data/hs.json';
/** Subheading descriptions past this many characters are cut at a word: the table stays small. */
const MAX_CHARS = 90;

/** Rows of a CSV file as objects keyed by its header (quoted fields, a BOM, CRLF). */
function readCsv(path) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows = [];
  let field = '';
  let row = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r, line) => {
    if (r.length !== header.length) throw new Error(`${path}: line ${line + 2} has ${r.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h.trim(), r[i]]));
  });
}

const short = (text) => {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= MAX_CHARS) return t;
  const cut = t.slice(0, MAX_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : MAX_CHARS)}…`;
};

function nomenclature(file) {
  const codes = {};
  const sectionOf = {};
  for (const r of readCsv(join(DATA, file))) {
    if (!/^\d{2}(\d{2}){0,2}$/.test(r.hscode)) continue;
    codes[r.hscode] = r.level === '6' ? short(r.description) : r.description.trim();
    if (r.level === '2') sectionOf[r.hscode] = r.section;
  }
  return { codes, sectionOf };
}

const hs22 = nomenclature('hs2022_harmonized_system.csv');
const hs17 = nomenclature('hs2017_harmonized_system.csv');
// HS 2017 only where it differs: BACI's HS17 files name codes that HS 2022 dropped or reworded.
const hs2017 = Object.fromEntries(Object.entries(hs17.codes).filter(([code, d]) => hs22.codes[code] !== d));
const sections = Object.fromEntries(readCsv(join(DATA, 'hs2022_sections.csv')).map((r) => [r.section, r.name.trim()]));
const table = {
  source: 'UN Comtrade HS 2022 and HS 2017 reference tables (datasets/harmonized-system, ODC-PDDL-1.0); subheadings shortened',
  sections,
  chapter_section: hs22.sectionOf,
  hs2022: hs22.codes,
  hs2017,
};
writeFileSync(OUT, `${JSON.stringify(table)}\n`);
console.log(`${OUT}: ${Object.keys(hs22.codes).length} HS 2022 codes, ${Object.keys(hs2017).length} HS 2017 differences, ${Object.keys(sections).length} sections`);
