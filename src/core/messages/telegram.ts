/**
 * Texts of the Telegram adapter: registration, button answers, hints.
 * Indonesian first; English mirrors it key by key.
 */

/** Every Telegram-specific text the bot shows a person. */
export interface TelegramTexts {
  welcome: (humasContact: string) => string;
  shareContactButton: string;
  alreadyRegistered: (nama: string, unit: string) => string;
  notOwnContact: string;
  invalidPhone: string;
  unknownNumber: (humasContact: string) => string;
  registered: (nama: string, unit: string) => string;
  privateHint: string;
  /** A registered ASN sent a picture or file with no /lapor and no open report: it is not kept, and how to report it. */
  fileNotReport: string;
  /**
   * A registered ASN sent a video (or an album of videos only) with no /lapor and no open report: videos are not kept
   * as evidence (why, briefly), and what to send instead.
   */
  videoNotReport: string;
  notYourCase: string;
  caseClosed: string;
  leftThanks: string;
  stillMember: string;
  cannotCheck: string;
  humasTold: string;
  helpRequest: (a: { caseId: number; asnName: string; nip: string; unit: string; chatTitle: string; username?: string }) => string;
  startDescription: string;
  /** Who posted, when an anonymous group admin did (Message.sender_chat is the group itself). */
  anonymousAdmin: (groupTitle: string) => string;
  /** Who posted, when a channel did (a linked channel's automatic forward, or someone posting as the channel). */
  channelActor: (channelTitle: string) => string;
}

