/**
 * Whether a display name poses as an office the ASN trusts: Humas, the Pemda, Bawaslu, BKN, KPU, or this bot. A
 * display name is its owner's choice, so a timses account named "Humas Pemkab OKU" adding an ASN would otherwise be
 * quoted by the ASN's alert as if Humas had put them in the group. Read through the classifier's folding (lookalike
 * letters, styled letters, digits for letters: "Нumаs", "𝐇𝐮𝐦𝐚𝐬", "Hum4s" are all "humas").
 */
import { tokenize } from './text/normalize.js';

/** Words of office names, as tokenize() folds them. */
const OFFICE_WORDS = new Set([
  'humas', 'pemda', 'pemkab', 'pemkot', 'pemprov', 'pemerintah', 'bawaslu', 'panwas', 'panwaslu', 'panwascam', 'bkn', 'kasn',
  'kpu', 'kpud', 'kominfo', 'diskominfo', 'inspektorat', 'bkpsdm', 'bkd', 'bkpp', 'setda', 'sekda', 'jaganetral',
]);

/** True when the name carries an office's word, or "Jaga Netral". */
export function looksOfficial(name: string): boolean {
  const words = tokenize(name);
  return words.some((w, i) => OFFICE_WORDS.has(w) || (w === 'jaga' && words[i + 1] === 'netral'));
}
