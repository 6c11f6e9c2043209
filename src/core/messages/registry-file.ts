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
};

/** Registry file texts for `lang`. */
export const registryFileTexts = (lang: 'id' | 'en'): RegistryFileTexts => (lang === 'en' ? EN : ID);
