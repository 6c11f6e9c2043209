/**
 * `report --out FILE` writes where the operator says, so a typo must not
 * destroy an unrelated file (the registry spreadsheet, the database). A file
 * may be replaced only when it is a report this program wrote before (by its
 * name or by its content), or with `--force`.
 */
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { headerCells, REPORT_PREFIX } from './files.js';

const LANGS = ['id', 'en'] as const;
/** First line of the text report in either language (core/messages/report.ts, `title`). */
const TEXT_REPORT_TITLE = /^📊 (Laporan Jaga Netral|Jaga Netral report)\n/;

/** The first bytes of a file (enough to recognise a report). */
function head(path: string, bytes = 8192): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** True when `path` is a report Jaga Netral wrote: our file name, or a text, CSV or XLSX report by content. */
export async function isPreviousReport(path: string): Promise<boolean> {
  if (basename(path).startsWith(REPORT_PREFIX)) return true;
  const start = head(path);
  const text = start.toString('utf8').replace(/^\uFEFF/, '');
  if (TEXT_REPORT_TITLE.test(text)) return true;
  for (const lang of LANGS) {
    const cells = headerCells(lang);
    // Ours today (every cell quoted, `;` or `,`), and the unquoted `,` header of earlier versions.
    const headers = [cells.join(','), ...[';', ','].map((sep) => cells.map((c) => `"${c}"`).join(sep))];
    if (headers.some((h) => text.startsWith(h))) return true;
  }
  if (start.subarray(0, 2).toString('latin1') === 'PK') {
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      return wb.creator === 'Jaga Netral';
    } catch {
      return false;
    }
  }
  return false;
}

/** Why `report --out path` must not write there, or undefined when it may. */
export async function outPathProblem(path: string, force: boolean, lang: 'id' | 'en'): Promise<string | undefined> {
  let st;
  try {
    st = statSync(path);
  } catch {
    return undefined; // nothing there: a new file
  }
  const en = lang === 'en';
  if (st.isDirectory()) return en ? `${path} is a folder; give a file name for --out` : `${path} adalah folder; berikan nama file untuk --out`;
  if (force || (st.isFile() && (await isPreviousReport(path)))) return undefined;
  return en
    ? `${path} already exists and is not a Jaga Netral report; nothing was written. Choose another file, or add --force to overwrite it.`
    : `${path} sudah ada dan bukan laporan Jaga Netral; tidak ada yang ditulis. Pilih file lain, atau tambahkan --force untuk menimpanya.`;
}