const ID: TelegramTexts = {
  welcome: (humas) =>
    [
      'Selamat datang di Jaga Netral.',
      '',
      'Bot ini membantu ASN menjaga netralitas selama Pilkada: jika Anda dimasukkan ke grup kampanye atau ditandai dalam unggahan kampanye, bot akan memberi tahu Anda secara pribadi cara keluar, dan memberi tahu Humas.',
      '',
      'Agar bot dapat mengirim pesan kepada Anda, silakan daftar dengan membagikan nomor telepon Anda sendiri: tekan tombol "Bagikan nomor telepon" di bawah.',
      `Nomor Anda hanya dicocokkan dengan data kepegawaian. Pertanyaan: ${humas}.`,
    ].join('\n'),
  shareContactButton: '📱 Bagikan nomor telepon',
  alreadyRegistered: (nama, unit) => `Anda sudah terdaftar sebagai ${nama} (${unit}). Ketik /status untuk melihat kasus Anda, atau /help untuk daftar perintah.`,
  notOwnContact: 'Maaf, kontak tersebut bukan milik Anda. Mohon kirim kontak Anda sendiri dengan menekan tombol "Bagikan nomor telepon".',
  invalidPhone: 'Maaf, nomor tersebut bukan nomor seluler Indonesia yang valid. Mohon bagikan nomor Anda melalui tombol "Bagikan nomor telepon".',
  unknownNumber: (humas) =>
    `Maaf, nomor Anda tidak terdaftar dalam data ASN. Jika Anda ASN, silakan hubungi ${humas} agar nomor Anda diperbarui, lalu coba lagi dengan /start.`,
  registered: (nama, unit) =>
    `Terima kasih, pendaftaran berhasil.\nNama: ${nama}\nUnit kerja: ${unit}\n\nBot akan mengirim pesan kepada Anda jika akun Anda terlibat dalam grup atau unggahan kampanye. Ketik /status kapan saja untuk melihat kasus Anda.`,
  privateHint: 'Untuk mendaftar, ketik /start lalu tekan tombol "Bagikan nomor telepon". Ketik /help untuk daftar perintah.',
  fileNotReport:
    'Kiriman Anda belum kami simpan sebagai laporan. Untuk melaporkan (misalnya tangkapan layar grup kampanye), tekan tombol Laporkan di bawah ini, atau kirim ulang gambarnya dengan keterangan /lapor.',
  videoNotReport:
    'Video tidak kami simpan sebagai bukti: video dari ponsel biasanya melebihi batas 10 MB, dan Humas perlu bukti yang langsung bisa dibuka. Untuk melaporkan, kirim tangkapan layar (foto) dari bagian videonya yang penting, atau tautan ke unggahannya, dengan keterangan /lapor, atau tekan tombol Laporkan di bawah ini.',
  notYourCase: 'Tombol ini bukan untuk Anda.',
  caseClosed: 'Kasus ini sudah ditutup. Terima kasih.',
  leftThanks: 'Terima kasih, bot sudah memastikan Anda keluar dari grup. Kasus ditutup.',
  stillMember: 'Bot masih melihat Anda sebagai anggota grup. Mohon keluar dari grup terlebih dahulu, lalu tekan tombol ini lagi.',
  cannotCheck: 'Bot belum dapat memeriksa keanggotaan Anda saat ini. Silakan coba lagi nanti.',
  humasTold: 'Humas sudah diberi tahu dan akan menghubungi Anda.',
  helpRequest: (a) =>
    [
      `🆘 ASN meminta bantuan Humas (kasus #${a.caseId})`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}${a.username ? `, Telegram @${a.username}` : ''}`,
      `Grup: "${a.chatTitle}"`,
      `Mohon hubungi ASN tersebut.`,
    ].join('\n'),
  startDescription: 'mendaftar ke bot (bagikan nomor telepon)',
  anonymousAdmin: (title) => `admin anonim grup ${title}`,
  channelActor: (title) => `kanal ${title}`,
};

const EN: TelegramTexts = {
  welcome: (humas) =>
    [
      'Welcome to Jaga Netral.',
      '',
      'This bot helps civil servants (ASN) stay neutral during the Pilkada: if you are added to a campaign group or tagged in a campaign post, the bot tells you privately how to leave, and tells Humas.',
      '',
      'So that the bot can message you, please register by sharing your own phone number: press the "Share phone number" button below.',
      `Your number is only matched against the staff registry. Questions: ${humas}.`,
    ].join('\n'),
  shareContactButton: '📱 Share phone number',
  alreadyRegistered: (nama, unit) => `You are already registered as ${nama} (${unit}). Send /status to see your cases, or /help for the list of commands.`,
  notOwnContact: 'Sorry, that contact is not yours. Please send your own contact by pressing the "Share phone number" button.',
  invalidPhone: 'Sorry, that is not a valid Indonesian mobile number. Please share your number with the "Share phone number" button.',
  unknownNumber: (humas) => `Sorry, your number is not in the ASN registry. If you are an ASN, please contact ${humas} to update it, then try /start again.`,
  registered: (nama, unit) =>
    `Thank you, you are registered.\nName: ${nama}\nUnit: ${unit}\n\nThe bot will message you if your account is involved in a campaign group or post. Send /status at any time to see your cases.`,
  privateHint: 'To register, send /start and press the "Share phone number" button. Send /help for the list of commands.',
  fileNotReport: 'What you sent has not been kept as a report. To report something (a screenshot of a campaign group, say), press the Report something button below, or send the picture again with the caption /lapor.',
  videoNotReport:
    'Videos are not kept as evidence: a phone video is usually over the 10 MB limit, and Humas needs evidence it can open at once. To report it, send a screenshot (photo) of the part of the video that matters, or a link to the post, with the caption /lapor, or press the Report something button below.',
  notYourCase: 'This button is not for you.',
  caseClosed: 'This case is already closed. Thank you.',
  leftThanks: 'Thank you, the bot confirmed that you left the group. The case is closed.',
  stillMember: 'The bot still sees you as a member of the group. Please leave the group first, then press this button again.',
  cannotCheck: 'The bot cannot check your membership right now. Please try again later.',
  humasTold: 'Humas has been told and will contact you.',
  helpRequest: (a) =>
    [
      `🆘 An ASN asks Humas for help (case #${a.caseId})`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}${a.username ? `, Telegram @${a.username}` : ''}`,
      `Group: "${a.chatTitle}"`,
      `Please contact them.`,
    ].join('\n'),
  startDescription: 'register with the bot (share your phone number)',
  anonymousAdmin: (title) => `anonymous admin of ${title}`,
  channelActor: (title) => `channel ${title}`,
};

/** Telegram adapter texts by language. */
export const TELEGRAM_TEXTS: { id: TelegramTexts; en: TelegramTexts } = { id: ID, en: EN };

/** Telegram adapter texts for `lang`. */
export const telegramTexts = (lang: 'id' | 'en'): TelegramTexts => TELEGRAM_TEXTS[lang];
