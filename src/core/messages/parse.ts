/**
 * Why a typed phone number or NIP was refused, worded for people. The parsers
 * (core/phone.ts, core/nip.ts) return a problem code with its parameters;
 * these texts render it. Indonesian first.
 */

/** Why a phone number was refused. */
export type PhoneProblem =
  | { code: 'missing' }
  | { code: 'tooLong' }
  | { code: 'empty' }
  | { code: 'noDigits' }
  | { code: 'notDigits' }
  | { code: 'plusNotFirst' }
  | { code: 'foreign'; countryCode: string }
  | { code: 'foreign00' }
  | { code: 'badStart' }
  | { code: 'leadingZeros' }
  | { code: 'landline'; areaCode: string }
  | { code: 'notMobileOperator'; prefix: string }
  | { code: 'tooShort' };

/** Why a NIP was refused. */
export type NipProblem =
  | { code: 'missing' }
  | { code: 'empty' }
  | { code: 'notDigits' }
  | { code: 'length'; found: number }
  | { code: 'birthYear'; year: number; min: number; max: number }
  | { code: 'birthDate'; date: string }
  | { code: 'appointmentMonth'; month: string }
  | { code: 'appointmentTooEarly'; year: number; birthYear: number }
  | { code: 'appointmentFuture'; appointed: string }
  | { code: 'sexDigit'; found: string }
  | { code: 'sequence' };

/** Why a text cell (nama, unit) was refused; `label` is the column name. */
export type TextProblem =
  | { code: 'empty'; label: string }
  | { code: 'control'; label: string }
  | { code: 'formula'; label: string; value: string; first: string }
  | { code: 'tooLong'; label: string; max: number };

/** Why a Telegram cell was refused. */
export type TelegramProblem = { code: 'badId'; value: string } | { code: 'badHandle'; value: string };

/**
 * Why one field of an ASN typed by Humas (`asn add`/`update`, the dashboard's form) was refused, as the
 * audit log stores it (`invalid {"problems":[…]}`), so the row reads in whatever language the reader uses.
 */
export type FieldProblem =
  | { field: 'nip'; value: string; problem: NipProblem }
  | { field: 'telepon'; value: string; problem: PhoneProblem }
  | { field: 'text'; problem: TextProblem }
  | { field: 'telegram'; problem: TelegramProblem };

/** One field problem worded in `t`'s language, as `import-asn` words a row's cell. */
export function fieldProblemText(p: FieldProblem, t: ParseTexts): string {
  switch (p.field) {
    case 'nip': return `NIP "${p.value}": ${t.nip(p.problem)}`;
    case 'telepon': return `telepon "${p.value}": ${t.phone(p.problem)}`;
    case 'text': return t.text(p.problem);
    case 'telegram': return t.telegram(p.problem);
    // A stored row this version does not know: shown as stored rather than lost.
    default: return JSON.stringify(p);
  }
}

/** Why a registry file (or its header, or a row's shape) was refused. */
export type FileProblem =
  | { code: 'cannotOpen'; path: string; error: string }
  | { code: 'cannotRead'; error: string }
  | { code: 'empty'; columns: string }
  | { code: 'tooManyErrors'; max: number }
  | { code: 'headerTooLong'; kib: number }
  | { code: 'rowTooLong'; kib: number }
  | { code: 'utf16' }
  | { code: 'utf16Nul' }
  | { code: 'notUtf8' }
  | { code: 'quoteNotClosed' }
  | { code: 'quoteNotClosedRecord' }
  | { code: 'afterQuote'; column: number }
  | { code: 'tabSeparated' }
  | { code: 'header'; detail: string }
  | { code: 'headerColumns'; columns: string; problems: string }
  | { code: 'columnNoName'; column: number }
  | { code: 'unknownColumn'; name: string }
  | { code: 'columnTwice'; name: string }
  | { code: 'missingColumn'; name: string }
  | { code: 'columnCount'; expected: number; found: number };

/** The texts of one language. */
export interface ParseTexts {
  phone(p: PhoneProblem): string;
  nip(p: NipProblem): string;
  text(p: TextProblem): string;
  telegram(p: TelegramProblem): string;
  /** `what` (e.g. `NIP 1985...`, `telepon +62...`) is on an earlier line of the same file. */
  duplicate(what: string, firstLine: number): string;
  /** `what` already belongs to another ASN in the registry. */
  registered(what: string, ownerNip: string): string;
  file(p: FileProblem): string;
}

