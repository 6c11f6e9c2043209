import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Resvg } from '@resvg/resvg-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import { buildReport, median } from '../../../src/app/reports/build.js';
import { KIND_COLORS, niceScale, reportChartSvg } from '../../../src/app/reports/chart.js';
import { CHART_PNG_WIDTH, chartRenderOptions, renderChart, svgToPng } from '../../../src/app/reports/chart-png.js';
import { reportCommand, runReportCli } from '../../../src/app/reports/command.js';
import { neutralizeCell, writeReportFiles } from '../../../src/app/reports/files.js';
import { nipCell } from '../../../src/core/csv.js';
import { parseReportArgs } from '../../../src/app/reports/filters.js';
import { formatReportText } from '../../../src/app/reports/text.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import { ASN, CAMPAIGN_TG, FakeClock, testApp } from '../../support/app.js';

const TZ = 'Asia/Jakarta';
const H = 3_600_000;
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'jn-report-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses', username: 'korlap02' };
const evil = { platform: 'telegram' as const, id: '6666', name: '=HYPERLINK("http://evil.example","klik")' };
const RINA = { nip: '199203152019032004' as Nip, nama: '@Rina Lestari', unit: 'Dinas Pendidikan', phone: '+6281311112222' as PhoneE164, telegramId: '5004' as TgUserId, telegramUsername: 'rina_l' };
const ARISAN_PILKADA = { platform: 'telegram' as const, id: '-1005555', title: '+Posko Pemenangan 02', type: 'supergroup' as const };

/**
 * Story over three local days (WIB):
 * 4 Nov 10:00 Budi added (timses); 4 Nov 23:59 Sari added (timses);
 * 5 Nov 00:00 Dedi tagged (timses, undeliverable); 5 Nov 12:00 Budi leaves (26 h);
 * 6 Nov 09:00 Rina tagged by "=HYPERLINK..." in "+Posko Pemenangan 02", post starting with "@"; 6 Nov 10:00 Sari leaves (34 h 1 min); 6 Nov 11:00 Rina exempted.
 */
function story(): { app: App; clock: FakeClock } {
  const clock = new FakeClock(Date.UTC(2024, 10, 4, 3, 0));
  const { app } = testApp({}, clock);
  app.registry.upsertMany([RINA], clock.now());
  const add = (id: string, at: number) =>
    app.monitor.handle({ kind: 'member_added', dedupeKey: `a-${id}-${at}`, at, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id }], actor: timses });
  const leave = (id: string, at: number) =>
    app.monitor.handle({ kind: 'member_left', dedupeKey: `l-${id}-${at}`, at, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id }] });
  add(ASN.budi.telegramId, Date.UTC(2024, 10, 4, 3, 0));
  add(ASN.sari.telegramId, Date.UTC(2024, 10, 4, 16, 59));
  app.monitor.handle({
    kind: 'message', dedupeKey: 'm-dedi', at: Date.UTC(2024, 10, 4, 17, 0), chat: CAMPAIGN_TG, messageId: '7', sender: timses,
    text: 'Ayo coblos nomor 2! @dedik', mentions: [{ platform: 'telegram', username: 'dedik' }],
  });
  leave(ASN.budi.telegramId, Date.UTC(2024, 10, 5, 5, 0));
  app.monitor.handle({
    kind: 'message', dedupeKey: 'm-rina', at: Date.UTC(2024, 10, 6, 2, 0), chat: ARISAN_PILKADA, messageId: '8', sender: evil,
    text: '@rina_l -ayo coblos nomor 2, menangkan paslon 2 Pilgub Sumsel!', mentions: [{ platform: 'telegram', username: 'rina_l' }],
  });
  leave(ASN.sari.telegramId, Date.UTC(2024, 10, 6, 3, 0));
  const rina = app.db.prepare(`SELECT id FROM incidents WHERE asn_nip = ?`).get(RINA.nip) as { id: number };
  app.monitor.incidents.setStatus(rina.id, 'exempted', Date.UTC(2024, 10, 6, 4, 0), 'keluarga calon', 'tg:9001');
  clock.t = Date.UTC(2024, 10, 6, 5, 0);
  return { app, clock };
}

