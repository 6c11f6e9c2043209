/**
 * Bounded fuzzy matching of candidate names: one letter dropped, added,
 * replaced or two neighbours swapped ("Lufthi" for "Luthfi", "Andka" for
 * "Andika"), on folded tokens (see foldName). Only names of at least
 * {@link MIN_FUZZY_LENGTH} letters are matched, and never a token that is a
 * known word, so "karna" never reads as "Karno" nor "pribadi" as "Prihadi".
 * A deletion index (every name with one letter taken out) finds the
 * candidates without comparing the token to every name; a two-letter
 * prefilter on the token's start and end keeps the miss (most words) cheap.
 * Pure.
 */

/** Names shorter than this (in folded letters) are never matched fuzzily: "Edi", "Rano", "Bobi". */
export const MIN_FUZZY_LENGTH = 5;

/** Finds the one name within one edit of a token, if any. */
export interface FuzzyIndex<T> {
  /** The value of the single name within one edit of `token`; undefined when none, or when names of different values are. */
  match(token: string): T | undefined;
}

/**
 * Builds an index over `names` (folded, lower-case ASCII), each with a value.
 * `known` words are never matched (common words, common given names, every
 * exact term). `sameValue` says when two values are the same (two spellings of
 * one candidate are not an ambiguity).
 */
export function createFuzzyIndex<T>(names: Map<string, T>, known: Set<string>, sameValue: (a: T, b: T) => boolean): FuzzyIndex<T> {
  const deletions = new Map<string, string[]>();
  const starts = new Uint8Array(27 * 27);
  const ends = new Uint8Array(27 * 27);
  let minLength = Infinity;
  let maxLength = 0;
  const put = (key: string, name: string): void => {
    const list = deletions.get(key);
    if (!list) deletions.set(key, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  for (const name of names.keys()) {
    if (name.length < MIN_FUZZY_LENGTH || !isAsciiWord(name)) continue;
    minLength = Math.min(minLength, name.length);
    maxLength = Math.max(maxLength, name.length);
    put(name, name);
    for (let i = 0; i < name.length; i++) put(name.slice(0, i) + name.slice(i + 1), name);
    // One edit leaves either the first two or the last two letters in place (names have five or more).
    starts[pairIndex(name, 0)] = 1;
    ends[pairIndex(name, name.length - 2)] = 1;
    // A letter added or dropped at the start shifts the first two; the last two stay: covered by `ends`.
  }

  return {
    match(token: string): T | undefined {
      const n = token.length;
      if (n < minLength - 1 || n > maxLength + 1 || n < MIN_FUZZY_LENGTH) return undefined;
      if (!starts[pairIndex(token, 0)] && !ends[pairIndex(token, n - 2)]) return undefined;
      if (known.has(token) || names.has(token) || !isAsciiWord(token)) return undefined;
      let found: string | undefined;
      let value: T | undefined;
      const consider = (name: string): boolean => {
        if (name === found || !withinOneEdit(token, name)) return true;
        const v = names.get(name) as T;
        if (found !== undefined && !sameValue(value as T, v)) return false;
        found ??= name;
        value ??= v;
        return true;
      };
      for (const name of deletions.get(token) ?? []) if (!consider(name)) return undefined;
      for (let i = 0; i < n; i++) {
        const del = token.slice(0, i) + token.slice(i + 1);
        // A name one letter shorter than the token is a name in `names` too, but not one the index holds: a name under
        // MIN_FUZZY_LENGTH is never matched fuzzily ("Ashari", folded "asari", is no "Asri"; "Asori" no "Asri").
        if (del.length >= MIN_FUZZY_LENGTH && names.has(del) && !consider(del)) return undefined;
        for (const name of deletions.get(del) ?? []) if (!consider(name)) return undefined;
      }
      return value;
    },
  };
}

/** Index of two lower-case letters at `at` in a 27x27 table (anything else in slot 26). */
function pairIndex(s: string, at: number): number {
  return letterIndex(s.charCodeAt(at)) * 27 + letterIndex(s.charCodeAt(at + 1));
}

function letterIndex(c: number): number {
  return c >= 97 && c <= 122 ? c - 97 : 26;
}

function isAsciiWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * Whether `a` becomes `b` with at most one edit: a letter inserted, deleted or
 * replaced, or two neighbouring letters swapped (optimal string alignment).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // replaced
    return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Optimal string alignment distance of two short strings: insertions, deletions, replacements, and a swap of two
 * neighbours each count one (`stauts` is one from `status`). The plain dynamic programme, for a few short words at a
 * time (a mistyped command against the command names); {@link withinOneEdit} is the fast bounded check for names.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
