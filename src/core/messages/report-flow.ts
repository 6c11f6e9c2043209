/** Texts of the guided self-report (buttons and questions), Indonesian first. */
import type { ReportCategory, ReportPlace } from '../self-report.js';

/** Every guided-report text. */
export interface FlowTexts {
  category: Record<ReportCategory, string>;
  place: Record<ReportPlace, string>;
  askWhat: string;
  askWhere: string;
  askEvidence: (received: number) => string;
  needEvidence: string;
  confirm: (o: { category: string; place: string; notes: string[]; files: number; forwards: string[] }) => string;
  useButtons: string;
  /** Evidence sent before the evidence question (step 1 or 2): kept for this report, the question stays. */
  evidenceKeptEarly: (files: number) => string;
  /** Pictures sent just before `LAPOR` alone (WhatsApp), taken into the report it starts. */
  evidenceCarried: (files: number) => string;
  cancelled: string;
  timedOut: string;
  noFlow: string;
  cancelButton: string;
  nextButton: string;
  sendButton: string;
}

const ID: FlowTexts = {
  category: { added: 'Dimasukkan ke grup', tagged: 'Ditandai dalam unggahan', photo: 'Foto bersama calon diunggah', other: 'Lainnya' },
  place: { whatsapp: 'WhatsApp', telegram: 'Telegram', facebook: 'Facebook', instagram: 'Instagram', tiktok: 'TikTok', x: 'X (Twitter)', other: 'Lainnya' },
  askWhat: 'Laporan mandiri (1/4). Apa yang terjadi? Pilih salah satu. Ketik "batal" untuk membatalkan.',
  askWhere: 'Laporan mandiri (2/4). Di mana kejadiannya?',
  askEvidence: (n) =>
    `Laporan mandiri (3/4). Kirim buktinya: tautan, tangkapan layar, atau pesan yang diteruskan, dan tulis singkat apa yang terjadi (nama grup, siapa yang memasukkan atau menandai Anda). Tautan hanya disimpan sebagai teks, tidak dibuka.${n ? `\nDiterima: ${n}.` : ''} Tekan "Lanjut" bila sudah.`,
  needEvidence: 'Kirim dulu setidaknya satu keterangan, tautan atau tangkapan layar, lalu tekan "Lanjut".',
  confirm: (o) =>
    [
      'Laporan mandiri (4/4). Periksa lalu tekan "Kirim laporan":',
      `Kejadian: ${o.category}`,
      `Tempat: ${o.place}`,
      ...o.notes.map((n) => `Keterangan: ${n}`),
      o.files ? `Berkas bukti: ${o.files}` : undefined,
      ...o.forwards.map((f) => `Diteruskan dari: ${f}`),
    ].filter(Boolean).join('\n'),
  useButtons: 'Silakan gunakan tombol di bawah pertanyaan ini.',
  evidenceKeptEarly: (n) => `Bukti diterima dan disimpan untuk laporan ini (${n} berkas sejauh ini). Silakan jawab dulu pertanyaan ini.`,
  evidenceCarried: (n) => `${n} gambar yang baru Anda kirim ikut menjadi bukti laporan ini.`,
  cancelled: 'Laporan dibatalkan. Tidak ada yang dicatat. Ketik /lapor untuk memulai lagi.',
  timedOut: 'Laporan mandiri Anda berakhir karena tidak ada jawaban selama 30 menit. Tidak ada yang dicatat. Ketik /lapor untuk memulai lagi.',
  noFlow: 'Tidak ada laporan yang sedang diisi. Ketik /lapor untuk memulai.',
  cancelButton: 'Batal',
  nextButton: 'Lanjut',
  sendButton: 'Kirim laporan',
};

const EN: FlowTexts = {
  category: { added: 'Added to a group', tagged: 'Tagged in a post', photo: 'Photo with a candidate posted', other: 'Other' },
  place: { whatsapp: 'WhatsApp', telegram: 'Telegram', facebook: 'Facebook', instagram: 'Instagram', tiktok: 'TikTok', x: 'X (Twitter)', other: 'Other' },
  askWhat: 'Self-report (1/4). What happened? Pick one. Send "batal" to cancel.',
  askWhere: 'Self-report (2/4). Where did it happen?',
  askEvidence: (n) =>
    `Self-report (3/4). Send the evidence: a link, screenshots, or a forwarded message, and write briefly what happened (group name, who added or tagged you). Links are kept as text and never opened.${n ? `\nReceived: ${n}.` : ''} Press "Next" when done.`,
  needEvidence: 'Please send at least one description, link or screenshot first, then press "Next".',
  confirm: (o) =>
    [
      'Self-report (4/4). Check it, then press "Send report":',
      `What: ${o.category}`,
      `Where: ${o.place}`,
      ...o.notes.map((n) => `Description: ${n}`),
      o.files ? `Evidence files: ${o.files}` : undefined,
      ...o.forwards.map((f) => `Forwarded from: ${f}`),
    ].filter(Boolean).join('\n'),
  useButtons: 'Please use the buttons under this question.',
  evidenceKeptEarly: (n) => `Evidence received and kept for this report (${n} file${n === 1 ? '' : 's'} so far). Please answer this question first.`,
  evidenceCarried: (n) => `The ${n} picture${n === 1 ? '' : 's'} you just sent ${n === 1 ? 'is' : 'are'} part of this report's evidence.`,
  cancelled: 'Report cancelled. Nothing was recorded. Send /lapor to start again.',
  timedOut: 'Your self-report ended because there was no answer for 30 minutes. Nothing was recorded. Send /lapor to start again.',
  noFlow: 'No report is being filled in. Send /lapor to start.',
  cancelButton: 'Cancel',
  nextButton: 'Next',
  sendButton: 'Send report',
};

/** Guided-report texts for `lang`. */
export const flowTexts = (lang: 'id' | 'en'): FlowTexts => (lang === 'en' ? EN : ID);
