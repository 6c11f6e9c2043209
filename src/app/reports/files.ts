/**
 * Report files: a CSV (csv-stringify) and an XLSX (exceljs) with one row per
 * case, times in the report's zone, every text cell that a spreadsheet would
 * run as a formula neutralised; and the PNG chart.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { REPORT_COLUMNS, reportTexts, type ReportColumn } from '../../core/messages/report.js';
import { zonedDay, zonedParts } from '../../core/time.js';
import type { EpochMs } from '../../core/types.js';
import { KINDS, STATUSES, type Report, type ReportCase } from './build.js';
import { renderChart } from './chart.js';
import { periodLabel } from './text.js';

/** Leading characters that make Excel, LibreOffice or Sheets treat a cell as a formula (ASCII and full-width). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Prefixes `'` to text a spreadsheet would run as a formula (CSV/formula injection). */
export function neutralizeCell(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** `2024-11-27 09:30` in `tz`: sortable, and what a spreadsheet user expects. */
export function localTimestamp(at: EpochMs | null, tz: string): string {
  if (at === null) return '';
  const p = zonedParts(at, tz);
  return `${zonedDay(at, tz)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** One case as a row of cells, in REPORT_COLUMNS order; text cells neutralised. */
export function caseCells(c: ReportCase, tz: string, lang: 'id' | 'en'): (string | number)[] {
  const t = reportTexts(lang);
  const v: Record<ReportColumn, string | number> = {
    caseId: c.id,
    nip: c.nip,
    nama: c.nama,
    unit: c.unit,
    platform: c.platform === 'telegram' ? 'Telegram' : 'WhatsApp',
    group: c.chatTitle,
    kind: t.kind[c.kind],
    opened: localTimestamp(c.openedAt, tz),
    resolved: localTimestamp(c.resolvedAt, tz),
    status: t.status[c.status],
    addedBy: c.addedBy ?? '',
    excerpt: c.excerpt ?? '',
    terms: c.terms.join(', '),
  };
  return REPORT_COLUMNS.map((k) => {
    const x = v[k];
    return typeof x === 'number' ? x : neutralizeCell(x);
  });
}

/** Header row in `lang`. */
export const headerCells = (lang: 'id' | 'en'): string[] => REPORT_COLUMNS.map((k) => reportTexts(lang).columns[k]);

/** The CSV text (with a BOM so Excel reads UTF-8). */
export function reportCsv(r: Report, lang: 'id' | 'en' = 'id'): string {
  return stringify([headerCells(lang), ...r.cases.map((c) => caseCells(c, r.tz, lang))], { bom: true, record_delimiter: 'windows' });
}

/** Writes the CSV file. */
export function writeReportCsv(r: Report, path: string, lang: 'id' | 'en' = 'id'): void {
  writeFileSync(path, reportCsv(r, lang));
}

/** Writes the XLSX workbook: a cases sheet and a summary sheet. */
export async function writeReportXlsx(r: Report, path: string, lang: 'id' | 'en' = 'id'): Promise<void> {
  const t = reportTexts(lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jaga Netral';
  const ws = wb.addWorksheet(t.casesSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headerCells(lang)).font = { bold: true };
  for (const c of r.cases) ws.addRow(caseCells(c, r.tz, lang));
  const widths: Record<ReportColumn, number> = {
    caseId: 9, nip: 21, nama: 24, unit: 22, platform: 11, group: 32, kind: 22, opened: 17, resolved: 17, status: 14, addedBy: 24, excerpt: 60, terms: 24,
  };
  REPORT_COLUMNS.forEach((k, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widths[k];
    if (k !== 'caseId') col.numFmt = '@';
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REPORT_COLUMNS.length } };

  // Every section of the text summary (formatReportText), each under its heading, in the same order.
  const l = t.labels;
  const s = wb.addWorksheet(t.summarySheet);
  const row = (...cells: (string | number)[]) => s.addRow(cells.map((c) => (typeof c === 'number' ? c : neutralizeCell(c))));
  const heading = (h: string) => {
    row('');
    row(h).font = { bold: true };
  };
  row(l.title.replace(/^\p{Extended_Pictographic}\s*/u, '')).font = { bold: true, size: 14 };
  row(l.period, periodLabel(r, lang));
  if (r.filters.unit) row(l.unit, r.filters.unit);
  row(l.total, r.total);
  heading(l.byStatus);
  for (const st of STATUSES) row(t.status[st], r.byStatus[st]);
  heading(l.byKind);
  for (const k of KINDS) row(t.kind[k], r.byKind[k]);
  heading(l.byUnit);
  row(l.unit, l.total, l.open).font = { italic: true };
  for (const u of r.byUnit) row(u.unit, u.total, u.byStatus.open);
  heading(l.groups);
  for (const g of r.topGroups) row(`${g.title} (${g.platform === 'telegram' ? 'TG' : 'WA'})`, g.cases);
  heading(l.actors);
  if (r.topActors.length) {
    row('', l.acts, l.asn).font = { italic: true };
    for (const a of r.topActors) row(a.name && a.name !== a.id ? `${a.name} (${a.id})` : a.id, a.acts, a.asn);
  } else row(l.none);
  row('');
  row(l.median, r.medianLeaveMs !== null ? `${t.duration(r.medianLeaveMs)} (${r.leftCount} ${l.cases})` : '-');
  row(l.undeliverable, r.undeliverable);
  s.getColumn(1).width = 40;
  s.getColumn(2).width = 16;
  s.getColumn(3).width = 12;
  await wb.xlsx.writeFile(path);
}

/** Writes the PNG chart. */
export function writeReportPng(r: Report, path: string, lang: 'id' | 'en' = 'id'): void {
  const t = reportTexts(lang);
  writeFileSync(path, renderChart(r, { title: t.chartTitle, kinds: t.kindShort }));
}

/** Paths of the three files of one report. */
export interface ReportFiles {
  csv: string;
  xlsx: string;
  png: string;
}

/** Report file names start with this; old ones beyond REPORTS_KEEP are pruned. */
export const REPORT_PREFIX = 'laporan-jaga-netral-';
/** How many report files to keep in the reports directory (they hold personal data). */
export const REPORTS_KEEP = 60;

/** Base file name of a report: `laporan-jaga-netral-YYYYMMDD-HHMMSS` (local time of the request). */
export function reportBaseName(r: Report): string {
  const p = zonedParts(r.filters.now, r.tz);
  const sec = String(Math.floor((r.filters.now % 60_000) / 1000)).padStart(2, '0');
  return `${REPORT_PREFIX}${zonedDay(r.filters.now, r.tz).replace(/-/g, '')}-${String(p.hour).padStart(2, '0')}${String(p.minute).padStart(2, '0')}${sec}`;
}

/** Writes CSV, XLSX and PNG into `dir` (created if needed) and prunes old report files. */
export async function writeReportFiles(r: Report, dir: string, lang: 'id' | 'en' = 'id'): Promise<ReportFiles> {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, reportBaseName(r));
  const files: ReportFiles = { csv: `${base}.csv`, xlsx: `${base}.xlsx`, png: `${base}.png` };
  writeReportCsv(r, files.csv, lang);
  await writeReportXlsx(r, files.xlsx, lang);
  writeReportPng(r, files.png, lang);
  pruneReports(dir, REPORTS_KEEP);
  return files;
}

/** Deletes the oldest report files beyond `keep`. */
export function pruneReports(dir: string, keep: number): string[] {
  const names = readdirSync(dir)
    .filter((n) => n.startsWith(REPORT_PREFIX))
    .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t || (a.n < b.n ? 1 : -1));
  const old = names.slice(keep).map((x) => join(dir, x.n));
  for (const p of old) rmSync(p, { force: true });
  return old;
}
