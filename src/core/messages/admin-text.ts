/**
 * Texts of the answer a Humas admin gets for a private message that is no command: a reply to one of the bot's
 * case messages, a command typed without its "/", a forwarded post, or anything else. Indonesian first.
 */
import { unverifiedMarkText } from './pressure.js';

/** What the answer says; the use case (app/admin-text.ts) decides which. */
export type AdminTextNote =
  | { kind: 'case'; caseId: number }
  /**
   * A reply to a message of several cases: each (up to a cap, `more` counted) with its group, and its ASN's name;
   * `closed` when the case is no longer open (the ASN left, or it was exempted or expired), so nobody chases the ASN.
   */
  | { kind: 'cases'; cases: { caseId: number; chatTitle: string; asnName: string; closed?: boolean; unverified?: string }[]; more: number }
  | { kind: 'slash'; suggestion: string }
  | { kind: 'text'; forwarded: boolean; pilkada: boolean; terms: string[] };

/** The texts. */
export interface AdminTextTexts {
  answer(n: AdminTextNote): string;
}

const terms = (t: string[]): string => t.slice(0, 5).map((x) => `"${x}"`).join(', ');

const ID: AdminTextTexts = {
  answer: (n) => {
    if (n.kind === 'case')
      return [
        `Balasan biasa tidak dibaca sebagai perintah dan tidak mengubah kasus #${n.caseId}. Untuk kasus ini:`,
        `/kasus ${n.caseId} - rincian kasus`,
        `/kecualikan ${n.caseId} <alasan> - kecualikan (misalnya ASN hadir sebagai keluarga calon)`,
        `/sudahkeluar ${n.caseId} - tutup karena ASN sudah keluar`,
        `/bukti ${n.caseId} - berkas bukti (PDF)`,
      ].join('\n');
    if (n.kind === 'cases')
      return [
        `Balasan biasa tidak dibaca sebagai perintah dan tidak mengubah kasus apa pun. Pesan yang Anda balas memuat ${n.cases.length + n.more} kasus:`,
        ...n.cases.map((c) => `#${c.caseId} "${c.chatTitle}" (${c.asnName})${c.closed ? ', selesai' : ''}${c.unverified !== undefined ? `, ${unverifiedMarkText('id', c.unverified)}` : ''}`),
        ...(n.more ? [`… dan ${n.more} lagi`] : []),
        'Untuk satu kasus, tulis nomornya: /kasus <nomor> (rincian), /kecualikan <nomor> <alasan>, /sudahkeluar <nomor>, /bukti <nomor>.',
      ].join('\n');
    if (n.kind === 'slash') return `Perintah diawali garis miring. Maksud Anda: ${n.suggestion}\nKetik /help untuk daftar perintah.`;
    return [
      n.forwarded
        ? 'Pesan yang diteruskan ke bot tidak membuka kasus: bot hanya menindak grup tempat ia menjadi anggota. Untuk grup lain, tambahkan bot ke grup itu, atau minta ASN yang bersangkutan melapor dengan /lapor.'
        : 'Pesan ini tidak dibaca sebagai perintah (perintah diawali garis miring). Ketik /help untuk daftar perintah.',
      n.pilkada
        ? `Menurut pemindai kata bot, teks ini termasuk konten Pilkada${n.terms.length ? ` (${terms(n.terms)})` : ''}.`
        : 'Menurut pemindai kata bot, teks ini tidak termasuk konten Pilkada.',
    ].join('\n');
  },
};

const EN: AdminTextTexts = {
  answer: (n) => {
    if (n.kind === 'case')
      return [
        `A plain reply is not read as a command and does not change case #${n.caseId}. For this case:`,
        `/kasus ${n.caseId} - the case in detail`,
        `/kecualikan ${n.caseId} <reason> - exempt it (e.g. the ASN attends as the candidate's family)`,
        `/sudahkeluar ${n.caseId} - close it because the ASN has left`,
        `/bukti ${n.caseId} - the evidence dossier (PDF)`,
      ].join('\n');
    if (n.kind === 'cases')
      return [
        `A plain reply is not read as a command and does not change any case. The message you replied to stood for ${n.cases.length + n.more} cases:`,
        ...n.cases.map((c) => `#${c.caseId} "${c.chatTitle}" (${c.asnName})${c.closed ? ', closed' : ''}${c.unverified !== undefined ? `, ${unverifiedMarkText('en', c.unverified)}` : ''}`),
        ...(n.more ? [`… and ${n.more} more`] : []),
        'For one case, give its number: /kasus <number> (details), /kecualikan <number> <reason>, /sudahkeluar <number>, /bukti <number>.',
      ].join('\n');
    if (n.kind === 'slash') return `Commands start with a slash. Did you mean: ${n.suggestion}\nSend /help for the list of commands.`;
    return [
      n.forwarded
        ? 'A message forwarded to the bot opens no case: the bot acts only on groups it is a member of. For another group, add the bot to it, or ask the ASN concerned to report it with /lapor.'
        : 'This message is not read as a command (commands start with a slash). Send /help for the list of commands.',
      n.pilkada
        ? `By the bot's word scanner, this text is Pilkada content${n.terms.length ? ` (${terms(n.terms)})` : ''}.`
        : "By the bot's word scanner, this text is not Pilkada content.",
    ].join('\n');
  },
};

/** The texts per language, Indonesian first. */
export const adminTextTexts = (lang: 'id' | 'en'): AdminTextTexts => (lang === 'en' ? EN : ID);
