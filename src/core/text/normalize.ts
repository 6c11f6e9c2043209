/**
 * Chat-text normalisation for the Pilkada classifier: one pass over the
 * characters that turns "#CoblosNomor2", "c0bl0sss" or "Khofifah-Emil 🔥" into
 * plain lowercase tokens. This is the classifier's hot path, so it scans char
 * codes instead of running a chain of regular expressions.
 */

/** Options for {@link tokenize}. */
export interface TokenizeOptions {
  /**
   * Collapse every doubled letter ("maaf" -> "maf", "eddy" -> "edy"), not only
   * elongations of three or more. The classifier uses it on both its keys and
   * the text, so "pilkadaa" and "Eddyy" still match.
   */
  foldDoubles?: boolean;
  /**
   * Fold the spelling variants of Indonesian names as well (see {@link foldName}):
   * old spelling, y/i, dropped h. Implies `foldDoubles`. The classifier uses it
   * on both its keys and the text, so "Herman Dheru" meets "Herman Deru".
   */
  foldNames?: boolean;
}

/** Digits that stand for letters inside words ("c0bl0s", "p1lkada"). */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g',
};
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}/gu;
const TRIPLES = /([a-z])\1{2,}/g;
const DOUBLES = /([a-z])\1+/g;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isAlnum = (c: number): boolean => isLower(c) || isUpper(c) || isDigit(c);

/** Splits chat text into normalised tokens: lowercase ASCII words and numbers. */
export function tokenize(text: string, opts: TokenizeOptions = {}): string[] {
  const out: string[] = [];
  tokenizeInto(text, opts, out);
  return out;
}

/** {@link tokenizeInto} read the text through Unicode folding: other non-ASCII characters than emoji. */
export const TEXT_UNICODE = 1;
/** {@link tokenizeInto} saw capitals in odd places, `/[a-z][A-Z]|[A-Z]{2}[a-z]/` ("aNdika", "HENdi"); only said of ASCII text. */
export const TEXT_ODD_CASE = 2;

/** Ids of the words a table of words seen keeps ({@link tokenizeInto}'s `ids`): an id is below this. */
export const WORD_IDS = 1 << 15;

/**
 * {@link tokenize} into `out`, saying what it learnt about the text on the
 * way (TEXT_UNICODE, TEXT_ODD_CASE), so the classifier need not read the
 * text again with regular expressions for it.
 *
 * With `ids`, also gives each token its id in the table of words seen (0 to
 * WORD_IDS - 1, numbered densely as words first come), or -1 for a token made
 * outside the table: a caller may keep what it works out about a word by id
 * instead of looking the word up by its string. The table numbers its words
 * anew when it empties, so an id is only the token's while the token is the
 * string kept with it: compare them.
 */
export function tokenizeInto(text: string, opts: TokenizeOptions, out: string[], ids?: number[]): number {
  const foldNames = opts.foldNames === true;
  const minRepeat = opts.foldDoubles || foldNames ? 2 : 3;
  const start = out.length;
  const idStart = ids?.length ?? 0;
  const flags = tokenizeAscii(text, minRepeat, foldNames, out, ids);
  if (flags >= 0) return flags;
  out.length = start;
  tokenizeGeneral(text, minRepeat, foldNames, out);
  if (ids) {
    ids.length = idStart;
    for (let k = start; k < out.length; k++) ids.push(-1);
  }
  return TEXT_UNICODE;
}

/**
 * The same tokens as {@link tokenize}, always by the general path (Unicode folding,
 * one lowercase copy of the text, a new string per token). The fast path must agree
 * with it on every text; the tests hold it to that.
 */
export function tokenizeUncached(text: string, opts: TokenizeOptions = {}): string[] {
  const foldNames = opts.foldNames === true;
  const out: string[] = [];
  tokenizeGeneral(text, opts.foldDoubles || foldNames ? 2 : 3, foldNames, out);
  return out;
}

function tokenizeGeneral(text: string, minRepeat: number, foldNames: boolean, out: string[]): void {
  const src = NON_ASCII.test(text) ? foldUnicode(text) : text;
  const lower = src.toLowerCase();
  // Lowercasing ASCII never changes length; if exotic letters did, fall back to src.
  const low = lower.length === src.length ? lower : src;
  const n = src.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(src.charCodeAt(i))) { i++; continue; }
    if (startsUrl(low, i)) { i = skipToSpace(src, i); continue; }
    i = emitRun(src, low, i, minRepeat, out, foldNames);
  }
}