function all(app: App, clock: FakeClock) {
  const p = parseReportArgs([], clock.now(), TZ);
  if (!p.ok) throw new Error('parse');
  return buildReport(app.db, app.registry, p.filters, TZ);
}

describe('buildReport', () => {
  it('totals by status, kind, unit, group and actor agree with the database', () => {
    const { app, clock } = story();
    const r = all(app, clock);
    const db = app.db;
    expect(r.total).toBe((db.prepare(`SELECT COUNT(*) AS n FROM incidents`).get() as { n: number }).n);
    expect(r.total).toBe(4);
    for (const s of db.prepare(`SELECT status, COUNT(*) AS n FROM incidents GROUP BY status`).all() as { status: 'open'; n: number }[]) {
      expect(r.byStatus[s.status]).toBe(s.n);
    }
    expect(r.byStatus).toEqual({ open: 1, left: 2, exempted: 1, expired: 0 });
    expect(r.byKind).toEqual({ added: 2, mentioned: 2, reacted: 0, posted: 0, present: 0, reported: 0 });
    expect(r.byUnit.map((u) => [u.unit, u.total])).toEqual([['Dinas Pendidikan', 2], ['BPKAD', 1], ['Dinas Kesehatan', 1]]);
    expect(r.topGroups[0]).toMatchObject({ title: 'Relawan Paslon 2 Pilgub Sumsel', cases: 3, asn: 3 });
    expect(r.topActors[0]).toMatchObject({ id: '7777', name: 'Korlap Timses', acts: 3, asn: 3 });
    expect(r.leftCount).toBe(2);
    expect(r.medianLeaveMs).toBe((26 * H + (34 * H + 60_000)) / 2);
    expect(r.undeliverable).toBe(1);
    expect(r.perDay.map((d) => [d.day, d.byKind.added, d.byKind.mentioned])).toEqual([
      ['2024-11-04', 2, 0],
      ['2024-11-05', 0, 1],
      ['2024-11-06', 0, 1],
    ]);
  });

  it('filters by local day and by unit', () => {
    const { app, clock } = story();
    const day = parseReportArgs(['2024-11-05'], clock.now(), TZ, app.registry.units());
    if (!day.ok) throw new Error('parse');
    const r = buildReport(app.db, app.registry, day.filters, TZ);
    // Sari at 23:59 WIB on 4 Nov is out; Dedi at 00:00 WIB on 5 Nov is in.
    expect(r.cases.map((c) => c.nama)).toEqual(['Dedi Kurniawan']);
    const unit = parseReportArgs(['pendidikan'], clock.now(), TZ, app.registry.units());
    if (!unit.ok) throw new Error('parse');
    const u = buildReport(app.db, app.registry, unit.filters, TZ);
    expect(u.cases.map((c) => c.nip).sort()).toEqual([ASN.budi.nip, RINA.nip].sort());
    expect(u.total).toBe(2);
    const today = parseReportArgs(['hari', 'ini'], clock.now(), TZ);
    if (!today.ok) throw new Error('parse');
    expect(buildReport(app.db, app.registry, today.filters, TZ).cases.map((c) => c.nip)).toEqual([RINA.nip]);
  });

  it('summary text', () => {
    const { app, clock } = story();
    const text = formatReportText(all(app, clock), 'id');
    expect(text).toContain('Jumlah kasus: 4');
    expect(text).toContain('terbuka 1, sudah keluar 2, dikecualikan 1, kedaluwarsa 0');
    expect(text).toContain('- Dinas Pendidikan: 2 (terbuka 0)');
    expect(text).toContain('"Relawan Paslon 2 Pilgub Sumsel" (TG): 3');
    expect(text).toContain('Korlap Timses (7777): 3 kali, 3 ASN');
    expect(text).toContain('Median waktu hingga ASN keluar: 1 hari 6 jam (2 kasus)');
    expect(text).toContain('Pesan ke ASN yang tidak terkirim: 1');
    expect(formatReportText(all(app, clock), 'en')).toContain('Cases: 4');
  });

  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});

