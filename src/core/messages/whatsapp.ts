/**
 * User-facing texts of the WhatsApp adapter: ASN registration by `DAFTAR <NIP>`,
 * `/gabung`, and the notices Humas gets when WhatsApp restricts or logs out the
 * number. Indonesian first; no personal data is ever echoed to a stranger.
 */

/** All WhatsApp adapter texts of one language. */
export interface WhatsAppTexts {
  /** `DAFTAR` without a usable NIP. */
  registerUsage: string;
  /** Registration confirmed: the ASN's own name only, to the ASN's own number. */
  registered(a: { nama: string; org: string }): string;
  /** Unknown NIP or a number that is not the one on file: the same polite refusal, revealing nothing. */
  registerRefused(a: { humasContact: string }): string;
  /** A private message that is neither a command nor a registration. */
  privateHint(a: { org: string }): string;
  /** A registered ASN sent a picture or file (or an album) with no LAPOR and no report open: how to report it. */
  pictureNotReport: string;
  /**
   * A registered ASN sent a video (or an album of videos only) with no LAPOR and no report open: videos are not kept as
   * evidence (why, briefly), and what to send instead.
   */
  videoNotReport: string;
  /** Pictures of an album that came after the album's report was made: not added to it. */
  albumLate(a: { count: number; receiptNo: string }): string;
  /** `/gabung` description for /help. */
  joinDescription: string;
  /** `/gabung` without a link. */
  joinUsage: string;
  /** `/gabung` done. */
  joined(a: { title: string; members: number }): string;
  /** `/gabung` failed. */
  joinFailed(a: { reason: string }): string;
  /** /wa_lanjut: what it does, and its answers. */
  resumeDescription: string;
  resumed: string;
  notPaused: string;
  /** Humas: WhatsApp restricted the number (463). */
  restricted(a: { detail: string; until?: string }): string;
  /** Humas: the WhatsApp session was logged out. */
  loggedOut: string;
  /** Humas: WhatsApp stopped for a reason a person must fix (banned, another session, a pinned outdated version, multi-device). */
  stopped(a: { reason: WaOutage; code?: number }): string;
  /** /status line: first contacts wait (a WhatsApp lock or cap until `until`, or a pause with no end WhatsApp gave). */
  firstContactsStatus(a: { until?: string }): string;
  /** `/gabung` on a group with admin approval: the request waits for a group admin. */
  joinPending(a: { title: string; members: number }): string;
  /** `/gabung` joined a community's announcement group: its member list is incomplete. */
  joinedAnnouncement: string;
  /** `/gabung` on a community link (the parent, where nobody posts). */
  inviteIsCommunity(a: { title: string }): string;
  /** Why WhatsApp refused an invite link, by the server's error code (406 unknown, 410 reset, 401 not allowed, ...). */
  inviteRefused(code: number | undefined, detail: string): string;
}

/** Outages that stop WhatsApp until a person acts (a logout has its own text). */
export type WaOutage = 'banned' | 'replaced' | 'outdated' | 'multidevice' | 'bad_session';