/**
 * The hot path, for ASCII text (nearly all chat) and emoji: one pass over the
 * char codes that finds each word's end and case pattern and hashes its
 * lower-case letters on the way. A plain word (one case pattern, no digits),
 * or a number (digits only), becomes one token that depends only on its
 * lower-case letters (or digits), so its token
 * comes from a table of words already seen ({@link WordTable}): no lowercase
 * copy of the text, no substring, no new string per word, and the token is the
 * same string object every time, its hash already computed for the
 * classifier's Map lookups. Other words (camelCase, letters and digits mixed) and URLs take the
 * general path's own functions. Returns the TEXT_ODD_CASE flag, or -1, having
 * emitted anything, at the first character Unicode folding may change: the
 * caller then starts over on the general path.
 */
function tokenizeAscii(text: string, minRepeat: number, foldNames: boolean, out: string[], ids: number[] | undefined): number {
  const table = wordTable(minRepeat, foldNames);
  const n = text.length;
  let low: string | undefined;
  let flags = 0;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 > 127) {
      if (!isInertEmoji(text, i)) return -1;
      i += 2;
      continue;
    }
    if (!isAlnum(c0)) { i++; continue; }
    if (startsUrlAscii(text, i)) {
      const j = skipToSpace(text, i);
      for (let k = i; k < j; k++) if (text.charCodeAt(k) > 127) return -1;
      if (hasOddCase(text, i, j)) flags |= TEXT_ODD_CASE;
      i = j;
      continue;
    }
    let end = i;
    let plain = true;
    // All digits ("2024", "05", "02"): one token that depends only on the digits, so it too comes from the table.
    let number = true;
    let hash = FNV_OFFSET;
    // The same test as emitRun's, made only where the kind of character changes (a digit, a lower after an upper...).
    for (let prevKind = 0; end < n; end++) {
      const c = text.charCodeAt(end);
      const kind = c < 128 ? (CHAR_KIND[c] as number) : 0;
      if (kind === 0) break;
      if (kind !== prevKind) {
        if (kind !== DIGIT) number = false;
        if (kind === DIGIT || (kind === UPPER && prevKind === LOWER) || (kind === LOWER && prevKind === UPPER && end - i >= 2)) plain = false;
        prevKind = kind;
      }
      hash = Math.imul(hash ^ (CHAR_LOWER[c] as number), FNV_PRIME);
    }
    if (plain || number) {
      out.push(table.token(text, i, end, hash));
      if (ids) ids.push(table.lastId);
    } else {
      // A plain run has no capitals in odd places: those would have made it camelCase.
      if (hasOddCase(text, i, end)) flags |= TEXT_ODD_CASE;
      const before = out.length;
      emitRun(text, (low ??= text.toLowerCase()), i, minRepeat, out, foldNames);
      if (ids) for (let k = before; k < out.length; k++) ids.push(-1);
    }
    i = end;
  }
  return flags;
}

/**
 * An emoji from U+1F400-U+1F7FF (🔥 👍 🙏 😂 🚀): no letter, digit, mark or
 * format character, and none that Unicode folding (NFKD) changes, so it parts
 * words as ASCII punctuation does. Other emoji blocks hold characters that
 * fold to letters or digits (🄰, 🯱) and take the general path.
 */
function isInertEmoji(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 0xd83d) return false;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

/** Whether `text[start, end)` matches `/[a-z][A-Z]|[A-Z]{2}[a-z]/`. */
function hasOddCase(text: string, start: number, end: number): boolean {
  let prev2 = 0;
  let prev = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((isUpper(c) && isLower(prev)) || (isLower(c) && isUpper(prev) && isUpper(prev2))) return true;
    prev2 = prev;
    prev = c;
  }
  return false;
}

/** Kind of each ASCII character for the fast path: 0 (no word character), DIGIT, UPPER or LOWER. */
const DIGIT = 1;
const UPPER = 2;
const LOWER = 3;
const CHAR_KIND = new Uint8Array(128);
/** Each ASCII character in lower case. */
const CHAR_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  CHAR_KIND[c] = isDigit(c) ? DIGIT : isUpper(c) ? UPPER : isLower(c) ? LOWER : 0;
  CHAR_LOWER[c] = isUpper(c) ? c + 32 : c;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** "http://", "https://" or "www." at `i`, in any case, read on the text itself (no lowercase copy). */
