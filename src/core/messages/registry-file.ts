/**
 * Reasons a registry file (CSV or Excel) cannot be read at all, or a cell of
 * an Excel sheet cannot be trusted. Row checks have their own wording in
 * app/import-asn.ts. Indonesian first.
 */

/** The texts of one language. */
export interface RegistryFileTexts {
  cannotRead(file: string, why: string): string;
  notAFile: string;
  tooLarge(file: string, mb: number): string;
  notXlsx(file: string): string;
  noSheet(file: string): string;
  theFile: string;
  column(letter: string, why: string): string;
  lostDigits(n: number): string;
  notANumber: string;
  formulaWithoutValue: string;
  excelError(code: string): string;
  unsupportedCell: string;
  /** A workbook whose zip inflates far beyond a registry's size (a zip bomb), or lies about its sizes. */
  xlsxBomb(file: string): string;
  tooManyRows(file: string, max: number): string;
  tooManyColumns(file: string, max: number): string;
  tooSlow(file: string, seconds: number): string;
}

const ID: RegistryFileTexts = {
  cannotRead: (f, why) => `tidak dapat membaca ${f}: ${why}`,
  notAFile: 'bukan berkas',
  tooLarge: (f, mb) => `${f} lebih besar dari ${mb} MB`,
  notXlsx: (f) => `tidak dapat membaca ${f}: bukan buku kerja Excel .xlsx yang sah (simpan dari Excel sebagai "Excel Workbook (*.xlsx)", atau sebagai "CSV UTF-8")`,
  noSheet: (f) => `${f} tidak memiliki sheet`,
  theFile: 'berkas',
  column: (c, why) => `kolom ${c}: ${why}`,
  lostDigits: (n) => `angka ${n} disimpan sebagai Number dan Excel sudah menghilangkan digit terakhirnya; format kolom sebagai Text lalu ketik ulang nilainya`,
  notANumber: 'bukan angka',
  formulaWithoutValue: 'rumus tanpa nilai tersimpan',
  excelError: (c) => `galat Excel ${c}`,
  unsupportedCell: 'isi sel tidak didukung',
  xlsxBomb: (f) => `${f} ditolak: isinya setelah dibuka jauh lebih besar daripada daftar ASN mana pun (kemungkinan berkas "zip bomb"). Simpan ulang daftar dari Excel, atau kirim sebagai "CSV UTF-8"`,
  tooManyRows: (f, n) => `${f} ditolak: lebih dari ${n.toLocaleString('id-ID')} baris di sheet pertama; bagi daftar menjadi beberapa berkas atau kirim sebagai CSV`,
  tooManyColumns: (f, n) => `${f} ditolak: baris dengan lebih dari ${n} kolom; daftar ASN hanya memakai kolom nip, nama, unit, telepon, telegram`,
  tooSlow: (f, s) => `${f} ditolak: membacanya memakan waktu lebih dari ${s} detik; kirim sebagai "CSV UTF-8"`,
};

const EN: RegistryFileTexts = {
  cannotRead: (f, why) => `cannot read ${f}: ${why}`,
  notAFile: 'not a file',
  tooLarge: (f, mb) => `${f} is larger than ${mb} MB`,
  notXlsx: (f) => `cannot read ${f}: not a valid Excel .xlsx workbook (save it from Excel as "Excel Workbook (*.xlsx)", or as "CSV UTF-8")`,
  noSheet: (f) => `${f} has no worksheet`,
  theFile: 'the file',
  column: (c, why) => `column ${c}: ${why}`,
  lostDigits: (n) => `the number ${n} is stored as a Number and Excel has lost its last digits; format the column as Text and type the value again`,
  notANumber: 'not a number',
  formulaWithoutValue: 'formula without a saved value',
  excelError: (c) => `Excel error ${c}`,
  unsupportedCell: 'unsupported cell',
  xlsxBomb: (f) => `${f} refused: it unpacks to far more than any ASN registry (likely a "zip bomb"). Save the registry again from Excel, or send it as "CSV UTF-8"`,
  tooManyRows: (f, n) => `${f} refused: more than ${n.toLocaleString('en-US')} rows in the first sheet; split the registry into several files or send it as CSV`,
  tooManyColumns: (f, n) => `${f} refused: a row with more than ${n} columns; the ASN registry uses only the columns nip, nama, unit, telepon, telegram`,
  tooSlow: (f, s) => `${f} refused: reading it took longer than ${s} seconds; send it as "CSV UTF-8"`,
};

/** Registry file texts for `lang`. */
export const registryFileTexts = (lang: 'id' | 'en'): RegistryFileTexts => (lang === 'en' ? EN : ID);
