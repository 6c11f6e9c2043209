/**
 * The registry file Humas hands over, CSV or Excel (.xlsx): read it, preview
 * what it would change (new and updated ASN, or every bad row as `line N:
 * reason`) without writing, and apply it all or nothing with an audit entry.
 * Shared by `jaga-netral import-asn` and the dashboard's upload.
 *
 * For .xlsx the first sheet is read; the first non-empty row is the header
 * (same column names as the CSV, any case); line numbers are the row numbers
 * Excel shows. Numbers Excel stored as numbers are turned back into digits,
 * except those longer than 15 digits (an 18-digit NIP typed into a Number
 * cell), whose last digits Excel has already lost: those rows are refused.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { AsnRegistry } from '../store/asn.js';
import type { Db } from '../store/db.js';
import { importAsnCsv, importAsnRows, type ImportError, type ImportOptions, type ImportResult } from './import-asn.js';
import { auditOffice } from './office/audit.js';
import { registryFileTexts, type RegistryFileTexts } from '../core/messages/registry-file.js';

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
      return fileError(t.cannotRead(input, (e as NodeJS.ErrnoException).code ?? String(e)));
    }
  } else if (input.length > MAX_REGISTRY_FILE_BYTES) {
    return fileError(t.tooLarge(filename ?? t.theFile, mb));
  }
  let bytes: Buffer | undefined = typeof input === 'string' ? undefined : input;
  if (typeof input === 'string' && !/\.(csv|txt)$/i.test(input)) {
    try {
      bytes = readFileSync(input);
    } catch (e) {
      return fileError(t.cannotRead(input, (e as NodeJS.ErrnoException).code ?? String(e)));
    }
  }
  if (registryFormat(name, bytes) === 'csv') return { ok: true, format: 'csv', data: bytes ?? input };
  return readXlsx(bytes!, name ?? t.theFile, t);
}

function fileError(reason: string): RegistrySource {
  return { ok: false, errors: [{ line: 0, reason }] };
}

async function readXlsx(bytes: Buffer, label: string, t: RegistryFileTexts): Promise<RegistrySource> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    return fileError(t.notXlsx(label));
  }
  const ws = wb.worksheets[0];
  if (!ws) return fileError(t.noSheet(label));
  const rows: { line: number; cells: string[] }[] = [];
  const problems: ImportError[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells: string[] = [];
    const bad: string[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = cellText(values[i], t);
      if (typeof v === 'string') cells.push(v);
      else {
        cells.push('');
        bad.push(t.column(columnLetter(i), v.error));
      }
    }
    rows.push({ line, cells });
    if (bad.length) problems.push({ line, reason: bad.join('; ') });
  });
  return { ok: true, format: 'xlsx', rows, problems };
}

/** `A`, `B`, ... `AA`: the column letters Excel shows. */
function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell as the text a CSV export would hold, or why it cannot be trusted. */
function cellText(v: unknown, t: RegistryFileTexts): string | { error: string } {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { error: t.notANumber };
    if (Number.isInteger(v) && Math.abs(v) >= 1e15) return { error: t.lostDigits(v) };
    return Number.isInteger(v) ? v.toFixed(0) : String(v);
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; hyperlink?: string; result?: unknown; formula?: string; sharedFormula?: string; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if (o.formula !== undefined || o.sharedFormula !== undefined) return o.result === undefined ? { error: t.formulaWithoutValue } : cellText(o.result, t);
    if (typeof o.error === 'string') return { error: t.excelError(o.error) };
    if (o.text !== undefined) return cellText(o.text, t);
  }
  return { error: t.unsupportedCell };
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
  const result = r.ok ? `ok: ${r.total} rows, ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged` : `refused: ${r.errors.length} problems`;
  auditOffice(db, o.actor, 'import-asn', o.filename, result, now);
  o.registry?.syncIfChanged();
  return r;
}
