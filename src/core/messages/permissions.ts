/**
 * Texts about what the platform lets the bot see: Telegram's privacy mode,
 * groups where the bot is not an administrator, and membership answers that
 * Telegram does not guarantee. They go to Humas admins (and /status), never to
 * an ASN or a group. Indonesian first; English mirrors it key by key.
 */

/** What the "not an administrator" notice needs. */
export interface NeedsAdminInput {
  chatTitle: string;
  chatId: string;
  campaign: boolean;
  /** The bot was just added (true), or its rights changed while inside (false). */
  added: boolean;
}

/** What the "left, but not guaranteed" notice needs. */
export interface UnconfirmedLeftInput {
  caseId: number;
  asnName: string;
  nip: string;
  chatTitle: string;
  /** Where the answer came from (absent: Telegram). */
  platform?: 'telegram' | 'whatsapp';
  /** WhatsApp: why the roster proves nothing (`short_roster`, `unresolved_lid`, `community_announce`). */
  gap?: string;
}

/** Every permissions text. */
export interface PermissionTexts {
  privacyMode: (botUsername: string) => string;
  needsAdmin: (a: NeedsAdminInput) => string;
  /**
   * After `shown` notices in a row (each less than `windowSeconds` after the one before): one notice that more groups
   * took the bot without admin rights, and where they are listed.
   */
  needsAdminMany: (shown: number, a: NeedsAdminInput, windowSeconds: number) => string;
  unconfirmedLeft: (a: UnconfirmedLeftInput) => string;
  /** The same for several cases of one lifecycle pass: one message, the first `shown` listed, the rest counted. */
  unconfirmedLeftMany: (cases: readonly UnconfirmedLeftInput[], more: number) => string;
  /** One /status line: privacy mode is on. */
  statusPrivacy: (botUsername: string) => string;
  /** One /status line: groups without admin rights (titles, already cut to a few). */
  statusNoAdmin: (count: number, titles: string[]) => string;
}

const ID: PermissionTexts = {
  privacyMode: (bot) =>
    [
      `⚠️ Mode privasi bot Telegram @${bot} masih aktif.`,
      'Dalam mode ini, di grup tempat bot bukan admin, bot hanya menerima perintah, balasan kepada bot, dan pesan layanan (anggota masuk/keluar): unggahan kampanye yang menandai ASN tidak terlihat.',
      '',
      'Cara memperbaiki:',
      `1. Buka @BotFather, kirim /setprivacy, pilih @${bot}, lalu pilih "Disable".`,
      '2. Keluarkan bot dari setiap grup lalu masukkan kembali (Telegram menerapkan perubahan hanya untuk grup yang dimasuki setelahnya), atau jadikan bot admin di grup tersebut.',
      '',
      'Pemberitahuan ini dikirim sekali; /status menampilkannya selama mode privasi masih aktif.',
    ].join('\n'),
  needsAdmin: (a) =>
    [
      `⚠️ Bot Telegram ${a.added ? 'dimasukkan ke' : 'tidak lagi menjadi admin di'} grup "${a.chatTitle}"${a.campaign ? ' (grup kampanye)' : ''}${a.added ? ' sebagai anggota biasa, tanpa hak admin' : ''}.`,
      'Tanpa hak admin, Telegram tidak mengirim pembaruan keanggotaan (chat_member) dan tidak menjamin pemeriksaan keanggotaan (getChatMember) di grup itu.',
      'Akibatnya, kasus di grup ini tidak ditutup otomatis oleh pemeriksaan keanggotaan: keluarnya ASN tetap terlihat dari pesan layanan grup, atau dikonfirmasi ASN lewat tombol "Saya sudah keluar".',
      '',
      `Mohon minta admin grup menjadikan bot sebagai admin (hak apa pun sudah cukup). Id grup: ${a.chatId}.`,
    ].join('\n'),
  needsAdminMany: (shown, a, windowSeconds) =>
    [
      `⚠️ Bot Telegram dimasukkan ke lebih dari ${shown} grup tanpa hak admin berturut-turut, terakhir grup "${a.chatTitle}" (id ${a.chatId}).`,
      `Pemberitahuan per grup dihentikan sampai ${windowSeconds % 60 === 0 ? `${windowSeconds / 60} menit` : `${windowSeconds} detik`} berlalu tanpa grup baru, agar tidak membanjiri Humas (grup sebanyak ini sekaligus biasanya ulah satu pihak).`,
      'Semua grup tempat bot bukan admin tercantum di /status dan di Ringkasan dasbor.',
    ].join('\n'),
  unconfirmedLeft: (a) =>
    [
      `ℹ️ Kasus #${a.caseId}: Telegram menyebut ${a.asnName} (NIP ${a.nip}) tidak lagi menjadi anggota grup "${a.chatTitle}".`,
      'Bot bukan admin di grup itu, sehingga jawaban ini tidak dijamin Telegram. Kasus tetap terbuka sampai dikonfirmasi:',
      'minta ASN menekan tombol "Saya sudah keluar" pada pesan bot, atau jadikan bot admin di grup itu.',
    ].join('\n'),
  unconfirmedLeftMany: (cases, more) =>
    [
      `ℹ️ ${cases.length + more} kasus: Telegram menyebut ASN berikut tidak lagi menjadi anggota grup kampanye.`,
      'Bot bukan admin di grup-grup itu, sehingga jawaban ini tidak dijamin Telegram. Kasus tetap terbuka sampai dikonfirmasi:',
      'minta ASN menekan tombol "Saya sudah keluar" pada pesan bot, atau jadikan bot admin di grup itu.',
      '',
      ...cases.map((c) => `• #${c.caseId} ${c.asnName} (NIP ${c.nip}), grup "${c.chatTitle}"`),
      ...(more > 0 ? [`… dan ${more} kasus lainnya (lihat /kasus).`] : []),
    ].join('\n'),
  statusPrivacy: (bot) => `Telegram: mode privasi @${bot} aktif (perbaiki: /setprivacy di @BotFather, pilih Disable)`,
  statusNoAdmin: (n, titles) => `Telegram: bot bukan admin di ${n} grup: ${titles.map((t) => `"${t}"`).join(', ')}${n > titles.length ? ', …' : ''}`,
};

