/**
 * The dashboard over real HTTP (fetch against the listening fastify server):
 * login links, sessions, refusals without a session, CSRF, escaping, headers.
 */
import { flushLoginRefusals, REFUSAL_WINDOW_MS } from '../../src/store/login-refusals.js';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import { permissionProblems, permissionStatusLines, PRIVACY_KEY } from '../../src/app/permissions.js';
import { kvSet } from '../../src/store/kv.js';
import { escapeHtml } from '../../src/web/html.js';
import { startDashboard } from '../../src/web/server.js';
import { ASN, CAMPAIGN_TG } from '../support/app.js';
import { dashboardApp, dashboardsClosedAfterEach, EVIL_NAME, EVIL_TITLE, linkFromBot } from './support.js';

const { started, cleanups } = dashboardsClosedAfterEach();

/** Opens a login link (a page with a button, no cookie) and presses the button; the session cookie (name=value) it set. */
async function login(link: string): Promise<string> {
  const opened = await fetch(link, { redirect: 'manual' });
  expect(opened.status).toBe(200);
  expect(opened.headers.get('set-cookie')).toBeNull();
  const token = /<input type="hidden" name="t" value="([\w-]+)">/.exec(await opened.text())![1]!;
  const r = await fetch(new URL('/masuk', link), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `t=${token}` });
  expect(r.status).toBe(303);
  expect(r.headers.get('location')).toBe('/');
  const set = r.headers.get('set-cookie') ?? '';
  expect(set).toMatch(/HttpOnly/i);
  expect(set).toMatch(/SameSite=Strict/i);
  expect(set).toMatch(/Max-Age=28800/);
  return set.split(';')[0]!;
}

const PRIVATE = [ASN.budi.nama, ASN.budi.nip, ASN.sari.nip, ASN.budi.phone, CAMPAIGN_TG.title!, 'Sari', 'Dinas Pendidikan'];

