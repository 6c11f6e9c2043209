/** Texts of the dashboard pages for self-reports ("Laporan ASN") and receipt verification. */

/** Every text of those pages. */
export interface SelfReportWebTexts {
  nav: string;
  title: string;
  intro: string;
  filters: { status: string; any: string; open: string; closed: string; place: string; search: string };
  cols: { receipt: string; time: string; asn: string; what: string; evidence: string; status: string };
  resolved: (at: string) => string;
  noFile: string;
  /** Videos the ASN sent with the report that the bot did not keep (self_reports.videos_not_kept), for Humas to ask for. */
  videosNotKept: (n: number) => string;
  verifyTitle: string;
  verifyIntro: string;
  /** The receipt check's answer beyond its rate limit (429). */
  verifyTooMany: string;
  number: string;
  code: string;
  check: string;
}

const ID: SelfReportWebTexts = {
  nav: 'Laporan ASN',
  title: 'Laporan mandiri ASN',
  intro: 'Laporan yang dikirim sendiri oleh ASN (/lapor atau LAPOR), dengan tanda terimanya. Tautan tidak dibuka oleh bot.',
  filters: { status: 'Status', any: 'semua', open: 'terbuka', closed: 'selesai', place: 'Tempat', search: 'Cari' },
  cols: { receipt: 'Tanda terima', time: 'Waktu laporan', asn: 'ASN', what: 'Kejadian', evidence: 'Bukti', status: 'Status' },
  resolved: (at) => `selesai ${at}`,
  noFile: 'tidak ada berkas',
  videosNotKept: (n) => `${n} video dikirim ASN, tidak disimpan bot (mintalah lewat jalur lain bila perlu)`,
  verifyTitle: 'Periksa tanda terima',
  verifyTooMany: 'Terlalu banyak pemeriksaan tanda terima dari alamat ini. Tunggu satu menit, lalu coba lagi.',
  verifyIntro: 'Masukkan nomor dan kode verifikasi tanda terima laporan mandiri. Halaman ini hanya menunjukkan sah atau tidak, tanggal dan status.',
  number: 'Nomor (JN-TTTT-NNNNNN)',
  code: 'Kode verifikasi (XXXX-XXXX-XXXX)',
  check: 'Periksa',
};

const EN: SelfReportWebTexts = {
  nav: 'Self-reports',
  title: 'Civil servant self-reports',
  intro: 'Reports civil servants sent themselves (/lapor or LAPOR), with their receipts. Links are never opened by the bot.',
  filters: { status: 'Status', any: 'all', open: 'open', closed: 'resolved', place: 'Where', search: 'Search' },
  cols: { receipt: 'Receipt', time: 'Reported at', asn: 'ASN', what: 'What', evidence: 'Evidence', status: 'Status' },
  resolved: (at) => `resolved ${at}`,
  noFile: 'no files',
  videosNotKept: (n) => `${n} video${n === 1 ? '' : 's'} sent by the ASN, not kept by the bot (ask for ${n === 1 ? 'it' : 'them'} another way if needed)`,
  verifyTitle: 'Check a receipt',
  verifyTooMany: 'Too many receipt checks from this address. Wait a minute, then try again.',
  verifyIntro: 'Enter the number and verification code of a self-report receipt. This page only shows whether it is valid, its date and status.',
  number: 'Number (JN-YYYY-NNNNNN)',
  code: 'Verification code (XXXX-XXXX-XXXX)',
  check: 'Check',
};

/** The texts for `lang`. */
export const selfReportWebTexts = (lang: 'id' | 'en'): SelfReportWebTexts => (lang === 'en' ? EN : ID);
