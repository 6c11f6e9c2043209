/**
 * Issue 19 on the dashboard over real HTTP: the "Pelaku" page, one actor's page, and the dossier
 * buttons of the case, group and actor pages (POST /berkas, CSRF-checked, audited as web:<admin>).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ASN, CAMPAIGN_TG } from '../support/app.js';
import { pdfText } from '../support/pdf.js';
import { dashboardApp, linkFromBot, signIn } from './support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const EVIL_ACTOR = 'Andi <img src=x onerror=alert(1)>';

describe('dashboard: actors and dossiers', () => {
  it('lists actors, shows one with its cases, and hands out case, group and actor dossiers as PDFs', async () => {
    const s = await dashboardApp();
    cleanups.push(async () => {
      await s.dash.close();
      await s.app.close();
    });
    const { app, clock, base } = s;
    app.monitor.handle({
      kind: 'message', dedupeKey: 'm1', at: clock.now() + 60_000, chat: CAMPAIGN_TG, messageId: '501',
      sender: { platform: 'telegram', id: '7001', name: EVIL_ACTOR }, text: 'Ayo coblos nomor 2 di Pilgub Sumsel! @budi_s',
      mentions: [{ platform: 'telegram', username: 'budi_s' }],
    });
    const cookie = await signIn(await linkFromBot(app));
    const get = async (p: string) => {
      const r = await fetch(base + p, { headers: { cookie } });
      return { status: r.status, body: await r.text() };
    };

    const list = await get('/pelaku');
    expect(list.status).toBe(200);
    expect(list.body).toContain('aria-current="page">Pelaku<');
    expect(list.body).toContain('href="/pelaku/tg%3A7001"');
    expect(list.body).toContain('Andi &lt;img src=x onerror=alert(1)&gt;');
    expect(list.body).not.toContain('<img src=x');
    const one = await get('/pelaku/tg%3A7001');
    expect(one.status).toBe(200);
    expect(one.body).toContain('href="/kasus/1"');
    expect(one.body).toContain('name="pelaku" value="tg:7001"');
    expect((await get('/pelaku/tg%3A4242')).status).toBe(404);
    expect((await get('/kasus/1')).body).toMatch(/action="\/berkas"[\s\S]*name="lingkup" value="kasus"[\s\S]*name="id" value="1"/);
    expect((await get('/grup')).body).toContain(`name="chat" value="${CAMPAIGN_TG.id}"`);

    const csrf = /name="_csrf" value="([^"]+)"/.exec(list.body)![1]!;
    const post = (form: Record<string, string>) =>
      fetch(`${base}/berkas`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    const pdfOf = async (form: Record<string, string>) => {
      const r = await post({ _csrf: csrf, ...form });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      return { name: r.headers.get('content-disposition'), text: pdfText(Buffer.from(await r.arrayBuffer())) };
    };
    const byCase = await pdfOf({ lingkup: 'kasus', id: '1' });
    expect(byCase.name).toBe('attachment; filename="dossier-kasus-1.pdf"');
    for (const part of ['Andi', ASN.budi.nip, 'Relawan Paslon 2 Pilgub Sumsel', 'Pasal 70']) expect(byCase.text).toContain(part);
    expect(byCase.text).not.toContain(ASN.budi.phone);
    expect((await pdfOf({ lingkup: 'kasus', id: '1', telepon: '1' })).text).toContain(ASN.budi.phone);
    expect((await pdfOf({ lingkup: 'grup', platform: 'telegram', chat: CAMPAIGN_TG.id })).text).toMatch(/grup "Relawan Paslon 2\s+Pilgub Sumsel"/);
    expect((await pdfOf({ lingkup: 'pelaku', pelaku: 'tg:7001' })).text).toMatch(/pelaku Andi/);

    expect((await post({ lingkup: 'kasus', id: '1' })).status).toBe(403);
    expect((await post({ _csrf: csrf, lingkup: 'kasus', id: '99' })).status).toBe(404);
    expect((await post({ _csrf: csrf, lingkup: 'rahasia' })).status).toBe(404);
    const audited = app.db.prepare(`SELECT actor, args, substr(result, 1, 13) AS result FROM audit WHERE action = 'dossier' ORDER BY id`).all();
    expect(audited).toEqual([
      { actor: 'web:tg:9001', args: 'case 1', result: 'ok {"sha256":' },
      { actor: 'web:tg:9001', args: 'case 1 +phone', result: 'ok {"sha256":' },
      { actor: 'web:tg:9001', args: `group telegram:${CAMPAIGN_TG.id}`, result: 'ok {"sha256":' },
      { actor: 'web:tg:9001', args: 'actor tg:7001', result: 'ok {"sha256":' },
      { actor: 'web:tg:9001', args: 'case 99', result: 'not_found' },
    ]);
  });
});
