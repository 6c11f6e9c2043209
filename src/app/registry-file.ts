/**
 * The registry file Humas hands over, CSV or Excel (.xlsx): read it, preview
 * what it would change (new and updated ASN, or every bad row as `line N:
 * reason`) without writing, and apply it all or nothing with an audit entry.
 * Shared by `jaga-netral import-asn` and the dashboard's upload.
 *
 * For .xlsx the first sheet is read, in a worker with zip-bomb checks
 * (xlsx/first-sheet.ts); the header is the first row naming `nip` (same column
 * names as the CSV, any case; a title above it is skipped); line numbers are
 * the row numbers Excel shows. Numbers Excel stored as numbers are turned back into digits,
 * except those longer than 15 digits (an 18-digit NIP typed into a Number
 * cell), whose last digits Excel has already lost: those rows are refused.
 */
import { auditResult } from '../core/messages/audit-result.js';
import { fsErrorText } from '../core/messages/fs-error.js';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import type { AsnRegistry } from '../store/asn.js';
import type { Db } from '../store/db.js';
import { importAsnCsv, importAsnRows, type ImportError, type ImportOptions, type ImportResult } from './import-asn.js';
import { auditOffice } from './office/audit.js';
import { registryFileTexts, type RegistryFileTexts } from '../core/messages/registry-file.js';
import { readFirstSheet, type XlsxRefusal } from './xlsx/first-sheet.js';

/** Largest registry file accepted (a Pemda's registry is a few MB at most). */
export const MAX_REGISTRY_FILE_BYTES = 50 * 1024 * 1024;
/** How many changed rows a preview lists (the counts are always complete). */
export const PREVIEW_CHANGES = 200;

/** A registry file's format. */
export type RegistryFormat = 'csv' | 'xlsx';

/** A registry file read into memory, ready to preview or apply; or why it could not be read (nothing was written anywhere). */
export type RegistrySource =
  | { ok: true; format: 'csv'; data: Buffer | string }
  | { ok: true; format: 'xlsx'; rows: { line: number; cells: string[] }[]; problems: ImportError[] }
  | { ok: false; errors: ImportError[] };

