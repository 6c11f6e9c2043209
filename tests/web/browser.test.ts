/**
 * The dashboard in a real browser: playwright-core driving Debian's chromium
 * (/usr/bin/chromium, installed by .ci/run when missing) against the
 * dashboard listening on loopback. Screenshots of `/` and a case page go to a
 * temporary folder, or to DASHBOARD_SCREENSHOTS_DIR when set (tests/web/screenshots/ holds the
 * committed ones).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASN, CAMPAIGN_TG } from '../support/app.js';
import { dashboardApp, linkFromBot } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const dirs: string[] = [];
/** A fresh browser with a new, empty profile (no cookies). */
async function browser(): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'jn-chromium-'));
  dirs.push(dir);
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
  // Nothing may reach the internet: only the loopback dashboard is allowed.
  await ctx.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  return ctx;
}

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
    await page.goto(link);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('h1').textContent()).toBe('Ringkasan');
    const openTable = page.locator('#terbuka + .tablewrap table');
    expect(await openTable.textContent()).toContain(ASN.budi.nama);
    expect(await openTable.textContent()).toContain(CAMPAIGN_TG.title);
    expect(await page.locator('svg.chart').count()).toBe(2);
    const cookies = await ctx.cookies();
    expect(cookies.find((c) => c.name === 'jn_sesi')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    const shots = process.env['DASHBOARD_SCREENSHOTS_DIR'] ?? mkdtempSync(join(tmpdir(), 'jn-shots-'));
    if (!process.env['DASHBOARD_SCREENSHOTS_DIR']) dirs.push(shots);
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'dasbor-ringkasan.png'), fullPage: true });
    await page.goto(link.replace(/\/masuk.*/, '/kasus/1'));
    await page.screenshot({ path: join(shots, 'dasbor-kasus.png'), fullPage: true });
    expect(statSync(join(shots, 'dasbor-ringkasan.png')).size).toBeGreaterThan(10_000);

    const second = await (await browser()).newPage();
    const r = await second.goto(link);
    expect(r?.status()).toBe(401);
    expect(await second.locator('body').textContent()).toMatch(/sudah pernah dipakai/);
    expect(new URL(second.url()).pathname).toBe('/masuk');
    await second.context().close();
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
    expect(s.app.monitor.incidents.get(1)).toMatchObject({ status: 'exempted', statusReason: 'Hadir sebagai keluarga calon', statusBy: 'web:tg:9001' });
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
      { actor: 'web:tg:9001', action: 'import-asn', args: 'asn-baik.xlsx', result: 'ok: 1 rows, 1 new, 0 updated, 0 unchanged' },
    ]);
    // The search finds her, and the edit form changes her unit (audited too).
    await page.goto(`${s.base}/asn?q=Permata`);
    expect(await page.locator('main table tbody tr').count()).toBe(1);
    await page.click('a:has-text("Ubah")');
    await page.fill('input[name=unit]', 'Dinas Pariwisata dan Kebudayaan');
    await page.click('button:has-text("Simpan")');
    await page.waitForURL(/pesan=asnUpdated/);
    expect(s.app.registry.byNip(good[0]!)!.unit).toBe('Dinas Pariwisata dan Kebudayaan');
    await page.close();
  }, 90_000);
});
