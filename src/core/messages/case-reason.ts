/**
 * A case's status reason (`incidents.status_reason`) in the reader's language. Every writer stores a code,
 * optionally followed by a space and JSON facts, the way audit results are stored (audit-result.ts):
 * `left`, `left_by_word`, `left_by_humas`, `self_resolved`, `expired {"days":30}`, `reopened`,
 * `exempted {"note":"…"}` (the admin's own words, shown as typed). Rows written before the codes hold a
 * sentence in the language of the day they were written (mostly Indonesian); those are shown unchanged.
 */
import { leftClaimTexts } from './left-claim.js';
import { lifecycleTexts } from './lifecycle.js';

type Lang = 'id' | 'en';

/** Why a case changed status, as stored. */
export type CaseReasonCode = 'left' | 'left_by_word' | 'left_by_humas' | 'self_resolved' | 'expired' | 'reopened' | 'exempted';

/** The facts each code carries. */
interface CaseReasonFacts {
  left: undefined;
  left_by_word: undefined;
  left_by_humas: undefined;
  self_resolved: undefined;
  expired: { days: number };
  reopened: undefined;
  exempted: { note: string };
}

/** Builds the stored form of a status reason: its code and, when there are any, its facts as JSON. */
export function caseReason<C extends CaseReasonCode>(code: C, ...facts: CaseReasonFacts[C] extends undefined ? [] : [CaseReasonFacts[C]]): string {
  return facts[0] ? `${code} ${JSON.stringify(facts[0])}` : code;
}

const OWN: Record<Lang, { left: string; selfResolved: string }> = {
  id: { left: 'ASN keluar dari grup', selfResolved: 'ASN menyatakan sudah selesai' },
  en: { left: 'the ASN left the group', selfResolved: 'the ASN said it was resolved' },
};

const CODES: Record<CaseReasonCode, (f: Record<string, unknown>, lang: Lang) => string | undefined> = {
  left: (_f, lang) => OWN[lang].left,
  left_by_word: (_f, lang) => leftClaimTexts(lang).byWordReason,
  left_by_humas: (_f, lang) => leftClaimTexts(lang).byHumasReason,
  self_resolved: (_f, lang) => OWN[lang].selfResolved,
  expired: (f, lang) => (typeof f['days'] === 'number' ? lifecycleTexts(lang).expiredReason(f['days']) : undefined),
  reopened: (_f, lang) => lifecycleTexts(lang).reopenedReason,
  exempted: (f) => (typeof f['note'] === 'string' ? f['note'] : undefined),
};

/** A leave the bot saw itself (the code, or the sentence stored for it before the codes): nothing to add to "left". */
export const isSeenLeave = (stored: string | null | undefined): boolean => !stored || stored === 'left' || stored === OWN.id.left;

/** One stored status reason in the reader's language; an older free-text reason as it was stored. */
export function caseReasonText(stored: string | null | undefined, lang: Lang): string {
  if (!stored) return '';
  const m = /^([a-z_]+)(?: (\{.*\}))?$/s.exec(stored);
  const render = m && Object.hasOwn(CODES, m[1]!) ? CODES[m[1] as CaseReasonCode] : undefined;
  if (!m || !render) return stored;
  let facts: Record<string, unknown> = {};
  try {
    facts = m[2] ? (JSON.parse(m[2]) as Record<string, unknown>) : {};
  } catch {
    return stored;
  }
  return render(facts, lang) ?? stored;
}