/** `.xlsx` by name, or by the ZIP signature of the bytes; CSV otherwise. */
export function registryFormat(name: string | undefined, bytes?: Uint8Array): RegistryFormat {
  if (name && /\.xlsx$/i.test(name)) return 'xlsx';
  if (name && /\.(csv|txt)$/i.test(name)) return 'csv';
  return bytes && bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

/** Reads a registry file from a path, or from bytes (with the uploaded file's name, if any); reasons in `lang`. Never throws. */
export async function readRegistryFile(input: string | Buffer, filename?: string, lang: 'id' | 'en' = 'en'): Promise<RegistrySource> {
  const t = registryFileTexts(lang);
  const name = typeof input === 'string' ? input : filename;
  const mb = MAX_REGISTRY_FILE_BYTES >> 20;
  if (typeof input === 'string') {
    try {
      const st = statSync(input);
      if (!st.isFile()) return fileError(t.cannotRead(input, t.notAFile));
      if (st.size > MAX_REGISTRY_FILE_BYTES) return fileError(t.tooLarge(input, mb));
      accessSync(input, constants.R_OK);
    } catch (e) {
      return fileError(t.cannotRead(input, fsErrorText({ ...(e as NodeJS.ErrnoException), path: undefined }, lang)));
    }
  } else if (input.length > MAX_REGISTRY_FILE_BYTES) {
    return fileError(t.tooLarge(filename ?? t.theFile, mb));
  }
  let bytes: Buffer | undefined = typeof input === 'string' ? undefined : input;
  if (typeof input === 'string' && !/\.(csv|txt)$/i.test(input)) {
    try {
      bytes = readFileSync(input);
    } catch (e) {
      return fileError(t.cannotRead(input, fsErrorText({ ...(e as NodeJS.ErrnoException), path: undefined }, lang)));
    }
  }
  if (registryFormat(name, bytes) === 'csv') return { ok: true, format: 'csv', data: bytes ?? input };
  return readXlsx(bytes!, name ?? t.theFile, t);
}

function fileError(reason: string): RegistrySource {
  return { ok: false, errors: [{ line: 0, reason }] };
}

async function readXlsx(bytes: Buffer, label: string, t: RegistryFileTexts): Promise<RegistrySource> {
  const sheet = await readFirstSheet(bytes);
  if (!sheet.ok) return fileError(xlsxRefusalText(sheet, label, t));
  const rows = fromHeaderRow(sheet.rows);
  const first = rows[0]?.line ?? 0;
  const byLine = new Map<number, string[]>();
  for (const p of sheet.problems) {
    if (p.line < first) continue;
    const why =
      p.code === 'lostDigits' ? t.lostDigits(Number(p.arg)) : p.code === 'excelError' ? t.excelError(String(p.arg)) : p.code === 'notANumber' ? t.notANumber : p.code === 'formulaWithoutValue' ? t.formulaWithoutValue : t.unsupportedCell;
    byLine.set(p.line, [...(byLine.get(p.line) ?? []), t.column(columnLetter(p.col), why)]);
  }
  const problems: ImportError[] = [...byLine].map(([line, bad]) => ({ line, reason: bad.join('; ') }));
  return { ok: true, format: 'xlsx', rows, problems };
}

/** How many rows above the header a sheet may have (a title, a date, a blank line). */
export const MAX_ROWS_ABOVE_HEADER = 20;

/**
 * The rows from the header on: a sheet often carries a title ("Daftar ASN Pemkab OKU 2024") above the
 * header. The header is the first row naming the `nip` column (any case); without one among the first
 * rows, the first row is taken as the header and the importer says what is wrong with it.
 */
export function fromHeaderRow<R extends { cells: string[] }>(rows: R[]): R[] {
  const at = rows.slice(0, MAX_ROWS_ABOVE_HEADER + 1).findIndex((r) => r.cells.some((c) => c.trim().toLowerCase() === 'nip'));
  return at > 0 ? rows.slice(at) : rows;
}

/** A refused workbook, in words. */
function xlsxRefusalText(r: XlsxRefusal, label: string, t: RegistryFileTexts): string {
  switch (r.code) {
    case 'noSheet':
      return t.noSheet(label);
    case 'tooManyEntries':
    case 'tooBig':
    case 'sizeMismatch':
    case 'tooHeavy':
      return t.xlsxBomb(label);
    case 'tooManyRows':
      return t.tooManyRows(label, r.arg ?? 0);
    case 'tooManyColumns':
      return t.tooManyColumns(label, r.arg ?? 0);
    case 'tooSlow':
      return t.tooSlow(label, r.arg ?? 0);
    default:
      return t.notXlsx(label);
  }
}

/** `A`, `B`, ... `AA`: the column letters Excel shows. */
function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function runSource(db: Db, src: Exclude<RegistrySource, { ok: false }>, opts: ImportOptions): ImportResult {
  if (src.format === 'csv') return importAsnCsv(db, src.data, opts);
  if (!src.problems.length) return importAsnRows(db, src.rows, opts);
  // A row with a cell Excel could not give faithfully is reported for that cell only, not checked further.
  const badLines = new Set(src.problems.map((p) => p.line));
  const first = src.rows[0]?.line;
  const r = importAsnRows(db, src.rows.filter((row) => row.line === first || !badLines.has(row.line)), opts);
  const errors = [...src.problems, ...(r.ok ? [] : r.errors)].sort((a, b) => a.line - b.line);
  return { ok: false, errors };
}

/** What the file would change, without writing: counts, up to PREVIEW_CHANGES changed rows, or every bad row (NIP and phone reasons in `lang`). */
export function previewRegistry(db: Db, src: RegistrySource, now?: number, lang: 'id' | 'en' = 'en'): ImportResult {
  if (!src.ok) return src;
  return runSource(db, src, { dryRun: true, now, listChanges: PREVIEW_CHANGES, lang });
}

/** Applies the file all or nothing and audits it (`import-asn`, with the file name and the counts); the registry, if given, reloads. */
export function applyRegistry(
  db: Db,
  src: RegistrySource,
  o: { actor: string; filename?: string; now?: number; registry?: Pick<AsnRegistry, 'syncIfChanged'>; lang?: 'id' | 'en' },
): ImportResult {
  if (!src.ok) return src;
  const now = o.now ?? Date.now();
  const r = runSource(db, src, { now, lang: o.lang });
  const result = r.ok ? auditResult('imported', { total: r.total, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged }) : auditResult('refused', { problems: r.errors.length });
  auditOffice(db, o.actor, 'import-asn', o.filename, result, now);
  o.registry?.syncIfChanged();
  return r;
}
