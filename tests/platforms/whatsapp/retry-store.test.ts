/**
 * Retry requests for messages we sent. Follows `node_modules/@whiskeysockets/baileys/lib/Socket/
 * messages-recv.js` (sendMessagesAgain asks the config's `getMessage(key)` for the content to
 * re-encrypt; without it a recipient who could not decrypt never gets the message) and
 * `lib/Types/Socket.d.ts` (`msgRetryCounterCache?: CacheStore`, and `getMessage`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeWASocket } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { MemoryCacheStore, rememberSent, SENT_MESSAGE_KEEP_MS, sentMessageGetter } from '../../../src/platforms/whatsapp/retry-store.js';
import { ASN1_PN, fakeClock, GROUP, makeApp, startBot } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

describe('getMessage backed by SQLite', () => {
  it('a message the bot sent can be read back by its id through the socket’s getMessage', async () => {
    const clock = fakeClock();
    const { fake, wa } = await startBot(clock);
    running.push(wa);
    const r = await wa.messenger.send({ platform: 'whatsapp', recipient: ASN1_PN, recipientKind: 'user', kind: 'test', text: 'Halo, ini pengingat', payload: {} });
    expect(r.ok).toBe(true);
    const sent = fake.sent.at(-1)!;
    const getMessage = fake.init!.getMessage!;
    const m = await getMessage({ remoteJid: ASN1_PN, fromMe: true, id: sent.id });
    expect(m?.extendedTextMessage?.text).toBe('Halo, ini pengingat');
    expect(await getMessage({ remoteJid: ASN1_PN, fromMe: true, id: 'UNKNOWN' })).toBeUndefined();
  });

  it('prunes messages older than a few days', () => {
    const clock = fakeClock();
    const app = makeApp(clock);
    rememberSent(app.db, { key: { remoteJid: GROUP, id: 'OLD' }, message: { conversation: 'lama' } }, clock.now);
    clock.now += SENT_MESSAGE_KEEP_MS + 1;
    rememberSent(app.db, { key: { remoteJid: GROUP, id: 'NEW' }, message: { conversation: 'baru' } }, clock.now);
    const get = sentMessageGetter(app.db);
    return Promise.all([get({ id: 'OLD' }), get({ id: 'NEW' })]).then(([o, n]) => {
      expect(o).toBeUndefined();
      expect(n?.conversation).toBe('baru');
    });
  });
});

describe('msgRetryCounterCache', () => {
  it('is one store for the adapter’s lifetime: a count set before a reconnect is still there after', async () => {
    const clock = fakeClock();
    const a = new FakeWASocket({ now: clock });
    const b = new FakeWASocket({ now: clock });
    const { wa } = await startBot(clock, { socks: [a, b], adapter: { reconnectBaseMs: 1 } });
    running.push(wa);
    a.init!.msgRetryCounterCache!.set('MSG1', 2);
    a.end(Object.assign(new Error('Connection Lost'), { output: { statusCode: 408 } }));
    await wa.idle();
    await new Promise((r) => setTimeout(r, 50));
    expect(b.init).toBeDefined();
    expect(b.init!.msgRetryCounterCache).toBe(a.init!.msgRetryCounterCache);
    expect(b.init!.msgRetryCounterCache!.get('MSG1')).toBe(2);
  });

  it('MemoryCacheStore drops entries after its TTL and flushes', () => {
    const clock = fakeClock();
    const c = new MemoryCacheStore(clock, 1000);
    c.set('k', 1);
    expect(c.get('k')).toBe(1);
    clock.now += 1001;
    expect(c.get('k')).toBeUndefined();
    c.set('k', 2);
    c.flushAll();
    expect(c.get('k')).toBeUndefined();
  });
});
