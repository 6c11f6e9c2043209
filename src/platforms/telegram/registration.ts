/**
 * Registration: an ASN presses /start and shares their own contact; the phone
 * is matched against the registry and their Telegram id is linked, so later
 * alerts can reach them (a bot cannot open a private chat on its own).
 */
import { reportButtonRow } from '../../app/alerts.js';
import type { App } from '../../app/app.js';
import { asTgUserId } from '../../core/ids.js';
import { auditResult } from '../../core/messages/audit-result.js';
import { telegramTexts } from '../../core/messages/telegram.js';
import { parseIndonesianMobile } from '../../core/phone.js';
import { audit } from '../../store/audit.js';
import type { Reply } from './replies.js';

/** The sender of a private message, as registration needs it. */
export interface TgSender {
  id: number;
  username?: string;
}

/** The `contact` of a message, as registration needs it. */
export interface TgContact {
  phone_number: string;
  user_id?: number;
}

/** The "Laporkan" button under the greeting of a registered ASN: it starts the guided self-report. */
export const reportButton = (lang: 'id' | 'en'): { text: string; data: string }[][] => [reportButtonRow(lang)];

/** Answer to `/start` (and `/start daftar`): explain, then ask for the contact; registered ASN are greeted instead. */
export function startReply(app: App, from: TgSender): Reply {
  const t = telegramTexts(app.config.LANGUAGE);
  const asn = app.registry.byTelegramId(String(from.id));
  if (asn) return { text: t.alreadyRegistered(asn.nama, asn.unit), kind: 'tg_start', buttons: reportButton(app.config.LANGUAGE) };
  return { text: t.welcome(app.config.HUMAS_CONTACT), kind: 'tg_start', requestContact: t.shareContactButton };
}

/** Handles a shared contact: only the sender's own, only a registered number; every outcome is audited. */
export function registerContact(app: App, from: TgSender, contact: TgContact): Reply {
  const t = telegramTexts(app.config.LANGUAGE);
  const now = app.clock();
  const record = (allowed: boolean, result: string): void =>
    audit(app.db, { at: now, actor: `tg:${from.id}`, platform: 'telegram', action: 'register', allowed, result });
  if (contact.user_id !== from.id) {
    record(false, 'refused_not_own_contact');
    return { text: t.notOwnContact, kind: 'tg_register_refused', requestContact: t.shareContactButton };
  }
  const parsed = parseIndonesianMobile(contact.phone_number);
  if (!parsed.ok) {
    record(false, auditResult('refused_phone', { problem: parsed.problem }));
    return { text: t.invalidPhone, kind: 'tg_register_refused' };
  }
  const asn = app.registry.byPhone(parsed.phone);
  if (!asn) {
    record(false, 'refused_not_in_registry');
    return { text: t.unknownNumber(app.config.HUMAS_CONTACT), kind: 'tg_register_refused' };
  }
  app.registry.linkTelegram(asn.nip, asTgUserId(from.id), from.username, now);
  record(true, auditResult('linked', { nip: asn.nip }));
  return { text: t.registered(asn.nama, asn.unit), kind: 'tg_registered' };
}
