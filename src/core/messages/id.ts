/** Indonesian alert texts: the default language of everything a person reads. */
import { leftClaimTexts } from './left-claim.js';
import { selfReportTexts } from './self-report.js';
import type { AlertTexts } from './types.js';

const KIND: Record<string, string> = {
  added: 'dimasukkan ke grup kampanye',
  mentioned: 'ditandai (di-tag) dalam unggahan Pilkada',
  reacted: 'memberi reaksi pada unggahan kampanye',
  posted: 'mengirim pesan di grup kampanye',
  present: 'berada di grup kampanye',
  reported: 'dilaporkan sendiri oleh ASN',
};

const platformName = (p: string): string => (p === 'telegram' ? 'Telegram' : 'WhatsApp');

const HOW_TO_LEAVE = {
  telegram: 'Cara keluar: buka grup, ketuk nama grup di atas, lalu pilih "Keluar dari grup" (Leave group).',
  whatsapp: 'Cara keluar: buka grup, ketuk nama grup, gulir ke bawah, pilih "Keluar dari grup", lalu "Hapus grup".',
};

const WHAT = {
  added: (t: string, by?: string) => `Anda dimasukkan ke grup "${t}"${by ? ` oleh ${by}` : ''}.`,
  mentioned: (t: string, by?: string) => `Anda ditandai (di-tag) dalam unggahan terkait Pilkada di grup "${t}"${by ? ` oleh ${by}` : ''}.`,
  reacted: (t: string) => `Akun Anda memberi reaksi pada unggahan kampanye di grup "${t}".`,
  posted: (t: string) => `Akun Anda mengirim pesan di grup kampanye "${t}".`,
  present: (t: string) => `Akun Anda tercatat sebagai anggota grup kampanye "${t}".`,
  reported: (t: string) => `Anda melaporkan: ${t}.`,
};

/** ` (handle; note)`, ` (handle)`, ` (note)` or nothing. */
const byHandle = (handle?: string, note?: string): string => (handle || note ? ` (${[handle, note].filter(Boolean).join('; ')})` : '');

