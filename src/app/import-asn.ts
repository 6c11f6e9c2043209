/**
 * `import-asn`: loads the ASN registry from the CSV Humas keeps
 * (`nip,nama,unit,telepon,telegram`). Streams the file in 1 MiB chunks with a
 * small quote-aware scanner (no whole-file string, no per-row objects kept),
 * validates each row, and upserts it with one prepared statement inside one
 * savepoint. Any invalid row rolls everything back: all or nothing.
 */
import { fsErrorText } from '../core/messages/fs-error.js';
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Db } from '../store/db.js';
import { ASN_UPSERT_SQL, ASN_VERSION_KEY } from '../store/asn.js';
import { parseIndonesianMobile } from '../core/phone.js';
import { parseNip } from '../core/nip.js';
import { parseTexts, type FileProblem, type ParseTexts, type TelegramProblem, type TextProblem } from '../core/messages/parse.js';

/** One problem found in the file; `line` is the physical line (header = 1; for .xlsx the row number Excel shows), 0 for a file-level problem. */
export type ImportError = { line: number; reason: string };
/** One row that would change the registry (listed by previews, up to `ImportOptions.listChanges`). */
export type ImportChange = { line: number; nip: string; nama: string; unit: string; change: 'new' | 'updated' };
/** Outcome of an import: counts, or every problem found (nothing written). */
export type ImportResult =
  | { ok: true; total: number; inserted: number; updated: number; unchanged: number; dryRun: boolean; changes?: ImportChange[] }
  | { ok: false; errors: ImportError[] };
/**
 * Import switches: `dryRun` validates and counts but writes nothing; `now` stamps created/updated times
 * (NIP dates are checked against the real clock); `listChanges` > 0 lists up to that many changed rows;
 * `lang` words every reason, file-level and per row (English unless asked).
 */
export type ImportOptions = { dryRun?: boolean; now?: number; maxErrors?: number; listChanges?: number; lang?: 'id' | 'en' };

/** Longest accepted record; anything longer (e.g. a 10 MB line) is an error, not a memory spike. */
export const MAX_RECORD_BYTES = 64 * 1024;
/** Columns the CSV must have (`telegram` may be left out of the header). */
export const ASN_CSV_COLUMNS = ['nip', 'nama', 'unit', 'telepon', 'telegram'] as const;
const REQUIRED = ['nip', 'nama', 'unit', 'telepon'] as const;
const CHUNK_BYTES = 1 << 20;
const MAX_TEXT = 200;
const DEFAULT_MAX_ERRORS = 1000;