const ID: ParseTexts = {
  phone(p) {
    switch (p.code) {
      case 'missing': return 'nomor telepon tidak ada';
      case 'tooLong': return 'nomor telepon terlalu panjang';
      case 'empty': return 'nomor telepon kosong';
      case 'noDigits': return 'nomor telepon tidak memuat angka';
      case 'notDigits': return 'nomor telepon memuat karakter selain angka';
      case 'plusNotFirst': return "'+' hanya boleh di awal";
      case 'foreign': return `bukan nomor Indonesia (kode negara +${p.countryCode})`;
      case 'foreign00': return 'bukan nomor Indonesia (awalan internasional 00 tanpa 62)';
      case 'badStart': return 'bukan nomor HP Indonesia (harus diawali 08, 8, 62 atau +62)';
      case 'leadingZeros': return 'bukan nomor HP Indonesia (terlalu banyak nol di depan)';
      case 'landline': return `nomor telepon rumah/kantor atau bukan HP (kode area ${p.areaCode}); nomor HP diawali 08`;
      case 'notMobileOperator': return `bukan awalan operator seluler (${p.prefix})`;
      case 'tooShort': return 'nomor telepon terlalu pendek';
    }
  },
  nip(p) {
    switch (p.code) {
      case 'missing': return 'NIP tidak ada';
      case 'empty': return 'NIP kosong';
      case 'notDigits': return 'NIP hanya boleh berisi angka';
      case 'length': return `NIP harus 18 digit, ditemukan ${p.found}`;
      case 'birthYear': return `tahun lahir ${p.year} di luar rentang (${p.min}-${p.max})`;
      case 'birthDate': return `tanggal lahir ${p.date} bukan tanggal yang ada`;
      case 'appointmentMonth': return `bulan pengangkatan ${p.month} tidak sah (01-12, atau 21-29 untuk PPPK)`;
      case 'appointmentTooEarly': return `tahun pengangkatan ${p.year} kurang dari 17 tahun setelah tahun lahir ${p.birthYear}`;
      case 'appointmentFuture': return `pengangkatan ${p.appointed} ada di masa depan`;
      case 'sexDigit': return `digit jenis kelamin harus 1 atau 2, ditemukan ${p.found}`;
      case 'sequence': return 'nomor urut 000 tidak sah (001-999)';
    }
  },
  text(p) {
    switch (p.code) {
      case 'empty': return `${p.label} kosong`;
      case 'control': return `${p.label} memuat karakter kendali (tab atau pindah baris)`;
      case 'formula': return `${p.label} "${p.value}" tampak seperti rumus spreadsheet (diawali "${p.first}")`;
      case 'tooLong': return `${p.label} lebih dari ${p.max} karakter`;
    }
  },
  telegram(p) {
    switch (p.code) {
      case 'badId': return `telegram id "${p.value}" bukan id pengguna Telegram yang sah`;
      case 'badHandle': return `telegram "${p.value}" harus @username (5-32 huruf, angka atau _, diawali huruf) atau id angka`;
    }
  },
  file(p) {
    switch (p.code) {
      case 'cannotOpen': return `tidak dapat membaca ${p.path}: ${p.error}`;
      case 'cannotRead': return `tidak dapat membaca berkas: ${p.error}`;
      case 'empty': return `berkas kosong; judul kolom yang diharapkan ${p.columns}`;
      case 'tooManyErrors': return `terlalu banyak kesalahan; pemeriksaan dihentikan setelah ${p.max}`;
      case 'headerTooLong': return `baris judul lebih dari ${p.kib} KiB`;
      case 'rowTooLong': return `baris lebih dari ${p.kib} KiB (tanda kutip penutup hilang?)`;
      case 'utf16': return 'berkas berformat UTF-16 ("Unicode Text"); simpan sebagai "CSV UTF-8"';
      case 'utf16Nul': return 'berkas tampak berformat UTF-16 (memuat byte NUL); simpan sebagai "CSV UTF-8"';
      case 'notUtf8': return 'teks bukan UTF-8 yang sah (berkas tampak ekspor Latin-1/Windows-1252; di Excel pakai "Simpan Sebagai > CSV UTF-8")';
      case 'quoteNotClosed': return 'kolom bertanda kutip tidak pernah ditutup';
      case 'quoteNotClosedRecord': return 'kolom bertanda kutip tidak pernah ditutup (tanda " hilang)';
      case 'afterQuote': return `ada teks setelah tanda kutip penutup di kolom ${p.column}`;
      case 'tabSeparated': return 'berkas dipisah tab; judul kolom harus nip,nama,unit,telepon,telegram dipisah koma atau titik koma';
      case 'header': return `judul kolom: ${p.detail}`;
      case 'headerColumns': return `judul kolom harus ${p.columns} (telegram boleh tidak ada): ${p.problems}`;
      case 'columnNoName': return `kolom ${p.column} tidak bernama`;
      case 'unknownColumn': return `kolom "${p.name}" tidak dikenal`;
      case 'columnTwice': return `kolom "${p.name}" muncul dua kali`;
      case 'missingColumn': return `kolom "${p.name}" tidak ada`;
      case 'columnCount': return `seharusnya ${p.expected} kolom, ditemukan ${p.found}`;
    }
  },
  duplicate: (what, firstLine) => `${what} sudah ada di baris ${firstLine}`,
  registered: (what, ownerNip) => `${what} sudah terdaftar atas NIP ${ownerNip}`,
};

