/**
 * Texts of the case lifecycle: the ASN's follow-up reminder, the escalation to
 * Humas, the daily digest and the replies of the case commands. Indonesian
 * first; app code never inlines a sentence.
 */
import type { Platform } from '../ids.js';
import type { IncidentKind, IncidentStatus } from '../types.js';
import { selfReportTexts } from './self-report.js';
import { unverifiedMarkText } from './pressure.js';

/** What the ASN's follow-up DM needs. */
export interface FollowupInput {
  caseId: number;
  platform: Platform;
  chatTitle: string;
  openedAt: string;
  humasContact: string;
}

/** What the escalation to Humas needs (private to Humas admins: names and NIP are fine). */
export interface EscalationInput {
  caseId: number;
  kind: IncidentKind;
  platform: Platform;
  asnName: string;
  nip: string;
  unit: string;
  phone: string;
  chatTitle: string;
  openedAt: string;
  followedUpAt?: string;
  followupDelivered: boolean;
}

/** One case line in a digest or a case list. */
export interface CaseLine {
  caseId: number;
  asnName: string;
  unit: string;
  chatTitle: string;
  platform: Platform;
  at: string;
}

/** What the digest needs. */
export interface DigestInput {
  from: string;
  to: string;
  newCases: CaseLine[];
  openCases: CaseLine[];
  /** `thanked`: the ASN's thank-you was delivered; `reason`: how the leave is known, when the bot did not see it itself. */
  leftCases: (CaseLine & { took: string; thanked: boolean; reason?: string })[];
  undeliverable: { caseId: number | null; asnName?: string; kind: string; reason: string }[];
  /** Longest list shown per section; the rest is counted. */
  maxLines: number;
}

/** What the thank-you to an ASN who left needs. */
export interface ThanksInput {
  caseId: number;
  chatTitle: string;
  humasContact: string;
}

/** One case line of a grouped follow-up, escalation or thank-you. */
export interface GroupedCase {
  caseId: number;
  chatTitle: string;
  openedAt: string;
}

/** The follow-ups of one ASN that fell due in the same pass, in one message (the first few cases named). */
export interface FollowupManyInput {
  platform: Platform;
  cases: GroupedCase[];
  /** Cases beyond those named. */
  more: number;
  humasContact: string;
}

/** The escalations of one ASN that fell due in the same pass, in one message to each Humas admin. */
export interface EscalationManyInput {
  platform: Platform;
  asnName: string;
  nip: string;
  unit: string;
  phone: string;
  cases: (GroupedCase & { kind: IncidentKind; followedUpAt?: string; followupDelivered: boolean })[];
  more: number;
}

/** The thank-yous of one ASN who left several groups, in one message. */
export interface ThanksManyInput {
  platform: Platform;
  cases: Omit<GroupedCase, 'openedAt'>[];
  more: number;
  humasContact: string;
}

/** All lifecycle texts of one language. */
export interface LifecycleTexts {
  /** Short thank-you when a case closes because the ASN left the group. */
  thanksLeft(a: ThanksInput): string;
  followup(a: FollowupInput): string;
  escalation(a: EscalationInput): string;
  /** Several follow-ups of one ASN at once (app/lifecycle.ts groups those due in one pass). */
  followupMany(a: FollowupManyInput): string;
  /** Several escalations of one ASN at once. */
  escalationMany(a: EscalationManyInput): string;
  /** Several thank-yous of one ASN at once (app/thanks-holds.ts). */
  thanksMany(a: ThanksManyInput): string;
  digest(a: DigestInput): string;
  statusLabel(s: IncidentStatus): string;
  expiredReason(days: number): string;
  reopenedReason: string;
  cmd: {
    exemptUsage: string;
    reopenUsage: string;
    noCase(id: string): string;
    /** What was typed where a case number belongs is no number (`/kasus no abc`); `command` is the one to show. */
    notCaseNumber(given: string, command: string): string;
    notOpen(id: number, status: IncidentStatus): string;
    exempted(id: number, reason: string): string;
    alreadyOpen(id: number): string;
    otherOpen(id: number, otherId: number): string;
    reopened(id: number): string;
    noOpenCases: string;
    openCasesHeader(n: number): string;
    caseDetail(a: CaseDetailInput): string;
  };
}