/** Indonesian. */
export const WA_ID: WhatsAppTexts = {
  registerUsage: 'Untuk mendaftar, kirim: DAFTAR <NIP 18 digit>\nContoh: DAFTAR 198503122010011003',
  registered: (a) =>
    `Terima kasih, ${a.nama}. Nomor WhatsApp ini sudah terdaftar di layanan Jaga Netral ${a.org}. ` +
    'Anda akan menerima pemberitahuan di sini bila Anda dimasukkan atau disebut di grup kampanye Pilkada.',
  registerRefused: (a) =>
    'Maaf, pendaftaran tidak dapat diproses. Pastikan NIP benar dan Anda mengirim dari nomor WhatsApp yang terdaftar di kepegawaian. ' +
    `Bila masih gagal, silakan hubungi ${a.humasContact}.`,
  privateHint: (a) => `Ini layanan Jaga Netral ${a.org}. ASN dapat mendaftar dengan mengirim: DAFTAR <NIP>. Ketik /help untuk daftar perintah.`,
  pictureNotReport:
    'Kiriman Anda belum kami simpan sebagai laporan. Untuk melaporkannya (misalnya tangkapan layar grup kampanye atau unggahan yang menandai Anda), ' +
    'balas dalam 10 menit: LAPOR <apa yang terjadi>, dan gambar tadi ikut dilaporkan. ' +
    'Lain kali bisa langsung dengan keterangan LAPOR <apa yang terjadi> pada gambarnya; beberapa gambar yang dikirim sekaligus menjadi satu laporan.',
  videoNotReport:
    'Video tidak kami simpan sebagai bukti: video dari ponsel biasanya melebihi batas 10 MB, dan Humas perlu bukti yang langsung bisa dibuka. ' +
    'Untuk melaporkan, kirim tangkapan layar (foto) dari bagian videonya yang penting dengan keterangan LAPOR <apa yang terjadi>, ' +
    'atau kirim LAPOR <apa yang terjadi> beserta tautan ke unggahannya.',
  albumLate: (a) =>
    `${a.count} gambar tiba setelah laporan ${a.receiptNo} dibuat dan tidak ditambahkan ke laporan itu (tanda terimanya tetap). ` +
    'Bila gambar itu penting, kirim ulang dengan keterangan LAPOR sebagai laporan baru.',
  joinDescription: 'bot bergabung ke grup WhatsApp lewat tautan undangan',
  resumeDescription: 'lanjutkan pesan pertama WhatsApp ke ASN setelah nomor bot dibatasi',
  resumed: 'Pengiriman pesan pertama WhatsApp ke ASN dilanjutkan, tetap dengan jeda dan batas harian. Jika WhatsApp membatasi lagi, pengiriman akan dijeda kembali.',
  notPaused: 'Pengiriman pesan WhatsApp tidak sedang dijeda.',
  joinUsage: 'Cara pakai: /gabung https://chat.whatsapp.com/<kode>',
  joined: (a) => `Bot sudah bergabung ke grup "${a.title}" (${a.members} anggota). Anggota grup sedang diperiksa.`,
  joinFailed: (a) => `Bot gagal bergabung: ${a.reason}`,
  restricted: (a) =>
    `⚠️ WhatsApp membatasi nomor bot (${a.detail}). Pengiriman pesan pertama ke ASN dihentikan sementara` +
    `${a.until ? ` sampai ${a.until}` : ''}, atau sampai admin Humas mengirim /wa_lanjut. Tidak ada pesan yang diulang; pesan ke kontak yang pernah menghubungi bot tetap terkirim. Mohon hubungi ASN terkait secara langsung bila perlu.`,
  loggedOut:
    '⚠️ Sesi WhatsApp bot keluar (logged out). Pemantauan WhatsApp berhenti; Telegram tetap berjalan. ' +
    'Tautkan ulang dengan: npx jaga-netral wa-login --phone 62812...',
  stopped: (a) => {
    const code = a.code ? ` (${a.code})` : '';
    const tail = ' Pemantauan WhatsApp berhenti; Telegram tetap berjalan.';
    switch (a.reason) {
      case 'banned':
        return `⚠️ WhatsApp menolak nomor bot${code}: nomor diblokir atau dilarang.${tail} Periksa nomor itu di ponsel; bila diblokir, ajukan peninjauan ke WhatsApp atau tautkan nomor lain dengan: npx jaga-netral wa-login --phone 62812...`;
      case 'replaced':
        return `⚠️ Sesi WhatsApp bot diambil alih oleh sesi lain${code}; kemungkinan bot berjalan dua kali dengan nomor yang sama.${tail} Hentikan salah satu, lalu mulai ulang bot ini.`;
      case 'outdated':
        return `⚠️ WhatsApp menolak versi WhatsApp Web bot${code} (client outdated).${tail} Kosongkan atau perbarui WA_VERSION di .env, lalu mulai ulang.`;
      case 'multidevice':
        return `⚠️ WhatsApp meminta perangkat tertaut dipasang ulang${code}.${tail} Tautkan ulang dengan: npx jaga-netral wa-login --phone 62812...`;
      case 'bad_session':
        return `⚠️ Sesi WhatsApp bot rusak${code} (bad session): bot sudah mencoba menyambung ulang beberapa kali tanpa hasil.${tail} Tautkan ulang dengan: npx jaga-netral wa-login --phone 62812..., lalu mulai ulang bot.`;
    }
  },
  firstContactsStatus: (a) =>
    a.until
      ? `WhatsApp: pesan pertama ke ASN ditahan sampai ${a.until} (batas dari WhatsApp); pesan ke kontak yang pernah menghubungi bot tetap terkirim`
      : 'WhatsApp: pesan pertama ke ASN dijeda setelah nomor dibatasi (463), tanpa waktu berakhir dari WhatsApp; lanjutkan dengan /wa_lanjut',
  joinPending: (a) =>
    `Grup "${a.title}" (${a.members} anggota) mewajibkan persetujuan admin untuk anggota baru. Permintaan bergabung bot sudah dikirim dan menunggu persetujuan admin grup; bot belum menjadi anggota dan belum memantau grup ini. Setelah disetujui, bot masuk dengan sendirinya dan memeriksa anggotanya.`,
  joinedAnnouncement: 'Catatan: ini grup pengumuman komunitas; WhatsApp hanya memberi daftar anggota yang tidak lengkap, sehingga keluarnya ASN dari grup ini tidak selalu dapat dipastikan.',
  inviteIsCommunity: (a) => `tautan ini milik komunitas "${a.title}", bukan grup. Kirim tautan undangan grup di dalam komunitas itu.`,
  inviteRefused: (code, detail) =>
    code === 406
      ? 'tautan undangan tidak dikenal WhatsApp (salah ketik atau tidak lengkap)'
      : code === 410
        ? 'tautan undangan sudah direset atau dicabut oleh admin grup; minta tautan yang baru'
        : code === 401 || code === 403
          ? 'WhatsApp tidak mengizinkan bot bergabung (misalnya bot pernah dikeluarkan dari grup ini)'
          : code === 404
            ? 'grup tidak ditemukan (mungkin sudah dihapus)'
            : `WhatsApp menolak (${code ?? '-'}: ${detail})`,
};

