/**
 * The dashboard in a real browser: playwright-core driving Debian's chromium
 * (/usr/bin/chromium, installed by .ci/run when missing) against the
 * dashboard listening on loopback. Every page is opened at a phone's width (375 px) and a
 * laptop's (1366 px): nothing may scroll sideways or stick out of the window, and the charts'
 * text must stay readable. Screenshots go to a temporary folder (its path is printed; it is kept so
 * they can be looked at), or to DASHBOARD_SCREENSHOTS_DIR when set; never into the working tree.
 * docs/screenshots/ holds the two the README shows.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/app/reports/chart-png.js';
import { runReportCli } from '../../src/app/reports/command.js';
import { ASN, CAMPAIGN_TG } from '../support/app.js';
import { dashboardApp, linkFromBot } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The browser runs on the real clock: under the faketime sweep (tests/support/faketime-sweep.sh) libfaketime
 * would otherwise be preloaded into chromium too, whose timers then spin and hang the run. It is the visitor's
 * browser, not the server, whose clock the sweep is about; the session cookie's Max-Age does not depend on it.
 */
function browserEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'LD_PRELOAD' && !e[0].startsWith('FAKETIME')));
}

const dirs: string[] = [];
/** A fresh browser with a new, empty profile (no cookies). */
async function browser(): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'jn-chromium-'));
  dirs.push(dir);
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, env: browserEnv() });
  // Nothing may reach the internet: only the loopback dashboard is allowed.
  await ctx.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  return ctx;
}

/** What the layout test reads in the page (run in the browser; a string because the tests compile without the DOM types). */
interface Measure { scrollWidth: number; clientWidth: number; bodyScroll: number; outside: string[]; scrolled: string[]; fonts: number[] }
const MEASURE = `(() => {
  const root = document.documentElement;
  const all = [...document.querySelectorAll('body *')];
  // Anything drawn beyond the window's right or left edge (inside a chart only the chart itself counts).
  const outside = all
    .filter((el) => !el.closest('svg') || el.tagName === 'svg')
    .filter((el) => { const b = el.getBoundingClientRect(); return b.width > 0 && (b.right > root.clientWidth + 0.5 || b.left < -0.5); })
    .map((el) => el.tagName.toLowerCase() + '.' + el.className + ': ' + (el.textContent || '').trim().slice(0, 40));
  // Boxes that scroll sideways inside the page.
  const scrolled = all.filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible').map((el) => el.tagName.toLowerCase());
  // Chart text as drawn: its font-size in SVG units times the chart's scale on screen.
  const fonts = [...document.querySelectorAll('svg.chart')].map((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale));
  });
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, bodyScroll: document.body.scrollWidth, outside, scrolled, fonts };
})()`;

let s: Awaited<ReturnType<typeof dashboardApp>>;
let ctx: BrowserContext;

