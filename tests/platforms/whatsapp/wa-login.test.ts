/**
 * An abandoned pairing leaves nothing behind. Baileys emits `creds.update` and writes signal keys
 * (`keys.set`) during the handshake and pairing, before the link completes (`Socket/socket.js`,
 * `Utils/validate-connection.js` configureSuccessfulPairing, then a 515 restart and `connection:
 * 'open'`); `wa-login` keeps all of it in memory and stores it only once the connection opens.
 */
import { describe, expect, it } from 'vitest';
import type { AuthenticationCreds } from '@whiskeysockets/baileys';
import { silentLogger } from '../../../src/app/log.js';
import { disconnectError, FakeWASocket, fakeSocketFactory } from '../../../src/platforms/sim/whatsapp-socket.js';
import { hasWhatsAppSession, useSqliteAuthState } from '../../../src/platforms/whatsapp/auth-state.js';
import { waLogin } from '../../../src/platforms/whatsapp/connection.js';
import { openDb } from '../../../src/store/db.js';
import { BOT_PN } from '../../fixtures/whatsapp/setup.js';

const count = (db: ReturnType<typeof openDb>, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('wa-login keeps credentials in memory until the link completes', () => {
  it('an interrupted pairing (creds.update and keys written, never opened) stores nothing', async () => {
    const db = openDb(':memory:');
    const fake = new FakeWASocket();
    const factory = fakeSocketFactory(fake);
    const p = waLogin({ phone: '6281100000000', db, log: silentLogger(), print: () => {}, socketFactory: factory, timeoutMs: 1500 });
    // Its rejection is observed at once: on a loaded machine the time-out may fire before the expect below is reached.
    const outcome = p.then(() => 'opened', (e: unknown) => String(e));
    fake.emit('connection.update', { qr: 'QR-REF' });
    await new Promise((r) => setTimeout(r, 5));
    // Mid-pairing: Baileys updates the creds and stores keys through the auth state it was given.
    const auth = factory.inits[0]!.auth;
    Object.assign(auth.creds, { me: { id: BOT_PN }, pairingCode: 'JAGA1234' } as Partial<AuthenticationCreds>);
    await auth.keys.set({ 'pre-key': { '1': { public: Buffer.from([1]), private: Buffer.from([2]) } } });
    fake.emit('creds.update', { me: { id: BOT_PN } } as Partial<AuthenticationCreds>);
    await new Promise((r) => setTimeout(r, 5));
    expect((await auth.keys.get('pre-key', ['1']))['1']).toBeDefined(); // usable in memory meanwhile
    expect(await outcome).toMatch(/timed out/);
    expect(count(db, 'wa_creds')).toBe(0);
    expect(count(db, 'wa_keys')).toBe(0);
    expect(hasWhatsAppSession(db)).toBe(false);
    db.close();
  });

  it('a completed link stores the creds and the keys written during pairing', async () => {
    const db = openDb(':memory:');
    const fake = new FakeWASocket();
    const factory = fakeSocketFactory(fake);
    const p = waLogin({ phone: '6281100000000', db, log: silentLogger(), print: () => {}, socketFactory: factory });
    fake.emit('connection.update', { qr: 'QR-REF' });
    await new Promise((r) => setTimeout(r, 5));
    const auth = factory.inits[0]!.auth;
    Object.assign(auth.creds, { me: { id: BOT_PN } } as Partial<AuthenticationCreds>);
    await auth.keys.set({ 'pre-key': { '1': { public: Buffer.from([1]), private: Buffer.from([2]) } } });
    fake.emit('creds.update', { me: { id: BOT_PN } } as Partial<AuthenticationCreds>);
    await new Promise((r) => setTimeout(r, 5));
    expect(count(db, 'wa_creds')).toBe(0);
    fake.open();
    await expect(p).resolves.toEqual({ jid: BOT_PN });
    expect(hasWhatsAppSession(db)).toBe(true);
    const stored = await useSqliteAuthState(db).state.keys.get('pre-key', ['1']);
    expect(Buffer.from(stored['1']!.private)).toEqual(Buffer.from([2]));
    db.close();
  });

  it('a deferred auth state answers deletes from memory too', async () => {
    const db = openDb(':memory:');
    const direct = useSqliteAuthState(db);
    await direct.state.keys.set({ session: { a: new Uint8Array([1]) } });
    const deferred = useSqliteAuthState(db, { deferWrites: true });
    await deferred.state.keys.set({ session: { a: null } });
    expect(await deferred.state.keys.get('session', ['a'])).toEqual({});
    expect(count(db, 'wa_keys')).toBe(1);
    deferred.commit();
    expect(count(db, 'wa_keys')).toBe(0);
    db.close();
  });

  it('a connection that keeps closing (408) ends wa-login with the reason in words, in Indonesian, storing nothing', { timeout: 60_000 }, async () => {
    // Baileys closes with lastDisconnect.error as a Boom carrying output.statusCode (lib/Socket/socket.js, `end`);
    // 408 is DisconnectReason.timedOut. wa-login retries 5 times, 2 s apart, then gives up.
    const db = openDb(':memory:');
    const fake = new FakeWASocket();
    const factory = fakeSocketFactory(fake);
    const lines: string[] = [];
    const p = waLogin({ db, log: silentLogger(), print: (l) => lines.push(l), socketFactory: factory, lang: 'id' });
    const failed = p.catch((e: Error) => e);
    for (let i = 0; i < 6; i++) {
      while (factory.inits.length < i + 1) await new Promise((r) => setTimeout(r, 20));
      fake.end(disconnectError(408, 'Connection was lost'));
    }
    const err = await failed;
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('koneksi WhatsApp terus terputus (waktu habis, kode 408); periksa koneksi internet server, lalu jalankan wa-login lagi.');
    expect(hasWhatsAppSession(db)).toBe(false);
    db.close();
  });
});

/**
 * Issue 16, point 2: a 405 at registration means WhatsApp no longer accepts the WhatsApp Web version
 * (DisconnectReason 405, `Types/index.js`; the socket announces `config.version`, `Socket/socket.js`).
 * wa-login does what `start` does: WA_VERSION when set, else fetch the current version
 * (`fetchLatestBaileysVersion`, `Utils/generics.js`) and retry with it; and says what to do when it still fails.
 */
describe('wa-login and a stale WhatsApp Web version (405)', () => {
  const closed405 = (fake: FakeWASocket) => fake.end(disconnectError(405, 'Connection Failure'));
  const tick = () => new Promise((r) => setTimeout(r, 5));
  /** Waits (no timing assumption) until wa-login has built `n` sockets. */
  const built = async (factory: { inits: unknown[] }, n: number) => {
    while (factory.inits.length < n) await tick();
  };

  it('fetches the current version after a 405 and links with it', async () => {
    const db = openDb(':memory:');
    const a = new FakeWASocket();
    const b = new FakeWASocket();
    const factory = fakeSocketFactory(a, b);
    const lines: string[] = [];
    const fetched: number[] = [];
    const p = waLogin({
      phone: '6281100000000', db, log: silentLogger(), print: (s) => lines.push(s), socketFactory: factory,
      fetchVersion: async () => (fetched.push(1), { version: [2, 3000, 1029999999], isLatest: true }),
    });
    expect(factory.inits[0]!.version).toBeUndefined();
    closed405(a);
    await built(factory, 2);
    expect(fetched).toEqual([1]);
    expect(factory.inits[1]!.version).toEqual([2, 3000, 1029999999]);
    expect(lines.join('\n')).toMatch(/405/);
    b.emit('connection.update', { qr: 'QR-REF' });
    await tick();
    expect(b.pairingRequests).toEqual(['6281100000000']);
    Object.assign(factory.inits[1]!.auth.creds, { me: { id: BOT_PN } } as Partial<AuthenticationCreds>);
    b.open();
    await expect(p).resolves.toEqual({ jid: BOT_PN });
    db.close();
  });

  it('uses WA_VERSION, and when WhatsApp refuses it says to clear or update it', async () => {
    const db = openDb(':memory:');
    const a = new FakeWASocket();
    const factory = fakeSocketFactory(a);
    const p = waLogin({ phone: '6281100000000', db, log: silentLogger(), print: () => {}, socketFactory: factory, version: [2, 2400, 1], fetchVersion: async () => { throw new Error('must not fetch'); } });
    expect(factory.inits[0]!.version).toEqual([2, 2400, 1]);
    closed405(a);
    await expect(p).rejects.toThrow(/version 2\.2400\.1 \(405 client outdated\)\. WA_VERSION is set in \.env: clear it/);
    expect(factory.inits).toHaveLength(1);
    db.close();
  });

  it('gives up after a few 405s with the fetched version too, saying what to do', async () => {
    const db = openDb(':memory:');
    const socks = [new FakeWASocket(), new FakeWASocket(), new FakeWASocket()];
    const factory = fakeSocketFactory(...socks);
    const p = waLogin({ phone: '6281100000000', db, log: silentLogger(), print: () => {}, socketFactory: factory, fetchVersion: async () => ({ version: [2, 3000, 7] }) });
    const settled = p.catch((e: unknown) => e);
    for (const [i, s] of socks.entries()) {
      await built(factory, i + 1);
      closed405(s);
    }
    await settled;
    await expect(p).rejects.toThrow(/keeps refusing the client version \(405 client outdated, last tried 2\.3000\.7\)\. Set WA_VERSION in \.env .* or update @whiskeysockets\/baileys/);
    expect(factory.inits.map((i) => i.version)).toEqual([undefined, [2, 3000, 7], [2, 3000, 7]]);
    db.close();
  });
});
