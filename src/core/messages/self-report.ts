/** Texts of self-reports (laporan mandiri) and their receipts, Indonesian first. */
import type { ReportCategory, ReportPlace } from '../self-report.js';
import { quoteStrangerLines, quoteStrangerName } from '../text/quote.js';

/** What a receipt (text, PDF) and the Humas alert say about one report. */
export interface ReceiptFacts {
  receiptNo: string;
  code: string;
  /** Report time, formatted with its zone (WIB). */
  at: string;
  asnName: string;
  nip: string;
  unit: string;
  category: ReportCategory;
  place: ReportPlace;
  description: string;
  groupName?: string;
  links: string[];
  actor?: string;
  /** `sha256  filename (bytes)` per evidence file. */
  evidence: { name: string; sha256: string; bytes: number }[];
  caseId?: number;
  /** When the ASN said it was resolved, formatted. */
  resolvedAt?: string;
  /** Videos the ASN sent with the report that were not kept (the Humas alert says so, to ask for them another way). */
  videosNotKept?: number;
}

/** The summary of self-reports about one group, held during a burst (app/self-report-bursts.ts). */
export interface MassReportsInput {
  count: number;
  place: ReportPlace;
  /** The group's name as reported (quoted already), when one was given. */
  groupName?: string;
  /** The WhatsApp invite link reported, when the burst is keyed by one. */
  link?: string;
  from: string;
  to: string;
  /** `ocr`: what the report's screenshots were machine-read to say, by the time the summary went (ocr.ts dashboardLine). */
  lines: { receiptNo: string; caseId?: number; asnName: string; nip: string; unit: string; ocr?: string; videosNotKept?: number }[];
  /** Reports not listed in the text (they are in the attached CSV). */
  more: number;
}

/** Every self-report text. */
export interface SelfReportTexts {
  categoryName: Record<ReportCategory, string>;
  placeName: Record<ReportPlace, string>;
  notRegistered: (platform: 'telegram' | 'whatsapp', humasContact?: string) => string;
  usage: (platform: 'telegram' | 'whatsapp') => string;
  receipt: (r: ReceiptFacts) => string;
  steps: (place: ReportPlace, category: ReportCategory) => string[];
  humasAlert: (r: ReceiptFacts) => string;
  /** The first line of a receipt sent again because the ASN sent the same report again within a few minutes. */
  sameReport: (receiptNo: string) => string;
  /** Many ASN reported the same group within one window: one summary for Humas instead of an alert per report. */
  massReports: (o: MassReportsInput) => string;
  /** One line telling the ASN which evidence files were not kept, and why (counts by reason). */
  /** Files not kept, by reason; `video`: videos (only photos and documents are kept as evidence). */
  /** `quota`: over the ASN's daily evidence limit (`quotaMb` MB in 24 hours, EVIDENCE_MB_PER_DAY). */
  skipped: (n: { tooBig: number; tooMany: number; failed: number; video: number; quota?: number }, quotaMb?: number) => string;
  /** `report`: the "Laporkan" button (Telegram greeting and ASN alert) that starts the guided self-report. */
  buttons: { done: string; help: string; report: string };
  /** WhatsApp has no buttons: the line under an ASN alert or follow-up that stands for "Laporkan". */
  replyLapor: string;
  resolved: (r: ReceiptFacts) => string;
  alreadyResolved: (receiptNo: string) => string;
  inviteInfo: (o: { receiptNo: string; code: string; subject: string; size?: number; creator?: string; description?: string; campaign: boolean; reason: string }) => string;
  pdfFileName: (receiptNo: string) => string;
  pdf: {
    title: string;
    intro: string;
    number: string;
    code: string;
    time: string;
    reporter: string;
    what: string;
    where: string;
    group: string;
    actor: string;
    description: string;
    links: string;
    evidence: string;
    noEvidence: string;
    status: string;
    open: string;
    resolvedAt: string;
    verify: string;
    worth: string;
  };
  verify: {
    usage: string;
    badNumber: (s: string) => string;
    badCode: (s: string) => string;
    valid: (o: { receiptNo: string; at: string; status: string }) => string;
    invalid: (receiptNo: string) => string;
    statusOpen: string;
    statusResolved: (at: string) => string;
  };
}