describe('report files', () => {
  it('CSV: one row per case, times in WIB, formulas neutralised', async () => {
    const { app, clock } = story();
    const f = await writeReportFiles(all(app, clock), tmp());
    const rows = parse(readFileSync(f.csv), { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['No. kasus', 'NIP', 'Nama', 'Unit kerja', 'Platform', 'Grup', 'Jenis', 'Dibuka', 'Selesai', 'Status', 'Ditambahkan/ditandai oleh', 'Kutipan bukti', 'Kata kunci']);
    const body = rows.slice(1);
    const db = app.db.prepare(`SELECT id, asn_nip AS nip, status FROM incidents ORDER BY opened_at, id`).all() as { id: number; nip: string; status: string }[];
    // NIPs are written as BKN spaces them (19850312 201001 1 003), so Excel keeps all 18 digits as text.
    expect(body.map((r) => [Number(r[0]), r[1]])).toEqual(db.map((d) => [d.id, nipCell(d.nip)]));
    const budi = body.find((r) => r[1] === nipCell(ASN.budi.nip))!;
    expect(budi.slice(2, 11)).toEqual([
      'Budi Santoso', 'Dinas Pendidikan', 'Telegram', 'Relawan Paslon 2 Pilgub Sumsel', 'dimasukkan ke grup', '2024-11-04 10:00', '2024-11-05 12:00', 'sudah keluar', 'Korlap Timses (7777)',
    ]);
    const rina = body.find((r) => r[1] === nipCell(RINA.nip))!;
    expect(rina[2]).toBe("'@Rina Lestari");
    expect(rina[5]).toBe("'+Posko Pemenangan 02");
    expect(rina[10]).toBe(`'=HYPERLINK("http://evil.example","klik") (6666)`);
    expect(rina[11]!.startsWith("'@rina_l -ayo coblos")).toBe(true);
    expect(rina[12]).not.toBe('');
    for (const r of body) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('CSV: cells with line breaks are quoted, formula starts after a break are neutralised, NIPs stay text (issue 12 point 6)', async () => {
    const { app, clock } = story();
    const evil = "halo\n=cmd|' /C calc'!A0\r\n+62812\r-1\n@SUM(A1)\n\tx\nbiasa";
    app.db.prepare(`UPDATE incidents SET excerpt = ?`).run(evil);
    const f = await writeReportFiles(all(app, clock), tmp());
    const raw = readFileSync(f.csv, 'utf8');
    const rows = parse(raw, { bom: true, delimiter: ';' }) as string[][];
    const body = rows.slice(1);
    expect(body.length).toBeGreaterThan(1);
    for (const r of body) {
      expect(r).toHaveLength(rows[0]!.length);
      expect(r[11]).toBe("halo\n'=cmd|' /C calc'!A0\r\n'+62812\r'-1\n'@SUM(A1)\n'\tx\nbiasa");
      expect(r[1]).toMatch(/^\d{8} \d{6} \d \d{3}$/);
      // No line of any cell, as a spreadsheet splitting on CR/LF would see it, starts a formula.
      for (const cell of r) for (const line of cell.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@\t]/);
    }
    // In the file every such cell is inside quotes: no raw record starts with the text after a break.
    for (const line of raw.split('\r\n')) expect(line).not.toMatch(/^[=+\-@]/);
    expect(raw).toContain(`"halo\n'=cmd`);
  });

  it('neutralizeCell also guards the text after each line break', () => {
    expect(neutralizeCell('a\n=1')).toBe("a\n'=1");
    expect(neutralizeCell('=1\r\n+2')).toBe("'=1\r\n'+2");
    expect(neutralizeCell('a\nb')).toBe('a\nb');
  });

  it('XLSX: the cases sheet matches the database, the summary sheet carries every section of the text report', async () => {
    const { app, clock } = story();
    const f = await writeReportFiles(all(app, clock), tmp());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f.xlsx);
    const ws = wb.getWorksheet('Kasus')!;
    expect(ws.rowCount).toBe(5);
    const nips: string[] = [];
    for (let i = 2; i <= ws.rowCount; i++) nips.push(String(ws.getRow(i).getCell(2).value));
    expect(nips).toEqual((app.db.prepare(`SELECT asn_nip FROM incidents ORDER BY opened_at, id`).all() as { asn_nip: string }[]).map((r) => r.asn_nip));
    expect(typeof ws.getRow(2).getCell(2).value).toBe('string');
    const rinaRow = ws.getRow(nips.indexOf(RINA.nip) + 2);
    expect(rinaRow.getCell(11).value).toBe(`'=HYPERLINK("http://evil.example","klik") (6666)`);
    expect(rinaRow.getCell(11).formula).toBeUndefined();
    // Opened and resolved are real Excel dates (issue 21 point 11), showing the time in WIB.
    expect(rinaRow.getCell(8).value).toEqual(new Date(Date.UTC(2024, 10, 6, 9, 0)));
    expect(rinaRow.getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(rinaRow.getCell(8).type).toBe(ExcelJS.ValueType.Date);
    const sum = wb.getWorksheet('Ringkasan')!;
    const kv = new Map<string, unknown[]>();
    sum.eachRow((row) => kv.set(String(row.getCell(1).value), [row.getCell(2).value, row.getCell(3).value]));
    expect(kv.get('Jumlah kasus')).toEqual([4, null]);
    expect(kv.get('sudah keluar')![0]).toBe(2);
    expect(kv.get('ditandai')![0]).toBe(2);
    // Each heading and labelled line of the text summary is a row of the sheet.
    const text = formatReportText(all(app, clock), 'id');
    const sections = text.split('\n').filter((l) => /^[A-Z][^:]*:/.test(l)).map((l) => l.slice(0, l.indexOf(':')));
    expect(sections).toEqual([
      'Periode', 'Jumlah kasus', 'Menurut status', 'Menurut jenis', 'Menurut unit kerja (OPD)', 'Grup dengan kasus terbanyak',
      'Akun yang paling sering menambahkan/menandai ASN', 'Median waktu hingga ASN keluar', 'Pesan ke ASN yang tidak terkirim',
    ]);
    for (const s of sections) expect(kv.has(s), s).toBe(true);
    expect(kv.get('Dinas Pendidikan')).toEqual([2, 0]);
    expect(kv.get('Relawan Paslon 2 Pilgub Sumsel (TG)')![0]).toBe(3);
    expect(kv.get('Korlap Timses (7777)')).toEqual([3, 3]);
    expect(kv.get('Median waktu hingga ASN keluar')![0]).toBe('1 hari 6 jam (2 kasus)');
    expect(kv.get('Pesan ke ASN yang tidak terkirim')![0]).toBe(1);
  });

  it('PNG: the dashboard\'s SVG chart rendered by resvg, with bars in the kind colours, a legend of the kinds that occur and its words drawn', async () => {
    const { app, clock } = story();
    const r = all(app, clock);
    const f = await writeReportFiles(r, tmp());
    const svg = reportChartSvg(r.perDay, 'id');
    // The file is exactly that SVG rendered (one drawing for the page and the file).
    expect(readFileSync(f.png).equals(svgToPng(svg))).toBe(true);
    const size = pngSize(readFileSync(f.png));
    expect(size.width).toBe(CHART_PNG_WIDTH);
    expect(size.height).toBeGreaterThan(300);
    expect(svg).toContain('Kasus per hari menurut jenis');
    expect(svg).toContain('4 NOV 2024 – 6 NOV 2024');
    expect(svg).toContain('>dimasukkan ke grup<');
    expect(svg).toContain('>ditandai<');
    expect(svg).not.toContain('>mengirim pesan<'); // no posted case: not in the legend
    expect(svg).not.toMatch(/>\d\d-\d\d</); // never "11-04"
    const px = pixels(svg);
    expect(px.count(KIND_COLORS.added)).toBeGreaterThan(1000);
    expect(px.count(KIND_COLORS.mentioned)).toBeGreaterThan(500);
    expect(px.count(KIND_COLORS.posted)).toBe(0);
    // Text is drawn (a font was found): dark pixels in the title's band.
    expect(px.dark(0, 40)).toBeGreaterThan(300);
  });

  it('an empty report says "tidak ada kasus" on its chart and writes files with only the header', async () => {
    const { app, clock } = testApp();
    const p = parseReportArgs(['7h'], clock.now(), TZ);
    if (!p.ok) throw new Error('parse');
    const r = buildReport(app.db, app.registry, p.filters, TZ);
    expect(r.perDay).toHaveLength(7);
    const svg = reportChartSvg(r.perDay, 'id');
    expect(svg).toContain('>tidak ada kasus<');
    expect(reportChartSvg(r.perDay, 'en')).toContain('>no cases<');
    expect(pngSize(renderChart(r)).width).toBe(CHART_PNG_WIDTH);
    const f = await writeReportFiles(r, tmp());
    expect(parse(readFileSync(f.csv), { bom: true, delimiter: ';' })).toHaveLength(1);
  });

  it('neutralizeCell', () => {
    for (const s of ['=1+1', '+62812', '-5', '@SUM(A1)', '\tx', '\rx', '＝1']) expect(neutralizeCell(s)).toBe(`'${s}`);
    for (const s of ['Budi', '198503122010011003', '', "'quoted"]) expect(neutralizeCell(s)).toBe(s);
  });

  it('niceScale', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1 });
    expect(niceScale(3)).toEqual({ max: 3, step: 1 });
    expect(niceScale(23)).toEqual({ max: 25, step: 5 });
  });
});

