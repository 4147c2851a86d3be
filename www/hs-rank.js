// The codes box's suggestions, found by a word, in the order a reader wants them: codes whose description
// affirms the word ("Unmanned aircraft") before those that exclude it ("Helicopters, except unmanned").

// A negation opening the clause the word stands in: "except", "other than", "excluding", "not".
const NEGATED = /\b(except|other than|excluding|not)\b[^,;()]*$/i;

/** 0 when `text` affirms `word` somewhere, 1 when it only negates it, 2 when it lacks it. */
export function wordRank(text, word) {
  const low = text.toLowerCase();
  let rank = 2;
  for (let at = low.indexOf(word); at >= 0 && word; at = low.indexOf(word, at + 1)) {
    if (!NEGATED.test(low.slice(0, at))) return 0;
    rank = 1;
  }
  return rank;
}

/** Reorders the datalist's options for the last term typed in `value` (terms are separated by commas). */
export function rankOptions(list, value) {
  const word = value.split(/[,;]/).pop().trim().toLowerCase();
  if (word.length < 3 || /^\d+$/.test(word)) return;
  const options = [...list.children].map((o) => ({ o, rank: wordRank(o.label, word) }));
  // Within a rank, in the nomenclature's order (8806 before 880610).
  options.sort((a, b) => a.rank - b.rank || a.o.value.localeCompare(b.o.value));
  list.replaceChildren(...options.map((x) => x.o));
}
