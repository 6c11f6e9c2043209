/**
 * The dashboard's "Laporan ASN" over loopback HTTP (fastify listening, fetch, a real login): a report whose
 * screenshot tesseract read shows the group name read, marked as machine-read, escaped like every other text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordSelfReport } from '../../src/app/self-report.js';
import { renderChatScreen } from '../../src/bench/ocr-screens.js';
import { ASN } from '../support/app.js';
import { dashboardApp, linkFromBot } from '../web/support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('dashboard: Laporan ASN shows what OCR read', () => {
  it('the group name read from the screenshot, marked "Dibaca mesin (OCR)", with the Pilkada verdict', { timeout: 60_000 }, async () => {
    const s = await dashboardApp({ LANGUAGE: 'id' });
    cleanups.push(async () => {
      await s.dash.close();
      await s.app.close();
    });
    const png = renderChatScreen({ style: 'telegram', groupName: 'Barisan Emak-emak HDCU', members: 96, bubbles: [{ from: 'Rina', text: 'Besok blusukan ke pasar bersama tim kampanye' }] });
    const rep = recordSelfReport(s.app, ASN.budi as never, { platform: 'telegram', reporterId: ASN.budi.telegramId, sourceKey: 'ocr-web', text: 'Saya dimasukkan ke grup ini', files: [{ kind: 'photo', filename: 'layar.png', mime: 'image/png', data: png }] }).report;
    await s.app.screenshots.idle();

    const link = await linkFromBot(s.app);
    const token = /<input type="hidden" name="t" value="([\w-]+)">/.exec(await (await fetch(link, { redirect: 'manual' })).text())![1]!;
    const r = await fetch(new URL('/masuk', link), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `t=${token}` });
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    const list = await (await fetch(`${s.base}/laporan-asn`, { headers: { cookie } })).text();
    expect(list).toContain(rep.receiptNo);
    expect(list).toContain('Dibaca mesin (OCR): grup &quot;Barisan Emak-emak HDCU&quot;, terkait Pilkada');
  });
});
