/**
 * Texts of registration coverage: which ASN registered with the bot on Telegram, WhatsApp or
 * neither, per unit, on the dashboard's ASN page, in `asn list` and in the XLSX of unregistered
 * ASN. Indonesian first.
 */

/** Where one ASN registered. */
export type RegistrationState = 'both' | 'telegram' | 'whatsapp' | 'none';

/** All registration texts of one language. */
export interface RegistrationTexts {
  state: Record<RegistrationState, string>;
  /** The registration column's header. */
  column: string;
  coverageTitle: string;
  coverageIntro: string;
  coverageHeader: { unit: string; total: string; telegram: string; whatsapp: string; none: string };
  totalRow: string;
  /** The list filter. */
  filter: string;
  filterValues: { none: string; telegram: string; whatsapp: string };
  download: string;
  /** The unregistered-ASN workbook. */
  sheet: string;
  unitSheet: string;
  xlsxHeader: { nip: string; nama: string; unit: string; telepon: string; telegram: string; telegramLink: string; whatsappText: string };
  /** When the bot has not reached Telegram yet, the link is not known. */
  telegramLinkUnknown: string;
  /** The WhatsApp registration message an ASN sends to the bot's number. */
  whatsappText(nip: string): string;
}

const ID: RegistrationTexts = {
  state: { both: 'Telegram dan WhatsApp', telegram: 'Telegram', whatsapp: 'WhatsApp', none: 'belum terdaftar' },
  column: 'Terdaftar di bot',
  coverageTitle: 'Pendaftaran ASN di bot, per unit kerja',
  coverageIntro: 'ASN yang belum mendaftar tidak bisa diberi tahu secara pribadi oleh bot. Hubungi mereka dan kirimkan tautan pendaftarannya.',
  coverageHeader: { unit: 'Unit kerja', total: 'Jumlah ASN', telegram: 'Telegram', whatsapp: 'WhatsApp', none: 'Belum terdaftar' },
  totalRow: 'Semua unit',
  filter: 'Pendaftaran',
  filterValues: { none: 'belum terdaftar', telegram: 'terdaftar di Telegram', whatsapp: 'terdaftar di WhatsApp' },
  download: 'Unduh daftar ASN yang belum terdaftar (XLSX)',
  sheet: 'Belum terdaftar',
  unitSheet: 'Per unit kerja',
  xlsxHeader: {
    nip: 'NIP', nama: 'Nama', unit: 'Unit kerja', telepon: 'Telepon', telegram: 'Telegram',
    telegramLink: 'Tautan pendaftaran Telegram', whatsappText: 'Daftar lewat WhatsApp: kirim ke nomor bot',
  },
  telegramLinkUnknown: 'bot Telegram belum terhubung: tautan belum diketahui',
  whatsappText: (nip) => `DAFTAR ${nip}`,
};

const EN: RegistrationTexts = {
  state: { both: 'Telegram and WhatsApp', telegram: 'Telegram', whatsapp: 'WhatsApp', none: 'not registered' },
  column: 'Registered with the bot',
  coverageTitle: 'ASN registered with the bot, by unit',
  coverageIntro: 'ASN who have not registered cannot be told privately by the bot. Contact them and send them the registration link.',
  coverageHeader: { unit: 'Unit', total: 'ASN', telegram: 'Telegram', whatsapp: 'WhatsApp', none: 'Not registered' },
  totalRow: 'All units',
  filter: 'Registration',
  filterValues: { none: 'not registered', telegram: 'registered on Telegram', whatsapp: 'registered on WhatsApp' },
  download: 'Download the unregistered ASN (XLSX)',
  sheet: 'Not registered',
  unitSheet: 'By unit',
  xlsxHeader: {
    nip: 'NIP', nama: 'Name', unit: 'Unit', telepon: 'Phone', telegram: 'Telegram',
    telegramLink: 'Telegram registration link', whatsappText: "Register on WhatsApp: send to the bot's number",
  },
  telegramLinkUnknown: 'Telegram bot not connected yet: link not known',
  whatsappText: (nip) => `DAFTAR ${nip}`,
};

/** Registration texts for `lang`. */
export const registrationTexts = (lang: 'id' | 'en'): RegistrationTexts => (lang === 'en' ? EN : ID);
