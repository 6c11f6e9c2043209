/**
 * Texts of a leave the bot could not see for itself: the ASN's reply `SUDAH KELUAR <case>` on
 * WhatsApp (no buttons there), and `/sudahkeluar <case>` for Humas on both platforms. Indonesian
 * first. The closing reasons are stored with the case (`status_reason`) and shown to Humas in
 * /kasus, the dashboard, the dossier and, as a marked status, in reports.
 */

/** How an ASN's claim ended, for the reply. */
export interface LeftClaimTexts {
  /** The line under a WhatsApp alert or reminder: how to say "I have left". */
  howToReply(caseId: number): string;
  /** `SUDAH KELUAR` without a number while the ASN has several open cases (or none). */
  whichCase(open: number[]): string;
  /** The same on Telegram, where the ASN wrote "sudah keluar" instead of pressing the button. */
  whichCaseTelegram(open: number[]): string;
  notYours(caseId: number): string;
  closed(caseId: number): string;
  /** A Telegram case: the button under the Telegram alert does it there. */
  otherPlatform(caseId: number): string;
  /** The roster still lists the ASN. */
  stillIn(a: { caseId: number; chatTitle: string }): string;
  /** The roster cannot tell: closed on the ASN's word. */
  byWord(a: { caseId: number; chatTitle: string; humasContact: string }): string;
  /** Stored as the case's status reason. */
  byWordReason: string;
  byHumasReason: string;
  /** Humas is told a case closed on the ASN's word. */
  humasByWord(a: { caseId: number; asnName: string; nip: string; unit: string; chatTitle: string; why: string }): string;
  /** Why the bot could not check, for that notice. */
  why(gap: string | undefined): string;
  /** Report status cells: `keluar` plus how it is known. */
  reportMark(by: 'asn' | 'humas'): string;
  /** `/sudahkeluar`. */
  cmdDescription: string;
  cmdUsage: string;
  cmdDone(caseId: number): string;
}

const ID: LeftClaimTexts = {
  howToReply: (n) => `Setelah keluar dari grup, balas pesan ini dengan: SUDAH KELUAR ${n}`,
  whichCase: (open) =>
    open.length
      ? `Mohon sebutkan nomor kasusnya, mis. SUDAH KELUAR ${open[0]}. Kasus Anda yang masih terbuka: ${open.map((n) => `#${n}`).join(', ')}.`
      : 'Tidak ada kasus WhatsApp Anda yang masih terbuka. Terima kasih.',
  whichCaseTelegram: (open) =>
    open.length
      ? `Mohon sebutkan nomor kasusnya, mis. "sudah keluar ${open[0]}", atau ketuk tombol "Saya sudah keluar" di bawah pesan peringatan kasus itu. Kasus Anda yang masih terbuka: ${open.map((n) => `#${n}`).join(', ')}.`
      : 'Tidak ada kasus Telegram Anda yang masih terbuka. Terima kasih.',
  notYours: (n) => `Kasus #${n} tidak ditemukan di antara kasus Anda. Periksa nomornya pada pesan peringatan dari bot.`,
  closed: (n) => `Kasus #${n} sudah ditutup. Terima kasih.`,
  otherPlatform: (n) => `Kasus #${n} terjadi di Telegram: ketuk tombol "Saya sudah keluar" di bawah pesan bot di Telegram.`,
  stillIn: (a) =>
    `Menurut daftar anggota grup "${a.chatTitle}" yang baru kami periksa, nomor Anda masih tercatat di grup itu, jadi kasus #${a.caseId} tetap terbuka. Buka info grup, pilih "Keluar dari grup", lalu balas lagi: SUDAH KELUAR ${a.caseId}`,
  byWord: (a) =>
    [
      `Terima kasih. Daftar anggota grup "${a.chatTitle}" tidak dapat memastikannya, jadi kasus #${a.caseId} kami tutup berdasarkan pernyataan Anda, dan Humas diberi tahu.`,
      `Bila ternyata Anda masih di grup itu, mohon segera keluar. Pertanyaan: ${a.humasContact}.`,
    ].join('\n'),
  byWordReason: 'keluar menurut pernyataan ASN, belum terverifikasi',
  byHumasReason: 'keluar, dikonfirmasi Humas',
  humasByWord: (a) =>
    [
      `ℹ️ Kasus #${a.caseId} ditutup berdasarkan pernyataan ASN (belum terverifikasi)`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      `Grup: "${a.chatTitle}" (WhatsApp)`,
      `ASN membalas bahwa ia sudah keluar; bot tidak dapat memastikannya: ${a.why}.`,
      `Bila perlu, buka kembali dengan /buka ${a.caseId}.`,
    ].join('\n'),
  why: (g) =>
    g === 'short_roster'
      ? 'daftar anggota dari WhatsApp lebih pendek dari jumlah anggota grup'
      : g === 'unresolved_lid'
        ? 'sebagian anggota hanya terlihat sebagai LID tanpa nomor telepon'
        : g === 'community_announce'
          ? 'grup pengumuman komunitas hanya menampilkan admin'
          : 'daftar anggota grup tidak dapat diambil saat ini',
  reportMark: (by) => (by === 'asn' ? 'menurut ASN, belum terverifikasi' : 'dikonfirmasi Humas'),
  cmdDescription: 'tutup kasus: ASN sudah keluar (bila bot tidak dapat melihatnya sendiri)',
  cmdUsage: 'Cara pakai: /sudahkeluar <nomor kasus>, mis. /sudahkeluar 12',
  cmdDone: (n) => `Kasus #${n} ditutup: ASN sudah keluar (dikonfirmasi Humas).`,
};

