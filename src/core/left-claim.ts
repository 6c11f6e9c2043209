/**
 * Reading an ASN's "I have left" reply on WhatsApp, where there are no buttons. The form the bot
 * asks for is `SUDAH KELUAR <case>` (`LEFT <case>` in English); people type it loosely, so this
 * also takes `saya sudah keluar 12`, `udah keluar #12`, `sudah keluar dari grup kasus 12`,
 * `keluar 12` (with a number only: a bare "keluar" may mean something else), `I have left 12`, and
 * the phrase without a number (the ASN's one open case is meant).
 */

/** The claim, with its case number when one was given; undefined for any other text. */
export function parseLeftClaim(text: string): { caseId?: number } | undefined {
  const s = text.trim().replace(/\s+/g, ' ');
  const num = String.raw`(?: (?:kasus|case|no\.?|nomor|nomer))?(?: ?#? ?(\d{1,9}))`;
  const m =
    new RegExp(String.raw`^(?:saya )?(?:sudah|udah|sdh|telah) keluar(?: dari (?:grup|group)(?: (?:itu|tersebut))?)?${num}?[ .!]*$`, 'i').exec(s) ??
    new RegExp(String.raw`^keluar${num}[ .!]*$`, 'i').exec(s) ??
    new RegExp(String.raw`^(?:i (?:have|'ve) )?left(?: the group)?${num}?[ .!]*$`, 'i').exec(s);
  if (!m) return undefined;
  return m[1] !== undefined ? { caseId: Number(m[1]) } : {};
}
