/** Where alerts go: the ASN's own private chat, and each Humas admin's. */
import type { AdminHandle } from '../config.js';
import type { Platform } from '../core/ids.js';
import { phoneToWaJid } from '../core/phone.js';
import type { AsnRecord } from '../core/types.js';

/** A private chat address on one platform. */
export interface Address {
  platform: Platform;
  recipient: string;
}

/** WhatsApp JID of a Humas admin given as phone digits. */
export const waAdminJid = (digits: string): string => `${digits}@s.whatsapp.net`;

/** The private chat of each Humas admin. */
export function humasAddresses(admins: readonly AdminHandle[]): Address[] {
  return admins.map((a) => ({ platform: a.platform, recipient: a.platform === 'whatsapp' ? waAdminJid(a.id) : a.id }));
}

/** The ASN's private chat on a platform, or undefined when the bot has no way to reach them there. */
export function asnAddress(asn: AsnRecord, platform: Platform): Address | undefined {
  if (platform === 'whatsapp') return { platform, recipient: phoneToWaJid(asn.phone) };
  return asn.telegramId ? { platform, recipient: asn.telegramId } : undefined;
}

/** The phone digits of a WhatsApp phone JID (`628...[:device]@s.whatsapp.net` or `@c.us`); undefined for LIDs, groups and anything else. */
export function waPhoneDigits(jid: string): string | undefined {
  return /^(\d{6,20})(?::\d+)?@(?:s\.whatsapp\.net|c\.us)$/.exec(jid)?.[1];
}

/**
 * Whether a sender is a Humas admin. `id` is a Telegram id, or a WhatsApp JID that must be
 * the admin's whole phone JID: a LID whose digits happen to equal an admin's number is not an admin.
 */
export function isHumasAdmin(admins: readonly AdminHandle[], platform: Platform, id: string): boolean {
  const key = platform === 'whatsapp' ? waPhoneDigits(id) : id;
  return key !== undefined && admins.some((a) => a.platform === platform && a.id === key);
}