const EN: PermissionTexts = {
  privacyMode: (bot) =>
    [
      `⚠️ Privacy mode of the Telegram bot @${bot} is on.`,
      'In this mode, in groups where the bot is not an admin, it receives only commands, replies to the bot and service messages (members joining or leaving): campaign posts that tag ASN are not seen.',
      '',
      'How to fix it:',
      `1. Open @BotFather, send /setprivacy, choose @${bot}, then choose "Disable".`,
      '2. Remove the bot from every group and add it again (Telegram applies the change only to groups joined afterwards), or make the bot an admin in those groups.',
      '',
      'This notice is sent once; /status shows it for as long as privacy mode is on.',
    ].join('\n'),
  needsAdmin: (a) =>
    [
      `⚠️ The Telegram bot was ${a.added ? 'added to' : 'removed as admin in'} the group "${a.chatTitle}"${a.campaign ? ' (a campaign group)' : ''}${a.added ? ' as a plain member, without admin rights' : ''}.`,
      'Without admin rights, Telegram sends no membership updates (chat_member) and does not guarantee membership checks (getChatMember) in that group.',
      'So cases in this group are not closed automatically by membership checks: an ASN leaving is still seen from the group\'s service messages, or confirmed by the ASN with the "I have left" button.',
      '',
      `Please ask a group admin to make the bot an admin (any right is enough). Group id: ${a.chatId}.`,
    ].join('\n'),
  needsAdminMany: (shown, a, windowSeconds) =>
    [
      `⚠️ The Telegram bot was added to more than ${shown} groups without admin rights in a row, the latest "${a.chatTitle}" (id ${a.chatId}).`,
      `Notices per group stop until ${windowSeconds % 60 === 0 ? `${windowSeconds / 60} minute${windowSeconds === 60 ? '' : 's'}` : `${windowSeconds} seconds`} pass with no new group, so as not to flood Humas (so many groups at once are usually one party's doing).`,
      'Every group where the bot is not an admin is listed in /status and on the dashboard\'s overview.',
    ].join('\n'),
  unconfirmedLeft: (a) =>
    [
      `ℹ️ Case #${a.caseId}: Telegram says ${a.asnName} (NIP ${a.nip}) is no longer a member of "${a.chatTitle}".`,
      'The bot is not an admin in that group, so Telegram does not guarantee this answer. The case stays open until confirmed:',
      'ask the ASN to press "I have left" on the bot\'s message, or make the bot an admin in that group.',
    ].join('\n'),
  unconfirmedLeftMany: (cases, more) =>
    [
      `ℹ️ ${cases.length + more} cases: Telegram says these ASN are no longer members of the campaign groups.`,
      'The bot is not an admin in those groups, so Telegram does not guarantee these answers. The cases stay open until confirmed:',
      'ask the ASN to press "I have left" on the bot\'s message, or make the bot an admin in that group.',
      '',
      ...cases.map((c) => `• #${c.caseId} ${c.asnName} (NIP ${c.nip}), group "${c.chatTitle}"`),
      ...(more > 0 ? [`… and ${more} more cases (see /kasus).`] : []),
    ].join('\n'),
  statusPrivacy: (bot) => `Telegram: privacy mode of @${bot} is on (fix: /setprivacy in @BotFather, choose Disable)`,
  statusNoAdmin: (n, titles) => `Telegram: the bot is not an admin in ${n} group(s): ${titles.map((t) => `"${t}"`).join(', ')}${n > titles.length ? ', …' : ''}`,
};