const EN: ParseTexts = {
  phone(p) {
    switch (p.code) {
      case 'missing': return 'phone number is missing';
      case 'tooLong': return 'phone number is too long';
      case 'empty': return 'phone number is empty';
      case 'noDigits': return 'phone number has no digits';
      case 'notDigits': return 'phone number contains characters other than digits';
      case 'plusNotFirst': return "'+' may only appear at the start";
      case 'foreign': return `not an Indonesian number (country code +${p.countryCode})`;
      case 'foreign00': return 'not an Indonesian number (international prefix 00 without 62)';
      case 'badStart': return 'not an Indonesian mobile number (must start with 08, 8, 62 or +62)';
      case 'leadingZeros': return 'not an Indonesian mobile number (too many leading zeros)';
      case 'landline': return `landline or non-mobile number (area code ${p.areaCode}); a mobile number starts with 08`;
      case 'notMobileOperator': return `not a mobile operator prefix (${p.prefix})`;
      case 'tooShort': return 'phone number is too short';
    }
  },
  nip(p) {
    switch (p.code) {
      case 'missing': return 'NIP is missing';
      case 'empty': return 'NIP is empty';
      case 'notDigits': return 'NIP must contain digits only';
      case 'length': return `NIP must have 18 digits, found ${p.found}`;
      case 'birthYear': return `birth year ${p.year} is out of range (${p.min}-${p.max})`;
      case 'birthDate': return `birth date ${p.date} is not a real date`;
      case 'appointmentMonth': return `appointment month ${p.month} is invalid (01-12, or 21-29 for PPPK)`;
      case 'appointmentTooEarly': return `appointment year ${p.year} is less than 17 years after birth year ${p.birthYear}`;
      case 'appointmentFuture': return `appointment ${p.appointed} is in the future`;
      case 'sexDigit': return `sex digit must be 1 or 2, found ${p.found}`;
      case 'sequence': return 'sequence number 000 is invalid (001-999)';
    }
  },
  text(p) {
    switch (p.code) {
      case 'empty': return `${p.label} is empty`;
      case 'control': return `${p.label} contains control characters (tab or line break)`;
      case 'formula': return `${p.label} "${p.value}" looks like a spreadsheet formula (starts with "${p.first}")`;
      case 'tooLong': return `${p.label} is longer than ${p.max} characters`;
    }
  },
  telegram(p) {
    switch (p.code) {
      case 'badId': return `telegram id "${p.value}" is not a valid Telegram user id`;
      case 'badHandle': return `telegram "${p.value}" must be @username (5-32 letters, digits or _, starting with a letter) or a numeric id`;
    }
  },
  file(p) {
    switch (p.code) {
      case 'cannotOpen': return `cannot read ${p.path}: ${p.error}`;
      case 'cannotRead': return `cannot read file: ${p.error}`;
      case 'empty': return `file is empty; expected the header ${p.columns}`;
      case 'tooManyErrors': return `too many errors; stopped checking after ${p.max}`;
      case 'headerTooLong': return `header line is longer than ${p.kib} KiB`;
      case 'rowTooLong': return `row is longer than ${p.kib} KiB (a missing closing quote?)`;
      case 'utf16': return 'file is UTF-16 ("Unicode Text"); save it as "CSV UTF-8"';
      case 'utf16Nul': return 'file looks like UTF-16 (contains NUL bytes); save it as "CSV UTF-8"';
      case 'notUtf8': return 'text is not valid UTF-8 (the file looks like a Latin-1/Windows-1252 export; in Excel use "Save As > CSV UTF-8")';
      case 'quoteNotClosed': return 'a quoted field is never closed';
      case 'quoteNotClosedRecord': return 'a quoted field is never closed (missing ")';
      case 'afterQuote': return `unexpected text after a closing quote in column ${p.column}`;
      case 'tabSeparated': return 'tab-separated file; the header must be nip,nama,unit,telepon,telegram separated by commas or semicolons';
      case 'header': return `header: ${p.detail}`;
      case 'headerColumns': return `header must be ${p.columns} (telegram optional): ${p.problems}`;
      case 'columnNoName': return `column ${p.column} has no name`;
      case 'unknownColumn': return `unknown column "${p.name}"`;
      case 'columnTwice': return `column "${p.name}" appears twice`;
      case 'missingColumn': return `missing column "${p.name}"`;
      case 'columnCount': return `expected ${p.expected} columns, found ${p.found}`;
    }
  },
  duplicate: (what, firstLine) => `${what} already appears on line ${firstLine}`,
  registered: (what, ownerNip) => `${what} is already registered to NIP ${ownerNip}`,
};

/** Phone/NIP refusal texts for `lang`. */
export const parseTexts = (lang: 'id' | 'en'): ParseTexts => (lang === 'en' ? EN : ID);