describe('/report and the CLI', () => {
  it('/report answers an admin in private with the summary and three files', async () => {
    const { app } = story();
    const dir = tmp();
    app.commands.add(reportCommand(app, { dir }));
    const r = await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/report 7h' });
    expect(r!.text).toContain('Jumlah kasus: 4');
    expect(r!.files!.map((f) => f.filename.split('.').pop())).toEqual(['csv', 'xlsx', 'png']);
    for (const f of r!.files!) expect(existsSync(f.path)).toBe(true);
    expect(r!.files![0]!.path.startsWith(dir)).toBe(true);
    const bad = await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/report kemarin-lusa' });
    expect(bad!.text).toMatch(/tidak dikenal/);
    const group = await app.commands.run({ platform: 'telegram', chatType: 'group', chatId: CAMPAIGN_TG.id, fromId: '9001', text: '/report' });
    expect(group!.files).toBeUndefined();
    const asn = await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: ASN.budi.telegramId, fromId: ASN.budi.telegramId, text: '/report' });
    expect(asn!.files).toBeUndefined();
  });

  it('two /report requests in the same second get files of their own; a queued report keeps its files through pruning', async () => {
    const { app } = story();
    const dir = tmp();
    app.commands.add(reportCommand(app, { dir }));
    const ask = async () => (await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/report' }))!;
    const [a, b] = [await ask(), await ask()]; // the clock does not move: same second
    const paths = [...a.files!, ...b.files!].map((f) => f.path);
    expect(new Set(paths).size).toBe(6);
    expect(new Set([...a.files!, ...b.files!].map((f) => f.filename)).size).toBe(6);
    for (const p of paths) expect(existsSync(p)).toBe(true);
    // The first answer waits in the outbox (behind others) while many more reports are asked for.
    app.monitor.outbox.enqueue({ dedupeKey: 'queued-report', platform: 'telegram', recipient: '9001', recipientKind: 'user', kind: 'command_reply', text: a.text, payload: { files: a.files } }, 0);
    // An hour before the file system's own clock (the files' mtime), not the process clock: under faketime the
    // two differ, and the 70 files written next get the file system's time.
    const old = statSync(paths[0]!).mtimeMs / 1000 - 3600;
    for (const p of paths) utimesSync(p, old, old);
    for (let i = 0; i < 70; i++) writeFileSync(join(dir, `laporan-jaga-netral-20241104-1000${String(i).padStart(2, '0')}-later.csv`), 'x');
    await ask(); // 73 newer files: beyond the 60 kept, so the old ones are pruned
    for (const f of a.files!) expect(existsSync(f.path)).toBe(true);
    for (const f of b.files!) expect(existsSync(f.path)).toBe(false);
    // Once delivered, they may go like the others.
    app.db.prepare(`UPDATE outbox SET status = 'sent' WHERE dedupe_key = 'queued-report'`).run();
    await ask();
    for (const f of a.files!) expect(existsSync(f.path)).toBe(false);
  });

  it('jaga-netral report: text, csv, xlsx, and errors with exit codes', async () => {
    const { app } = story();
    const io = () => {
      const o = { out: '', err: '' };
      return { o, io: { out: (s: string) => void (o.out += s), err: (s: string) => void (o.err += s) } };
    };
    let t = io();
    expect(await runReportCli(app, ['--from', '2024-11-04', '--to', '2024-11-04'], t.io)).toBe(0);
    expect(t.o.out).toContain('Jumlah kasus: 2');
    t = io();
    expect(await runReportCli(app, ['--unit', 'pendidikan', '--format', 'csv'], t.io)).toBe(0);
    expect(parse(t.o.out, { bom: true, delimiter: ';' })).toHaveLength(3);
    const dir = tmp();
    t = io();
    const out = join(dir, 'r.xlsx');
    expect(await runReportCli(app, ['--format', 'xlsx', '--out', out], t.io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Kasus')!.rowCount).toBe(5);
    t = io();
    expect(await runReportCli(app, ['--format', 'pdf'], t.io)).toBe(2);
    expect(t.o.err).toMatch(/--format/);
    t = io();
    expect(await runReportCli(app, ['--unit', 'Dinas Perikanan'], t.io)).toBe(1);
    expect(t.o.err).toMatch(/Dinas Perikanan/);
    t = io();
    expect(await runReportCli(app, ['--out', join(dir, 'no/such/dir/x.txt')], t.io)).toBe(1);
  });
});

describe('chart dates (issue 12 point 10)', () => {
  it('read as day and month name, in the report language', async () => {
    const { chartDayLabel } = await import('../../../src/app/reports/chart.js');
    const { reportTexts } = await import('../../../src/core/messages/report.js');
    expect(chartDayLabel('2024-11-02', reportTexts('id').chartMonths)).toBe('2 NOV');
    expect(chartDayLabel('2024-05-27', reportTexts('id').chartMonths)).toBe('27 MEI');
    expect(chartDayLabel('2024-08-17', reportTexts('id').chartMonths, true)).toBe('17 AGU 2024');
    expect(chartDayLabel('2024-05-27', reportTexts('en').chartMonths)).toBe('27 MAY');
    expect(reportTexts('id').chartMonths).toHaveLength(12);
  });
});


/** Width and height from a PNG's IHDR chunk (bytes 16..24). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The SVG rendered by resvg (as the PNG is), as raw RGBA pixels to count colours in. */
function pixels(svg: string) {
  const img = new Resvg(svg, chartRenderOptions()).render();
  const data = img.pixels;
  const w = img.width;
  return {
    count(rgb: readonly number[]): number {
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) n++;
      return n;
    },
    /** Dark pixels in rows [from, to) of the image. */
    dark(from: number, to: number): number {
      let n = 0;
      for (let i = from * w * 4; i < Math.min(data.length, to * w * 4); i += 4) if (data[i]! < 100 && data[i + 1]! < 100 && data[i + 2]! < 100) n++;
      return n;
    },
  };
}