const EN: LeftClaimTexts = {
  howToReply: (n) => `Once you have left the group, reply to this message with: LEFT ${n}`,
  whichCase: (open) =>
    open.length
      ? `Please give the case number, e.g. LEFT ${open[0]}. Your open cases: ${open.map((n) => `#${n}`).join(', ')}.`
      : 'You have no open WhatsApp case. Thank you.',
  whichCaseTelegram: (open) =>
    open.length
      ? `Please give the case number, e.g. "left ${open[0]}", or tap the "I have left" button under that case's alert. Your open cases: ${open.map((n) => `#${n}`).join(', ')}.`
      : 'You have no open Telegram case. Thank you.',
  notYours: (n) => `Case #${n} is not among your cases. Check the number in the bot's alert.`,
  closed: (n) => `Case #${n} is already closed. Thank you.`,
  otherPlatform: (n) => `Case #${n} is on Telegram: tap "I have left" under the bot's message there.`,
  stillIn: (a) =>
    `The member list of the group "${a.chatTitle}", checked just now, still lists your number, so case #${a.caseId} stays open. Open the group info, choose "Exit group", then reply again: LEFT ${a.caseId}`,
  byWord: (a) =>
    [
      `Thank you. The member list of the group "${a.chatTitle}" cannot confirm it, so case #${a.caseId} is closed on your word, and Humas has been told.`,
      `If you are in fact still in that group, please leave it now. Questions: ${a.humasContact}.`,
    ].join('\n'),
  byWordReason: 'left, by the ASN’s word, unverified',
  byHumasReason: 'left, confirmed by Humas',
  humasByWord: (a) =>
    [
      `ℹ️ Case #${a.caseId} closed on the ASN's word (unverified)`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      `Group: "${a.chatTitle}" (WhatsApp)`,
      `The ASN replied that they have left; the bot cannot confirm it: ${a.why}.`,
      `If needed, reopen it with /buka ${a.caseId}.`,
    ].join('\n'),
  why: (g) =>
    g === 'short_roster'
      ? "WhatsApp's member list is shorter than the group's size"
      : g === 'unresolved_lid'
        ? 'some members appear only as a LID without a phone number'
        : g === 'community_announce'
          ? "a community's announcement group lists only its admins"
          : "the group's member list cannot be fetched now",
  reportMark: (by) => (by === 'asn' ? "by the ASN's word, unverified" : 'confirmed by Humas'),
  cmdDescription: 'close a case: the ASN has left (when the bot cannot see it itself)',
  cmdUsage: 'Usage: /sudahkeluar <case number>, e.g. /sudahkeluar 12',
  cmdDone: (n) => `Case #${n} closed: the ASN has left (confirmed by Humas).`,
};

/** The texts in `lang`. */
export const leftClaimTexts = (lang: 'id' | 'en'): LeftClaimTexts => (lang === 'en' ? EN : ID);