/** What `/kasus <id>` shows. */
export interface CaseDetailInput {
  caseId: number;
  status: IncidentStatus;
  kind: IncidentKind;
  platform: Platform;
  asnName: string;
  nip: string;
  unit: string;
  chatTitle: string;
  openedAt: string;
  resolvedAt?: string;
  addedBy?: string;
  excerpt?: string;
  statusReason?: string;
  statusBy?: string;
  followups: number;
  escalatedAt?: string;
  /** The Telegram username the case matched by alone (IncidentStore.unverifiedOf), quoted: the ASN line is marked. */
  unverified?: string;
}

const platformName = (p: Platform): string => (p === 'telegram' ? 'Telegram' : 'WhatsApp');
const short = (p: Platform): string => (p === 'telegram' ? 'TG' : 'WA');

function section<T>(title: string, items: T[], max: number, line: (x: T) => string, more: (n: number) => string, none: string): string[] {
  if (!items.length) return [`${title}: ${none}`];
  const shown = items.slice(0, max).map((x) => `- ${line(x)}`);
  return [`${title}: ${items.length}`, ...shown, ...(items.length > max ? [more(items.length - max)] : [])];
}

const STATUS_ID: Record<IncidentStatus, string> = { open: 'terbuka', left: 'sudah keluar', exempted: 'dikecualikan', expired: 'kedaluwarsa' };
const STATUS_EN: Record<IncidentStatus, string> = { open: 'open', left: 'left', exempted: 'exempted', expired: 'expired' };
const KIND_ID: Record<IncidentKind, string> = {
  added: 'dimasukkan ke grup', mentioned: 'ditandai dalam unggahan', reacted: 'memberi reaksi', posted: 'mengirim pesan', present: 'berada di grup', reported: 'dilaporkan oleh ASN',
};
const KIND_EN: Record<IncidentKind, string> = {
  added: 'added to a group', mentioned: 'tagged in a post', reacted: 'reacted to a post', posted: 'posted in a group', present: 'member of a group', reported: 'reported by the ASN',
};

