/**
 * Texts about what the offline OCR read from a self-report's screenshot (issue 18). Always marked as
 * machine-read: the ASN did not write it, and OCR can misread.
 */

/** What Humas is told once a screenshot was read. */
export interface OcrFacts {
  receiptNo: string;
  asnName: string;
  /** The evidence file's name and SHA-256 (which picture). */
  filename: string;
  sha256: string;
  groupName?: string;
  /** The group name scored as a campaign group, with the scorer's reason. */
  campaignGroup?: { campaign: boolean; reason: string };
  pilkada: boolean;
  terms: string[];
  /** Mean word confidence, 0..1. */
  confidence: number;
  excerpt: string;
}

export interface OcrTexts {
  humas(f: OcrFacts): string;
  /** The dossier's line under an evidence item. */
  dossierLabel: string;
  dossierLine(o: { groupName?: string; pilkada: boolean; confidence: number; excerpt: string }): string;
  /** The dashboard's line under a report ("Laporan ASN"). */
  dashboardLine(o: { groupName: string | null; pilkada: boolean }): string;
  /** `doctor`'s line. */
  doctorLabel: string;
  doctorOn(engine: string): string;
  doctorMissing(detail: string): string;
  doctorDisabled: string;
}

const pct = (c: number): string => `${Math.round(c * 100)}%`;

const ID: OcrTexts = {
  humas: (f) =>
    [
      `🔎 Dibaca mesin (OCR) dari tangkapan layar laporan ${f.receiptNo} (${f.asnName})`,
      `Berkas: ${f.filename} (SHA-256 ${f.sha256.slice(0, 16)}…)`,
      f.groupName ? `Nama grup terbaca: "${f.groupName}"` : 'Nama grup: tidak terbaca',
      ...(f.campaignGroup ? [f.campaignGroup.campaign ? `Tampak sebagai grup kampanye: ${f.campaignGroup.reason}` : `Bukan jelas grup kampanye: ${f.campaignGroup.reason}`] : []),
      f.pilkada ? `Isi terkait Pilkada: ya${f.terms.length ? ` (${f.terms.slice(0, 6).join(', ')})` : ''}` : 'Isi terkait Pilkada: tidak terdeteksi',
      `Keyakinan OCR: ${pct(f.confidence)}`,
      f.excerpt ? `Teks: ${f.excerpt}` : '',
      'Hasil baca mesin dapat keliru; periksa gambarnya.',
    ].filter(Boolean).join('\n'),
  dossierLabel: 'Dibaca mesin (OCR)',
  dossierLine: (o) =>
    `${o.groupName ? `grup "${o.groupName}"; ` : ''}${o.pilkada ? 'terkait Pilkada' : 'tidak terdeteksi terkait Pilkada'}; keyakinan ${pct(o.confidence)}${o.excerpt ? `; teks: ${o.excerpt}` : ''}`,
  dashboardLine: (o) => `Dibaca mesin (OCR): ${o.groupName ? `grup "${o.groupName}"` : 'nama grup tidak terbaca'}${o.pilkada ? ', terkait Pilkada' : ''}`,
  doctorLabel: 'OCR tangkapan layar',
  doctorOn: (e) => `aktif (${e}, luring)`,
  doctorMissing: (d) => `mati: ${d}; gambar laporan tetap disimpan tanpa dibaca. Pasang: apt-get install tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng`,
  doctorDisabled: 'mati (OCR_TESSERACT=off)',
};

const EN: OcrTexts = {
  humas: (f) =>
    [
      `🔎 Machine-read (OCR) from the screenshot of report ${f.receiptNo} (${f.asnName})`,
      `File: ${f.filename} (SHA-256 ${f.sha256.slice(0, 16)}…)`,
      f.groupName ? `Group name read: "${f.groupName}"` : 'Group name: not readable',
      ...(f.campaignGroup ? [f.campaignGroup.campaign ? `Looks like a campaign group: ${f.campaignGroup.reason}` : `Not clearly a campaign group: ${f.campaignGroup.reason}`] : []),
      f.pilkada ? `Pilkada content: yes${f.terms.length ? ` (${f.terms.slice(0, 6).join(', ')})` : ''}` : 'Pilkada content: not detected',
      `OCR confidence: ${pct(f.confidence)}`,
      f.excerpt ? `Text: ${f.excerpt}` : '',
      'Machine reading can be wrong; check the picture.',
    ].filter(Boolean).join('\n'),
  dossierLabel: 'Machine-read (OCR)',
  dossierLine: (o) =>
    `${o.groupName ? `group "${o.groupName}"; ` : ''}${o.pilkada ? 'Pilkada-related' : 'not detected as Pilkada-related'}; confidence ${pct(o.confidence)}${o.excerpt ? `; text: ${o.excerpt}` : ''}`,
  dashboardLine: (o) => `Machine-read (OCR): ${o.groupName ? `group "${o.groupName}"` : 'no group name read'}${o.pilkada ? ', Pilkada-related' : ''}`,
  doctorLabel: 'Screenshot OCR',
  doctorOn: (e) => `on (${e}, offline)`,
  doctorMissing: (d) => `off: ${d}; report images are kept unread. Install: apt-get install tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng`,
  doctorDisabled: 'off (OCR_TESSERACT=off)',
};

/** OCR texts in `lang`. */
export const ocrTexts = (lang: 'id' | 'en'): OcrTexts => (lang === 'en' ? EN : ID);