beforeAll(async () => {
  s = await dashboardApp({}, { story: 'office' });
  ctx = await browser();
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  await s?.dash.close();
  await s?.app.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('dashboard in headless Chromium', () => {
  it('logs in by link, shows the open case on /, and refuses the same link the second time', async () => {
    const link = await linkFromBot(s.app);
    const page = await ctx.newPage();
    // Opening the link shows a button (link previews never sign in); pressing it does.
    await page.goto(link);
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.locator('form[action="/masuk"] button').click()]);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('h1').textContent()).toBe('Ringkasan');
    const openTable = page.locator('#terbuka + .tablewrap table');
    expect(await openTable.textContent()).toContain(ASN.budi.nama);
    expect(await openTable.textContent()).toContain(CAMPAIGN_TG.title);
    expect(await page.locator('svg.chart').count()).toBe(2);
    const cookies = await ctx.cookies();
    expect(cookies.find((c) => c.name === 'jn_sesi')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    const second = await (await browser()).newPage();
    const r = await second.goto(link);
    expect(r?.status()).toBe(401);
    expect(await second.locator('body').textContent()).toMatch(/sudah pernah dipakai/);
    expect(new URL(second.url()).pathname).toBe('/masuk');
    await second.context().close();
    await page.close();
  }, 90_000);

  it('every page at 375 px and 1366 px: no sideways scroll, nothing outside the window, chart text readable; screenshots', async () => {
    const shots = process.env['DASHBOARD_SCREENSHOTS_DIR'] ?? mkdtempSync(join(tmpdir(), 'jn-shots-'));
    console.log(`dashboard screenshots: ${shots}`);
    mkdirSync(shots, { recursive: true });
    const nip = ASN.budi.nip;
    const pages: [string, string][] = [
      ['ringkasan', '/'], ['kasus', '/kasus'], ['kasus-1', '/kasus/1'], ['grup', '/grup'], ['asn', '/asn'], ['asn-tambah', '/asn/tambah'],
      ['asn-ubah', `/asn/${nip}/ubah`], ['asn-hapus', `/asn/${nip}/hapus`], ['audit', '/audit'], ['laporan', '/laporan'], ['tidak-ada', '/tidak-ada'],
      ['masuk', '/masuk?t=salah'], ['laporan-asn', '/laporan-asn'], ['verifikasi', '/verifikasi'],
    ];
    const status: Record<string, number> = { 'tidak-ada': 404, masuk: 401 };
    const page = await ctx.newPage();
    await page.goto(await linkFromBot(s.app));
    // The actor pages: the list and the first actor's own page.
    await page.goto(`${s.base}/pelaku`);
    const actor = await page.locator('main a[href^="/pelaku/"]').first().getAttribute('href');
    expect(actor).toBeTruthy();
    pages.push(['pelaku', '/pelaku'], ['pelaku-1', actor!]);
    for (const width of [375, 1366]) {
      await page.setViewportSize({ width, height: 800 });
      for (const [name, path] of pages) {
        const r = await page.goto(s.base + path);
        expect(r?.status(), path).toBe(status[name] ?? 200);
        const m = (await page.evaluate(MEASURE)) as Measure;
        expect(m.scrollWidth, `${path} at ${width}`).toBeLessThanOrEqual(m.clientWidth);
        expect(m.bodyScroll, `${path} at ${width}`).toBeLessThanOrEqual(m.clientWidth);
        expect(m.outside, `${path} at ${width}`).toEqual([]);
        expect(m.scrolled, `${path} at ${width}: inner sideways scroll`).toEqual([]);
        for (const f of m.fonts) expect(f, `${path} at ${width}: chart text in px`).toBeGreaterThanOrEqual(10);
        await page.screenshot({ path: join(shots, `dasbor-${name}-${width}.png`), fullPage: true });
      }
    }
    // The case page shows the NIP and unit whole, inside the window, at phone width.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${s.base}/kasus/1`);
    for (const text of [ASN.budi.nip, ASN.budi.unit]) {
      const box = (await page.locator('dd', { hasText: text }).first().boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    expect(statSync(join(shots, 'dasbor-ringkasan-375.png')).size).toBeGreaterThan(10_000);
    await page.close();
  }, 180_000);

  it('Laporan: the download buttons send the dates typed in the form (not the last applied filter); the page shows the period; the PNG is the chart the page shows', async () => {
    const page = await ctx.newPage();
    await page.goto(await linkFromBot(s.app));
    // Applied filter: the whole fortnight.
    await page.goto(`${s.base}/laporan?dari=2024-10-20&sampai=2024-11-04`);
    const facts = (await page.locator('#periode').textContent()) ?? '';
    expect(facts).toMatch(/Periode\s*20 Okt 2024 – 4 Nov 2024/);
    expect(facts).toMatch(/Jumlah kasus\s*13/);
    // Type other dates without applying them, then download: the file covers the typed dates.
    await page.fill('input[name=dari]', '2024-10-25');
    await page.fill('input[name=sampai]', '2024-10-27');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Unduh CSV")')]);
    const rows = parse(readFileSync((await csv.path())!), { bom: true, delimiter: ';' }) as string[][];
    const opened = rows.slice(1).map((r) => r[7]!.slice(0, 10));
    expect(opened.length).toBeGreaterThan(0);
    for (const d of opened) expect(d >= '2024-10-25' && d <= '2024-10-27', d).toBe(true);
    expect(rows.length - 1).toBe(s.app.db.prepare(`SELECT COUNT(*) AS n FROM incidents WHERE opened_at >= ? AND opened_at < ?`).pluck().get(Date.parse('2024-10-24T17:00:00Z'), Date.parse('2024-10-27T17:00:00Z')));
    // The PNG of the same typed dates is the chart the page shows for them, rendered.
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Unduh grafik PNG")')]);
    await page.goto(`${s.base}/laporan?dari=2024-10-25&sampai=2024-10-27`);
    const svg = await page.locator('svg.chart').evaluate((el: { outerHTML: string }) => el.outerHTML);
    expect(svg).toContain('25 OKT 2024 – 27 OKT 2024');
    expect(readFileSync((await png.path())!).equals(svgToPng(svg))).toBe(true);
    // And `report --format png` for those dates (the CLI's own function) writes the same bytes.
    const out = join(mkdtempSync(join(tmpdir(), 'jn-png-')), 'grafik.png');
    dirs.push(dirname(out));
    const io = { out: () => undefined, err: (e: string) => { throw new Error(e); } };
    expect(await runReportCli(s.app, ['--from', '2024-10-25', '--to', '2024-10-27', '--format', 'png', '--out', out], io)).toBe(0);
    expect(readFileSync(out).equals(svgToPng(svg))).toBe(true);
    // A bad date typed in the form: the download goes back to the page, which says what is wrong; nothing is downloaded.
    await page.fill('input[name=dari]', '2024-10-28');
    await page.fill('input[name=sampai]', '2024-10-27');
    await page.click('button:has-text("Unduh XLSX")');
    await page.waitForURL(/\/laporan\?/);
    expect(await page.locator('.notice.bad').textContent()).toContain('tanggal awal tidak boleh setelah tanggal akhir');
    await page.close();
  }, 90_000);

  it('every page without a session is refused and shows no names or NIPs', async () => {
    const anon = await browser();
    const page = await anon.newPage();
    for (const p of ['/', '/kasus', '/kasus/1', '/grup', '/asn', '/audit', '/laporan', '/api/kasus', '/api/ringkasan']) {
      const r = await page.goto(s.base + p);
      expect(r?.status(), p).toBe(401);
      const text = (await page.locator('body').textContent()) ?? '';
      for (const secret of [ASN.budi.nama, ASN.budi.nip, CAMPAIGN_TG.title!, 'Rina Marlina']) expect(text, `${p} shows ${secret}`).not.toContain(secret);
    }
    await anon.close();
  }, 90_000);

  it('exempting a case from its page shows it exempt and writes the audit row', async () => {
    const page = await ctx.newPage();
    await page.goto(`${s.base}/kasus/1`);
    expect(await page.locator('.status').first().textContent()).toBe('terbuka');
    await page.fill('textarea[name=alasan]', 'Hadir sebagai keluarga calon');
    await page.click('button:has-text("Kecualikan")');
    await page.waitForURL(/\/kasus\/1\?pesan=exempted/);
    expect(await page.locator('.notice').textContent()).toBe('Kasus dikecualikan.');
    expect(await page.locator('.status').first().textContent()).toBe('dikecualikan');
    expect(await page.locator('body').textContent()).toContain('Hadir sebagai keluarga calon');
    expect(s.app.monitor.incidents.get(1)).toMatchObject({ status: 'exempted', statusReason: 'exempted {"note":"Hadir sebagai keluarga calon"}', statusBy: 'web:tg:9001' });
    expect(s.app.db.prepare(`SELECT actor, platform, action, args, allowed, result FROM audit WHERE action = 'cases exempt'`).all()).toEqual([
      { actor: 'web:tg:9001', platform: 'web', action: 'cases exempt', args: '1 Hadir sebagai keluarga calon', allowed: 1, result: 'ok' },
    ]);
    // The audit page shows it too.
    await page.goto(`${s.base}/audit?tindakan=exempt`);
    expect(await page.locator('table').textContent()).toContain('web:tg:9001');
    await page.close();
  }, 90_000);

  it('an XLSX upload with a bad row changes nothing and shows the row; a good one is previewed, then applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-upload-'));
    dirs.push(dir);
    const xlsx = async (name: string, rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('ASN');
      ws.addRow(['nip', 'nama', 'unit', 'telepon', 'telegram']);
      for (const r of rows) ws.addRow(r);
      const path = join(dir, name);
      await wb.xlsx.writeFile(path);
      return path;
    };
    const good = ['199203142019032005', 'Wulan Permata', 'Dinas Pariwisata', '0813-7778-8899', '@wulanp'];
    const before = s.app.registry.count();
    const page = await ctx.newPage();
    await page.goto(`${s.base}/asn`);
    await page.setInputFiles('input[type=file]', await xlsx('asn-salah.xlsx', [good, ['12345', 'Nama Salah', 'Setda', '0812-1111-2222', '']]));
    await page.click('button:has-text("Unggah dan pratinjau")');
    const bad = (await page.locator('main').textContent()) ?? '';
    expect(bad).toContain('1 baris salah');
    expect(bad).toContain('Tidak ada data yang ditulis');
    expect(bad).toContain('NIP harus 18 digit'); // the row's reason in the dashboard's language
    expect(await page.locator('main table tbody tr').count()).toBe(1);
    expect(await page.locator('main table tbody tr td').first().textContent()).toBe('3');
    expect(await page.locator('main table').textContent()).toContain('12345');
    expect(await page.locator('button:has-text("Terapkan")').count()).toBe(0);
    expect(s.app.registry.count()).toBe(before);
    expect(s.app.registry.byNip(good[0]!)).toBeUndefined();

    await page.goto(`${s.base}/asn`);
    await page.setInputFiles('input[type=file]', await xlsx('asn-baik.xlsx', [good]));
    await page.click('button:has-text("Unggah dan pratinjau")');
    expect(await page.locator('main').textContent()).toContain('1 baris: 1 ASN baru, 0 diperbarui');
    expect(s.app.registry.byNip(good[0]!)).toBeUndefined();
    await page.click('button:has-text("Terapkan")');
    await page.waitForURL(/\/asn\?pesan=imported/);
    expect(s.app.registry.byNip(good[0]!)).toMatchObject({ nama: 'Wulan Permata', unit: 'Dinas Pariwisata', phone: '+6281377788899', telegramUsername: 'wulanp' });
    expect(s.app.db.prepare(`SELECT actor, action, args, result FROM audit WHERE action = 'import-asn'`).all()).toEqual([
      { actor: 'web:tg:9001', action: 'import-asn', args: 'asn-baik.xlsx', result: 'imported {"total":1,"inserted":1,"updated":0,"unchanged":0}' },
    ]);
    // The search finds her, and the edit form changes her unit (audited too).
    await page.goto(`${s.base}/asn?q=Permata`);
    expect(await page.locator('main table').first().locator('tbody tr').count()).toBe(1); // the list (the registration table follows)
    await page.click('a:has-text("Ubah")');
    await page.fill('input[name=unit]', 'Dinas Pariwisata dan Kebudayaan');
    await page.click('button:has-text("Simpan")');
    await page.waitForURL(/pesan=asnUpdated/);
    expect(s.app.registry.byNip(good[0]!)!.unit).toBe('Dinas Pariwisata dan Kebudayaan');
    await page.close();
  }, 90_000);
});
