/**
 * Branded identifier types, so that a phone number never passes for a JID and a
 * Telegram id never passes for a NIP. Construct them only through the parsers
 * (core/phone.ts, core/nip.ts) or the `as*` helpers below at trust boundaries.
 */

declare const brand: unique symbol;
/** A nominal type: `T` tagged with `B` so structurally equal strings do not mix. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Indonesian mobile number in E.164 form, e.g. `+6281234567890`. */
export type PhoneE164 = Brand<string, 'PhoneE164'>;
/** 18-digit Nomor Induk Pegawai. */
export type Nip = Brand<string, 'Nip'>;
/** WhatsApp phone JID, e.g. `6281234567890@s.whatsapp.net` (device suffix stripped). */
export type WaJid = Brand<string, 'WaJid'>;
/** WhatsApp LID, e.g. `123456789012345@lid`. */
export type WaLid = Brand<string, 'WaLid'>;
/** Telegram numeric user id, kept as a decimal string (ids exceed 2^31). */
export type TgUserId = Brand<string, 'TgUserId'>;

/** The chat platforms Jaga Netral watches. */
export type Platform = 'telegram' | 'whatsapp';
/** Every platform, for loops and validation. */
export const PLATFORMS: readonly Platform[] = ['telegram', 'whatsapp'];

/** Marks a Telegram user id coming from a trusted payload field. */
export const asTgUserId = (id: number | string): TgUserId => String(id) as TgUserId;
/** Marks a WhatsApp JID already normalised by the adapter. */
export const asWaJid = (jid: string): WaJid => jid as WaJid;
/** Marks a WhatsApp LID already normalised by the adapter. */
export const asWaLid = (lid: string): WaLid => lid as WaLid;