const ID: LifecycleTexts = {
  thanksLeft: (a) =>
    [
      `Terima kasih, Bapak/Ibu ASN. Anda sudah tidak tercatat di grup "${a.chatTitle}", dan kasus #${a.caseId} kami tutup.`,
      `Tetap jaga netralitas ASN selama Pilkada. Bila ada pertanyaan, hubungi ${a.humasContact}.`,
    ].join('\n'),
  followup: (a) =>
    [
      `Yth. Bapak/Ibu ASN,`,
      ``,
      `Pengingat (kasus #${a.caseId}, sejak ${a.openedAt}): kami belum mencatat Anda keluar dari grup "${a.chatTitle}" (${platformName(a.platform)}).`,
      `Jika Anda masih di grup tersebut, mohon segera keluar dan jangan memberi reaksi atau komentar apa pun.`,
      ``,
      a.platform === 'telegram'
        ? `Jika Anda sudah keluar, ketuk "Saya sudah keluar". Jika Anda dimasukkan tanpa persetujuan atau perlu bantuan, ketuk "Saya perlu bantuan Humas" atau hubungi ${a.humasContact}.`
        : `Jika Anda sudah keluar, balas pesan ini dengan: SUDAH KELUAR ${a.caseId}. Jika Anda dimasukkan tanpa persetujuan atau perlu bantuan, hubungi ${a.humasContact}.`,
      // As under the first alert: Telegram has the "Laporkan" button (app/alerts.ts asnAlertButtons), WhatsApp this line.
      ...(a.platform === 'whatsapp' ? [selfReportTexts('id').replyLapor] : []),
      ``,
      `Pesan otomatis Jaga Netral.`,
    ].join('\n'),
  escalation: (a) =>
    [
      `⏫ Eskalasi kasus #${a.caseId}: ASN belum tercatat keluar dari grup kampanye`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      `Telepon: ${a.phone}`,
      `Grup: "${a.chatTitle}" (${platformName(a.platform)}), ${KIND_ID[a.kind]}`,
      `Kasus dibuka: ${a.openedAt}`,
      a.followedUpAt
        ? `Pengingat ke ASN: ${a.followedUpAt}${a.followupDelivered ? '' : ' (tidak dapat dikirim)'}`
        : `Pengingat ke ASN belum dapat dikirim.`,
      `Mohon hubungi ASN tersebut secara langsung.`,
      `Jika ASN berada di grup dengan alasan sah (misalnya sebagai keluarga calon), gunakan /kecualikan ${a.caseId} <alasan>.`,
    ].join('\n'),
  followupMany: (a) =>
    [
      `Yth. Bapak/Ibu ASN,`,
      ``,
      `Pengingat: kami belum mencatat Anda keluar dari ${a.cases.length + a.more} grup berikut (${platformName(a.platform)}):`,
      ...a.cases.map((c) => `- Kasus #${c.caseId}: "${c.chatTitle}" (sejak ${c.openedAt})`),
      ...(a.more ? [`- dan ${a.more} grup lainnya (daftar lengkap: kirim /status)`] : []),
      `Jika Anda masih di grup-grup tersebut, mohon segera keluar dan jangan memberi reaksi atau komentar apa pun.`,
      ``,
      `Setelah keluar dari sebuah grup, balas pesan ini dengan: SUDAH KELUAR <nomor kasus>, mis. SUDAH KELUAR ${a.cases[0]?.caseId ?? 1}. Jika Anda dimasukkan tanpa persetujuan atau perlu bantuan, hubungi ${a.humasContact}.`,
      ...(a.platform === 'whatsapp' ? [selfReportTexts('id').replyLapor] : []),
      ``,
      `Pesan otomatis Jaga Netral.`,
    ].join('\n'),
  escalationMany: (a) =>
    [
      `⏫ Eskalasi ${a.cases.length + a.more} kasus: ASN belum tercatat keluar dari grup kampanye`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      `Telepon: ${a.phone}`,
      ``,
      ...a.cases.map(
        (c) =>
          `Kasus #${c.caseId}: "${c.chatTitle}" (${platformName(a.platform)}), ${KIND_ID[c.kind]}, dibuka ${c.openedAt}; ${c.followedUpAt ? `pengingat ke ASN ${c.followedUpAt}${c.followupDelivered ? '' : ' (tidak dapat dikirim)'}` : 'pengingat ke ASN belum dapat dikirim'}`,
      ),
      ...(a.more ? [`… dan ${a.more} kasus lagi: /kasus.`] : []),
      ``,
      `Mohon hubungi ASN tersebut secara langsung.`,
      `Jika ASN berada di grup dengan alasan sah (misalnya sebagai keluarga calon), gunakan /kecualikan <kasus> <alasan>.`,
    ].join('\n'),
  thanksMany: (a) =>
    [
      `Terima kasih, Bapak/Ibu ASN. Anda sudah tidak tercatat di ${a.cases.length + a.more} grup berikut (${platformName(a.platform)}), dan kasusnya kami tutup:`,
      ...a.cases.map((c) => `- Kasus #${c.caseId}: "${c.chatTitle}"`),
      ...(a.more ? [`- dan ${a.more} grup lainnya`] : []),
      `Tetap jaga netralitas ASN selama Pilkada. Bila ada pertanyaan, hubungi ${a.humasContact}.`,
    ].join('\n'),
  digest: (a) =>
    [
      `📋 Ringkasan Jaga Netral`,
      `Periode: ${a.from} s.d. ${a.to}`,
      ``,
      ...section('Kasus baru', a.newCases, a.maxLines, (c) => `#${c.caseId} ${c.asnName} (${c.unit}), "${c.chatTitle}" ${short(c.platform)}, ${c.at}`, (n) => `  … dan ${n} lainnya`, 'tidak ada'),
      ...section('Kasus masih terbuka', a.openCases, a.maxLines, (c) => `#${c.caseId} ${c.asnName} (${c.unit}), "${c.chatTitle}" ${short(c.platform)}, sejak ${c.at}`, (n) => `  … dan ${n} lainnya`, 'tidak ada'),
      ...section('ASN sudah keluar', a.leftCases, a.maxLines, (c) => `#${c.caseId} ${c.asnName} (${c.unit}), "${c.chatTitle}", dalam ${c.took}${c.reason ? ` (${c.reason})` : ''}${c.thanked ? ', sudah diberi ucapan terima kasih' : ''}`, (n) => `  … dan ${n} lainnya`, 'tidak ada'),
      ...section(
        'Pesan tidak terkirim',
        a.undeliverable,
        a.maxLines,
        (u) => `${u.caseId !== null ? `#${u.caseId} ` : ''}${u.asnName ?? ''} ${u.kind}: ${u.reason}`.replace(/\s+/g, ' ').trim(),
        (n) => `  … dan ${n} lainnya`,
        'tidak ada',
      ),
      ``,
      `Ketik /report untuk laporan lengkap.`,
    ].join('\n'),
  statusLabel: (s) => STATUS_ID[s],
  expiredReason: (d) => `tidak dapat diperiksa; kedaluwarsa setelah ${d} hari`,
  reopenedReason: 'dibuka kembali oleh admin Humas',
  cmd: {
    exemptUsage: 'Cara pakai: /kecualikan <nomor kasus> <alasan>\nContoh: /kecualikan 12 suami calon, hadir sebagai keluarga',
    reopenUsage: 'Cara pakai: /buka <nomor kasus>',
    noCase: (id) => `Kasus #${id} tidak ditemukan. Lihat /kasus.`,
    notCaseNumber: (g, c) => `"${g}" bukan nomor kasus. Tulis nomornya dengan angka, misalnya ${c} 12.`,
    notOpen: (id, s) => `Kasus #${id} tidak terbuka (status: ${STATUS_ID[s]}); hanya kasus terbuka yang dapat dikecualikan.`,
    exempted: (id, r) => `Kasus #${id} dikecualikan. Alasan: ${r}`,
    alreadyOpen: (id) => `Kasus #${id} sudah terbuka.`,
    otherOpen: (id, other) => `Kasus #${id} tidak dapat dibuka kembali: kasus #${other} untuk ASN dan grup yang sama masih terbuka.`,
    reopened: (id) => `Kasus #${id} dibuka kembali dan akan dipantau lagi.`,
    noOpenCases: 'Tidak ada kasus terbuka.',
    openCasesHeader: (n) => `Kasus terbuka (${n}):`,
    caseDetail: (a) =>
      [
        `Kasus #${a.caseId} (${STATUS_ID[a.status]})`,
        `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}${a.unverified !== undefined ? `, ${unverifiedMarkText('id', a.unverified)}` : ''}`,
        `Grup: "${a.chatTitle}" (${platformName(a.platform)}), ${KIND_ID[a.kind]}`,
        `Dibuka: ${a.openedAt}`,
        a.resolvedAt ? `Selesai: ${a.resolvedAt}` : undefined,
        a.addedBy ? `Oleh: ${a.addedBy}` : undefined,
        a.excerpt ? `Unggahan: "${a.excerpt}"` : undefined,
        a.statusReason ? `Keterangan: ${a.statusReason}${a.statusBy ? ` (${a.statusBy})` : ''}` : undefined,
        `Pengingat ke ASN: ${a.followups}${a.escalatedAt ? `; dieskalasi ${a.escalatedAt}` : ''}`,
      ]
        .filter((l) => l !== undefined)
        .join('\n'),
  },
};

