/**
 * Issue 21 point 10 over real HTTP: the ASN page shows, per unit, who registered with the bot on
 * Telegram, WhatsApp or neither, filters the list to the unregistered, and exports them as an XLSX
 * with the Telegram registration link and the WhatsApp message to send (audited).
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ASN } from '../support/app.js';
import { dashboardApp, linkFromBot, signIn } from './support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const text = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('registration coverage on the dashboard', () => {
  it('counts per unit, the unregistered filter, and the XLSX of unregistered ASN with how to register', async () => {
    const s = await dashboardApp({}, { story: 'office' });
    cleanups.push(async () => {
      await s.dash.close();
      await s.app.close();
    });
    // Sari registered on Telegram (the registry call the Telegram adapter makes), Dedi on WhatsApp (DAFTAR <NIP>).
    s.app.registry.linkTelegram(ASN.sari.nip, ASN.sari.telegramId, ASN.sari.telegramUsername, s.clock.now());
    s.app.registry.markWaRegistered(ASN.dedi.nip, s.clock.now());
    s.app.registrationLinks.telegram = 'https://t.me/JagaNetralBot?start=daftar';
    const cookie = await signIn(await linkFromBot(s.app));
    const get = (path: string) => fetch(s.base + path, { headers: { cookie } });

    const page = text(await (await get('/asn')).text());
    expect(page).toContain('Pendaftaran ASN di bot, per unit kerja');
    // Unit, ASN, Telegram, WhatsApp, neither (office story: Dinas Kesehatan has Sari and two more).
    expect(page).toContain('BPKAD 2 0 1 1');
    expect(page).toContain('Dinas Kesehatan 3 1 0 2');
    expect(page).toContain('Dinas Pendidikan 5 0 0 5');
    expect(page).toContain('Semua unit 15 1 1 13');
    expect(page).toContain(`${ASN.sari.nip} Sari Wulandari Dinas Kesehatan +6281298765432 @sariwulan Telegram`);

    const unreg = text(await (await get('/asn?unit=BPKAD&pendaftaran=none')).text());
    expect(unreg).toContain('1-1 dari 1');
    expect(unreg).not.toContain(ASN.dedi.nip);

    const x = await get('/asn/belum-terdaftar.xlsx?unit=Dinas+Kesehatan');
    expect(x.status).toBe(200);
    expect(x.headers.get('content-disposition')).toBe('attachment; filename="asn-belum-terdaftar-20241104.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Belum terdaftar')!;
    const rows = ws.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual(['NIP', 'Nama', 'Unit kerja', 'Telepon', 'Telegram', 'Tautan pendaftaran Telegram', 'Daftar lewat WhatsApp: kirim ke nomor bot']);
    expect(rows).toHaveLength(3);
    for (const row of rows.slice(1)) {
      expect(row[3]).toBe('Dinas Kesehatan');
      expect(row[6]).toMatchObject({ text: 'https://t.me/JagaNetralBot?start=daftar', hyperlink: 'https://t.me/JagaNetralBot?start=daftar' });
      expect(row[7]).toBe(`DAFTAR ${row[1]}`);
    }
    expect(rows.map((r) => r[1])).not.toContain(ASN.sari.nip);
    const units = wb.getWorksheet('Per unit kerja')!.getSheetValues().slice(1) as unknown[][];
    expect(units.map((u) => u.slice(1))).toEqual([['Unit kerja', 'Jumlah ASN', 'Telegram', 'WhatsApp', 'Belum terdaftar'], ['Dinas Kesehatan', 3, 1, 0, 2], ['Semua unit', 3, 1, 0, 2]]);
    expect(s.app.db.prepare(`SELECT actor, action, args FROM audit WHERE action = 'asn export unregistered'`).all()).toEqual([
      { actor: 'web:tg:9001', action: 'asn export unregistered', args: 'Dinas Kesehatan' },
    ]);
    // An unknown unit downloads nothing and goes back to the page.
    const bad = await fetch(`${s.base}/asn/belum-terdaftar.xlsx?unit=Dinas+Perikanan`, { headers: { cookie }, redirect: 'manual' });
    expect(bad.status).toBe(303);
  });
});