/** Imports an ASN CSV (a path or its bytes) into the registry, all or nothing. */
export function importAsnCsv(db: Db, input: Buffer | Uint8Array | string, opts: ImportOptions = {}): ImportResult {
  let fd: number | undefined;
  if (typeof input === 'string') {
    try {
      fd = openSync(input, 'r');
    } catch (e) {
      return { ok: false, errors: [{ line: 0, reason: parseTexts(opts.lang ?? 'en').file({ code: 'cannotOpen', path: input, error: fsErrorText({ ...(e as NodeJS.ErrnoException), path: undefined }, opts.lang ?? 'en') }) }] };
    }
  }
  try {
    return runImport(db, opts, (rows, errors) => {
      const source = fd !== undefined ? fileSource(fd) : bufferSource(input as Uint8Array);
      scanRecords(source, (buf, s, e, line, flag) => rows.record(buf, s, e, line, flag));
      if (source.error) errors.push({ line: 0, reason: parseTexts(opts.lang ?? 'en').file({ code: 'cannotRead', error: source.error }) });
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Imports rows already split into cells (the header first, each with its line number), all or nothing: the .xlsx path. */
export function importAsnRows(db: Db, rows: Iterable<{ line: number; cells: string[] }>, opts: ImportOptions = {}): ImportResult {
  return runImport(db, opts, (importer) => {
    for (const r of rows) if (!importer.cells(r.cells, r.line)) break;
  });
}

/** The all-or-nothing frame shared by every file format: one write transaction (or savepoint), committed only when no row failed. */
function runImport(db: Db, opts: ImportOptions, feed: (rows: RowImporter, errors: ImportError[]) => void): ImportResult {
  const now = opts.now ?? Date.now();
  const dryRun = opts.dryRun ?? false;
  const maxErrors = opts.maxErrors ?? DEFAULT_MAX_ERRORS;
  const errors: ImportError[] = [];
  // BEGIN IMMEDIATE takes the write lock up front (a deferred read-then-write
  // transaction can fail with SQLITE_BUSY while the bot writes); nest as a savepoint otherwise.
  const nested = db.inTransaction;
  db.exec(nested ? 'SAVEPOINT import_asn' : 'BEGIN IMMEDIATE');
  let committed = false;
  try {
    const countStmt = db.prepare('SELECT count(*) FROM asn').pluck();
    const before = countStmt.get() as number;
    const rows = new RowImporter(db, now, errors, maxErrors, opts.listChanges ?? 0, parseTexts(opts.lang ?? 'en'), before === 0);
    feed(rows, errors);
    if (!rows.sawHeader && errors.length === 0) {
      errors.push({ line: 1, reason: parseTexts(opts.lang ?? 'en').file({ code: 'empty', columns: ASN_CSV_COLUMNS.join(',') }) });
    }
    if (errors.length > 0) return { ok: false, errors };
    const inserted = (countStmt.get() as number) - before;
    const result: ImportResult = { ok: true, total: rows.total, inserted, updated: rows.total - inserted - rows.unchanged, unchanged: rows.unchanged, dryRun };
    if (opts.listChanges) result.changes = rows.changes;
    if (!dryRun) {
      if (rows.total > rows.unchanged) bumpVersion(db, now);
      db.exec(nested ? 'RELEASE import_asn' : 'COMMIT');
      committed = true;
    }
    return result;
  } finally {
    if (!committed) db.exec(nested ? 'ROLLBACK TO import_asn; RELEASE import_asn' : 'ROLLBACK');
  }
}

/** One-paragraph summary for the CLI: the counts, or the cancellation notice followed by every `baris N: reason` (`line N` in English). */
export function formatImportResult(r: ImportResult, lang: 'id' | 'en' = 'id'): string {
  if (r.ok) {
    const same = r.total > 0 && r.inserted === 0 && r.updated === 0;
    if (lang === 'en') {
      const head = r.dryRun ? 'Dry run (nothing saved)' : 'Import done';
      if (same) return `${head}: ${r.total} rows, unchanged (the registry already matches the file).`;
      return `${head}: ${r.total} rows, ${r.inserted} new, ${r.updated} updated${r.unchanged ? `, ${r.unchanged} unchanged` : ''}.`;
    }
    const head = r.dryRun ? 'Uji coba selesai (tidak ada yang disimpan)' : 'Impor selesai';
    if (same) return `${head}: ${r.total} baris, tidak ada perubahan (daftar sudah sama dengan berkas).`;
    return `${head}: ${r.total} baris, ${r.inserted} baru, ${r.updated} diperbarui${r.unchanged ? `, ${r.unchanged} tetap` : ''}.`;
  }
  const badLines = new Set(r.errors.filter((e) => e.line > 0).map((e) => e.line)).size;
  const head =
    badLines === 0
      ? lang === 'en' ? 'Import cancelled, nothing was saved:' : 'Impor dibatalkan, tidak ada yang disimpan:'
      : lang === 'en'
        ? `Import cancelled: ${badLines} ${badLines === 1 ? 'row has' : 'rows have'} problems, nothing was saved.`
        : `Impor dibatalkan: ${badLines} baris bermasalah, tidak ada yang disimpan.`;
  // `baris N` in Indonesian, `line N` in English: the number is the file's own line (or Excel's row).
  const lines = r.errors.map((e) => (e.line > 0 ? `${lang === 'en' ? 'line' : 'baris'} ${e.line}: ${e.reason}` : e.reason));
  return [head, ...lines].join('\n');
}

function bumpVersion(db: Db, now: number): void {
  const old = db.prepare(`SELECT value FROM kv WHERE key = ?`).pluck().get(ASN_VERSION_KEY) as string | undefined;
  const next = String((Number(old ?? '0') || 0) + 1);
  db.prepare(
    `INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(ASN_VERSION_KEY, next, now);
}

// ---------------------------------------------------------------------------
// Record scanner: splits bytes into CSV records (newlines inside quotes kept),
// counting physical lines (\n, \r\n and lone \r each end one line).

/** Why a record is special: 0 normal, 1 longer than the cap, 2 ends inside an open quote. */
type RecordFlag = 0 | 1 | 2;
type OnRecord = (buf: Buffer, start: number, end: number, line: number, flag: RecordFlag) => boolean;
type Source = { next(): Buffer | undefined; reusesBuffer: boolean; error?: string };

function bufferSource(b: Uint8Array): Source {
  let done = false;
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return {
    reusesBuffer: false,
    next() {
      if (done) return undefined;
      done = true;
      return buf;
    },
  };
}

function fileSource(fd: number): Source {
  const buf = Buffer.allocUnsafe(CHUNK_BYTES);
  const src: Source = {
    reusesBuffer: true,
    next() {
      let n: number;
      try {
        n = readSync(fd, buf, 0, CHUNK_BYTES, null);
      } catch (e) {
        src.error = (e as NodeJS.ErrnoException).code ?? String(e);
        return undefined;
      }
      return n === 0 ? undefined : buf.subarray(0, n);
    },
  };
  return src;
}

function scanRecords(src: Source, onRecord: OnRecord): void {
  let line = 1;
  let recLine = 1;
  let inQuotes = false;
  let prevCR = false;
  let carry: Buffer[] = [];
  let carryLen = 0;
  let oversize = false;
  let first = true;

  for (let chunk = src.next(); chunk !== undefined; chunk = src.next()) {
    let recStart = 0;
    if (first) {
      first = false;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) recStart = 3;
    }
    const n = chunk.length;
    // Emits [recStart, end) joined with any carry; returns false to stop.
    const emit = (end: number, flag: RecordFlag): boolean => {
      let buf = chunk!;
      let s = recStart;
      let e = end;
      const len = carryLen + (end - recStart);
      if (oversize || len > MAX_RECORD_BYTES) {
        flag = 1;
        s = e = 0;
      } else if (carryLen > 0) {
        buf = Buffer.concat([...carry, chunk!.subarray(recStart, end)], len);
        s = 0;
        e = len;
      }
      carry = [];
      carryLen = 0;
      oversize = false;
      return onRecord(buf, s, e, recLine, flag);
    };
    for (let i = recStart; i < n; i++) {
      const c = chunk[i]!;
      if (c > 0x22) {
        prevCR = false;
        continue;
      }
      if (c === 0x22) {
        inQuotes = !inQuotes;
        prevCR = false;
      } else if (c === 0x0a) {
        if (prevCR) {
          prevCR = false;
          if (recStart === i && carryLen === 0) recStart = i + 1;
          continue;
        }
        line++;
        if (!inQuotes) {
          if (!emit(i, 0)) return;
          recStart = i + 1;
          recLine = line;
        }
      } else if (c === 0x0d) {
        line++;
        prevCR = true;
        if (!inQuotes) {
          if (!emit(i, 0)) return;
          recStart = i + 1;
          recLine = line;
        }
      } else {
        prevCR = false;
      }
    }
    if (recStart < n) {
      if (!oversize) {
        const rest = chunk.subarray(recStart, n);
        carry.push(src.reusesBuffer ? Buffer.from(rest) : rest);
        carryLen += rest.length;
        if (carryLen > MAX_RECORD_BYTES) {
          oversize = true;
          carry = [];
        }
      } else {
        carryLen += n - recStart;
      }
    }
  }
  if (carryLen > 0 || oversize) {
    const buf = carry.length > 0 ? Buffer.concat(carry, carryLen) : Buffer.alloc(0);
    const flag: RecordFlag = oversize ? 1 : inQuotes ? 2 : 0;
    onRecord(buf, 0, oversize ? 0 : buf.length, recLine, flag);
  }
}

// ---------------------------------------------------------------------------
// Field splitting.

/** Splits one record into fields; returns the problem on a quoting error. */
function splitFields(s: string, delim: string): string[] | FileProblem {
  if (s.indexOf('"') < 0) return s.split(delim);
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  for (;;) {
    // Leading spaces before an opening quote are tolerated.
    let j = i;
    while (j < n && (s[j] === ' ' || s[j] === '\t')) j++;
    if (j < n && s[j] === '"') {
      let v = '';
      let k = j + 1;
      for (;;) {
        const q = s.indexOf('"', k);
        if (q < 0) return { code: 'quoteNotClosed' };
        v += s.slice(k, q);
        if (s[q + 1] === '"') {
          v += '"';
          k = q + 2;
          continue;
        }
        k = q + 1;
        break;
      }
      while (k < n && (s[k] === ' ' || s[k] === '\t')) k++;
      out.push(v);
      if (k >= n) return out;
      if (s[k] !== delim) return { code: 'afterQuote', column: out.length };
      i = k + 1;
    } else {
      const d = s.indexOf(delim, i);
      if (d < 0) {
        out.push(s.slice(i));
        return out;
      }
      out.push(s.slice(i, d));
      i = d + 1;
    }
  }
}

// ---------------------------------------------------------------------------
// Compact duplicate index: open addressing over typed arrays, keys are two
// uint32 halves, values are line numbers. ~12 bytes per slot instead of ~100
// for a Map of strings, which keeps a million-row file well inside the budget.

class PairIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private val: Int32Array;
  private mask: number;
  private size = 0;

  constructor(capacityPow2 = 1 << 12) {
    this.hi = new Uint32Array(capacityPow2);
    this.lo = new Uint32Array(capacityPow2);
    this.val = new Int32Array(capacityPow2);
    this.mask = capacityPow2 - 1;
  }

  private static hash(hi: number, lo: number): number {
    let h = Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(lo ^ 0xc2b2ae35, 0x27d4eb2f);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return (h ^ (h >>> 13)) >>> 0;
  }

  /** Returns the line stored for the key, or stores `line` and returns 0. */
  getOrSet(hi: number, lo: number, line: number): number {
    let i = PairIndex.hash(hi, lo) & this.mask;
    for (;;) {
      const v = this.val[i]!;
      if (v === 0) break;
      if (this.hi[i] === hi && this.lo[i] === lo) return v;
      i = (i + 1) & this.mask;
    }
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.val[i] = line;
    if (++this.size * 2 > this.mask) this.grow();
    return 0;
  }

  private grow(): void {
    const { hi, lo, val } = this;
    const cap = (this.mask + 1) * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.val = new Int32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < val.length; i++) {
      const v = val[i]!;
      if (v === 0) continue;
      let j = PairIndex.hash(hi[i]!, lo[i]!) & this.mask;
      while (this.val[j] !== 0) j = (j + 1) & this.mask;
      this.hi[j] = hi[i]!;
      this.lo[j] = lo[i]!;
      this.val[j] = v;
    }
  }
}

/** Splits a digit string into two uint32 halves: an 18-digit NIP by 9-digit halves, shorter numbers without leading zeros (phones, Telegram ids) by value. */
function splitDigits(d: string): [number, number] {
  if (d.length > 15) return [Number(d.slice(0, d.length - 9)), Number(d.slice(d.length - 9))];
  const n = Number(d);
  return [Math.floor(n / 4294967296), n % 4294967296];
}

// ---------------------------------------------------------------------------
// Row validation and writing.

/** A trimmed, space-normalised text cell, or why it was refused (worded by `words`, English unless given). */
export function checkText(label: string, raw: string, words: ParseTexts = parseTexts('en')): string | { error: string; problem: TextProblem } {
  const refuse = (problem: TextProblem) => ({ error: words.text(problem), problem });
  const v = raw.trim();
  if (v === '') return refuse({ code: 'empty', label });
  if (/[\u0000-\u001f\u007f]/.test(v)) return refuse({ code: 'control', label });
  const c = v[0]!;
  if (c === '=' || c === '+' || c === '-' || c === '@') {
    return refuse({ code: 'formula', label, value: clip(v), first: c });
  }
  const norm = v.replace(/\s+/g, ' ');
  if (norm.length > MAX_TEXT) return refuse({ code: 'tooLong', label, max: MAX_TEXT });
  return norm;
}

function clip(v: string, n = 40): string {
  return v.length > n ? `${v.slice(0, n)}...` : v;
}

/** A Telegram handle from a registry cell: id, username, neither, or why it was refused. */
export type Telegram = { id: string | null; username: string | null } | { error: string; problem: TelegramProblem };

export function parseTelegram(raw: string, words: ParseTexts = parseTexts('en')): Telegram {
  let v = raw.trim();
  if (v === '') return { id: null, username: null };
  v = v.replace(/^(?:https?:\/\/)?(?:www\.)?t(?:elegram)?\.me\//i, '');
  if (/^\d+$/.test(v)) {
    if (v.length > 15 || v[0] === '0') return { error: words.telegram({ code: 'badId', value: clip(v) }), problem: { code: 'badId', value: clip(v) } };
    return { id: v, username: null };
  }
  const u = v.startsWith('@') ? v.slice(1) : v;
  if (/^[A-Za-z][A-Za-z0-9_]{4,31}$/.test(u)) return { id: null, username: u.toLowerCase() };
  return { error: words.telegram({ code: 'badHandle', value: clip(v) }), problem: { code: 'badHandle', value: clip(v) } };
}

class RowImporter {
  sawHeader = false;
  total = 0;
  /** Rows identical to what the registry holds (not written again). */
  unchanged = 0;
  /** Changed rows, up to `listMax`. */
  readonly changes: ImportChange[] = [];
  private stopped = false;
  private delim = ',';
  private ncols = 0;
  private col = { nip: -1, nama: -1, unit: -1, telepon: -1, telegram: -1 };
  private readonly nips = new PairIndex();
  private readonly phones = new PairIndex();
  private readonly tgIds = new PairIndex();
  private readonly tgUsers = new Map<string, number>();
  private readonly upsert;
  private readonly phoneOwner;
  private readonly tgIdOwner;
  private readonly tgUserOwner;
  private readonly current;

  constructor(
    db: Db,
    private readonly now: number,
    private readonly errors: ImportError[],
    private readonly maxErrors: number,
    private readonly listMax = 0,
    private readonly words: ParseTexts = parseTexts('en'),
    /**
     * The registry was empty when this import began (the first, largest import): every row then is new
     * and can only clash with rows of this same file, which the duplicate indexes above already catch,
     * so the per-row lookups of the stored row and of a username's owner are skipped.
     */
    private readonly fresh = false,
  ) {
    this.upsert = db.prepare(ASN_UPSERT_SQL);
    this.current = db.prepare('SELECT nama, unit, phone, tg_user_id, tg_username FROM asn WHERE nip = ?');
    this.phoneOwner = db.prepare('SELECT nip FROM asn WHERE phone = ?').pluck();
    this.tgIdOwner = db.prepare('SELECT nip FROM asn WHERE tg_user_id = ?').pluck();
    this.tgUserOwner = db.prepare('SELECT nip FROM asn WHERE tg_username = ? AND nip <> ?').pluck();
  }

  private fail(line: number, reason: string): boolean {
    this.errors.push({ line, reason });
    if (this.errors.length >= this.maxErrors) {
      this.errors.push({ line, reason: this.words.file({ code: 'tooManyErrors', max: this.maxErrors }) });
      this.stopped = true;
      return false;
    }
    return true;
  }

  record(buf: Buffer, s: number, e: number, line: number, flag: RecordFlag): boolean {
    if (this.stopped) return false;
    if (flag === 1) {
      if (!this.sawHeader) {
        this.fail(line, this.words.file({ code: 'headerTooLong', kib: MAX_RECORD_BYTES / 1024 }));
        return false;
      }
      return this.fail(line, this.words.file({ code: 'rowTooLong', kib: MAX_RECORD_BYTES / 1024 }));
    }
    if (e === s) return true;
    if (!this.sawHeader && e - s >= 2 && ((buf[s] === 0xff && buf[s + 1] === 0xfe) || (buf[s] === 0xfe && buf[s + 1] === 0xff))) {
      this.fail(line, this.words.file({ code: 'utf16' }));
      return false;
    }
    if (!isUtf8(buf.subarray(s, e))) {
      if (!this.sawHeader) {
        this.fail(line, this.words.file({ code: 'notUtf8' }));
        return false;
      }
      return this.fail(line, this.words.file({ code: 'notUtf8' }));
    }
    const text = buf.toString('utf8', s, e);
    if (flag === 2) return this.fail(line, this.words.file({ code: 'quoteNotClosedRecord' }));
    if (text.trim() === '') return true;
    return this.sawHeader ? this.row(text, line) : this.header(text, line);
  }

  /** One row already split into cells (spreadsheet formats): the header first, then data rows. */
  cells(fields: string[], line: number): boolean {
    if (this.stopped) return false;
    if (fields.every((f) => f.trim() === '')) return true;
    if (!this.sawHeader) {
      this.sawHeader = true;
      return this.headerFields(fields, line);
    }
    while (fields.length > this.ncols && fields[fields.length - 1]!.trim() === '') fields = fields.slice(0, -1);
    while (fields.length < this.ncols) fields = [...fields, ''];
    return this.rowFields(fields, line);
  }

  private header(text: string, line: number): boolean {
    this.sawHeader = true;
    if (text.includes('\u0000')) {
      this.fail(line, this.words.file({ code: 'utf16Nul' }));
      return false;
    }
    const commas = text.split(',').length - 1;
    const semis = text.split(';').length - 1;
    if (commas === 0 && semis === 0 && text.includes('\t')) {
      this.fail(line, this.words.file({ code: 'tabSeparated' }));
      return false;
    }
    this.delim = semis > commas ? ';' : ',';
    const fields = splitFields(text, this.delim);
    if (!Array.isArray(fields)) {
      this.fail(line, this.words.file({ code: 'header', detail: this.words.file(fields) }));
      return false;
    }
    return this.headerFields(fields, line);
  }

  private headerFields(fields: string[], line: number): boolean {
    const problems: string[] = [];
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      const name = f.replace(/[\s\uFEFF]+/g, '').toLowerCase();
      if (!(ASN_CSV_COLUMNS as readonly string[]).includes(name)) {
        problems.push(this.words.file(name === '' ? { code: 'columnNoName', column: i + 1 } : { code: 'unknownColumn', name: clip(f.trim()) }));
      } else if (seen.has(name)) {
        problems.push(this.words.file({ code: 'columnTwice', name }));
      } else {
        seen.add(name);
        this.col[name as keyof RowImporter['col']] = i;
      }
    });
    for (const r of REQUIRED) if (!seen.has(r)) problems.push(this.words.file({ code: 'missingColumn', name: r }));
    if (problems.length > 0) {
      this.fail(line, this.words.file({ code: 'headerColumns', columns: ASN_CSV_COLUMNS.join(','), problems: problems.join('; ') }));
      return false;
    }
    this.ncols = fields.length;
    return true;
  }

  private row(text: string, line: number): boolean {
    const fields = splitFields(text, this.delim);
    if (!Array.isArray(fields)) return this.fail(line, this.words.file(fields));
    if (fields.every((f) => f.trim() === '')) return true; // ";;;;" rows from spreadsheets
    if (fields.length !== this.ncols) {
      return this.fail(line, this.words.file({ code: 'columnCount', expected: this.ncols, found: fields.length }));
    }
    return this.rowFields(fields, line);
  }

  private rowFields(fields: string[], line: number): boolean {
    const c = this.col;
    const problems: string[] = [];

    const rawNip = fields[c.nip]!;
    const nip = parseNip(rawNip); // plausibility against the real clock; `now` only stamps rows
    if (!nip.ok) problems.push(`NIP "${clip(rawNip.trim())}": ${this.words.nip(nip.problem)}`);
    else {
      const [hi, lo] = splitDigits(nip.nip);
      const first = this.nips.getOrSet(hi, lo, line);
      if (first) problems.push(this.words.duplicate(`NIP ${nip.nip}`, first));
    }

    const nama = checkText('nama', fields[c.nama]!, this.words);
    if (typeof nama !== 'string') problems.push(nama.error);
    const unit = checkText('unit', fields[c.unit]!, this.words);
    if (typeof unit !== 'string') problems.push(unit.error);

    const rawPhone = fields[c.telepon]!;
    const phone = parseIndonesianMobile(rawPhone);
    if (!phone.ok) problems.push(`telepon "${clip(rawPhone.trim())}": ${this.words.phone(phone.problem)}`);
    else {
      const [hi, lo] = splitDigits(phone.phone.slice(3));
      const first = this.phones.getOrSet(hi, lo, line);
      if (first) problems.push(this.words.duplicate(`telepon ${phone.phone}`, first));
    }

    const tg = c.telegram >= 0 ? parseTelegram(fields[c.telegram]!, this.words) : { id: null, username: null };
    if ('error' in tg) problems.push(tg.error);
    else if (tg.id !== null) {
      const [hi, lo] = splitDigits(tg.id);
      const first = this.tgIds.getOrSet(hi, lo, line);
      if (first) problems.push(this.words.duplicate(`telegram id ${tg.id}`, first));
    } else if (tg.username !== null) {
      const first = this.tgUsers.get(tg.username);
      if (first) problems.push(this.words.duplicate(`telegram @${tg.username}`, first));
      else this.tgUsers.set(tg.username, line);
    }

    if (problems.length > 0 || !nip.ok || !phone.ok || typeof nama !== 'string' || typeof unit !== 'string' || 'error' in tg) {
      return this.fail(line, problems.join('; '));
    }

    if (tg.username !== null && !this.fresh) {
      const owner = this.tgUserOwner.get(tg.username, nip.nip) as string | undefined;
      if (owner) return this.fail(line, this.words.registered(`telegram @${tg.username}`, owner));
    }
    const old = this.fresh ? undefined : this.current.get(nip.nip) as { nama: string; unit: string; phone: string; tg_user_id: string | null; tg_username: string | null } | undefined;
    if (old && old.nama === nama && old.unit === unit && old.phone === phone.phone
      && (tg.id === null || tg.id === old.tg_user_id) && (tg.username === null || tg.username === old.tg_username)) {
      this.total++;
      this.unchanged++;
      return true;
    }
    try {
      this.upsert.run(nip.nip, nama, unit, phone.phone, tg.id, tg.username, this.now, this.now);
    } catch (err) {
      const e = err as { code?: string; message?: string };
      if (e.code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
      if (e.message?.includes('asn.phone')) {
        const owner = this.phoneOwner.get(phone.phone) as string | undefined;
        return this.fail(line, this.words.registered(`telepon ${phone.phone}`, owner ?? '?'));
      }
      if (e.message?.includes('asn.tg_user_id')) {
        const owner = this.tgIdOwner.get(tg.id) as string | undefined;
        return this.fail(line, this.words.registered(`telegram id ${tg.id}`, owner ?? '?'));
      }
      throw err;
    }
    this.total++;
    if (this.changes.length < this.listMax) this.changes.push({ line, nip: nip.nip, nama, unit, change: old ? 'updated' : 'new' });
    return true;
  }
}
