/**
 * A case number as people type it after a command: `12`, `#12`, `no 12`, `no.12`, `No. 12`, `nomor 12`, `nmr 12`,
 * `kasus 12`, `kasus ke-12`, `case #12`, `number 12`, with a trailing comma or full stop. One reader for every
 * command that takes a case, so `/kasus no 1` is case #1 everywhere and a word is never taken for a case "#no".
 */

/** The case and what follows it on the line; or what was given where a number was expected; undefined for nothing. */
export type CaseRef = { ok: true; id: number; rest: string } | { ok: false; given: string };

/** Words that may stand before the number (longest first, so `nomor` is not read as `no` + `mor`). */
const LEAD = String.raw`(?:(?:kasus|case)\s*(?:ke-?\s*)?)?(?:(?:nomor|nomer|number|nmr|no|nr)\s*\.?\s*:?\s*)?#?\s*`;
const REF = new RegExp(String.raw`^${LEAD}(\d+)[.,;:]*(?=\s|$)\s*([\s\S]*)$`, 'i');
const LEAD_WORD = /^(?:kasus|case|nomor|nomer|number|nmr|no|nr)\.?:?$/i;

/** Longest number read as a case: 15 digits are exact as a JavaScript number (no case comes near). */
const MAX_DIGITS = 15;

/** Reads the case reference at the start of `text`. */
export function readCaseRef(text: string): CaseRef | undefined {
  const s = text.trim();
  if (!s) return undefined;
  const m = REF.exec(s);
  const digits = m?.[1]?.replace(/^0+(?=\d)/, '');
  if (m && digits !== undefined && digits.length <= MAX_DIGITS) return { ok: true, id: Number(digits), rest: m[2]!.trim() };
  // What stood where the number should be: the first word, with the next one when the first only leads to it ("no abc").
  const words = s.split(/\s+/);
  const given = LEAD_WORD.test(words[0]!) && words[1] !== undefined ? `${words[0]} ${words[1]}` : words[0]!;
  return { ok: false, given: given.slice(0, 40) };
}
