/**
 * Outages. Baileys ends a connection with `connection.update` `{ connection: 'close', lastDisconnect:
 * { error } }`, the error a Boom whose `output.statusCode` is a DisconnectReason
 * (node_modules/@whiskeysockets/baileys/lib/Types/index.js; raised in lib/Socket/socket.js: stream
 * errors, `CB:failure`, websocket close). The fake socket closes the same way (`end(err)`), and its
 * `sendMessage` throws Boom 428 "Connection Closed" once closed, as sendRawMessage does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import { health } from '../../../src/app/health.js';
import { disconnectError, FakeWASocket, fakeSocketFactory } from '../../../src/platforms/sim/whatsapp-socket.js';
import { MAX_BAD_SESSION_CLOSES, NOT_LINKED_STATUS, WhatsAppAdapter, type WhatsAppAdapterOptions } from '../../../src/platforms/whatsapp/adapter.js';
import { hasWhatsAppSession } from '../../../src/platforms/whatsapp/auth-state.js';
import { ADMIN_WA, ASN1_PN, fakeClock, makeApp, outboxRows, startBot, type Clock } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const linked = (app: App) => app.db.prepare(`INSERT OR REPLACE INTO wa_creds (id, value) VALUES ('creds', '{"me":{"id":"6281100000000@s.whatsapp.net"}}')`).run();
const statusNotices = (app: App) => app.db.prepare(`SELECT platform, recipient, text FROM outbox WHERE kind = 'wa_status'`).all() as { platform: string; recipient: string; text: string }[];

async function bot(socks: FakeWASocket[], clock: Clock = fakeClock(), extra: Record<string, string> = {}, adapter: Partial<WhatsAppAdapterOptions> = {}) {
  const app = makeApp(clock, extra);
  linked(app);
  const factory = fakeSocketFactory(...socks);
  const b = await startBot(clock, { app, socks, adapter: { socketFactory: factory, ...adapter } });
  running.push(b.wa);
  return { ...b, clock, factory };
}

/** Lets the reconnect timer (10 ms in tests) fire and the new socket's events run. */
async function settle(wa: WhatsAppAdapter) {
  await wa.idle();
  await sleep(40);
  await wa.idle();
}