/** Permission texts for `lang`. */
export const permissionTexts = (lang: 'id' | 'en'): PermissionTexts => (lang === 'en' ? EN : ID);

/** WhatsApp's "not found, but not proof" notices: the roster WhatsApp gave cannot show that the ASN left. */
export interface WaRosterTexts {
  unconfirmedLeft: (a: UnconfirmedLeftInput) => string;
  unconfirmedLeftMany: (cases: readonly UnconfirmedLeftInput[], more: number) => string;
}

const WA_GAP_ID: Record<string, string> = {
  short_roster: 'WhatsApp mengirim daftar anggota yang lebih pendek dari jumlah anggota grup',
  unresolved_lid: 'sebagian anggota hanya terlihat sebagai LID tanpa nomor telepon, sehingga tidak dapat dicocokkan',
  community_announce: 'grup ini adalah grup pengumuman komunitas, yang daftar anggotanya tidak lengkap',
};
const WA_GAP_EN: Record<string, string> = {
  short_roster: 'WhatsApp sent a member list shorter than the group\'s member count',
  unresolved_lid: 'some members appear only as a LID without a phone number, so they cannot be matched',
  community_announce: 'this is a community announcement group, whose member list is incomplete',
};

const WA_ID: WaRosterTexts = {
  unconfirmedLeft: (a) =>
    [
      `ℹ️ Kasus #${a.caseId}: ${a.asnName} (NIP ${a.nip}) tidak ditemukan di daftar anggota grup WhatsApp "${a.chatTitle}", tetapi bot belum dapat memastikan ASN sudah keluar: ${WA_GAP_ID[a.gap ?? ''] ?? 'daftar anggota dari WhatsApp tidak lengkap'}.`,
      'Kasus tetap terbuka. Bot memeriksa lagi pada pemeriksaan berikutnya dan menutup kasus bila WhatsApp mengirim pemberitahuan keluar atau daftar anggota yang lengkap.',
      'Untuk memastikan lebih cepat: lihat info grup di ponsel, atau tanyakan langsung kepada ASN.',
    ].join('\n'),
  unconfirmedLeftMany: (cases, more) =>
    [
      `ℹ️ ${cases.length + more} kasus: ASN berikut tidak ditemukan di daftar anggota grup WhatsApp, tetapi daftar itu tidak lengkap, sehingga bot belum dapat memastikan mereka sudah keluar.`,
      'Kasus tetap terbuka; bot memeriksa lagi pada pemeriksaan berikutnya.',
      '',
      ...cases.map((c) => `• #${c.caseId} ${c.asnName} (NIP ${c.nip}), grup "${c.chatTitle}": ${WA_GAP_ID[c.gap ?? ''] ?? 'daftar tidak lengkap'}`),
      ...(more > 0 ? [`… dan ${more} kasus lainnya (lihat /kasus).`] : []),
    ].join('\n'),
};

const WA_EN: WaRosterTexts = {
  unconfirmedLeft: (a) =>
    [
      `ℹ️ Case #${a.caseId}: ${a.asnName} (NIP ${a.nip}) is not in the member list of the WhatsApp group "${a.chatTitle}", but the bot cannot be sure the ASN left: ${WA_GAP_EN[a.gap ?? ''] ?? 'the member list from WhatsApp is incomplete'}.`,
      'The case stays open. The bot checks again on its next pass and closes the case when WhatsApp sends a leave notification or a complete member list.',
      'To be sure sooner: look at the group info on a phone, or ask the ASN directly.',
    ].join('\n'),
  unconfirmedLeftMany: (cases, more) =>
    [
      `ℹ️ ${cases.length + more} cases: these ASN are not in the member lists of the WhatsApp groups, but those lists are incomplete, so the bot cannot be sure they left.`,
      'The cases stay open; the bot checks again on its next pass.',
      '',
      ...cases.map((c) => `• #${c.caseId} ${c.asnName} (NIP ${c.nip}), group "${c.chatTitle}": ${WA_GAP_EN[c.gap ?? ''] ?? 'incomplete list'}`),
      ...(more > 0 ? [`… and ${more} more cases (see /kasus).`] : []),
    ].join('\n'),
};

/** WhatsApp roster texts for `lang`. */
export const waRosterTexts = (lang: 'id' | 'en'): WaRosterTexts => (lang === 'en' ? WA_EN : WA_ID);
