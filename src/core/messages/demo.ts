/** The narration of `jaga-netral demo`. Indonesian first. */

/** The texts of one language. */
export interface DemoTexts {
  title: string;
  /** A group as the transcript names it. */
  group(title: string): string;
  database(path: string): string;
  importRegistry(file: string): string;
  botsUp(tg: string, wa: string): string;
  asnStarts(name: string): string;
  mayaNeverStarts: string;
  botAddedTg(group: string): string;
  timsesAddsTg: string;
  postTg(post: string): string;
  waAdd(group: string): string;
  postWa(post: string): string;
  ahmadLeaves: string;
  sitiLeaves: string;
  caseOf(name: string, platform: string, status: string): string;
  leftClosed: string;
  status(s: string): string;
  after25h: string;
  /** Every case checked falls in exactly one of the counts; `open` - `checked` cases had no account the bot could check. */
  checks(c: { open: number; checked: number; stillIn: number; left: number; unconfirmed: number; unknown: number; closedMeanwhile: number; followedUp: string }): string;
  after49h: string;
  escalated(ids: string): string;
  adminReport: string;
  strangerReport: string;
  failed(why: string): string;
  reportHeading: string;
  filesHeading(dir: string): string;
  bytes(n: number): string;
  done(seconds: string): string;
}

const ID: DemoTexts = {
  title: '═══ Jaga Netral — demo cerita OKU (simulator Telegram + WhatsApp) ═══',
  group: (t) => `Grup "${t}"`,
  database: (p) => `Basis data: ${p}`,
  importRegistry: (f) => `Humas mengimpor daftar ASN (${f})`,
  botsUp: (tg, wa) => `Bot aktif: Telegram ${tg}, WhatsApp ${wa}`,
  asnStarts: (n) => `${n} (ASN) membuka bot Telegram, menekan /start dan membagikan kontaknya`,
  mayaNeverStarts: 'Maya Sari (ASN, @mayasari_oku) tidak pernah membuka bot Telegram',
  botAddedTg: (g) => `Timses (Joko) memasukkan bot ke grup Telegram "${g}"`,
  timsesAddsTg: 'Timses menambahkan Ahmad Fauzi dan Maya Sari ke grup Telegram',
  postTg: (p) => `Timses memposting di grup Telegram: "${p}"`,
  waAdd: (g) => `Di WhatsApp: bot sudah menjadi anggota grup "${g}"; Timses menambahkan Siti Rahmawati (@lid + nomor HP)`,
  postWa: (p) => `Timses memposting di grup WhatsApp: "${p}" (menandai Rudi Hartono)`,
  ahmadLeaves: 'Ahmad Fauzi keluar dari grup Telegram',
  sitiLeaves: 'Siti Rahmawati keluar dari grup WhatsApp',
  caseOf: (n, p, s) => `   ✔ Kasus ${n} di ${p}: ${s}`,
  leftClosed: 'ASN sudah keluar, kasus ditutup',
  status: (s) => `status ${s}`,
  after25h: 'Waktu berjalan: +25 jam. Pemeriksaan keanggotaan dan tindak lanjut untuk ASN yang belum keluar',
  checks: (c) =>
    `   (kasus terbuka ${c.open}, tanpa akun yang dapat diperiksa ${c.open - c.checked}; keanggotaan diperiksa: ${c.checked} kasus; masih di grup ${c.stillIn}, sudah keluar ${c.left}, keluar belum pasti ${c.unconfirmed}, tidak dapat diperiksa ${c.unknown}${c.closedMeanwhile ? `, ditutup selama pemeriksaan ${c.closedMeanwhile}` : ''}; tindak lanjut: kasus ${c.followedUp})`,
  after49h: 'Waktu berjalan: +49 jam. Kasus yang masih terbuka dieskalasi ke Humas; ringkasan harian dikirim',
  escalated: (ids) => `   (eskalasi: kasus ${ids})`,
  adminReport: 'Admin Humas mengirim /report 30h ke bot Telegram',
  strangerReport: 'Orang asing mengirim /report ke bot Telegram',
  failed: (w) => `demo gagal: ${w}`,
  reportHeading: '\n═══ Laporan yang diterima Humas ═══',
  filesHeading: (d) => `\n═══ Berkas di ${d}/ ═══`,
  bytes: (n) => `${n} byte`,
  done: (s) => `\nSelesai dalam ${s} detik.`,
};

const EN: DemoTexts = {
  title: '═══ Jaga Netral — the OKU story demo (Telegram + WhatsApp simulators) ═══',
  group: (t) => `Group "${t}"`,
  database: (p) => `Database: ${p}`,
  importRegistry: (f) => `Humas imports the ASN registry (${f})`,
  botsUp: (tg, wa) => `Bot running: Telegram ${tg}, WhatsApp ${wa}`,
  asnStarts: (n) => `${n} (ASN) opens the Telegram bot, presses /start and shares their contact`,
  mayaNeverStarts: 'Maya Sari (ASN, @mayasari_oku) never opens the Telegram bot',
  botAddedTg: (g) => `The campaign team (Joko) adds the bot to the Telegram group "${g}"`,
  timsesAddsTg: 'The campaign team adds Ahmad Fauzi and Maya Sari to the Telegram group',
  postTg: (p) => `The campaign team posts in the Telegram group: "${p}"`,
  waAdd: (g) => `On WhatsApp: the bot is already a member of the group "${g}"; the campaign team adds Siti Rahmawati (@lid + phone number)`,
  postWa: (p) => `The campaign team posts in the WhatsApp group: "${p}" (tagging Rudi Hartono)`,
  ahmadLeaves: 'Ahmad Fauzi leaves the Telegram group',
  sitiLeaves: 'Siti Rahmawati leaves the WhatsApp group',
  caseOf: (n, p, s) => `   ✔ Case of ${n} on ${p}: ${s}`,
  leftClosed: 'the ASN has left, case closed',
  status: (s) => `status ${s}`,
  after25h: 'Time passes: +25 hours. Membership checks and follow-ups for ASN who have not left',
  checks: (c) =>
    `   (open cases ${c.open}, with no account to check ${c.open - c.checked}; membership checked: ${c.checked} cases; still in the group ${c.stillIn}, left ${c.left}, left but not certain ${c.unconfirmed}, could not be checked ${c.unknown}${c.closedMeanwhile ? `, closed during the check ${c.closedMeanwhile}` : ''}; follow-up: case ${c.followedUp})`,
  after49h: 'Time passes: +49 hours. Cases still open are escalated to Humas; the daily digest is sent',
  escalated: (ids) => `   (escalated: case ${ids})`,
  adminReport: 'The Humas admin sends /report 30h to the Telegram bot',
  strangerReport: 'A stranger sends /report to the Telegram bot',
  failed: (w) => `demo failed: ${w}`,
  reportHeading: '\n═══ The report Humas received ═══',
  filesHeading: (d) => `\n═══ Files in ${d}/ ═══`,
  bytes: (n) => `${n} bytes`,
  done: (s) => `\nDone in ${s} seconds.`,
};

/** Demo narration for `lang`. */
export const demoTexts = (lang: 'id' | 'en'): DemoTexts => (lang === 'en' ? EN : ID);