const ID: SelfReportTexts = {
  categoryName: { added: 'dimasukkan ke grup', tagged: 'ditandai (di-tag) dalam unggahan', photo: 'foto bersama calon diunggah', other: 'lainnya' },
  placeName: { whatsapp: 'WhatsApp', telegram: 'Telegram', facebook: 'Facebook', instagram: 'Instagram', tiktok: 'TikTok', x: 'X (Twitter)', other: 'lainnya' },
  notRegistered: (platform, contact) =>
    [
      'Maaf, laporan mandiri hanya dapat dikirim oleh ASN yang terdaftar di Jaga Netral. Laporan Anda tidak dicatat.',
      platform === 'telegram'
        ? 'Untuk mendaftar, ketik /start lalu tekan tombol "Bagikan nomor telepon". Nomor Anda harus sudah terdaftar oleh Humas.'
        : 'Nomor WhatsApp Anda belum terdaftar. Mintalah Humas mendaftarkan nomor Anda, lalu kirim laporan lagi.',
      contact ? `Kontak Humas: ${contact}` : undefined,
    ].filter(Boolean).join('\n'),
  usage: (platform) =>
    platform === 'telegram'
      ? 'Tulis laporan Anda setelah /lapor, misalnya:\n/lapor Saya dimasukkan ke grup WhatsApp "Relawan ..." oleh 0812..., tautan https://chat.whatsapp.com/...'
      : 'Tulis laporan Anda setelah LAPOR, misalnya:\nLAPOR Saya dimasukkan ke grup "Relawan ..." oleh 0812..., tautan https://chat.whatsapp.com/...',
  receipt: (r) =>
    [
      '🧾 Tanda terima laporan Jaga Netral',
      `Nomor: ${r.receiptNo}`,
      `Kode verifikasi: ${r.code}`,
      `Waktu laporan: ${r.at}`,
      `Pelapor: ${r.asnName} (NIP ${r.nip}), ${r.unit}`,
      `Kejadian: ${ID.categoryName[r.category]}, di ${ID.placeName[r.place]}`,
      r.groupName ? `Grup/akun: "${r.groupName}"` : undefined,
      r.actor ? `Pelaku yang disebut: ${r.actor}` : undefined,
      `Laporan: ${r.description}`,
      r.links.length ? `Tautan (disimpan sebagai teks, tidak dibuka): ${r.links.join(' ')}` : undefined,
      ...(r.evidence.length ? ['Bukti (SHA-256):', ...r.evidence.map((e) => `- ${e.name}: ${e.sha256}`)] : []),
      r.resolvedAt ? `Selesai menurut ASN: ${r.resolvedAt}` : undefined,
      '',
      'Yang perlu Anda lakukan:',
      ...ID.steps(r.place, r.category).map((s) => `- ${s}`),
      '',
      'Simpan tanda terima ini. Atasan, BKN atau Bawaslu dapat memeriksa keasliannya dengan nomor dan kode di atas. Tekan "Sudah selesai" setelah Anda keluar atau tanda/foto dihapus.',
    ].filter((l) => l !== undefined).join('\n'),
  steps: (place, category) => {
    if (place === 'whatsapp') return ['Buka grup, ketuk nama grup, lalu pilih "Keluar dari grup".', 'Jangan menanggapi, menyukai atau membagikan pesan di grup itu.'];
    if (place === 'telegram') return ['Buka grup, ketuk nama grup, lalu pilih "Keluar dari grup" (Leave group).', 'Jangan menanggapi, menyukai atau membagikan pesan di grup itu.'];
    if (category === 'photo') return ['Minta pengunggah menghapus foto tersebut, dan simpan bukti permintaan Anda.', 'Laporkan unggahan itu ke platformnya (menu unggahan, "Laporkan").'];
    if (place === 'facebook') return ['Buka unggahan, ketuk menu (…) lalu pilih "Hapus tanda" (Remove tag).'];
    if (place === 'instagram') return ['Ketuk foto, ketuk nama Anda, lalu pilih "Hapus saya dari postingan" (Remove me from post).'];
    if (place === 'tiktok' || place === 'x') return ['Minta pengunggah menghapus tanda Anda, dan batasi siapa yang boleh menandai Anda di pengaturan privasi.'];
    return ['Keluar dari grup atau hapus tanda Anda, dan jangan menanggapi unggahannya.'];
  },
  sameReport: (no) => `Laporan yang sama sudah tercatat dengan nomor ${no}; tidak dicatat dua kali. Berikut tanda terimanya lagi.`,
  humasAlert: (r) =>
    [
      `📝 Laporan mandiri ASN ${r.receiptNo}${r.caseId !== undefined ? ` (kasus #${r.caseId})` : ''}`,
      `ASN: ${r.asnName} (NIP ${r.nip}), ${r.unit}`,
      `Waktu laporan: ${r.at}`,
      `Kejadian: ${ID.categoryName[r.category]}, di ${ID.placeName[r.place]}`,
      r.groupName ? `Grup/akun: "${quoteStrangerName(r.groupName)}"` : undefined,
      r.actor ? `Pelaku yang disebut: ${r.actor}` : undefined,
      quoteStrangerLines('Laporan:', r.description),
      r.links.length ? `Tautan (tidak dibuka bot): ${r.links.join(' ')}` : undefined,
      r.evidence.length ? `Bukti terlampir: ${r.evidence.length} berkas` : undefined,
      r.videosNotKept ? `ASN juga mengirim ${r.videosNotKept} video yang tidak disimpan bot (bukti yang disimpan hanya foto dan dokumen); mintalah lewat jalur lain bila diperlukan.` : undefined,
    ].filter(Boolean).join('\n'),
  massReports: (o) =>
    [
      `⚠️ ${o.count} laporan mandiri ASN tentang grup yang sama`,
      o.groupName ? `Grup/akun: "${quoteStrangerName(o.groupName)}" (${ID.placeName[o.place]})` : undefined,
      o.link ? `Tautan (tidak dibuka bot): ${o.link}` : undefined,
      `Waktu laporan: ${o.from} s.d. ${o.to}`,
      'Pelapor:',
      ...o.lines.flatMap((l) => [
        `- ${l.receiptNo}${l.caseId !== undefined ? ` (kasus #${l.caseId})` : ''}: ${l.asnName} (NIP ${l.nip}), ${l.unit}${l.videosNotKept ? `; juga ${l.videosNotKept} video yang tidak disimpan bot` : ''}`,
        ...(l.ocr ? [`  ${l.ocr}`] : []),
      ]),
      o.more ? `… dan ${o.more} lagi (daftar lengkap terlampir)` : undefined,
      'Bukti tiap laporan ada di dasbor (Laporan ASN) dan lewat /bukti <nomor kasus>.',
    ].filter((l) => l !== undefined).join('\n'),
  skipped: (n, mb) =>
    `Mohon maaf, ${n.tooBig + n.tooMany + n.failed + n.video + (n.quota ?? 0)} berkas tidak kami simpan: ${[
      n.tooBig ? `${n.tooBig} lebih dari 10 MB` : undefined,
      n.tooMany ? `${n.tooMany} melebihi batas 10 berkas per laporan` : undefined,
      n.failed ? `${n.failed} gagal diunduh (silakan kirim ulang)` : undefined,
      n.video ? `${n.video} video (bukti yang disimpan hanya foto dan dokumen; kirim tangkapan layar dari videonya)` : undefined,
      n.quota ? `${n.quota} melebihi batas bukti per ASN (${mb ?? '?'} MB dalam 24 jam; laporan tetap tercatat, hubungi Humas bila perlu mengirim lebih)` : undefined,
    ].filter(Boolean).join(', ')}. Anda dapat mengirim tautannya atau tangkapan layar yang lebih kecil.`,
  buttons: { done: 'Sudah selesai', help: 'Saya perlu bantuan Humas', report: 'Laporkan' },
  replyLapor: 'Ada hal lain yang tidak terlihat bot? Balas LAPOR untuk melaporkannya.',
  resolved: (r) => `Terima kasih. Laporan ${r.receiptNo} dicatat selesai pada ${r.resolvedAt}. Tanda terima yang diperbarui terlampir.`,
  alreadyResolved: (no) => `Laporan ${no} sudah dicatat selesai.`,
  inviteInfo: (o) =>
    [
      `🔗 Tautan undangan WhatsApp dalam laporan ${o.receiptNo} (diperiksa tanpa bergabung):`,
      `Grup: "${o.subject}"${o.size !== undefined ? `, ${o.size} anggota` : ''}`,
      o.creator ? `Pembuat: ${o.creator}` : undefined,
      o.description ? `Deskripsi: ${o.description.slice(0, 300)}` : undefined,
      `${o.campaign ? 'Tampak sebagai grup kampanye' : 'Tidak tampak sebagai grup kampanye'}: ${o.reason}`,
      `Agar bot memantau grup ini, kirim: /gabung https://chat.whatsapp.com/${o.code}`,
    ].filter(Boolean).join('\n'),
  pdfFileName: (no) => `tanda-terima-${no}.pdf`,
  pdf: {
    title: 'Tanda Terima Laporan Mandiri ASN',
    intro: 'Jaga Netral mencatat laporan berikut dari ASN yang bersangkutan pada waktu yang tertera.',
    number: 'Nomor tanda terima',
    code: 'Kode verifikasi',
    time: 'Waktu laporan',
    reporter: 'Pelapor',
    what: 'Kejadian',
    where: 'Tempat',
    group: 'Grup/akun',
    actor: 'Pelaku yang disebut',
    description: 'Isi laporan',
    links: 'Tautan (disimpan sebagai teks)',
    evidence: 'Bukti dan sidik SHA-256',
    noEvidence: 'Tidak ada berkas bukti.',
    status: 'Status',
    open: 'Dalam tindak lanjut',
    resolvedAt: 'Selesai menurut ASN',
    verify: 'Periksa keaslian: jaga-netral receipt verify NOMOR KODE, atau halaman verifikasi dasbor Humas.',
    worth:
      'Tanda terima ini menunjukkan bahwa ASN melaporkan kejadian tersebut pada waktu itu dan menyatakan keluar atau meminta penghapusan. Ini bukan putusan atas pelanggaran.',
  },
  verify: {
    usage: 'Cara pakai: jaga-netral receipt verify NOMOR KODE (mis. JN-2026-000001 ABCD-EFGH-JKMN)',
    badNumber: (s) => `"${s}" bukan nomor tanda terima (bentuknya JN-TTTT-NNNNNN).`,
    badCode: (s) => `"${s}" bukan kode verifikasi (12 huruf/angka, XXXX-XXXX-XXXX).`,
    valid: (o) => `SAH: tanda terima ${o.receiptNo}, laporan ${o.at}, status: ${o.status}.`,
    invalid: (no) => `TIDAK SAH: nomor ${no} dan kode ini tidak cocok dengan tanda terima mana pun.`,
    statusOpen: 'dalam tindak lanjut',
    statusResolved: (at) => `selesai ${at}`,
  },
};

const EN: SelfReportTexts = {
  categoryName: { added: 'added to a group', tagged: 'tagged in a post', photo: 'photo with a candidate posted', other: 'other' },
  placeName: { whatsapp: 'WhatsApp', telegram: 'Telegram', facebook: 'Facebook', instagram: 'Instagram', tiktok: 'TikTok', x: 'X (Twitter)', other: 'other' },
  notRegistered: (platform, contact) =>
    [
      'Sorry, only civil servants registered with Jaga Netral can send a report. Your report was not recorded.',
      platform === 'telegram'
        ? 'To register, send /start and press the "Share phone number" button. Humas must have registered your number.'
        : 'Your WhatsApp number is not registered. Ask Humas to register it, then send your report again.',
      contact ? `Humas contact: ${contact}` : undefined,
    ].filter(Boolean).join('\n'),
  usage: (platform) =>
    platform === 'telegram'
      ? 'Write your report after /lapor, for example:\n/lapor I was added to the WhatsApp group "Relawan ..." by 0812..., link https://chat.whatsapp.com/...'
      : 'Write your report after LAPOR, for example:\nLAPOR I was added to the group "Relawan ..." by 0812..., link https://chat.whatsapp.com/...',
  receipt: (r) =>
    [
      '🧾 Jaga Netral report receipt',
      `Number: ${r.receiptNo}`,
      `Verification code: ${r.code}`,
      `Reported at: ${r.at}`,
      `Reported by: ${r.asnName} (NIP ${r.nip}), ${r.unit}`,
      `What: ${EN.categoryName[r.category]}, on ${EN.placeName[r.place]}`,
      r.groupName ? `Group/account: "${r.groupName}"` : undefined,
      r.actor ? `Named as responsible: ${r.actor}` : undefined,
      `Report: ${r.description}`,
      r.links.length ? `Links (kept as text, not opened): ${r.links.join(' ')}` : undefined,
      ...(r.evidence.length ? ['Evidence (SHA-256):', ...r.evidence.map((e) => `- ${e.name}: ${e.sha256}`)] : []),
      r.resolvedAt ? `Resolved according to the ASN: ${r.resolvedAt}` : undefined,
      '',
      'What to do:',
      ...EN.steps(r.place, r.category).map((s) => `- ${s}`),
      '',
      'Keep this receipt. Your superior, BKN or Bawaslu can check it with the number and code above. Press "Done" once you have left or the tag/photo is gone.',
    ].filter((l) => l !== undefined).join('\n'),
  steps: (place, category) => {
    if (place === 'whatsapp') return ['Open the group, tap its name, then "Exit group".', 'Do not reply to, like or share messages in that group.'];
    if (place === 'telegram') return ['Open the group, tap its name, then "Leave group".', 'Do not reply to, like or share messages in that group.'];
    if (category === 'photo') return ['Ask the poster to take the photo down, and keep proof that you asked.', 'Report the post to the platform (the post menu, "Report").'];
    if (place === 'facebook') return ['Open the post, tap the menu (…), then "Remove tag".'];
    if (place === 'instagram') return ['Tap the photo, tap your name, then "Remove me from post".'];
    if (place === 'tiktok' || place === 'x') return ['Ask the poster to remove your tag, and limit who may mention you in the privacy settings.'];
    return ['Leave the group or remove your tag, and do not react to the post.'];
  },
  sameReport: (no) => `The same report is already recorded as ${no}; it was not recorded twice. Here is its receipt again.`,
  humasAlert: (r) =>
    [
      `📝 Self-report by a civil servant ${r.receiptNo}${r.caseId !== undefined ? ` (case #${r.caseId})` : ''}`,
      `ASN: ${r.asnName} (NIP ${r.nip}), ${r.unit}`,
      `Reported at: ${r.at}`,
      `What: ${EN.categoryName[r.category]}, on ${EN.placeName[r.place]}`,
      r.groupName ? `Group/account: "${quoteStrangerName(r.groupName)}"` : undefined,
      r.actor ? `Named as responsible: ${r.actor}` : undefined,
      quoteStrangerLines('Report:', r.description),
      r.links.length ? `Links (not opened by the bot): ${r.links.join(' ')}` : undefined,
      r.evidence.length ? `Evidence attached: ${r.evidence.length} file(s)` : undefined,
      r.videosNotKept ? `The ASN also sent ${r.videosNotKept} video${r.videosNotKept === 1 ? '' : 's'} the bot did not keep (only photos and documents are kept as evidence); ask for ${r.videosNotKept === 1 ? 'it' : 'them'} another way if needed.` : undefined,
    ].filter(Boolean).join('\n'),
  massReports: (o) =>
    [
      `⚠️ ${o.count} self-reports by civil servants about the same group`,
      o.groupName ? `Group/account: "${quoteStrangerName(o.groupName)}" (${EN.placeName[o.place]})` : undefined,
      o.link ? `Link (not opened by the bot): ${o.link}` : undefined,
      `Reported: ${o.from} to ${o.to}`,
      'Reported by:',
      ...o.lines.flatMap((l) => [
        `- ${l.receiptNo}${l.caseId !== undefined ? ` (case #${l.caseId})` : ''}: ${l.asnName} (NIP ${l.nip}), ${l.unit}${l.videosNotKept ? `; also ${l.videosNotKept} video${l.videosNotKept === 1 ? '' : 's'} the bot did not keep` : ''}`,
        ...(l.ocr ? [`  ${l.ocr}`] : []),
      ]),
      o.more ? `… and ${o.more} more (full list attached)` : undefined,
      'The evidence of each report is on the dashboard (ASN reports) and through /bukti <case number>.',
    ].filter((l) => l !== undefined).join('\n'),
  skipped: (n, mb) =>
    `Sorry, ${n.tooBig + n.tooMany + n.failed + n.video + (n.quota ?? 0)} file${n.tooBig + n.tooMany + n.failed + n.video + (n.quota ?? 0) === 1 ? ' was' : 's were'} not kept: ${[
      n.tooBig ? `${n.tooBig} over 10 MB` : undefined,
      n.tooMany ? `${n.tooMany} beyond the limit of 10 files per report` : undefined,
      n.failed ? `${n.failed} could not be downloaded (please send again)` : undefined,
      n.video ? `${n.video} video${n.video === 1 ? '' : 's'} (only photos and documents are kept as evidence; send a screenshot of the video)` : undefined,
      n.quota ? `${n.quota} over the evidence limit per ASN (${mb ?? '?'} MB in 24 hours; the report is recorded all the same, contact Humas to send more)` : undefined,
    ].filter(Boolean).join(', ')}. You can send a link or a smaller screenshot instead.`,
  buttons: { done: 'Done', help: 'I need Humas help', report: 'Report something' },
  replyLapor: 'Something else the bot did not see? Reply LAPOR to report it.',
  resolved: (r) => `Thank you. Report ${r.receiptNo} is recorded as resolved at ${r.resolvedAt}. The updated receipt is attached.`,
  alreadyResolved: (no) => `Report ${no} is already recorded as resolved.`,
  inviteInfo: (o) =>
    [
      `🔗 WhatsApp invite link in report ${o.receiptNo} (checked without joining):`,
      `Group: "${o.subject}"${o.size !== undefined ? `, ${o.size} members` : ''}`,
      o.creator ? `Created by: ${o.creator}` : undefined,
      o.description ? `Description: ${o.description.slice(0, 300)}` : undefined,
      `${o.campaign ? 'Looks like a campaign group' : 'Does not look like a campaign group'}: ${o.reason}`,
      `To let the bot watch this group, send: /gabung https://chat.whatsapp.com/${o.code}`,
    ].filter(Boolean).join('\n'),
  pdfFileName: (no) => `receipt-${no}.pdf`,
  pdf: {
    title: 'Civil Servant Self-Report Receipt',
    intro: 'Jaga Netral recorded the following report from the civil servant named below at the time shown.',
    number: 'Receipt number',
    code: 'Verification code',
    time: 'Reported at',
    reporter: 'Reported by',
    what: 'What happened',
    where: 'Where',
    group: 'Group/account',
    actor: 'Named as responsible',
    description: 'Report',
    links: 'Links (kept as text)',
    evidence: 'Evidence and SHA-256 fingerprints',
    noEvidence: 'No evidence files.',
    status: 'Status',
    open: 'Being followed up',
    resolvedAt: 'Resolved according to the ASN',
    verify: 'Check it: jaga-netral receipt verify NUMBER CODE, or the verification page of the Humas dashboard.',
    worth:
      'This receipt shows that the civil servant reported this at that time and said they left or asked for removal. It is not a ruling on any violation.',
  },
  verify: {
    usage: 'Usage: jaga-netral receipt verify NUMBER CODE (e.g. JN-2026-000001 ABCD-EFGH-JKMN)',
    badNumber: (s) => `"${s}" is not a receipt number (it looks like JN-YYYY-NNNNNN).`,
    badCode: (s) => `"${s}" is not a verification code (12 letters/digits, XXXX-XXXX-XXXX).`,
    valid: (o) => `VALID: receipt ${o.receiptNo}, reported ${o.at}, status: ${o.status}.`,
    invalid: (no) => `NOT VALID: number ${no} and this code match no receipt.`,
    statusOpen: 'being followed up',
    statusResolved: (at) => `resolved ${at}`,
  },
};

/** Self-report texts for `lang`. */
export const selfReportTexts = (lang: 'id' | 'en'): SelfReportTexts => (lang === 'en' ? EN : ID);