function startsUrlAscii(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 32;
  if (c === 104 /* h */) {
    if (!matchesLower(text, i, 'http')) return false;
    return text.startsWith('://', i + 4) || matchesLower(text, i + 4, 's') && text.startsWith('://', i + 5);
  }
  return c === 119 /* w */ && matchesLower(text, i, 'www.');
}

/** Whether `text` at `at` reads `lower` (lower-case ASCII) in any case. */
function matchesLower(text: string, at: number, lower: string): boolean {
  if (at + lower.length > text.length) return false;
  for (let k = 0; k < lower.length; k++) {
    const c = text.charCodeAt(at + k);
    if ((isUpper(c) ? c + 32 : c) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * The tokens of plain words already seen, by their lower-case letters: an
 * open-addressing hash table compared char by char against the text, so a
 * word seen before costs no allocation. Bounded: emptied when half full, so a
 * flood of distinct words cannot grow it.
 *
 * Laid out for the processor's caches, as every word of every text is looked
 * up here: a slot is two adjacent numbers (the word's hash and its id + 1, 0
 * when empty), and the words themselves are numbered densely in the order they
 * came (the word's id), their letters one after another in one byte buffer and
 * their tokens in one array by id. A lookup thus reads one cache line of slots
 * and the word's few bytes, not four scattered arrays and a string. The id is
 * what {@link tokenizeInto} gives callers for the token (its `ids`).
 */
class WordTable {
  /** Per slot: the word's hash, then its id + 1 (0: an empty slot). */
  private readonly index: Int32Array;
  private readonly mask: number;
  /** Most words kept: half the slots. */
  private readonly maxWords: number;
  /** Per id: where its lower-case letters start in `chars`; the entry after the last id is where the next word's go. */
  private readonly starts: Int32Array;
  private readonly chars = new Uint8Array(WORD_CHARS);
  private readonly tokens: string[] = [];
  private size = 0;
  /** The id of the word {@link token} read last, -1 when it kept none. */
  lastId = -1;

  constructor(capacity: number, private readonly minRepeat: number, private readonly foldNames: boolean) {
    this.index = new Int32Array(2 * capacity);
    this.mask = capacity - 1;
    this.maxWords = capacity >>> 1;
    this.starts = new Int32Array(this.maxWords + 1);
  }

  /** The token of the plain word `text[start, end)`, whose lower-case letters hash to `hash`. */
  token(text: string, start: number, end: number, hash: number): string {
    const { index, mask, starts, chars } = this;
    const len = end - start;
    if (len > MAX_TABLE_WORD) {
      this.lastId = -1;
      return plainToken(text.slice(start, end).toLowerCase(), this.minRepeat, this.foldNames);
    }
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (let id1 = index[2 * slot + 1] as number; id1 !== 0; id1 = index[2 * slot + 1] as number) {
      if (index[2 * slot] === hash) {
        const at = starts[id1 - 1] as number;
        if ((starts[id1] as number) - at === len && sameLower(chars, at, text, start, len)) {
          this.lastId = id1 - 1;
          return this.tokens[id1 - 1] as string;
        }
      }
      slot = (slot + 1) & mask;
    }
    return this.add(text, start, len, hash, slot);
  }

  /** Keeps a new word in `slot` (empty) or, when the table is full, in an emptied table. */
  private add(text: string, start: number, len: number, hash: number, slot: number): string {
    const { index, starts, chars } = this;
    if (this.size >= this.maxWords || (starts[this.size] as number) + len > chars.length) {
      index.fill(0);
      this.size = 0;
      this.tokens.length = 0;
      slot = (hash ^ (hash >>> 15)) & this.mask;
    }
    const id = this.size++;
    const at = starts[id] as number;
    for (let k = 0; k < len; k++) chars[at + k] = CHAR_LOWER[text.charCodeAt(start + k)] as number;
    starts[id + 1] = at + len;
    // The lower-case word as a string of its own (not a slice of the text, which would keep it alive).
    const token = plainToken(String.fromCharCode(...chars.subarray(at, at + len)), this.minRepeat, this.foldNames);
    this.tokens.push(token);
    index[2 * slot] = hash;
    index[2 * slot + 1] = id + 1;
    this.lastId = id;
    return token;
  }
}

/** Longest word the table keeps: longer ones (no word, a flood of one letter) are made each time and never kept. */
const MAX_TABLE_WORD = 64;
/** Bytes for the letters of the words a table keeps: more than its words' average length times their number; it empties when full. */
const WORD_CHARS = 1 << 19;

/** The token of a plain word given in lower case, as the general path makes it. */
function plainToken(lower: string, minRepeat: number, foldNames: boolean): string {
  const made: string[] = [];
  emitRun(lower, lower, 0, minRepeat, made, foldNames);
  return made[0] as string;
}

/** Whether the `len` letters at `at` in `chars` (lower case) are `text` from `start` in any case. */
function sameLower(chars: Uint8Array, at: number, text: string, start: number, len: number): boolean {
  for (let k = 0; k < len; k++) {
    if (CHAR_LOWER[text.charCodeAt(start + k)] !== chars[at + k]) return false;
  }
  return true;
}

/** One table per tokenising mode, made when first used, keeping up to WORD_IDS words. */
const wordTables: (WordTable | undefined)[] = [];
function wordTable(minRepeat: number, foldNames: boolean): WordTable {
  const k = (foldNames ? 2 : 0) + (minRepeat === 2 ? 1 : 0);
  return (wordTables[k] ??= new WordTable(2 * WORD_IDS, minRepeat, foldNames));
}

/**
 * Folds one lowercase token to the key its spelling variants share: old
 * spelling oe -> u, dj -> j, tj -> c, ch -> kh, sj -> sy; the Dutch ie -> i;
 * j and y -> i; an h after a consonant dropped (kh -> k, dh -> d, "Dheru" ->
 * "deru"); doubled letters collapsed. So Soeharto/Suharto, Djarot/Jarot,
 * Tjahaja/Cahaya, Chofifah/Khofifah/Kofifah, Sylvi/Silvy, Eddy/Edi and
 * Riezky/Rizki each meet. Numbers and tokens needing no change come back as is.
 */
export function foldName(token: string): string {
  if (!needsNameFold(token)) return token;
  let folded = foldCache.get(token);
  if (folded === undefined) {
    if (foldCache.size >= FOLD_CACHE_SIZE) foldCache.clear();
    folded = foldLetters(token, false);
    // Folding melted a j or y into the i beside it and left a name too short to find ("Aji" -> "ai", "Midji" -> "mi"):
    // read again with that j or y kept as a letter of its own ("ayi", "miyi"), which "Ajie" and "Ayi" still meet.
    if (folded.length < MIN_KEPT_FOLD) folded = foldLetters(token, true);
    foldCache.set(token, folded);
  }
  return folded;
}

/**
 * Folded forms of recent tokens. Chat repeats the same words all day, and
 * building a new string per token was most of the cost of folding; bounded so
 * a flood of distinct words cannot grow it.
 */
const foldCache = new Map<string, string>();
const FOLD_CACHE_SIZE = 50_000;

/** Shortest folded word left as folding melts a j or y into an i; a shorter one keeps that j or y as y. */
const MIN_KEPT_FOLD = 4;

function foldLetters(token: string, keepYBeforeI: boolean): string {
  const codes: number[] = [];
  const n = token.length;
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i);
    const next = i + 1 < n ? token.charCodeAt(i + 1) : 0;
    let out = c;
    if ((c === 111 /* o */ || c === 105 /* i */) && next === 101 /* e */) { out = c === 111 ? 117 /* u */ : 105; i++; }
    else if (c === 100 /* d */ && next === 106 /* j */) continue; // dj -> j
    else if (c === 116 /* t */ && next === 106 /* j */) { out = 99 /* c */; i++; } // tj -> c
    else if (c === 99 /* c */ && next === 104 /* h */) { out = 107 /* k */; i++; } // ch -> kh -> k
    else if (c === 104 /* h */ && codes.length > 0 && isConsonant(codes[codes.length - 1] as number)) continue;
    else if (c === 106 /* j */ || c === 121 /* y */) out = keepYBeforeI && isYBeforeI(token, i + 1) ? 121 : 105; // j, y -> i
    if (codes.length > 0 && codes[codes.length - 1] === out) continue;
    codes.push(out);
  }
  return String.fromCharCode(...codes);
}

/**
 * A j or y followed by an i (or the Dutch "ie"): folded to i it would melt into that i ("Aji" -> "ai", "Midji" -> "mi"),
 * leaving a name too short to find; kept as y it still meets the other spelling ("Ajie", "Aji", "Ayi" -> "ayi").
 */
function isYBeforeI(token: string, next: number): boolean {
  return token.charCodeAt(next) === 105 /* i */;
}

/** Whether {@link foldName} would change the token: cheap, as most tokens need nothing. A number never does ("11" stays "11"). */
function needsNameFold(token: string): boolean {
  if (isDigit(token.charCodeAt(0))) return false;
  let prev = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 106 || c === 121 || c === prev) return true;
    if (c === 101 && (prev === 111 || prev === 105)) return true;
    if (c === 104 && prev !== 0 && isConsonant(prev)) return true;
    prev = c;
  }
  return false;
}

