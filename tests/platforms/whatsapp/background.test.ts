/**
 * Bounded background work. Phone -> LID lookups go through `signalRepository.lidMapping.getLIDsForPNs`
 * (node_modules/@whiskeysockets/baileys/lib/Signal/lid-mapping.js, a network query per batch), so
 * they are limited per hour with the count kept in SQLite. `creds.update` is not a bufferable event
 * (lib/Utils/event-buffer.js, BUFFERABLE_EVENT) and arrives on its own: it is saved at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Nip, PhoneE164 } from '../../../src/core/ids.js';
import { FakeWASocket, fakeSocketFactory, textMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { resolveRegisteredLids } from '../../../src/platforms/whatsapp/identities.js';
import { ASN1_LID, ASN1_PN, ASN2_LID, ASN2_PN, fakeClock, makeApp, startBot, TIMSES_LID } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const extra = (i: number) => ({ nip: `19700101199001100${i}` as Nip, nama: `ASN ${i}`, unit: 'Setda', phone: `+62813000000${i}0` as PhoneE164 });

describe('WhatsApp LID lookups', () => {
  it('stay within WA_LID_LOOKUPS_PER_HOUR, keep the count across a restart, and resume the next hour; unknown numbers are not asked again soon', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-wa-lid-'));
    dirs.push(dir);
    const path = join(dir, 'bot.db');
    const clock = fakeClock();
    const fake = new FakeWASocket();
    fake.lidDirectory.set(ASN1_PN, ASN1_LID);
    fake.lidDirectory.set(ASN2_PN, ASN2_LID);
    const app1 = makeApp(clock, { DATABASE_PATH: path, WA_LID_LOOKUPS_PER_HOUR: '3', WA_LID_BATCH_SIZE: '2' });
    app1.registry.upsertMany([1, 2, 3].map(extra), clock.now);
    const r1 = await resolveRegisteredLids(app1, fake, { sleep: async () => {} });
    expect(r1).toMatchObject({ asked: 3, deferred: 2 });
    expect(fake.lidLookups.map((b) => b.length)).toEqual([2, 1]);
    await app1.close();

    // A restart within the same hour: the budget is spent.
    clock.now += 10 * 60_000;
    const app2 = makeApp(clock, { DATABASE_PATH: path, WA_LID_LOOKUPS_PER_HOUR: '3', WA_LID_BATCH_SIZE: '2' }, false);
    const r2 = await resolveRegisteredLids(app2, fake, { sleep: async () => {} });
    expect(r2).toMatchObject({ asked: 0, deferred: 2 });
    expect(fake.lidLookups).toHaveLength(2);
    // Next hour: the rest.
    clock.now = r2.nextWindowAt + 1000;
    const r3 = await resolveRegisteredLids(app2, fake, { sleep: async () => {} });
    expect(r3).toMatchObject({ asked: 2, deferred: 0 });
    const all = fake.lidLookups.flat();
    expect(new Set(all).size).toBe(5); // each registered phone asked once
    // Numbers WhatsApp did not resolve are not asked again within the week.
    clock.now += 2 * 3_600_000;
    const r4 = await resolveRegisteredLids(app2, fake, { sleep: async () => {} });
    expect(r4.asked).toBe(0);
    await app2.close();
  });

  it('default at most 30 an hour; the pass stops at the first error answer and waits for the next hour; passively learned pairs are not asked (issue 16, point 5)', async () => {
    const clock = fakeClock();
    const app = makeApp(clock, { WA_LID_BATCH_SIZE: '2' }, false);
    expect(app.config.WA_LID_LOOKUPS_PER_HOUR).toBe(30);
    app.registry.upsertMany([1, 2, 3, 4, 5, 6].map(extra), clock.now);
    const fake = new FakeWASocket();
    let asks = 0;
    const r1 = await resolveRegisteredLids(app, fake, {
      sleep: async () => {
        // Between the batches a pair arrives passively (participantAlt, roster phoneNumber): the phone is not asked.
        if (++asks > 1) return;
        app.db.prepare(`INSERT INTO wa_lid_map (lid, pn, source, learned_at) VALUES (?, ?, 'participantAlt', ?)`).run('401111111111111@lid', '6281300000030@s.whatsapp.net', clock.now);
        fake.lidLookupFailures = 1; // the next question is refused: rate-overlimit
      },
    });
    // Batch 1 (phones 1-2) answered nothing; phone 3 came from the map; batch 2 (4-5) failed: the pass stopped there.
    expect(fake.lidLookups).toEqual([
      ['6281300000010@s.whatsapp.net', '6281300000020@s.whatsapp.net'],
      ['6281300000040@s.whatsapp.net', '6281300000050@s.whatsapp.net'],
    ]);
    expect(r1).toMatchObject({ failedBatches: 1, fromCache: 1, deferred: 3 });
    expect(app.registry.byPhone('+6281300000030' as PhoneE164)?.waLid).toBe('401111111111111@lid');
    // Within the hour nothing more is asked.
    clock.now += 10 * 60_000;
    expect((await resolveRegisteredLids(app, fake, { sleep: async () => {} })).asked).toBe(0);
    clock.now = r1.nextWindowAt + 1;
    const r3 = await resolveRegisteredLids(app, fake, { sleep: async () => {} });
    expect(fake.lidLookups.slice(2).flat().sort()).toEqual(['6281300000040@s.whatsapp.net', '6281300000050@s.whatsapp.net', '6281300000060@s.whatsapp.net']);
    expect(r3.failedBatches).toBe(0);
    await app.close();
  });

  it('stop() ends a lookup pass at once, even in the middle of its pause between batches', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock, { extra: { WA_LID_BATCH_SIZE: '1' }, adapter: { sleep: (ms) => new Promise((r) => setTimeout(r, ms)), lidPauseMs: 600_000 } });
    fake.lidDirectory.set(ASN1_PN, ASN1_LID);
    fake.lidDirectory.set(ASN2_PN, ASN2_LID);
    void wa.resolveLids();
    await new Promise((r) => setTimeout(r, 20));
    await wa.stop(); // a pass that waited out its 10-minute pause would time this test out
    expect(fake.lidLookups).toHaveLength(1);
    void app;
  });
});

describe('WhatsApp credentials', () => {
  it('are saved the moment creds.update arrives, while the event queue is still busy with a slow handler', async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket();
    const factory = fakeSocketFactory(fake);
    const { app, wa } = await startBot(clock, { socks: [fake], adapter: { socketFactory: factory } });
    running.push(wa);
    // A message in a group the bot knows nothing about: the handler waits for groupMetadata, which hangs.
    let release: (() => void) | undefined;
    fake.groupMetadata = () => new Promise((_, reject) => (release = () => reject(new Error('gone'))));
    await fake.deliver(textMessage({ group: '120363000000000077@g.us', id: 'M1', from: TIMSES_LID, text: 'halo', at: clock.now }));
    while (!release) await new Promise((r) => setTimeout(r, 5)); // the queue is now stuck in that handler
    // Baileys updates the creds object in place, then emits the change.
    const creds = factory.inits[0]!.auth.creds;
    Object.assign(creds, { me: { id: '6281100000000:7@s.whatsapp.net', lid: '100000000000001:7@lid' }, registered: true });
    fake.emit('creds.update', { me: creds.me, registered: true });
    const saved = app.db.prepare(`SELECT value FROM wa_creds WHERE id = 'creds'`).pluck().get() as string | undefined;
    expect(saved).toContain('6281100000000:7@s.whatsapp.net');
    release!();
    await wa.idle();
  });
});
