/**
 * A case number as people type it after a command: `12`, `#12`, `no 12`, `no.12`, `No. 12`, `nomor 12`, `nmr 12`,
 * `kasus 12`, `kasus ke-12`, `case #12`, `number 12`, with a trailing comma or full stop. One reader for every
 * command that takes a case, so `/kasus no 1` is case #1 everywhere and a word is never taken for a case "#no".
 */

/** The case and what follows it on the line; or what was given where a number was expected; undefined for nothing. */
export type CaseRef = { ok: true; id: number; rest: string } | { ok: false; given: string };

/**
 * The head of the line, its words joined by one space: the words that may stand before the number (longest first,
 * so `nomor` is not read as `no` + `mor`), then the number with any trailing punctuation. Only single optional
 * spaces: the line is read word by word (`readCaseRef`), so a run of spaces never meets a pattern that could
 * backtrack over it (adjacent `\s*` made `kasus no` + 500 spaces + `x` take 10 s).
 */
const HEAD = /^(?:(?:kasus|case) ?(?:ke-? ?)?)?(?:(?:nomor|nomer|number|nmr|no|nr) ?\.? ?:? ?)?#? ?(\d+)[.,;:]*$/i;
const LEAD_WORD = /^(?:kasus|case|nomor|nomer|number|nmr|no|nr)\.?:?$/i;

/** Words a case reference can take at most (`kasus no. # 12`). */
const MAX_WORDS = 5;

/** Longest number read as a case: 15 digits are exact as a JavaScript number (no case comes near). */
const MAX_DIGITS = 15;

/** Reads the case reference at the start of `text`. */
export function readCaseRef(text: string): CaseRef | undefined {
  const s = text.trim();
  if (!s) return undefined;
  // The first few words with where each ends (the rest of the line is kept as it was typed: a reason may have lines).
  const words: { word: string; end: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(s); m && words.length < MAX_WORDS; m = re.exec(s)) words.push({ word: m[0], end: m.index + m[0].length });
  for (let k = 1; k <= words.length; k++) {
    const m = HEAD.exec(words.slice(0, k).map((w) => w.word).join(' '));
    if (!m) continue;
    const digits = m[1]!.replace(/^0+(?=\d)/, '');
    if (digits.length > MAX_DIGITS) break;
    return { ok: true, id: Number(digits), rest: s.slice(words[k - 1]!.end).trim() };
  }
  // What stood where the number should be: the first word, with the next one when the first only leads to it ("no abc").
  const given = LEAD_WORD.test(words[0]!.word) && words[1] !== undefined ? `${words[0]!.word} ${words[1].word}` : words[0]!.word;
  return { ok: false, given: given.slice(0, 40) };
}