/** The Indonesian implementation of every alert text. */
export const ID: AlertTexts = {
  kindLabel: (k) => KIND[k] ?? k,
  platformName,
  unknownActor: 'tidak diketahui',
  unknownChat: '(grup tanpa nama)',
  asnAlert: (a) =>
    [
      `Yth. Bapak/Ibu ASN,`,
      ``,
      `${WHAT[a.kind](a.chatTitle, a.actorName && a.actorLooksOfficial ? `${a.actorName} (nama akun ini dipilih sendiri oleh pemiliknya, bukan dari Humas: Humas tidak pernah memasukkan ASN ke grup kampanye)` : a.actorName)} (${platformName(a.platform)}, ${a.at})`,
      a.excerpt ? `Isi unggahan: "${a.excerpt}"` : undefined,
      ``,
      `ASN wajib netral dalam Pilkada: ikut grup, menyukai, mengomentari, atau membagikan konten kampanye paslon dapat dianggap pelanggaran netralitas.`,
      ``,
      `Mohon segera keluar dari grup tersebut dan jangan memberi reaksi atau komentar. ${HOW_TO_LEAVE[a.platform]}`,
      // WhatsApp has no buttons: the ASN says "I have left" by replying (app/left-claim.ts).
      a.platform === 'whatsapp' && a.caseId !== undefined ? leftClaimTexts('id').howToReply(a.caseId) : undefined,
      `Jika Anda dimasukkan tanpa persetujuan atau perlu bantuan, hubungi ${a.humasContact}.`,
      a.platform === 'whatsapp' ? selfReportTexts('id').replyLapor : undefined,
      ``,
      `Pesan otomatis Jaga Netral.`,
    ]
      .filter((l) => l !== undefined)
      .join('\n'),
  humasAlert: (a) =>
    [
      `⚠️ Kasus #${a.caseId}: ASN ${KIND[a.kind] ?? a.kind}`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      a.identityUnverified
        ? `❓ Identitas belum terverifikasi: akun ini cocok hanya dari username Telegram @${a.identityUnverified.username}${a.identityUnverified.accountId ? ` (id akun ${a.identityUnverified.accountId})` : ''}; id Telegram ASN belum tercatat, dan username bisa dipakai siapa saja. Bot tidak mengirim pesan ke akun itu sampai ASN mendaftar sendiri (/start lalu bagikan nomor).`
        : undefined,
      `Grup: "${a.chatTitle}" (${platformName(a.platform)} ${a.chatId})`,
      a.chatReason ? `Alasan grup dinilai kampanye: ${a.chatReason}` : undefined,
      a.kind === 'added' || a.kind === 'mentioned' ? `Oleh: ${a.actorName ?? 'tidak diketahui'}${byHandle(a.actorHandle, a.actorPhoneUnknown ? 'nomor HP belum diketahui' : undefined)}` : undefined,
      `Waktu: ${a.at}`,
      a.excerpt ? `Unggahan: "${a.excerpt}"` : undefined,
      a.terms.length ? `Kata kunci: ${a.terms.join(', ')}` : undefined,
      a.asnReachable && a.asnLeftBefore
        ? `ASN sudah keluar dari grup ini sebelum pemberitahuannya dikirim, jadi ASN tidak perlu dikirimi pesan.`
        : a.asnReachable && a.asnAlertHeld
        ? `ASN ini ditemukan di banyak grup sekaligus: pesan pribadi untuk grup ini dikirim dalam ringkasan grup-grup tersebut (paling lambat 1 jam lagi).`
        : a.asnReachable
          ? `ASN sudah dikirimi pesan pribadi berisi cara keluar dari grup.`
          : `📵 ASN belum bisa dihubungi bot (belum memulai bot): mohon hubungi langsung${a.asnPhone ? ` di ${a.asnPhone}` : ''}.`,
      !a.asnReachable && a.registrationLink ? `Agar pesan berikutnya sampai, minta ASN mendaftar di ${a.registrationLink}` : undefined,
    ]
      .filter((l) => l !== undefined)
      .join('\n'),
  groupReminder: (a) =>
    [
      `📢 Pengingat dari ${a.orgName}`,
      ``,
      `Aparatur Sipil Negara (ASN) wajib netral dalam Pilkada. Pasangan calon dan tim kampanye dilarang melibatkan ASN dalam kegiatan kampanye (UU 10/2016 Pasal 70).`,
      `Mohon tidak memasukkan ASN ke grup ini dan tidak menandai (tag) ASN dalam unggahan kampanye.`,
      ``,
      `Terima kasih atas kerja samanya.`,
    ].join('\n'),
  undeliverable: (a) =>
    [
      `📵 ASN tidak dapat dihubungi bot${a.caseId ? ` (kasus #${a.caseId})` : ''}`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      `Telepon: ${a.phone}`,
      `Sebab: ${a.reason}`,
      `Mohon hubungi ASN tersebut secara langsung.`,
      a.registrationLink ? `Agar pesan berikutnya sampai, minta ASN mendaftar di ${a.registrationLink}` : undefined,
    ]
      .filter((l) => l !== undefined)
      .join('\n'),
  messageUndeliverable: (a) =>
    `📵 Pesan bot (${a.kind}) ke ${a.chatTitle !== undefined ? `grup "${a.chatTitle}" (${a.to})` : a.to} di ${a.platform === 'whatsapp' ? 'WhatsApp' : 'Telegram'} tidak terkirim dan tidak akan diulang.\nSebab: ${a.reason}` +
    (a.groupRefusal === 'topic_closed'
      ? '\nTopik forum tempat pesan ini ditujukan sudah ditutup. Buka kembali topiknya, atau jadikan bot admin dengan hak "Kelola topik".'
      : a.groupRefusal === 'no_write_right'
        ? '\nBot tidak diizinkan menulis di grup ini (dibatasi, atau hanya admin yang boleh menulis). Minta admin grup memberi bot hak mengirim pesan.'
        : '') +
    (a.cases?.length
      ? `\nPesan itu memuat ${a.cases.length + (a.moreCases ?? 0)} kasus:\n${a.cases.map((c) => `#${c.caseId} ${c.asnName} (NIP ${c.nip}): "${c.chatTitle}"`).join('\n')}` +
        `${a.moreCases ? `\n… dan ${a.moreCases} lagi` : ''}\nRincian: /kasus <nomor>.`
      : a.case
        ? `\nPesan itu tentang kasus #${a.case.caseId}: ${a.case.asnName} (NIP ${a.case.nip}), grup "${a.case.chatTitle}".\nRincian: /kasus ${a.case.caseId}.`
        : ''),
};
