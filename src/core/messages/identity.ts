/** The `/id` answer: tells a person their own id, which Humas needs to list them in HUMAS_ADMINS. */

/** What `/id` can tell about the sender: a Telegram id, a WhatsApp phone (digits `62...`), or only a WhatsApp LID. */
export type OwnId = { platform: 'telegram'; id: string } | { platform: 'whatsapp'; phoneDigits?: string };

/** The `/id` reply in `lang`. It reveals only the sender's own id. */
export function ownIdText(who: OwnId, lang: 'id' | 'en'): string {
  const en = lang === 'en';
  if (who.platform === 'telegram') {
    return en
      ? `Your Telegram user id is ${who.id}.\nTo make you a Humas admin, the operator adds tg:${who.id} to HUMAS_ADMINS.`
      : `Id pengguna Telegram Anda: ${who.id}.\nUntuk menjadikan Anda admin Humas, operator menambahkan tg:${who.id} pada HUMAS_ADMINS.`;
  }
  if (who.phoneDigits) {
    return en
      ? `Your WhatsApp number is ${who.phoneDigits}.\nTo make you a Humas admin, the operator adds wa:${who.phoneDigits} to HUMAS_ADMINS.`
      : `Nomor WhatsApp Anda: ${who.phoneDigits}.\nUntuk menjadikan Anda admin Humas, operator menambahkan wa:${who.phoneDigits} pada HUMAS_ADMINS.`;
  }
  return en
    ? 'WhatsApp did not show your phone number to the bot. Humas admins are listed by phone number: give the operator your number (wa:08...).'
    : 'WhatsApp tidak menunjukkan nomor telepon Anda kepada bot. Admin Humas dicatat dengan nomor telepon: berikan nomor Anda kepada operator (wa:08...).';
}
