/**
 * Strangers' characters in what the office reads outside the chats: the `jaga-netral` terminal output and the
 * report files. A stranger's command text lands in the audit log, and a self-report's text (which holds whatever the
 * ASN forwarded or pasted) becomes the case excerpt: ANSI escapes (`ESC [ 2 J` clears the screen, `ESC ] 8` makes a
 * hyperlink), a carriage return that overwrites the line, C1 controls and bidi overrides that make a line read
 * reversed. The database keeps them as written; the terminal (real binary) and the CSV/XLSX show each as `[U+XXXX]`
 * (the dossier PDF's notation for a character it cannot draw), so the evidence stays faithful and nothing runs;
 * in a cell a CR stays the line break it is there.
 * Before: `audit` and `cases show` printed the raw bytes; the XLSX (exceljs drops C0 characters when it writes
 * the XML) silently lost them and kept the bidi override.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/app/reports/build.js';
import { writeReportFiles } from '../../src/app/reports/files.js';
import { readFirstSheet } from '../../src/app/xlsx/first-sheet.js';
import { table } from '../../src/cli/helpers.js';
import { ASN } from '../support/app.js';
import { botDatabase, jn, SPAWN_TIMEOUT, tempHome } from './support.js';

const ESC = '\u001b';
/**
 * Terminal columns of text made of the characters these tests use: an emoji grapheme or a Han character takes two
 * (East Asian Width W, UAX #11), anything else here one. Written out, not the library table() uses.
 */
const displayCols = (s: string): number =>
  Array.from(new Intl.Segmenter('id', { granularity: 'grapheme' }).segment(s), (g) => (/\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Script=Han}/u.test(g.segment) ? 2 : 1)).reduce((a, b) => a + b, 0);
const HOSTILE = `Cek ${ESC}[2J${ESC}]8;;https://evil.example${ESC}\\Klik${ESC}]8;;${ESC}\\ ok\rKasus ditutup \u009b31m \u202Edesrever\u202C\u200B`;
/** What the terminal and the files must never carry: C0 other than tab and line feed, DEL, C1, bidi and zero-width characters. */
const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069]/;
/** The same in a spreadsheet cell, where CR is a line break (core/csv.ts neutralises a formula after it). */
const RAW_IN_CELL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069]/;