/** A lowercase ASCII consonant; digits never reach here (tokens are all letters or all digits). */
function isConsonant(c: number): boolean {
  return c !== 97 && c !== 101 && c !== 105 && c !== 111 && c !== 117;
}

/** The tokens joined by single spaces: the normalised form of a text. */
export function normalizeText(text: string, opts: TokenizeOptions = {}): string {
  return tokenize(text, opts).join(' ');
}

/** NFKC-style compatibility folding plus diacritic removal ("é" -> "e", "𝐜𝐨𝐛𝐥𝐨𝐬" -> "coblos"). */
function foldUnicode(text: string): string {
  const folded = text.normalize('NFKD').replace(COMBINING_MARKS, '');
  const latin = LOOKALIKE_CHARS.test(folded) ? folded.replace(LOOKALIKE_CHARS, (c) => LOOKALIKES[c] ?? c) : folded;
  return FINGER_CHARS.test(latin) ? latin.replace(FINGER_CHARS, (c) => ` ${FINGERS[c] ?? ''} `) : latin;
}

/** Hands that show a number, as in "salam ☝️ jari" and "salam ✌️ jari": read as the number. */
const FINGERS: Readonly<Record<string, string>> = { '☝': '1', '✌': '2' };
const FINGER_CHARS = /[☝✌]/g;