describe('dashboard over HTTP', () => {
  it('every page and API route without a session answers 401 with a login notice and no names, NIPs or titles', async () => {
    const { base, app } = await started();
    const paths = ['/', '/kasus', '/kasus/1', '/grup', '/asn', '/audit', '/laporan', '/laporan/unduh?format=csv', '/api/ringkasan', '/api/kasus', '/api/audit', '/tidak-ada', '/?periode=semua'];
    for (const p of paths) {
      for (const cookie of [undefined, 'jn_sesi=bogus-token-bogus-token-bogus', 'jn_sesi=']) {
        const r = await fetch(base + p, { headers: cookie ? { cookie } : {} });
        expect(r.status, `${p} ${cookie}`).toBe(401);
        const body = await r.text();
        for (const secret of PRIVATE) expect(body, `${p} leaks ${secret}`).not.toContain(secret);
        if (p.startsWith('/api/')) expect(JSON.parse(body)).toEqual({ error: 'login required' });
        else expect(body).toMatch(/\/dasbor/);
      }
    }
    // A form post without a session changes nothing.
    const post = await fetch(`${base}/kasus/1/kecualikan`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'alasan=x&_csrf=x' });
    expect(post.status).toBe(401);
    expect(app.monitor.incidents.get(1)!.status).toBe('open');
  });

  it('a /dasbor link logs in once; the second time, or after 10 minutes, it shows only a clear refusal', async () => {
    const { app, clock } = await started();
    const link = await linkFromBot(app);
    const cookie = await login(link);
    const home = await fetch(link.replace(/\/masuk.*/, '/'), { headers: { cookie } });
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain(ASN.budi.nama);
    expect(html).toContain('tg:9001');

    const again = await fetch(link, { redirect: 'manual' });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    const text = await again.text();
    expect(text).toMatch(/sudah pernah dipakai/);
    for (const secret of PRIVATE) expect(text).not.toContain(secret);

    const late = await linkFromBot(app);
    clock.advance(10 * 60_000 + 1);
    const expired = await fetch(late, { redirect: 'manual' });
    expect(expired.status).toBe(401);
    expect(await expired.text()).toMatch(/kedaluwarsa/);

    // Refused links are counted per client and 10 minutes, and audited as one summary when the window ends.
    clock.advance(REFUSAL_WINDOW_MS);
    flushLoginRefusals(app.db, clock.now());
    const audit = app.db.prepare(`SELECT actor, action, allowed, result FROM audit WHERE action = 'dashboard login' ORDER BY id`).all();
    expect(audit).toEqual([
      { actor: 'web:tg:9001', action: 'dashboard login', allowed: 1, result: 'ok' },
      { actor: 'web:?', action: 'dashboard login', allowed: 0, result: 'login_refused {"count":1,"reasons":{"used":1}}' },
      { actor: 'web:?', action: 'dashboard login', allowed: 0, result: 'login_refused {"count":1,"reasons":{"expired":1}}' },
    ]);
    // Only hashes are stored.
    const token = new URL(link).searchParams.get('t')!;
    const dump = JSON.stringify(app.db.prepare(`SELECT * FROM dashboard_links`).all()) + JSON.stringify(app.db.prepare(`SELECT * FROM dashboard_sessions`).all());
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(cookie.split('=')[1]!);
  });

  it('a session expires after 8 hours, and logging out ends it', async () => {
    const { app, clock, base } = await started();
    const cookie = await login(await linkFromBot(app));
    clock.advance(8 * 3_600_000 - 1000);
    expect((await fetch(`${base}/kasus`, { headers: { cookie } })).status).toBe(200);
    clock.advance(2000);
    expect((await fetch(`${base}/kasus`, { headers: { cookie } })).status).toBe(401);

    const c2 = await login(await linkFromBot(app));
    const page = await (await fetch(`${base}/`, { headers: { cookie: c2 } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const out = await fetch(`${base}/keluar`, { method: 'POST', headers: { cookie: c2, 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${csrf}` });
    expect(out.status).toBe(200);
    expect((await fetch(`${base}/`, { headers: { cookie: c2 } })).status).toBe(401);
  });

  it('removing an admin from HUMAS_ADMINS ends their sessions and voids their links', async () => {
    const { app, dash } = await dashboardApp();
    const cookie = await login(await linkFromBot(app));
    const unused = await linkFromBot(app);
    expect((await fetch(`${dash.url}/`, { headers: { cookie } })).status).toBe(200);
    await dash.close();
    // The same database, restarted with tg:9001 removed.
    const config = loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: ':memory:', HUMAS_ADMINS: 'wa:6281111111111', DASHBOARD_PORT: String(app.config.DASHBOARD_PORT) } });
    const app2 = new App({ config, db: app.db, clock: app.clock });
    // A new port: the old server's keep-alive sockets must not be reused by fetch.
    const dash2 = await startDashboard(app2, { port: 0 });
    cleanups.push(async () => {
      await dash2.close();
      await app2.close();
    });
    expect((await fetch(`${dash2.url}/`, { headers: { cookie } })).status).toBe(401);
    const r = await fetch(unused.replace(/^http:\/\/[^/]+/, dash2.url), { redirect: 'manual' });
    expect(r.status).toBe(401);
    expect(await r.text()).toMatch(/tidak lagi terdaftar/);
    expect(app.db.prepare(`SELECT end_reason FROM dashboard_sessions`).pluck().all()).toEqual(['admin removed from HUMAS_ADMINS']);
  });

  it('posts without the CSRF token are refused and change nothing', async () => {
    const { app, base } = await started();
    const cookie = await login(await linkFromBot(app));
    for (const body of ['alasan=keluarga', 'alasan=keluarga&_csrf=wrong']) {
      const r = await fetch(`${base}/kasus/1/kecualikan`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect(r.status).toBe(403);
    }
    expect(app.monitor.incidents.get(1)!.status).toBe('open');
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit WHERE action = 'cases exempt'`).pluck().get()).toBe(0);
  });

  it('escapes attacker-controlled names and titles, and sends a CSP without inline scripts', async () => {
    const { app, base } = await started();
    const cookie = await login(await linkFromBot(app));
    for (const p of ['/', '/kasus', '/kasus/2', '/grup']) {
      const r = await fetch(base + p, { headers: { cookie } });
      expect(r.status).toBe(200);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      const body = await r.text();
      expect(body).not.toContain('<script');
      expect(body).not.toContain('<img src=x');
      expect(body).toContain(p === '/grup' ? 'Relawan Paslon 2 &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;' : 'Sari &lt;img src=x onerror=alert(1)&gt;');
    }
    void EVIL_NAME;
    void EVIL_TITLE;
  });

  it('the health panel shows what /status shows: Telegram privacy mode and the queue', async () => {
    const { app, base } = await started();
    kvSet(app.db, PRIVACY_KEY, 'on:JagaNetralBot', app.clock());
    const cookie = await login(await linkFromBot(app));
    const body = await (await fetch(`${base}/`, { headers: { cookie } })).text();
    expect(body).toContain('perlu perhatian');
    for (const line of permissionStatusLines(permissionProblems(app.db, app.monitor.chats), 'id')) expect(body).toContain(escapeHtml(line));
    expect(body).toMatch(/Antrean pesan<\/dt><dd>\d+ menunggu/);
  });
});
