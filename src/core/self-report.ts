/**
 * Self-reports (laporan mandiri): what an ASN writes about being added to a group,
 * tagged in a post or photographed with a candidate, read into fields, and the
 * receipt's number and verification code as text. Pure: no I/O. The HMAC itself
 * is computed in app/ (it needs the secret kept in the database).
 */
import type { PhoneE164 } from './ids.js';
import { parseIndonesianMobile } from './phone.js';

/** What happened, as the guided flow's first question offers it. */
export type ReportCategory = 'added' | 'tagged' | 'photo' | 'other';
/** Where it happened. */
export type ReportPlace = 'whatsapp' | 'telegram' | 'facebook' | 'instagram' | 'tiktok' | 'x' | 'other';

/** Every category, in the order the buttons show them. */
export const REPORT_CATEGORIES: readonly ReportCategory[] = ['added', 'tagged', 'photo', 'other'];
/** Every place, in the order the buttons show them. */
export const REPORT_PLACES: readonly ReportPlace[] = ['whatsapp', 'telegram', 'facebook', 'instagram', 'tiktok', 'x', 'other'];

/** A report as read from free text. */
export interface ParsedReport {
  /** The text as the ASN wrote it, trimmed (one report keeps at most 2,000 characters). */
  description: string;
  category: ReportCategory;
  place: ReportPlace;
  /** The first quoted name ("Relawan Maju Bersama"), taken as the group's or account's name. */
  groupName?: string;
  /** Every link, as text (never fetched). */
  links: string[];
  /** Invite codes of WhatsApp group links (chat.whatsapp.com/<code>). */
  waInviteCodes: string[];
  /** Indonesian mobile numbers named in the text (whoever added or tagged the ASN). */
  actorPhones: PhoneE164[];
  /** A name after "oleh" / "by" that is not a number. */
  actorName?: string;
}

/** Longest description kept. */
export const MAX_DESCRIPTION = 2000;

