/**
 * `/verifikasi` (the public receipt check) over loopback HTTP: each client address may check VERIFY_RATE_PER_MINUTE
 * times a minute, then gets 429 with a page that says so; the refusals are not written one row per request but
 * counted per address and 10 minutes, as refused logins are (store/login-refusals.ts), and summed up in one audit row
 * (`verify_refused`). The 60-bit code makes guessing pointless; what is at stake is load: each check hashes and
 * reads the database. The limit is @fastify/rate-limit's, per route, keyed by req.ip (node_modules/@fastify/rate-limit/index.js).
 */
import { describe, expect, it } from 'vitest';
import { runRetentionJob } from '../../src/app/scheduler.js';
import { auditResultText } from '../../src/core/messages/audit-result.js';
import { REFUSAL_WINDOW_MS } from '../../src/store/login-refusals.js';
import { LOGIN_RATE_PER_MINUTE, VERIFY_RATE_PER_MINUTE } from '../../src/web/server.js';
import { dashboardsClosedAfterEach } from './support.js';

const { started } = dashboardsClosedAfterEach();

const check = async (base: string, i: number, headers: Record<string, string> = {}) => {
  const r = await fetch(`${base}/verifikasi?nomor=JN-2024-${String(100000 + i)}&kode=ABCD-EFGH-JKLM`, { headers });
  return { status: r.status, body: await r.text() };
};

describe('/verifikasi is limited per client', () => {
  it('checks beyond the limit get 429 and a clear page; one audit summary per client and 10 minutes; logins keep their own budget', async () => {
    const s = await started();
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < VERIFY_RATE_PER_MINUTE + 30; i++) {
      const r = await check(s.base, i);
      statuses.push(r.status);
      last = r.body;
    }
    expect(statuses).toEqual([...Array(VERIFY_RATE_PER_MINUTE).fill(200), ...Array(30).fill(429)]);
    expect(last).toContain('Terlalu banyak pemeriksaan tanda terima dari alamat ini. Tunggu satu menit, lalu coba lagi.');
    expect(last).not.toMatch(/masuk/i);
    // The login link is another budget: a flood of checks locks no admin out.
    const login = await fetch(`${s.base}/masuk?t=${'x'.repeat(30)}`, { redirect: 'manual' });
    await login.arrayBuffer();
    expect(login.status).toBe(401);
    expect(LOGIN_RATE_PER_MINUTE).toBeGreaterThan(1);
    // Nothing is written per request; the summary comes when the window has ended (the nightly job, or the audit page).
    const rows = () => s.app.db.prepare(`SELECT actor, action, args, allowed, result FROM audit WHERE action = 'receipt check'`).all() as { actor: string; args: string; allowed: number; result: string }[];
    expect(rows()).toEqual([]);
    s.clock.advance(REFUSAL_WINDOW_MS);
    runRetentionJob(s.app, s.clock.now());
    expect(rows()).toEqual([{ actor: 'web:?', action: 'receipt check', args: expect.stringMatching(/127\.0\.0\.1$/), allowed: 0, result: 'verify_refused {"count":30,"reasons":{"rate":30}}' }]);
    expect(auditResultText(rows()[0]!.result, 'id')).toBe('ditolak 30 kali dalam 10 menit: melebihi batas percobaan 30');
    // The one refused login is its own summary, under its own action.
    expect(s.app.db.prepare(`SELECT result FROM audit WHERE action = 'dashboard login'`).pluck().all()).toEqual(['login_refused {"count":1,"reasons":{"unknown":1}}']);
  }, 60_000);

  it('HEAD and GET share one budget (a HEAD runs the same check): 20 HEADs leave no GET', async () => {
    // Before: fastify's automatic HEAD route had a rate-limit budget of its own, so a client had 20 + 20 checks a minute.
    const s = await started();
    const heads: number[] = [];
    for (let i = 0; i < VERIFY_RATE_PER_MINUTE; i++) heads.push((await fetch(`${s.base}/verifikasi?nomor=JN-2024-10000${i % 10}&kode=ABCD-EFGH-JKLM`, { method: 'HEAD' })).status);
    expect(heads).toEqual(Array(VERIFY_RATE_PER_MINUTE).fill(200));
    expect((await check(s.base, 0)).status).toBe(429);
    expect((await fetch(`${s.base}/verifikasi`, { method: 'HEAD' })).status).toBe(429);
  }, 60_000);

  it('behind a trusted proxy each forwarded client has its own budget', async () => {
    const s = await started({ DASHBOARD_TRUST_PROXY: '127.0.0.1, ::1' });
    const a: number[] = [];
    for (let i = 0; i <= VERIFY_RATE_PER_MINUTE; i++) a.push((await check(s.base, i, { 'x-forwarded-for': '198.51.100.7' })).status);
    expect(a.at(-1)).toBe(429);
    expect((await check(s.base, 0, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(200);
  }, 60_000);
});
