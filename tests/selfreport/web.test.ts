/**
 * The dashboard pages of self-reports over loopback HTTP (fastify listening, fetch): "Laporan ASN" with its
 * filters, status and evidence thumbnails behind the session, and the public receipt check that shows only
 * validity, date and status.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordSelfReport, resolveSelfReport } from '../../src/app/self-report.js';
import { receiptCode } from '../../src/app/receipt.js';
import { ASN } from '../support/app.js';
import { dashboardApp, linkFromBot, signIn } from '../web/support.js';
import { pdfText } from '../support/pdf.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('dashboard: Laporan ASN and receipt verification', () => {
  it('lists reports with thumbnails and status, filters them, serves evidence only with a session; /verifikasi is public and discreet', { timeout: 60_000 }, async () => {
    const s = await dashboardApp({ LANGUAGE: 'id' });
    cleanups.push(async () => {
      await s.dash.close();
      await s.app.close();
    });
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 1)]);
    const a = recordSelfReport(s.app, ASN.budi as never, {
      platform: 'telegram', reporterId: ASN.budi.telegramId, sourceKey: 'w1', text: 'Saya ditandai di Instagram oleh akun "Sahabat Paslon 2" https://instagram.com/p/x1',
      files: [{ kind: 'photo', filename: 'tangkapan.jpg', mime: 'image/jpeg', data: jpeg }],
    }).report;
    const b = recordSelfReport(s.app, ASN.sari as never, { platform: 'telegram', reporterId: ASN.sari.telegramId, sourceKey: 'w2', text: 'dimasukkan ke grup WhatsApp "Relawan X"' }).report;
    expect((await resolveSelfReport(s.app, b.id, 'telegram', ASN.sari.telegramId)).ok).toBe(true);

    const anon = await fetch(`${s.base}/laporan-asn`, { redirect: 'manual' });
    expect(anon.status).not.toBe(200);
    const photoId = (s.app.db.prepare(`SELECT id FROM self_report_evidence WHERE kind = 'photo'`).get() as { id: number }).id;
    expect((await fetch(`${s.base}/laporan-asn/bukti/${photoId}`, { redirect: 'manual' })).status).not.toBe(200);

    // The login link opens a page with a button; pressing it (POST /masuk) sets the session cookie.
    const link = await linkFromBot(s.app);
    const token = /<input type="hidden" name="t" value="([\w-]+)">/.exec(await (await fetch(link, { redirect: 'manual' })).text())![1]!;
    const r = await fetch(new URL('/masuk', link), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `t=${token}` });
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    const get = (path: string) => fetch(`${s.base}${path}`, { headers: { cookie }, redirect: 'manual' });
    const list = await (await get('/laporan-asn')).text();
    expect(list).toContain(a.receiptNo);
    expect(list).toContain(b.receiptNo);
    expect(list).toContain(`src="/laporan-asn/bukti/${photoId}"`);
    expect(list).toContain('Laporan ASN');
    expect(list).toContain('https://instagram.com/p/x1');
    const open = await (await get('/laporan-asn?status=open')).text();
    expect(open).toContain(a.receiptNo);
    expect(open).not.toContain(b.receiptNo);
    const wa = await (await get('/laporan-asn?tempat=whatsapp')).text();
    expect(wa).toContain(b.receiptNo);
    expect(wa).not.toContain(a.receiptNo);
    const thumb = await get(`/laporan-asn/bukti/${photoId}`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await thumb.arrayBuffer()).equals(jpeg)).toBe(true);
    // An ASN's evidence is personal data like the pages around it: a browser must not keep it (a shared office
    // computer would show it from its cache, without a session, after the admin signed out).
    expect(thumb.headers.get('cache-control')).toBe('no-store');
    expect((await get('/laporan-asn/bukti/99999')).status).toBe(404);

    const code = receiptCode(s.app.db, b.signed, 0);
    const ok = await (await fetch(`${s.base}/verifikasi?nomor=${b.receiptNo}&kode=${code}`)).text();
    expect(ok).toMatch(new RegExp(`SAH: tanda terima ${b.receiptNo}.*status: selesai`));
    expect(ok).not.toContain('Sari');
    const wrong = await (await fetch(`${s.base}/verifikasi?nomor=${b.receiptNo}&kode=${code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`)).text();
    expect(wrong).toContain('TIDAK SAH');
    const junk = await (await fetch(`${s.base}/verifikasi?nomor=%3Cscript%3E&kode=x`)).text();
    expect(junk).toContain('bukan nomor tanda terima');
    expect(junk).not.toContain('<script>');
  });

  for (const lang of ['id', 'en'] as const) {
    it(`videos the ASN sent and the bot did not keep: one line under the report's evidence on Laporan ASN, and one in the case dossier (POST /berkas) (${lang})`, { timeout: 60_000 }, async () => {
      const s = await dashboardApp({ LANGUAGE: lang });
      cleanups.push(async () => {
        await s.dash.close();
        await s.app.close();
      });
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 1)]);
      // Two videos named by the adapter as not kept (a Telegram album mixing them with a photo), as the use case stores them.
      const withVideos = recordSelfReport(s.app, ASN.budi as never, {
        platform: 'telegram', reporterId: ASN.budi.telegramId, sourceKey: 'v1', text: 'Saya ditandai di video kampanye di TikTok',
        files: [{ kind: 'photo', filename: 'tangkapan.jpg', mime: 'image/jpeg', data: jpeg }], skipped: ['video', 'video'],
      }).report;
      const without = recordSelfReport(s.app, ASN.sari as never, { platform: 'telegram', reporterId: ASN.sari.telegramId, sourceKey: 'v2', text: 'dimasukkan ke grup WhatsApp "Relawan X"' }).report;
      expect(withVideos.videosNotKept).toBe(2);
      const cookie = await signIn(await linkFromBot(s.app));
      const list = await (await fetch(`${s.base}/laporan-asn`, { headers: { cookie } })).text();
      const line = lang === 'en'
        ? '2 videos sent by the ASN, not kept by the bot (ask for them another way if needed)'
        : '2 video dikirim ASN, tidak disimpan bot (mintalah lewat jalur lain bila perlu)';
      // Once, in the row of the report with videos (rows are newest first: the other report's row comes before it).
      expect(list.split(line)).toHaveLength(2);
      expect(list.indexOf(line)).toBeGreaterThan(list.indexOf(withVideos.receiptNo));
      expect(list.indexOf(without.receiptNo)).toBeLessThan(list.indexOf(withVideos.receiptNo));
      // The case dossier, as Humas downloads it from the dashboard.
      const csrf = /name="_csrf" value="([^"]+)"/.exec(list)![1]!;
      const pdfOf = async (id: number): Promise<string> => {
        const r = await fetch(`${s.base}/berkas`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, lingkup: 'kasus', id: String(id) }).toString() });
        expect(r.status).toBe(200);
        return pdfText(Buffer.from(await r.arrayBuffer())).replace(/\s+/g, ' ');
      };
      const dossier = await pdfOf(withVideos.incidentId!);
      expect(dossier).toContain(lang === 'en'
        ? 'Videos: 2 sent by the ASN with this report, not kept by the bot (only photos and documents are kept as evidence), so there is no file or hash of them here'
        : 'Video: 2 dikirim ASN bersama laporan ini, tidak disimpan bot (bukti yang disimpan hanya foto dan dokumen), jadi tidak ada berkas atau hash-nya di sini');
      expect(await pdfOf(without.incidentId!)).not.toMatch(lang === 'en' ? /Videos: / : /Video: /);
    });
  }
});