describe('WhatsApp disconnect reasons', () => {
  it('a real logout (device removed on the phone, 401) stops WhatsApp, wipes the session, tells Humas; /status and health say so', async () => {
    const fake = new FakeWASocket();
    const { app, wa, factory } = await bot([fake]);
    fake.end(disconnectError(401, 'Stream Errored (conflict)', { tag: 'conflict', attrs: { type: 'device_removed' } }));
    await settle(wa);
    expect(factory.inits).toHaveLength(1); // no reconnect
    expect(wa.socket).toBeUndefined();
    expect(hasWhatsAppSession(app.db)).toBe(false);
    expect(app.platformStatus.whatsapp).toMatch(/logged out.*wa-login/);
    expect(health(app, 0)).toMatchObject({ health: 'degraded', down: { whatsapp: expect.stringMatching(/logged out/) } });
    const status = await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/status' });
    // /status speaks the office's language (core/messages/platform-status.ts); the health line keeps the recorded state.
    expect(status!.text).toMatch(/whatsapp: berhenti: keluar dari WhatsApp; tautkan ulang dengan `npx jaga-netral wa-login`/);
    expect(statusNotices(app)).toEqual([expect.objectContaining({ platform: 'telegram', recipient: '9001', text: expect.stringMatching(/wa-login/) })]);
    // Someone must re-link: the notice goes with the alerts, ahead of follow-ups and replies (core/priority.ts).
    expect(app.db.prepare(`SELECT priority FROM outbox WHERE kind = 'wa_status'`).pluck().all()).toEqual([0]);
  });

  it('the first ambiguous 401 keeps the credentials and reconnects; a second 401 before any open connection is a logout', async () => {
    const a = new FakeWASocket();
    const b = new FakeWASocket();
    const c = new FakeWASocket();
    const { app, wa, factory } = await bot([a, b, c]);
    a.end(disconnectError(401, 'Connection Failure', { reason: '401' }));
    await settle(wa);
    expect(hasWhatsAppSession(app.db)).toBe(true);
    expect(wa.socket).toBe(b);
    // It opens: the count starts again, so one more ambiguous 401 still only reconnects.
    b.open();
    await wa.idle();
    b.end(disconnectError(401, 'Connection Failure', { reason: '401' }));
    await settle(wa);
    expect(hasWhatsAppSession(app.db)).toBe(true);
    expect(wa.socket).toBe(c);
    c.end(disconnectError(401, 'Connection Failure', { reason: '401' }));
    await settle(wa);
    expect(factory.inits).toHaveLength(3);
    expect(hasWhatsAppSession(app.db)).toBe(false);
    expect(app.platformDown.whatsapp).toMatch(/logged out/);
  });

  it('banned / forbidden (403) stops without wiping and tells Humas; connection replaced (440) stops instead of fighting the other session', async () => {
    const fake = new FakeWASocket();
    const { app, wa, factory } = await bot([fake]);
    fake.end(disconnectError(403, 'Connection Failure', { reason: '403' }));
    await settle(wa);
    expect(factory.inits).toHaveLength(1);
    expect(hasWhatsAppSession(app.db)).toBe(true);
    expect(app.platformStatus.whatsapp).toMatch(/banned or forbidden \(403\)/);
    expect(statusNotices(app)[0]!.text).toMatch(/diblokir atau dilarang/);
    expect(health(app, 0).health).toBe('degraded');

    const other = new FakeWASocket();
    const r = await bot([other]);
    other.end(disconnectError(440, 'Stream Errored (conflict)', { tag: 'conflict', attrs: { type: 'replaced' } }));
    await settle(r.wa);
    expect(r.factory.inits).toHaveLength(1);
    expect(hasWhatsAppSession(r.app.db)).toBe(true);
    expect(r.app.platformStatus.whatsapp).toMatch(/another session took over \(440\)/);
    expect(statusNotices(r.app)[0]!.text).toMatch(/diambil alih oleh sesi lain/);
  });

  it('bad session (500): a bounded number of reconnects, then WhatsApp stops and Humas is told to re-link (issue 16, point 9)', async () => {
    const socks = Array.from({ length: MAX_BAD_SESSION_CLOSES + 2 }, () => new FakeWASocket());
    const { app, wa, factory } = await bot(socks);
    for (let i = 0; i <= MAX_BAD_SESSION_CLOSES; i++) {
      // The backoff (10 ms doubling in tests) builds the next socket; wait for it without assuming how long it takes.
      while (factory.inits.length < i + 1) await sleep(10);
      await wa.idle();
      socks[i]!.end(disconnectError(500, 'Stream Errored (bad-session)'));
      await settle(wa);
    }
    await sleep(400); // longer than the next backoff would be: no further socket is built
    expect(factory.inits).toHaveLength(MAX_BAD_SESSION_CLOSES + 1);
    expect(app.platformStatus.whatsapp).toMatch(/bad session \(500\)/);
    expect(hasWhatsAppSession(app.db)).toBe(true); // kept: a person decides
    const notices = statusNotices(app);
    expect(notices.map((n) => n.recipient)).toEqual(['9001']);
    expect(notices[0]!.text).toMatch(/Sesi WhatsApp bot rusak \(500\).*wa-login/s);
    expect(health(app, 0).health).toBe('degraded');
  });

  it('client outdated (405) fetches the current WhatsApp Web version and reconnects with it; with WA_VERSION pinned it stops instead', async () => {
    const a = new FakeWASocket();
    const b = new FakeWASocket();
    const asked: number[] = [];
    const fetchVersion = async () => {
      asked.push(1);
      return { version: [2, 3000, 1029000000] as [number, number, number], isLatest: true };
    };
    const { app, wa, factory } = await bot([a, b], fakeClock(), {}, { fetchVersion });
    expect(factory.inits[0]!.version).toBeUndefined();
    a.end(disconnectError(405, 'Connection Failure', { reason: '405' }));
    await settle(wa);
    expect(asked).toHaveLength(1);
    expect(factory.inits.map((i) => i.version)).toEqual([undefined, [2, 3000, 1029000000]]);
    expect(wa.socket).toBe(b);
    expect(app.platformDown.whatsapp).toBeUndefined();

    const p = new FakeWASocket();
    const pinned = await bot([p], fakeClock(), { WA_VERSION: '2.3000.1015901307' }, { fetchVersion });
    expect(pinned.factory.inits[0]!.version).toEqual([2, 3000, 1015901307]);
    p.end(disconnectError(405, 'Connection Failure', { reason: '405' }));
    await settle(pinned.wa);
    expect(pinned.factory.inits).toHaveLength(1);
    expect(asked).toHaveLength(1);
    expect(pinned.app.platformStatus.whatsapp).toMatch(/WA_VERSION/);
  });

  it('restart required (515, normal after pairing) reconnects at once; connection lost (408) reconnects with backoff', async () => {
    const a = new FakeWASocket();
    const b = new FakeWASocket();
    const c = new FakeWASocket();
    const { app, wa } = await bot([a, b, c]);
    a.end(disconnectError(515, 'Stream Errored (restart required)'));
    await settle(wa);
    expect(wa.socket).toBe(b);
    b.open();
    await wa.idle();
    b.end(disconnectError(408, 'Connection was lost'));
    await wa.idle();
    expect(app.platformStatus.whatsapp).toBe('reconnecting (408)');
    await settle(wa);
    expect(wa.socket).toBe(c);
    expect(app.platformDown.whatsapp).toBeUndefined();
  });
});