const EN: LifecycleTexts = {
  thanksLeft: (a) =>
    [
      `Thank you. You are no longer in the group "${a.chatTitle}", and we have closed case #${a.caseId}.`,
      `Please keep civil-service neutrality during the election. For any question, contact ${a.humasContact}.`,
    ].join('\n'),
  followup: (a) =>
    [
      `Dear civil servant,`,
      ``,
      `Reminder (case #${a.caseId}, since ${a.openedAt}): we have not yet seen you leave the group "${a.chatTitle}" (${platformName(a.platform)}).`,
      `If you are still in that group, please leave it now and do not react or comment.`,
      ``,
      a.platform === 'telegram'
        ? `If you have left, tap "I have left". If you were added without consent or need help, tap "I need Humas help" or contact ${a.humasContact}.`
        : `If you have left, reply to this message with: LEFT ${a.caseId}. If you were added without consent or need help, contact ${a.humasContact}.`,
      ...(a.platform === 'whatsapp' ? [selfReportTexts('en').replyLapor] : []),
      ``,
      `Automatic message from Jaga Netral.`,
    ].join('\n'),
  escalation: (a) =>
    [
      `⏫ Case #${a.caseId} escalated: the ASN has not been seen leaving a campaign group`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      `Phone: ${a.phone}`,
      `Group: "${a.chatTitle}" (${platformName(a.platform)}), ${KIND_EN[a.kind]}`,
      `Case opened: ${a.openedAt}`,
      a.followedUpAt
        ? `Reminder to the ASN: ${a.followedUpAt}${a.followupDelivered ? '' : ' (could not be delivered)'}`
        : `The reminder to the ASN could not be sent.`,
      `Please contact the ASN directly.`,
      `If the ASN has a legitimate reason to be there (e.g. family of a candidate), use /kecualikan ${a.caseId} <reason>.`,
    ].join('\n'),
  followupMany: (a) =>
    [
      `Dear civil servant,`,
      ``,
      `Reminder: we have not yet seen you leave these ${a.cases.length + a.more} groups (${platformName(a.platform)}):`,
      ...a.cases.map((c) => `- Case #${c.caseId}: "${c.chatTitle}" (since ${c.openedAt})`),
      ...(a.more ? [`- and ${a.more} more groups (the full list: send /status)`] : []),
      `If you are still in these groups, please leave them now and do not react or comment.`,
      ``,
      `Once you have left a group, reply to this message with: LEFT <case number>, e.g. LEFT ${a.cases[0]?.caseId ?? 1}. If you were added without consent or need help, contact ${a.humasContact}.`,
      ...(a.platform === 'whatsapp' ? [selfReportTexts('en').replyLapor] : []),
      ``,
      `Automatic message from Jaga Netral.`,
    ].join('\n'),
  escalationMany: (a) =>
    [
      `⏫ ${a.cases.length + a.more} cases escalated: the ASN has not been seen leaving campaign groups`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      `Phone: ${a.phone}`,
      ``,
      ...a.cases.map(
        (c) =>
          `Case #${c.caseId}: "${c.chatTitle}" (${platformName(a.platform)}), ${KIND_EN[c.kind]}, opened ${c.openedAt}; ${c.followedUpAt ? `reminder to the ASN ${c.followedUpAt}${c.followupDelivered ? '' : ' (could not be delivered)'}` : 'the reminder to the ASN could not be sent'}`,
      ),
      ...(a.more ? [`… and ${a.more} more cases: /kasus.`] : []),
      ``,
      `Please contact the ASN directly.`,
      `If the ASN has a legitimate reason to be there (e.g. family of a candidate), use /kecualikan <case> <reason>.`,
    ].join('\n'),
  thanksMany: (a) =>
    [
      `Thank you. You are no longer in these ${a.cases.length + a.more} groups (${platformName(a.platform)}), and we have closed their cases:`,
      ...a.cases.map((c) => `- Case #${c.caseId}: "${c.chatTitle}"`),
      ...(a.more ? [`- and ${a.more} more groups`] : []),
      `Please keep civil-service neutrality during the election. For any question, contact ${a.humasContact}.`,
    ].join('\n'),
  digest: (a) =>
    [
      `📋 Jaga Netral digest`,
      `Period: ${a.from} to ${a.to}`,
      ``,
      ...section('New cases', a.newCases, a.maxLines, (c) => `#${c.caseId} ${c.asnName} (${c.unit}), "${c.chatTitle}" ${short(c.platform)}, ${c.at}`, (n) => `  … and ${n} more`, 'none'),
      ...section('Still open', a.openCases, a.maxLines, (c) => `#${c.caseId} ${c.asnName} (${c.unit}), "${c.chatTitle}" ${short(c.platform)}, since ${c.at}`, (n) => `  … and ${n} more`, 'none'),
      ...section('ASN who left', a.leftCases, a.maxLines, (c) => `#${c.caseId} ${c.asnName} (${c.unit}), "${c.chatTitle}", after ${c.took}${c.reason ? ` (${c.reason})` : ''}${c.thanked ? ', thanked' : ''}`, (n) => `  … and ${n} more`, 'none'),
      ...section(
        'Undeliverable messages',
        a.undeliverable,
        a.maxLines,
        (u) => `${u.caseId !== null ? `#${u.caseId} ` : ''}${u.asnName ?? ''} ${u.kind}: ${u.reason}`.replace(/\s+/g, ' ').trim(),
        (n) => `  … and ${n} more`,
        'none',
      ),
      ``,
      `Send /report for the full report.`,
    ].join('\n'),
  statusLabel: (s) => STATUS_EN[s],
  expiredReason: (d) => `could not be checked; expired after ${d} days`,
  reopenedReason: 'reopened by a Humas admin',
  cmd: {
    exemptUsage: 'Usage: /kecualikan <case number> <reason>\nExample: /kecualikan 12 husband of the candidate, present as family',
    reopenUsage: 'Usage: /buka <case number>',
    noCase: (id) => `Case #${id} not found. See /kasus.`,
    notCaseNumber: (g, c) => `"${g}" is not a case number. Write the number in digits, e.g. ${c} 12.`,
    notOpen: (id, s) => `Case #${id} is not open (status: ${STATUS_EN[s]}); only open cases can be exempted.`,
    exempted: (id, r) => `Case #${id} exempted. Reason: ${r}`,
    alreadyOpen: (id) => `Case #${id} is already open.`,
    otherOpen: (id, other) => `Case #${id} cannot be reopened: case #${other} for the same ASN and group is open.`,
    reopened: (id) => `Case #${id} reopened; it is being followed again.`,
    noOpenCases: 'No open cases.',
    openCasesHeader: (n) => `Open cases (${n}):`,
    caseDetail: (a) =>
      [
        `Case #${a.caseId} (${STATUS_EN[a.status]})`,
        `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}${a.unverified !== undefined ? `, ${unverifiedMarkText('en', a.unverified)}` : ''}`,
        `Group: "${a.chatTitle}" (${platformName(a.platform)}), ${KIND_EN[a.kind]}`,
        `Opened: ${a.openedAt}`,
        a.resolvedAt ? `Resolved: ${a.resolvedAt}` : undefined,
        a.addedBy ? `By: ${a.addedBy}` : undefined,
        a.excerpt ? `Post: "${a.excerpt}"` : undefined,
        a.statusReason ? `Note: ${a.statusReason}${a.statusBy ? ` (${a.statusBy})` : ''}` : undefined,
        `Reminders to the ASN: ${a.followups}${a.escalatedAt ? `; escalated ${a.escalatedAt}` : ''}`,
      ]
        .filter((l) => l !== undefined)
        .join('\n'),
  },
};

/** Lifecycle texts per language, Indonesian first. */
export const LIFECYCLE_TEXTS: { id: LifecycleTexts; en: LifecycleTexts } = { id: ID, en: EN };

/** Lifecycle texts for `lang`. */
export const lifecycleTexts = (lang: 'id' | 'en'): LifecycleTexts => LIFECYCLE_TEXTS[lang];