describe('strangers’ control characters in the terminal and the report files', SPAWN_TIMEOUT, () => {
  it('audit, cases show and cases list print them visibly; CSV and XLSX show them too; the database keeps them', async () => {
    const { dir, db } = tempHome();
    const bot = botDatabase(db);
    // A stranger's command (audited with its arguments) and Budi's self-report, as the adapters hand them to the runner.
    await bot.app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '4242', fromId: '4242', text: `/cek ${HOSTILE}` });
    await bot.app.commands.run({ platform: 'telegram', chatType: 'private', chatId: ASN.budi.telegramId, fromId: ASN.budi.telegramId, text: `/lapor saya dimasukkan ke grup. ${HOSTILE}` });
    const caseId = bot.app.db.prepare(`SELECT id FROM incidents WHERE kind = 'reported'`).pluck().get() as number;
    expect(bot.app.db.prepare(`SELECT excerpt FROM incidents WHERE id = ?`).pluck().get(caseId)).toContain(HOSTILE);
    expect(bot.app.db.prepare(`SELECT args FROM audit WHERE action = '/cek'`).pluck().get()).toBe(HOSTILE);

    const report = buildReport(bot.app.db, bot.app.registry, { now: bot.app.clock(), period: { kind: 'all' } }, 'Asia/Jakarta');
    const files = await writeReportFiles(report, join(dir, 'laporan'), 'id');
    await bot.close();

    const env = { DATABASE_PATH: db, LANGUAGE: 'id' };
    const [audit, show, list, csvOut] = await Promise.all([
      jn(['audit'], env), jn(['cases', 'show', String(caseId)], env), jn(['cases', 'list'], env), jn(['report', '--format', 'csv'], env),
    ]);
    for (const run of [audit, show, list]) {
      expect(run.code, run.err).toBe(0);
      expect(run.out).not.toMatch(RAW);
    }
    expect(audit.out).toContain('Cek [U+001B][2J[U+001B]]8;;https://evil.example');
    expect(show.out).toContain('ok[U+000D]Kasus ditutup [U+009B]31m [U+202E]desrever[U+202C][U+200B]');

    // The report CSV on stdout, as someone pipes it to a file: the spreadsheet's BOM and CRLF kept, each cell showing
    // what it hides as the file does (the CLI's own display escaping would have turned the BOM into '[U+FEFF]').
    expect(csvOut.code, csvOut.err).toBe(0);
    expect(csvOut.out.startsWith('\uFEFF')).toBe(true);
    expect(csvOut.out).toContain('\r\n');
    expect(csvOut.out.replace(/^\uFEFF/, '')).not.toMatch(RAW_IN_CELL);
    expect(csvOut.out).toContain('[U+001B][2J');
    const csv = readFileSync(files.csv, 'utf8');
    expect(csv.replace(/^\uFEFF/, '')).not.toMatch(RAW_IN_CELL);
    expect(csv).toContain('[U+001B][2J');
    const sheet = await readFirstSheet(readFileSync(files.xlsx));
    if (!sheet.ok) throw new Error(`XLSX unreadable: ${sheet.code}`);
    const cells = sheet.rows.flatMap((r) => r.cells);
    expect(cells.some((c) => c.includes('Cek [U+001B][2J') && c.includes('[U+202E]desrever'))).toBe(true);
    expect(cells.some((c) => RAW_IN_CELL.test(c))).toBe(false);
  });

  it('a campaign group title full of them: cases list prints one plain line, cut by whole characters (grapheme) within 40 terminal columns, never a half emoji', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    // The title as the campaign team sets it, as the adapter hands it on: a bidi override, a screen clear, a hidden
    // hyperlink, a CR and backspaces; the family emoji (three people joined by U+200D, 8 UTF-16 units) starts at
    // UTF-16 unit 38, where the 40-character cell is cut.
    const title = `\u202ERelawan\u202C Paslon 2 ${ESC}[2J${ESC}]8;;http://x${ESC}\\Go\r\b\b👨‍👩‍👧 Pilgub 🔥 Sumsel`;
    const chat = { platform: 'telegram' as const, id: '-1005550001', title, type: 'supergroup' as const };
    bot.app.monitor.handle({ kind: 'member_added', dedupeKey: 'add-hostile', at: Date.UTC(2024, 10, 4, 6), chat, members: [{ platform: 'telegram', id: ASN.budi.telegramId }], actor: { platform: 'telegram', id: '7777', name: 'Korlap Timses' } });
    await bot.close();

    const run = await jn(['cases', 'list'], { DATABASE_PATH: db, LANGUAGE: 'id' });
    expect(run.code, run.err).toBe(0);
    const bytes = Buffer.from(run.out, 'utf8');
    expect(bytes.includes(0x1b)).toBe(false);
    expect(bytes.includes(0x0d)).toBe(false);
    expect(bytes.includes(0x08)).toBe(false);
    expect(bytes.includes(Buffer.from('\u202E'))).toBe(false);
    // Before: the cell was cut at 39 UTF-16 units, through the man's surrogate pair, and Node wrote U+FFFD (EF BF BD).
    expect(bytes.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false);
    expect(run.out).not.toMatch(RAW);
    const row = run.out.split('\n').find((l) => l.includes('[2J'));
    // The family emoji takes two terminal columns, 39 and 40: it does not fit before the ellipsis, so the cut is before it.
    expect(row?.endsWith('  Relawan Paslon 2 [2J ]8;;http://x \\Go …')).toBe(true);
  });

  it('table() pads and cuts by the columns a terminal gives each character, never inside one, and shows hidden characters before measuring', () => {
    const out = table(['Grup', 'Unit'], [['🔥🔥 Relawan', 'A'], ['Arisan RT', 'B'], [`x${ESC}y`, 'C'], ['🇮🇩'.repeat(6), 'D'], ['粉丝 Paslon', 'E'], ['🔥a', 'F']], 5).split('\n');
    // An emoji (a flag: one grapheme of two code points) and a Han character take two columns: a cell is cut to four
    // columns and the ellipsis, and padded to five; every Unit starts at column 8.
    expect(out).toEqual(['Grup   Unit', '🔥🔥…  A', 'Aris…  B', 'x[U+…  C', '🇮🇩🇮🇩…  D', '粉丝…  E', '🔥a    F']);
    for (const l of out) expect(displayCols(l.slice(0, l.length - (l === out[0] ? 'Unit'.length : 1)))).toBe(7);
  });

  it('cases list on the real binary: a group title with emoji and Han characters keeps the columns after it aligned', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    // Dedi (an unverified match) gets the short last column; his group's title is wider on a terminal than its count of characters.
    const title = '🔥🔥 Relawan Paslon 2 Sumsel 粉丝群';
    bot.app.monitor.handle({
      kind: 'member_added', dedupeKey: 'add-dedik-wide', at: Date.UTC(2024, 10, 4, 6), chat: { platform: 'telegram', id: '-1005550077', title, type: 'supergroup' },
      members: [{ platform: 'telegram', id: '5999', username: 'dedik' }], actor: { platform: 'telegram', id: '7777', name: 'Korlap Timses' },
    });
    await bot.close();
    const run = await jn(['cases', 'list'], { DATABASE_PATH: db, LANGUAGE: 'id', APP_TIMEZONE: 'Asia/Jakarta' });
    expect(run.code, run.err).toBe(0);
    const lines = run.out.split('\n');
    const header = lines[0]!;
    const row = lines.find((l) => l.includes('⚠️ @dedik'))!;
    expect(row).toContain(`  ${title}  `);
    // The unverified column starts at the same terminal column in the header and in the row (before: two columns
    // early in the header for each wide character of the title, padded as one).
    expect(displayCols(row.slice(0, row.indexOf('⚠️ @dedik')))).toBe(displayCols(header.slice(0, header.indexOf('Belum terverifikasi'))));
    // And every row's group column starts where the header's does.
    const groupAt = displayCols(header.slice(0, header.indexOf('Grup')));
    for (const l of lines.slice(1).filter((x) => x.startsWith('#'))) expect(displayCols(l.slice(0, l.indexOf(l.includes('🔥') ? '🔥' : 'Relawan')))).toBe(groupAt);
  });
});
