/**
 * The one CSV writer for every CSV the bot writes (reports, the dashboard's
 * download, mass-event and refused-alert lists). Safe to open in Excel,
 * LibreOffice or Google Sheets with `;` (Excel with Indonesian settings) or
 * `,` as the list separator, whichever the file was written with:
 * - every text cell is quoted, so a `;` or `,` inside it never splits it;
 * - a cell that a spreadsheet would run as a formula (`= + - @`, tab, CR, their
 *   full-width forms, also after leading spaces) gets a leading `'`, and so does
 *   every such start after a line break, a `;` or a `,` inside the cell, so a
 *   program that splits on the other separator, or on line breaks, still finds
 *   no formula.
 * - control, bidi and invisible characters a stranger put in a title or a text show as `[U+XXXX]`
 *   (text/visible.ts): a bidi override would make the cell read reversed, and nothing of it is lost.
 * UTF-8 with a BOM (so Excel reads the accents) and CRLF line ends.
 */
import { showHiddenInCell } from './text/visible.js';

/** The list separators we write. */
export type CsvSeparator = ';' | ',';

/** Excel with Indonesian regional settings splits on `;`; English settings on `,`. */
export const defaultCsvSeparator = (lang: 'id' | 'en'): CsvSeparator => (lang === 'id' ? ';' : ',');

/** `;`, `,` or their names; undefined for anything else. */
export function parseCsvSeparator(v: string): CsvSeparator | undefined {
  const s = v.trim().toLowerCase();
  if (s === ';' || s === 'semicolon' || s === 'titik-koma' || s === 'titikkoma') return ';';
  if (s === ',' || s === 'comma' || s === 'koma') return ',';
  return undefined;
}

const FORMULA_CHARS = '=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20';
/** A formula start at the beginning of the cell, after optional spaces (some importers trim them). */
const FORMULA_START = new RegExp(`^[ ]*[${FORMULA_CHARS}]`);
/** A formula start after a line break or either separator inside the cell. */
const FORMULA_INSIDE = new RegExp(`([\\r\\n;,][ ]*)(?=[${FORMULA_CHARS}])`, 'g');

/** Prefixes `'` to every start a spreadsheet would run as a formula: at the beginning, and after each line break, `;` and `,`. */
export function neutralizeCell(v: string): string {
  const start = FORMULA_START.test(v) ? `'${v}` : v;
  return start.replace(FORMULA_INSIDE, "$1'");
}

/**
 * An 18-digit NIP as BKN writes it, `19850312 201001 1 003`: spreadsheets keep it as text (as digits
 * alone, Excel would keep 15 significant digits and show 1.98503E+17), and it needs no formula.
 */
export function nipCell(nip: string): string {
  const m = /^(\d{8})(\d{6})(\d)(\d{3})$/.exec(nip);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : nip;
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** The CSV text of `rows` (the header first): numbers bare, every text cell's hidden characters shown, neutralised and quoted. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], sep: CsvSeparator): string {
  const line = (cells: readonly (string | number | null | undefined)[]) =>
    cells.map((c) => (typeof c === 'number' && Number.isFinite(c) ? String(c) : quote(neutralizeCell(showHiddenInCell(c === null || c === undefined ? '' : String(c)))))).join(sep);
  return `\uFEFF${rows.map(line).join('\r\n')}\r\n`;
}
