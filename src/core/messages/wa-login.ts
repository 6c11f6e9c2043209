/** What `jaga-netral wa-login` prints and why it stops, per language (Indonesian first). */
import { whatsappCloseText } from './platform-status.js';

/** wa-login texts. */
export const waLoginTexts = (lang: 'id' | 'en') =>
  lang === 'id'
    ? {
        pairingCode: (code: string) => `Kode penautan WhatsApp: ${code}`,
        pairingHow: 'Di ponsel: WhatsApp > Perangkat tertaut > Tautkan perangkat > Tautkan dengan nomor telepon.',
        qrHow: 'Pindai QR di atas: WhatsApp > Perangkat tertaut > Tautkan perangkat.',
        timedOut: 'wa-login habis waktu: penautan tidak selesai dalam 3 menit. Tidak ada yang disimpan; jalankan wa-login lagi.',
        loggedOut: 'WhatsApp menolak penautan (keluar); jalankan wa-login lagi.',
        pairingFailed: (why: string) => `kode penautan tidak dapat diminta: ${why}`,
        keepsClosing: (code: string) => `koneksi WhatsApp terus terputus (${whatsappCloseText(code, 'id')}); periksa koneksi internet server, lalu jalankan wa-login lagi.`,
        badPhone: (p: string) => `--phone harus angka dengan kode negara, mis. 6281234567890 (bukan "${p}")`,
        versionPinned: (v: string) =>
          `WhatsApp menolak versi WhatsApp Web ${v} (405, versi klien usang). WA_VERSION diisi di .env: kosongkan (versi terbaru lalu diambil) atau isi dengan versi terbaru, lalu jalankan wa-login lagi.`,
        versionKeepsRefused: (v?: string) =>
          `WhatsApp terus menolak versi klien (405, versi klien usang${v ? `, terakhir dicoba ${v}` : ''}). Isi WA_VERSION di .env dengan versi yang dipakai web.whatsapp.com sekarang, atau perbarui @whiskeysockets/baileys, lalu jalankan wa-login lagi.`,
        versionRetrying: (v?: string) => `WhatsApp menolak versi klien (405); mencoba lagi dengan versi WhatsApp Web terbaru${v ? ` ${v}` : ''}.`,
      }
    : {
        pairingCode: (code: string) => `WhatsApp pairing code: ${code}`,
        pairingHow: 'On the phone: WhatsApp > Linked devices > Link a device > Link with phone number.',
        qrHow: 'Scan the QR above: WhatsApp > Linked devices > Link a device.',
        timedOut: 'wa-login timed out: no link was made within 3 minutes. Nothing was stored; run wa-login again.',
        loggedOut: 'WhatsApp refused the link (logged out); run wa-login again.',
        pairingFailed: (why: string) => `could not request a pairing code: ${why}`,
        keepsClosing: (code: string) => `the WhatsApp connection keeps closing (${whatsappCloseText(code, 'en')}); check the server's internet connection, then run wa-login again.`,
        badPhone: (p: string) => `--phone must be digits with country code, e.g. 6281234567890 (got "${p}")`,
        versionPinned: (v: string) =>
          `WhatsApp refused WhatsApp Web version ${v} (405 client outdated). WA_VERSION is set in .env: clear it (the current version is then fetched) or set the current version, then run wa-login again.`,
        versionKeepsRefused: (v?: string) =>
          `WhatsApp keeps refusing the client version (405 client outdated${v ? `, last tried ${v}` : ''}). Set WA_VERSION in .env to the version web.whatsapp.com uses now, or update @whiskeysockets/baileys, then run wa-login again.`,
        versionRetrying: (v?: string) => `WhatsApp refused the client version (405); retrying with the current WhatsApp Web version${v ? ` ${v}` : ''}.`,
      };
