/**
 * The offline backlog (issue 16, points 3, 6 and 9). The fake socket buffers with Baileys' own
 * `makeEventBuffer` as a logged-in socket does between connect and the end of the offline backlog
 * (`node_modules/@whiskeysockets/baileys/lib/Socket/socket.js`: `ev.buffer()` on connect, `ev.flush()` on
 * `CB:ib,,offline`; offline nodes go through `Utils/offline-node-processor.js` to `upsertMessage(msg,
 * 'append')` without a flush). Inside the buffer (`Utils/event-buffer.js`, append):
 * - a reaction whose target is buffered is folded into the target's `reactions` (`updateMessageWithReaction`,
 *   `Utils/messages.js`) and no `messages.reaction` is emitted;
 * - `group-participants.update` is not a bufferable event: it goes out at once, while the stub message it came
 *   from waits for the flush.
 * Group notifications always arrive as `append` (`Socket/messages-recv.js`, handleNotification).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BaileysEventMap } from '@whiskeysockets/baileys';
import { FakeWASocket, participantStub, reactionMessage, textMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { ASN1, ASN1_LID, ASN1_PN, fakeClock, GROUP, incidents, startBot, T0, TIMSES_LID, TIMSES_PN } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const POST = 'Ayo coblos nomor 2 Eddy Santana - Riezky Aprilia! Menangkan satu putaran di Pilgub Sumsel.';

describe('WhatsApp offline backlog', () => {
  it('a reaction folded into its buffered target post opens one "reacted" case; the same reaction seen live later adds nothing', async () => {
    const clock = fakeClock(T0 + 3 * 3_600_000);
    const fake = new FakeWASocket({ now: clock });
    const { app, wa } = await startBot(clock, { socks: [fake] });
    running.push(wa);
    const batches: (keyof BaileysEventMap)[][] = [];
    fake.ev.process((b) => void batches.push(Object.keys(b) as (keyof BaileysEventMap)[]));
    let folded: unknown[] | undefined;
    fake.ev.process((b) => {
      const m = b['messages.upsert']?.messages.find((x) => x.key.id === 'POST1');
      if (m) folded = m.reactions ?? undefined;
    });

    fake.beginBacklog();
    await fake.deliver(textMessage({ group: GROUP, id: 'POST1', from: TIMSES_LID, fromAlt: TIMSES_PN, text: POST, at: T0 }));
    const reaction = reactionMessage({ group: GROUP, id: 'R1', from: ASN1_LID, fromAlt: ASN1_PN, targetId: 'POST1', targetFrom: TIMSES_LID, emoji: '👍', at: T0 + 60_000 });
    await fake.deliver(reaction);
    expect(batches.flat()).not.toContain('messages.upsert'); // held in the buffer
    fake.endBacklog();
    await wa.idle();

    // One flush: the post carries the reaction, and no messages.reaction was emitted.
    expect(batches.flat()).not.toContain('messages.reaction');
    expect(folded).toHaveLength(1);
    const cases = app.db.prepare(`SELECT asn_nip, kind, opened_at FROM incidents WHERE kind = 'reacted'`).all() as { asn_nip: string; kind: string; opened_at: number }[];
    expect(cases).toEqual([{ asn_nip: ASN1.nip, kind: 'reacted', opened_at: T0 + 60_000 }]);
    const alerts = app.db.prepare(`SELECT recipient, text FROM outbox WHERE kind = 'humas_alert'`).all() as { recipient: string; text: string }[];
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]!.text).toContain(ASN1.nama);

    // The same reaction delivered live: messages.reaction with the same dedupe key, nothing new.
    const before = app.db.prepare(`SELECT COUNT(*) FROM outbox`).pluck().get();
    await fake.deliver(reaction);
    await wa.idle();
    expect(batches.flat()).toContain('messages.reaction');
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents WHERE kind = 'reacted'`).pluck().get()).toBe(1);
    expect(app.db.prepare(`SELECT COUNT(*) FROM events WHERE kind = 'reaction'`).pluck().get()).toBe(1);
    expect(app.db.prepare(`SELECT COUNT(*) FROM outbox`).pluck().get()).toBe(before);
  });

  it('an addition delivered in the backlog keeps its stub time, however long the buffer stays open', async () => {
    const clock = fakeClock(T0 + 3 * 3_600_000); // reconnecting three hours after the addition
    const fake = new FakeWASocket({ now: clock });
    const { app, wa } = await startBot(clock, { socks: [fake], adapter: { stubWaitMs: 5 } });
    running.push(wa);
    const types: string[] = [];
    fake.ev.process((b) => void (b['messages.upsert'] && types.push(b['messages.upsert'].type)));

    fake.beginBacklog();
    await fake.deliver(participantStub({ group: GROUP, id: 'ADD1', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: T0 }));
    await sleep(60); // many stub waits pass while the buffer is still open
    await wa.idle();
    expect(incidents(app)).toEqual([]);
    fake.endBacklog();
    await wa.idle();
    expect(types).toEqual(['append']);
    const rows = app.db.prepare(`SELECT asn_nip, kind, opened_at FROM incidents`).all();
    expect(rows).toEqual([{ asn_nip: ASN1.nip, kind: 'added', opened_at: T0 }]);
    // The dedupe key is the stub's, so a repeat of the notification adds nothing.
    expect(app.db.prepare(`SELECT dedupe_key FROM events WHERE kind = 'member_added'`).pluck().all()).toEqual([`wa:gp:${GROUP}:ADD1:add`]);
  });

  it('a live group notification arrives as append, and is handled at once with its stub key', async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket({ now: clock });
    const { app, wa } = await startBot(clock, { socks: [fake] });
    running.push(wa);
    const types: string[] = [];
    fake.ev.process((b) => void (b['messages.upsert'] && types.push(b['messages.upsert'].type)));
    await fake.deliver(participantStub({ group: GROUP, id: 'ADD2', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now - 5_000 }));
    await wa.idle();
    expect(types).toEqual(['append']);
    expect(app.db.prepare(`SELECT opened_at FROM incidents`).pluck().all()).toEqual([Math.floor((clock.now - 5_000) / 1000) * 1000]);
  });
});

describe('WhatsApp: an unmatched member who left (issue 16, point 9)', () => {
  it('is forgotten, so a pair learned later does not alert about someone already gone; one still inside is alerted', async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket({ now: clock });
    const { app, wa } = await startBot(clock, { socks: [fake] });
    running.push(wa);
    // Both added as bare LIDs (no phone_number): nobody can tell yet that they are registered ASN.
    const OTHER_LID = '208888888888888@lid';
    await fake.deliver(participantStub({ group: GROUP, id: 'ADD-A', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID }], at: clock.now }));
    await fake.deliver(participantStub({ group: GROUP, id: 'ADD-B', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: OTHER_LID }], at: clock.now }));
    await wa.idle();
    expect(incidents(app)).toEqual([]);
    clock.now += 60_000;
    await fake.deliver(participantStub({ group: GROUP, id: 'LEAVE-A', author: ASN1_LID, action: 'leave', participants: [{ id: ASN1_LID }], at: clock.now }));
    await wa.idle();
    // Later the pairs become known (lid-mapping.update, `Signal/lid-mapping.js` storeLIDPNMappings).
    clock.now += 3_600_000;
    fake.emit('lid-mapping.update', { lid: ASN1_LID, pn: ASN1_PN });
    fake.emit('lid-mapping.update', { lid: OTHER_LID, pn: '6281298765432@s.whatsapp.net' }); // ASN2's phone
    await wa.idle();
    expect(incidents(app).map((i) => [i.asn_nip, i.kind])).toEqual([['199001012015032001', 'added']]);
  });
});