const LINK = /\b(?:https?:\/\/|(?:chat\.whatsapp\.com|t\.me|wa\.me|(?:www\.|m\.)?(?:facebook|instagram|tiktok|twitter|x)\.com|fb\.watch|vm\.tiktok\.com)\/)[^\s<>"“”']+/giu;
const INVITE = /chat\.whatsapp\.com\/(?:invite\/)?([A-Za-z0-9]{10,32})/i;
/** A run of digits and separators that may be a phone: +62 / 62 / 0 then 8, 9 to 15 digits in all. */
const PHONE = /(?<![\d])(?:\+\s?62|62|0)[\s\-.]?8[\d\s\-.]{7,16}\d(?![\d])/g;
const QUOTED = /["“”„«»']([^"“”„«»']{2,120})["“”„«»']/u;

const PLACE_WORDS: [ReportPlace, RegExp][] = [
  ['whatsapp', /\b(?:whats\s?app|wa|chat\.whatsapp\.com|wa\.me)\b/i],
  ['telegram', /\b(?:telegram|tele|t\.me)\b/i],
  ['facebook', /\b(?:facebook|fb|fb\.watch)\b/i],
  ['instagram', /\b(?:instagram|ig|insta)\b/i],
  ['tiktok', /\b(?:tiktok|tik\s?tok)\b/i],
  ['x', /\b(?:twitter|x\.com|tweet|twit)\b/i],
];

/** Where a link points, by its host. */
export function placeOfLink(link: string): ReportPlace | undefined {
  const host = /^(?:https?:\/\/)?([^/?#\s]+)/i.exec(link)?.[1]?.toLowerCase().replace(/^(?:www|m|mobile|web|vm)\./, '') ?? '';
  if (host === 'chat.whatsapp.com' || host === 'wa.me' || host === 'whatsapp.com') return 'whatsapp';
  if (host === 't.me' || host === 'telegram.me') return 'telegram';
  if (host === 'facebook.com' || host === 'fb.com' || host === 'fb.watch') return 'facebook';
  if (host === 'instagram.com') return 'instagram';
  if (host === 'tiktok.com') return 'tiktok';
  if (host === 'x.com' || host === 'twitter.com') return 'x';
  return undefined;
}

/** Reads a free-text report: links, invite codes, phones, the quoted name, and a guess of what and where. */
export function parseReportText(raw: string): ParsedReport {
  const description = raw.trim().slice(0, MAX_DESCRIPTION);
  const links = [...new Set([...description.matchAll(LINK)].map((m) => m[0].replace(/[.,;:!?)\]]+$/u, '')))];
  const waInviteCodes = [...new Set(links.map((l) => INVITE.exec(l)?.[1]).filter((c): c is string => Boolean(c)))];
  // Phones are looked for outside links (a link's digits are not a number someone used).
  let rest = description;
  for (const l of links) rest = rest.split(l).join(' ');
  const actorPhones: PhoneE164[] = [];
  for (const m of rest.matchAll(PHONE)) {
    const p = parseIndonesianMobile(m[0]);
    if (p.ok && !actorPhones.includes(p.phone)) actorPhones.push(p.phone);
  }
  const groupName = QUOTED.exec(rest)?.[1]?.trim() || undefined;
  const byName = /\b(?:oleh|by)\s+([^,.;\n"“”0-9+][^,.;\n"“”]{1,60})/iu.exec(rest)?.[1]?.trim();
  const actorName = byName && !/^(?:nomor|no\.?|number)\b/i.test(byName) ? byName : undefined;
  const place = links.map(placeOfLink).find((p): p is ReportPlace => p !== undefined) ?? PLACE_WORDS.find(([, re]) => re.test(rest))?.[0] ?? 'other';
  return { description, category: guessCategory(rest, place), place, groupName, links, waInviteCodes, actorPhones, actorName };
}

/** What happened, guessed from the words used (Indonesian and English). */
export function guessCategory(text: string, place: ReportPlace): ReportCategory {
  const t = text.toLowerCase();
  if (/\b(?:di\s?tag|ditandai|tandai|tag|tagged|mention|di-?mention|menandai)\b/.test(t)) return 'tagged';
  if (/\b(?:foto|photo|difoto|gambar|picture)\b/.test(t) && /\b(?:calon|paslon|candidate|kandidat|cagub|cabup|cawalkot)\b/.test(t)) return 'photo';
  if (/\b(?:dimasukkan|dimasukan|ditambahkan|dimasukin|diundang|added|masuk(?:kan)?)\b/.test(t)) return 'added';
  if (/\b(?:grup|group|gruop)\b/.test(t) && (place === 'whatsapp' || place === 'telegram')) return 'added';
  if (/\b(?:foto|photo)\b/.test(t)) return 'photo';
  return 'other';
}

// ------------------------------------------------------------------ receipt number and code

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped cannot be mistaken. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters of a code: 12 x 5 = 60 bits. */
export const CODE_CHARS = 12;

/** `JN-2026-000042`. */
export function formatReceiptNo(year: number, seq: number): string {
  return `JN-${year}-${String(seq).padStart(6, '0')}`;
}

/** A receipt number as typed (any case, spaces around); undefined when it is not one. */
export function parseReceiptNo(s: string): { no: string; year: number; seq: number } | undefined {
  const m = /^JN-(\d{4})-(\d{6,9})$/i.exec(s.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const seq = Number(m[2]);
  return { no: formatReceiptNo(year, seq), year, seq };
}

/** The first 60 bits of a MAC as `XXXX-XXXX-XXXX`. */
export function codeFromMac(mac: Uint8Array): string {
  if (mac.length < 8) throw new Error('MAC too short');
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(mac[i]!);
  bits >>= 4n; // 64 -> 60 bits
  let out = '';
  for (let i = CODE_CHARS - 1; i >= 0; i--) out += CODE_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** A code as typed, in canonical form (look-alikes O->0, I/L->1, case and separators ignored); undefined when it cannot be one. */
export function normalizeCode(s: string): string | undefined {
  const c = s.toUpperCase().replace(/[\s\-_.]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (c.length !== CODE_CHARS || [...c].some((ch) => !CODE_ALPHABET.includes(ch))) return undefined;
  return `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;
}

/** The content a receipt's code vouches for, as one canonical text (field order fixed, JSON-escaped). */
export function signedContent(r: {
  receiptNo: string;
  nip: string;
  createdAt: number;
  category: ReportCategory;
  place: ReportPlace;
  description: string;
  evidence: readonly string[];
}): string {
  return JSON.stringify(['jaga-netral-receipt-v1', r.receiptNo, r.nip, r.createdAt, r.category, r.place, r.description, [...r.evidence]]);
}