/**
 * Invisible format characters (zero-width space and joiners, soft hyphen, word joiner, bidi controls, BOM).
 * Here they part words like any other non-letter; the classifier also reads a text with them taken out
 * ({@link withoutInvisible}), since inside a word ("co\u200Bblos") they hide it and between words they part it.
 */
const INVISIBLE = /\p{Cf}/gu;

/** The text with its invisible format characters taken out, or undefined when it has none. */
export function withoutInvisible(text: string): string | undefined {
  if (!NON_ASCII.test(text) || !HAS_INVISIBLE.test(text)) return undefined;
  return text.replace(INVISIBLE, '');
}
const HAS_INVISIBLE = /\p{Cf}/u;

/**
 * Cyrillic and Greek letters drawn like Latin ones, as used to dodge keyword filters ("cоblоs" with Cyrillic о).
 * Only the common lookalikes; real Cyrillic or Greek text folds to nonsense Latin, which matches nothing.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ɡ: 'g',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  Α: 'A', Β: 'B', Ε: 'E', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', Ζ: 'Z',
};
const LOOKALIKE_CHARS = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');

/** URLs carry random ids ("t.co/xPKBz") that would otherwise yield junk tokens. */
function startsUrl(low: string, i: number): boolean {
  if (low.charCodeAt(i) === 104 /* h */ && low.startsWith('http', i)) {
    return low.startsWith('://', i + 4) || low.startsWith('s://', i + 4);
  }
  return low.charCodeAt(i) === 119 /* w */ && low.startsWith('www.', i);
}

function skipToSpace(src: string, i: number): number {
  let j = i;
  while (j < src.length && src.charCodeAt(j) > 32) j++;
  return j;
}

/**
 * Emits the alphanumeric run starting at `start` and returns its end. One pass
 * finds what the run needs; plain lowercase words (most of them) are one slice.
 */
