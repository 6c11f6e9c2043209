/**
 * Reading an ASN's "I have left" reply on WhatsApp, where there are no buttons. The form the bot
 * asks for is `SUDAH KELUAR <case>` (`LEFT <case>` in English); people type it loosely, so this
 * also takes `saya sudah keluar 12`, `udah keluar #12`, `sudah keluar dari grup kasus 12`,
 * `sudah keluar kasus no 12`, `keluar 12` (with a number only: a bare "keluar" may mean something
 * else), `I have left 12`, `I've left 12`, and the phrase without a number (the ASN's one open case
 * is meant). The case number is read as every command reads it (core/case-ref.ts).
 */
import { readCaseRef } from './case-ref.js';

/**
 * The phrases, on the line's words joined by one space. Literal words only (no repetition that could
 * backtrack), and the line is read word by word, so a pasted wall of spaces costs nothing.
 */
const PHRASES: { re: RegExp; needsNumber: boolean }[] = [
  { re: /^(?:saya )?(?:sudah|udah|sdh|telah) keluar(?: dari (?:grup|group)(?: (?:itu|tersebut))?)?/i, needsNumber: false },
  { re: /^keluar/i, needsNumber: true },
  { re: /^(?:i (?:have |['\u2019]ve )?|i['\u2019]ve )?left(?: the group)?/i, needsNumber: false },
];

/** Words a claim can take at most (`saya sudah keluar dari grup tersebut kasus no. # 12 !`). */
const MAX_WORDS = 12;

/** The claim, with its case number when one was given; undefined for any other text. */
export function parseLeftClaim(text: string): { caseId?: number } | undefined {
  // Closing full stops and exclamation marks (`sudah keluar 12 !`) are cut off by hand: `[\s.!]*$` would scan a long
  // tail again from every place it could start.
  let end = text.length;
  while (end > 0 && /[\s.!]/.test(text[end - 1]!)) end--;
  const line = text.slice(0, end);
  const words: string[] = [];
  const word = /\S+/g;
  for (let m = word.exec(line); m; m = word.exec(line)) {
    if (words.length === MAX_WORDS) return undefined;
    words.push(m[0]);
  }
  const s = words.join(' ');
  for (const { re, needsNumber } of PHRASES) {
    const m = re.exec(s);
    if (!m) continue;
    const rest = s.slice(m[0].length);
    if (!rest) {
      if (needsNumber) continue;
      return {};
    }
    // `sudah keluar kasus` with no number is read as before: the ASN's one open case.
    if (needsNumber === false && /^ (?:kasus|case|no\.?|nomor|nomer)$/i.test(rest)) return {};
    // The number follows after a space, or right after the phrase as `keluar#12`.
    if (!/^[ #\d]/.test(rest)) continue;
    const ref = readCaseRef(rest);
    if (ref?.ok && ref.rest === '') return { caseId: ref.id };
  }
  return undefined;
}
