/**
 * Indonesian mobile numbers as people type them, turned into one canonical
 * E.164 form (`+628...`), plus conversion to and from WhatsApp phone JIDs.
 * Pure: no I/O.
 */
import type { PhoneE164 } from './ids.js';
import { parseTexts, type PhoneProblem } from './messages/parse.js';

/** Result of parsing a typed phone number: the canonical phone, or why it was refused (`problem`, to word in any language with `parseTexts`; `reason` is its English text). */
export type PhoneParse = { ok: true; phone: PhoneE164 } | { ok: false; problem: PhoneProblem; reason: string };
export type { PhoneProblem } from './messages/parse.js';

/** Second digit after the leading `8` used by Indonesian mobile operators (080x toll-free, 084x/086x unallocated or satellite). */
const MOBILE_OPERATOR_DIGITS = new Set(['1', '2', '3', '5', '7', '8', '9']);
/** Separators people put in numbers: spaces of every kind, dashes, dots, slashes, parentheses. */
const SEPARATORS = /[\s\u00A0\u2007\u202F\u200B\u2060\uFEFF\-\u2010-\u2015.\/()]/g;

const fail = (problem: PhoneProblem): PhoneParse => ({ ok: false, problem, reason: parseTexts('en').phone(problem) });

/** Parses any common way of writing an Indonesian mobile number into E.164 (`+628...`), rejecting landlines, foreign numbers and junk with a short reason. */
export function parseIndonesianMobile(input: string): PhoneParse {
  if (typeof input !== 'string') return fail({ code: 'missing' });
  let s = input.trim();
  // Spreadsheets keep numbers as text with a leading apostrophe (ASCII or typographic).
  if (s.startsWith("'") || s.startsWith('\u2019')) s = s.slice(1);
  if (s.length > 64) return fail({ code: 'tooLong' });
  if (s === '') return fail({ code: 'empty' });
  // "+62 (0) 812..." -> the "(0)" is the trunk prefix written for locals; drop it before stripping separators.
  s = s.replace(/^(\+?\s*62)[\s\u00A0\-.]*\(\s*0\s*\)/, '$1');
  const compact = s.replace(SEPARATORS, '');
  if (compact === '') return fail({ code: 'noDigits' });
  if (/[^0-9+]/.test(compact)) return fail({ code: 'notDigits' });
  if (compact.lastIndexOf('+') > 0) return fail({ code: 'plusNotFirst' });

  let national: string;
  let viaCountryCode = true;
  if (compact.startsWith('+')) {
    const digits = compact.slice(1);
    if (!digits.startsWith('62')) return fail({ code: 'foreign', countryCode: digits.slice(0, 3) });
    national = digits.slice(2);
  } else if (compact.startsWith('0062')) {
    national = compact.slice(4);
  } else if (compact.startsWith('00')) {
    return fail({ code: 'foreign00' });
  } else if (compact.startsWith('62')) {
    national = compact.slice(2);
  } else if (compact.startsWith('0')) {
    national = compact.slice(1);
    viaCountryCode = false;
  } else if (compact.startsWith('8')) {
    national = compact;
    viaCountryCode = false;
  } else {
    return fail({ code: 'badStart' });
  }
  // "+62 0812..." / "620812...": a redundant trunk zero after the country code.
  if (viaCountryCode && national.startsWith('0')) national = national.slice(1);
  if (national.startsWith('0')) return fail({ code: 'leadingZeros' });
  if (!national.startsWith('8')) return fail({ code: 'landline', areaCode: national.slice(0, 2) || '?' });
  if (!MOBILE_OPERATOR_DIGITS.has(national[1] ?? '')) return fail({ code: 'notMobileOperator', prefix: `08${national[1] ?? ''}` });
  if (national.length < 9) return fail({ code: 'tooShort' });
  if (national.length > 12) return fail({ code: 'tooLong' });
  return { ok: true, phone: `+62${national}` as PhoneE164 };
}

/** The WhatsApp phone JID for a registered phone, used to DM and to match group members. */
export function phoneToWaJid(p: PhoneE164): string {
  return `${p.slice(1)}@s.whatsapp.net`;
}

/** The Indonesian mobile behind a WhatsApp phone JID (`628...[:device]@s.whatsapp.net` or `@c.us`), or undefined for LIDs, groups and foreign numbers. */
export function waJidToPhone(jid: string): PhoneE164 | undefined {
  if (typeof jid !== 'string') return undefined;
  const at = jid.indexOf('@');
  if (at <= 0) return undefined;
  const server = jid.slice(at + 1);
  if (server !== 's.whatsapp.net' && server !== 'c.us') return undefined;
  let user = jid.slice(0, at);
  const colon = user.indexOf(':');
  if (colon >= 0) user = user.slice(0, colon);
  const underscore = user.indexOf('_');
  if (underscore >= 0) user = user.slice(0, underscore);
  // A JID user is already canonical digits: check the same rules as the parser without re-parsing.
  if (!/^628[1235789]\d{7,10}$/.test(user)) return undefined;
  return `+${user}` as PhoneE164;
}
