import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import { buildReport, median } from '../../../src/app/reports/build.js';
import { CHART_HEIGHT, CHART_WIDTH, KIND_COLORS, niceScale, renderChart } from '../../../src/app/reports/chart.js';
import { reportCommand, runReportCli } from '../../../src/app/reports/command.js';
import { neutralizeCell, writeReportFiles } from '../../../src/app/reports/files.js';
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
    expect(r.byKind).toEqual({ added: 2, mentioned: 2, reacted: 0, posted: 0, present: 0 });
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
    const rows = parse(readFileSync(f.csv), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['No. kasus', 'NIP', 'Nama', 'Unit kerja', 'Platform', 'Grup', 'Jenis', 'Dibuka', 'Selesai', 'Status', 'Ditambahkan/ditandai oleh', 'Kutipan bukti', 'Kata kunci']);
    const body = rows.slice(1);
    const db = app.db.prepare(`SELECT id, asn_nip AS nip, status FROM incidents ORDER BY opened_at, id`).all() as { id: number; nip: string; status: string }[];
    expect(body.map((r) => [Number(r[0]), r[1]])).toEqual(db.map((d) => [d.id, d.nip]));
    const budi = body.find((r) => r[1] === ASN.budi.nip)!;
    expect(budi.slice(2, 11)).toEqual([
      'Budi Santoso', 'Dinas Pendidikan', 'Telegram', 'Relawan Paslon 2 Pilgub Sumsel', 'dimasukkan ke grup', '2024-11-04 10:00', '2024-11-05 12:00', 'sudah keluar', 'Korlap Timses (7777)',
    ]);
    const rina = body.find((r) => r[1] === RINA.nip)!;
    expect(rina[2]).toBe("'@Rina Lestari");
    expect(rina[5]).toBe("'+Posko Pemenangan 02");
    expect(rina[10]).toBe(`'=HYPERLINK("http://evil.example","klik") (6666)`);
    expect(rina[11]!.startsWith("'@rina_l -ayo coblos")).toBe(true);
    expect(rina[12]).not.toBe('');
    for (const r of body) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
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
    expect(rinaRow.getCell(8).value).toBe('2024-11-06 09:00');
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

  it('PNG: a real 800x400 image with bars in the kind colours', async () => {
    const { app, clock } = story();
    const f = await writeReportFiles(all(app, clock), tmp());
    const png = PNG.sync.read(readFileSync(f.png));
    expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect([800, 400]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    const count = (rgb: [number, number, number]) => {
      let n = 0;
      for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === rgb[0] && png.data[i + 1] === rgb[1] && png.data[i + 2] === rgb[2]) n++;
      return n;
    };
    expect(count(KIND_COLORS.added)).toBeGreaterThan(1000);
    expect(count(KIND_COLORS.mentioned)).toBeGreaterThan(500);
    expect(count(KIND_COLORS.posted)).toBe(0);
  });

  it('an empty report still draws a chart and writes files with only the header', async () => {
    const { app, clock } = testApp();
    const p = parseReportArgs(['7h'], clock.now(), TZ);
    if (!p.ok) throw new Error('parse');
    const r = buildReport(app.db, app.registry, p.filters, TZ);
    expect(r.perDay).toHaveLength(7);
    const png = PNG.sync.read(renderChart(r, { title: 'KASUS', kinds: { added: 'A', mentioned: 'B', reacted: 'C', posted: 'D', present: 'E' } }));
    expect(png.width).toBe(800);
    const f = await writeReportFiles(r, tmp());
    expect(parse(readFileSync(f.csv), { bom: true })).toHaveLength(1);
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
    expect(parse(t.o.out, { bom: true })).toHaveLength(3);
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