describe('WhatsApp sends only on an open connection', () => {
  it('queues while the connection is down without spending attempts, and sends once it opens', async () => {
    const a = new FakeWASocket();
    const b = new FakeWASocket();
    const { app, wa, clock } = await bot([a, b]);
    a.end(disconnectError(428, 'Connection Terminated'));
    await wa.idle();
    app.monitor.outbox.enqueue({ dedupeKey: 'd1', platform: 'whatsapp', recipient: ADMIN_WA, recipientKind: 'user', kind: 'digest', text: 'Ringkasan' }, clock.now);
    for (let i = 0; i < 30; i++) {
      await app.dispatcher.drainOnce();
      clock.now += 60_000;
    }
    await settle(wa);
    expect(wa.socket).toBe(b); // reconnected, not open yet
    await app.dispatcher.drainOnce();
    expect(a.sent).toEqual([]);
    expect(b.sent).toEqual([]);
    expect(outboxRows(app).find((r) => r.kind === 'digest')).toMatchObject({ status: 'pending', attempts: 0 });
    b.open();
    await wa.idle();
    await app.dispatcher.drainOnce();
    expect(b.sent.map((s) => s.jid)).toEqual([ADMIN_WA]);
    expect(outboxRows(app).find((r) => r.kind === 'digest')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a send that meets a socket closing under it (Boom 428 "Connection Closed") goes back to the queue at no cost', async () => {
    const fake = new FakeWASocket();
    const { app, wa, clock } = await bot([fake]);
    app.monitor.outbox.enqueue({ dedupeKey: 'd2', platform: 'whatsapp', recipient: ADMIN_WA, recipientKind: 'user', kind: 'digest', text: 'Ringkasan' }, clock.now);
    fake.failNext(1, 'network');
    await app.dispatcher.drainOnce();
    expect(outboxRows(app).find((r) => r.kind === 'digest')).toMatchObject({ status: 'pending', attempts: 0 });
    clock.now += 10_000;
    await app.dispatcher.drainOnce();
    expect(outboxRows(app).find((r) => r.kind === 'digest')).toMatchObject({ status: 'sent', attempts: 1 });
    void wa;
  });
});

describe('WhatsApp enabled without a linked session', () => {
  it('does not connect; the log, /status and the health line say to run wa-login; Telegram is unaffected', async () => {
    const clock = fakeClock();
    const app = makeApp(clock);
    const lines: string[] = [];
    (app as { log: unknown }).log = { error: (m: unknown) => lines.push(String(m)), warn: () => {}, info: () => {}, debug: () => {}, child: () => app.log };
    const factory = fakeSocketFactory(new FakeWASocket());
    const wa = new WhatsAppAdapter({ app, socketFactory: factory });
    wa.start();
    running.push(wa);
    expect(factory.inits).toHaveLength(0);
    expect(app.platformStatus.whatsapp).toBe(NOT_LINKED_STATUS);
    expect(lines.join('\n')).toMatch(/run `npx jaga-netral wa-login/);
    expect(health(app, 0)).toMatchObject({ health: 'degraded' });
    const status = await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/status' });
    expect(status!.text).toMatch(/whatsapp: belum ditautkan: jalankan `npx jaga-netral wa-login` dahulu/);
    void ASN1_PN;
  });
});