/** English. */
export const WA_EN: WhatsAppTexts = {
  registerUsage: 'To register, send: DAFTAR <18-digit NIP>\nExample: DAFTAR 198503122010011003',
  registered: (a) =>
    `Thank you, ${a.nama}. This WhatsApp number is now registered with ${a.org}'s Jaga Netral service. ` +
    'You will be notified here if you are added to or mentioned in a Pilkada campaign group.',
  registerRefused: (a) =>
    'Sorry, the registration could not be completed. Check the NIP and send from the WhatsApp number on file with HR. ' +
    `If it still fails, please contact ${a.humasContact}.`,
  privateHint: (a) => `This is ${a.org}'s Jaga Netral service. Civil servants can register by sending: DAFTAR <NIP>. Send /help for commands.`,
  pictureNotReport:
    'What you sent has not been kept as a report. To report it (a screenshot of a campaign group, or of a post tagging you), ' +
    'reply within 10 minutes: LAPOR <what happened>, and those pictures are reported with it. ' +
    'Next time you can give the pictures the caption LAPOR <what happened> directly; several pictures sent at once make one report.',
  videoNotReport:
    'Videos are not kept as evidence: a phone video is usually over the 10 MB limit, and Humas needs evidence it can open at once. ' +
    'To report it, send a screenshot (photo) of the part of the video that matters with the caption LAPOR <what happened>, ' +
    'or send LAPOR <what happened> with a link to the post.',
  albumLate: (a) =>
    `${a.count} picture(s) arrived after report ${a.receiptNo} was made and were not added to it (its receipt stands). ` +
    'If they matter, send them again with the caption LAPOR as a new report.',
  joinDescription: 'the bot joins a WhatsApp group by invite link',
  joinUsage: 'Usage: /gabung https://chat.whatsapp.com/<code>',
  resumeDescription: 'resume first-contact WhatsApp messages to ASN after the number was restricted',
  resumed: 'First-contact WhatsApp messages to ASN resume, still with gaps and the daily cap. If WhatsApp restricts the number again, they pause again.',
  notPaused: 'WhatsApp sending is not paused.',
  joined: (a) => `The bot joined "${a.title}" (${a.members} members). Checking its members now.`,
  joinFailed: (a) => `The bot could not join: ${a.reason}`,
  restricted: (a) =>
    `⚠️ WhatsApp restricted the bot's number (${a.detail}). First-contact messages to ASN are paused` +
    `${a.until ? ` until ${a.until}` : ''}, or until a Humas admin sends /wa_lanjut. Nothing is retried; messages to people who wrote to the bot first still go. Please contact the ASN concerned directly if needed.`,
  loggedOut:
    "⚠️ The bot's WhatsApp session was logged out. WhatsApp monitoring has stopped; Telegram keeps running. " +
    'Re-link with: npx jaga-netral wa-login --phone 62812...',
  stopped: (a) => {
    const code = a.code ? ` (${a.code})` : '';
    const tail = ' WhatsApp monitoring has stopped; Telegram keeps running.';
    switch (a.reason) {
      case 'banned':
        return `⚠️ WhatsApp refused the bot's number${code}: it is banned or forbidden.${tail} Check the number on the phone; if it is banned, ask WhatsApp for a review or link another number with: npx jaga-netral wa-login --phone 62812...`;
      case 'replaced':
        return `⚠️ Another session took over the bot's WhatsApp${code}; the bot is probably running twice with the same number.${tail} Stop one of them, then restart this one.`;
      case 'outdated':
        return `⚠️ WhatsApp refused the bot's WhatsApp Web version${code} (client outdated).${tail} Clear or update WA_VERSION in .env, then restart.`;
      case 'multidevice':
        return `⚠️ WhatsApp asks for the linked device to be set up again${code}.${tail} Re-link with: npx jaga-netral wa-login --phone 62812...`;
      case 'bad_session':
        return `⚠️ The bot's WhatsApp session is damaged${code} (bad session): the bot tried to reconnect several times without success.${tail} Re-link with: npx jaga-netral wa-login --phone 62812..., then restart the bot.`;
    }
  },
  firstContactsStatus: (a) =>
    a.until
      ? `WhatsApp: first messages to ASN held until ${a.until} (a limit set by WhatsApp); messages to people who wrote to the bot still go`
      : 'WhatsApp: first messages to ASN paused after the number was restricted (463), with no end given by WhatsApp; resume with /wa_lanjut',
  joinPending: (a) =>
    `The group "${a.title}" (${a.members} members) requires an admin's approval for new members. The bot's request to join was sent and waits for a group admin; the bot is not a member yet and does not watch this group. Once approved, the bot joins by itself and checks the members.`,
  joinedAnnouncement: 'Note: this is a community announcement group; WhatsApp gives only an incomplete member list, so an ASN leaving this group cannot always be confirmed.',
  inviteIsCommunity: (a) => `this link belongs to the community "${a.title}", not a group. Send the invite link of a group inside that community.`,
  inviteRefused: (code, detail) =>
    code === 406
      ? 'WhatsApp does not know this invite link (a typo, or cut short)'
      : code === 410
        ? 'the invite link was reset or revoked by a group admin; ask for a new one'
        : code === 401 || code === 403
          ? 'WhatsApp does not let the bot join (for example, the bot was removed from this group before)'
          : code === 404
            ? 'the group was not found (it may have been deleted)'
            : `WhatsApp refused (${code ?? '-'}: ${detail})`,
};

/** WhatsApp texts for `lang`; Indonesian unless English was asked for. */
export const whatsappTexts = (lang: 'id' | 'en'): WhatsAppTexts => (lang === 'en' ? WA_EN : WA_ID);
