/**
 * Characters a terminal or a spreadsheet would act on, or hide, shown as their code points instead: C0 controls
 * other than tab and line feed (ESC starts the ANSI sequences that clear a screen, colour text or make a hidden
 * hyperlink; a lone CR overwrites the line), DEL, C1 controls (U+009B is ESC [ to many terminals), bidi controls that
 * make a line read reversed, and invisible format characters (zero-width space, word joiner, BOM, soft hyphen),
 * except the joiners emoji and scripts need (U+200C, U+200D). Each becomes `[U+001B]`, the notation the PDFs use
 * for a character they cannot draw (pdf/document.ts), so what a stranger wrote stays readable and faithful while
 * nothing of it runs. For display only: the database keeps the original.
 */

const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|(?![\u200C\u200D])\p{Cf}/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');
/** The same but CR: a line break inside a spreadsheet cell (core/csv.ts neutralises a formula after it). */
const HIDDEN_IN_CELL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|(?![\u200C\u200D])\p{Cf}/u;
const HIDDEN_IN_CELL_ALL = new RegExp(HIDDEN_IN_CELL.source, 'gu');

const codePoint = (c: string): string => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;

/** `s` for a terminal: every hidden or acting character shown as `[U+XXXX]`; the same string when it has none (the usual case). */
export function showHidden(s: string): string {
  if (!HIDDEN.test(s)) return s;
  return s.replace(/\r\n/g, '\n').replace(HIDDEN_ALL, codePoint);
}

/** `s` for a spreadsheet cell (CSV, XLSX): as {@link showHidden}, but CR and CRLF stay the line breaks they are there. */
export function showHiddenInCell(s: string): string {
  return HIDDEN_IN_CELL.test(s) ? s.replace(HIDDEN_IN_CELL_ALL, codePoint) : s;
}