function emitRun(src: string, low: string, start: number, minRepeat: number, out: string[], foldNames: boolean): number {
  let end = start;
  let plain = true;
  let repeat = false;
  let spelling = false;
  let run = 0;
  for (let prev = -1, prevLow = -1; end < src.length; end++) {
    const c = src.charCodeAt(end);
    if (!isAlnum(c)) break;
    if (isDigit(c) || (isUpper(c) && isLower(prev)) || (isLower(c) && isUpper(prev) && end - start >= 2)) plain = false;
    const lc = low.charCodeAt(end);
    run = lc === prevLow ? run + 1 : 1;
    if (run >= minRepeat) repeat = true;
    if (foldNames && !spelling) spelling = isSpellingVariant(lc, prevLow);
    prev = c;
    prevLow = lc;
  }
  const first = out.length;
  if (!plain) splitRun(src, low, start, end, minRepeat, out);
  else out.push(repeat ? collapse(low.slice(start, end), minRepeat) : low.slice(start, end));
  // Only runs with a letter that may fold pay for folding; digits in a run (leetspeak) may become letters.
  if (foldNames && (spelling || !plain)) {
    for (let k = first; k < out.length; k++) out[k] = foldName(out[k] as string);
  }
  return end;
}

/** A letter that {@link foldName} may change, given the one before it (lower case). */
function isSpellingVariant(c: number, prev: number): boolean {
  if (c === 106 /* j */ || c === 121 /* y */) return true;
  if (c === 101 /* e */) return prev === 111 || prev === 105;
  return c === 104 /* h */ && prev >= 97 && prev <= 122 && isConsonant(prev);
}

/** Splits a run at camelCase boundaries ("KhofifahEmil", "PDIPerjuangan") and between digits and letters. */
function splitRun(src: string, low: string, start: number, end: number, minRepeat: number, out: string[]): void {
  let pieceStart = start;
  for (let i = start + 1; i < end; i++) {
    const c = src.charCodeAt(i);
    if (!isUpper(c)) continue;
    const prev = src.charCodeAt(i - 1);
    if (isLower(prev) || (isUpper(prev) && i + 1 < end && isLower(src.charCodeAt(i + 1)))) {
      emitPiece(low, pieceStart, i, minRepeat, out);
      pieceStart = i;
    }
  }
  emitPiece(low, pieceStart, end, minRepeat, out);
}

/** Emits a case-consistent piece: a word, a number, or a mix of both. */
function emitPiece(low: string, start: number, end: number, minRepeat: number, out: string[]): void {
  let digits = 0;
  for (let i = start; i < end; i++) if (isDigit(low.charCodeAt(i))) digits++;
  const text = low.slice(start, end);
  if (digits === 0) out.push(collapse(text, minRepeat));
  else if (digits === end - start) out.push(text);
  else emitMixed(text, minRepeat, out);
}

/**
 * A word with digits: leetspeak ("c0bl0sss" -> "coblos") when some digit sits
 * between letters, otherwise words and numbers apart ("nomor2" -> "nomor 2").
 */
function emitMixed(text: string, minRepeat: number, out: string[]): void {
  const chunks = text.match(/[a-z]+|[0-9]+/g) ?? [];
  const leet = chunks.some((ch, k) => k > 0 && k < chunks.length - 1 && isLeetChunk(ch));
  let word = '';
  chunks.forEach((ch, k) => {
    if (!isDigit(ch.charCodeAt(0))) { word += ch; return; }
    const edge = k === 0 || k === chunks.length - 1;
    if (leet && isLeetChunk(ch) && (!edge || ch.length === 1)) { word += [...ch].map((d) => LEET[d]).join(''); return; }
    if (word) out.push(collapse(word, minRepeat));
    word = '';
    out.push(ch);
  });
  if (word) out.push(collapse(word, minRepeat));
}

function isLeetChunk(chunk: string): boolean {
  return chunk.length <= 2 && isDigit(chunk.charCodeAt(0)) && [...chunk].every((d) => d in LEET);
}

/** Collapses letter runs of `minRepeat` or more to one letter ("coblosss" -> "coblos"). */
function collapse(word: string, minRepeat: number): string {
  if (!hasRepeat(word, minRepeat)) return word;
  return word.replace(minRepeat === 2 ? DOUBLES : TRIPLES, '$1');
}

function hasRepeat(word: string, minRepeat: number): boolean {
  let run = 1;
  for (let i = 1; i < word.length; i++) {
    run = word.charCodeAt(i) === word.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= minRepeat && isLower(word.charCodeAt(i))) return true;
  }
  return false;
}
