/**
 * Edited posts. On the wire an edit is a `protocolMessage` of type MESSAGE_EDIT inside an
 * `editedMessage` wrapper (built as in node_modules/@whiskeysockets/baileys/lib/Utils/messages.js
 * for `{ edit }`), and Baileys' processMessage (lib/Utils/process-message.js, case MESSAGE_EDIT)
 * also emits it as `messages.update` with `update.message.editedMessage.message`. The fake socket
 * delivers it through that same processMessage, so the bot sees both shapes, as live.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import { editMessage, textMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { normalizeMessagesUpdate, normalizeMessagesUpsert } from '../../../src/platforms/whatsapp/normalize.js';
import { WaLidMap } from '../../../src/platforms/whatsapp/identities.js';
import { ASN1, ASN1_PN, ASN2, ASN2_PN, fakeClock, incidents, outboxRows, startBot, TIMSES_LID, TIMSES_PN } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

const NEUTRAL = '120363000000000009@g.us';
const events = (app: App) => app.db.prepare(`SELECT dedupe_key FROM events WHERE kind = 'message' ORDER BY id`).pluck().all() as string[];

async function bot() {
  const clock = fakeClock();
  const b = await startBot(clock);
  running.push(b.wa);
  // An ordinary group (not a campaign group): only Pilkada posts that tag an ASN matter here.
  b.fake.emit('groups.upsert', [{ id: NEUTRAL, subject: 'Warga RT 05 Baturaja', participants: [], addressingMode: 'lid' } as never]);
  await b.wa.idle();
  return { ...b, clock };
}

describe('WhatsApp edits', () => {
  it('a Pilkada post edited to tag an ASN opens the case once, though the edit arrives in both shapes', async () => {
    const { app, fake, wa, clock } = await bot();
    const seen: string[] = [];
    fake.ev.process(async (e) => void seen.push(...Object.keys(e)));
    await fake.deliver(textMessage({ group: NEUTRAL, id: 'POST1', from: TIMSES_LID, fromAlt: TIMSES_PN, text: 'Ayo coblos nomor 2 di Pilgub Sumsel!', at: clock.now }));
    await wa.idle();
    expect(incidents(app)).toEqual([]);

    clock.now += 60_000;
    await fake.deliver(editMessage({ group: NEUTRAL, id: 'EDIT1', from: TIMSES_LID, fromAlt: TIMSES_PN, targetId: 'POST1', text: 'Ayo coblos nomor 2 di Pilgub Sumsel! @6281234567890', mentions: [ASN1_PN], at: clock.now }));
    await wa.idle();
    // Baileys emitted both the upsert and the messages.update for this edit.
    expect(seen).toEqual(expect.arrayContaining(['messages.upsert', 'messages.update']));
    expect(incidents(app)).toEqual([expect.objectContaining({ asn_nip: ASN1.nip, kind: 'mentioned', status: 'open', chat_id: NEUTRAL })]);
    expect(outboxRows(app).filter((r) => r.kind === 'asn_alert').map((r) => r.recipient)).toEqual([ASN1_PN]);
    expect(events(app)).toHaveLength(2); // the post and one edit
    expect(events(app)[1]).toMatch(/^wa:edit:/);
  });

  it('an edit never duplicates a case already opened for that post; it opens one only for the ASN it adds', async () => {
    const { app, fake, wa, clock } = await bot();
    await fake.deliver(textMessage({ group: NEUTRAL, id: 'POST2', from: TIMSES_LID, text: 'Pilgub Sumsel: coblos nomor 2! @6281234567890', mentions: [ASN1_PN], at: clock.now }));
    await wa.idle();
    expect(incidents(app)).toHaveLength(1);
    const findings = () => app.db.prepare(`SELECT COUNT(*) FROM incident_findings`).pluck().get();
    expect(findings()).toBe(1);

    clock.now += 60_000;
    await fake.deliver(editMessage({ group: NEUTRAL, id: 'EDIT2', from: TIMSES_LID, targetId: 'POST2', text: 'Pilgub Sumsel: coblos nomor 2!! @6281234567890', mentions: [ASN1_PN], at: clock.now }));
    await wa.idle();
    expect(incidents(app)).toHaveLength(1);
    expect(findings()).toBe(1);

    // The case is closed (the ASN left), then the post is edited again: still no second case for ASN1; ASN2, newly tagged, gets one.
    app.db.prepare(`UPDATE incidents SET status = 'left'`).run();
    clock.now += 60_000;
    await fake.deliver(
      editMessage({ group: NEUTRAL, id: 'EDIT3', from: TIMSES_LID, targetId: 'POST2', text: 'Pilgub Sumsel: coblos nomor 2! @6281234567890 @6281298765432', mentions: [ASN1_PN, ASN2_PN], at: clock.now }),
    );
    await wa.idle();
    expect(incidents(app).map((i) => [i.asn_nip, i.kind])).toEqual([
      [ASN1.nip, 'mentioned'],
      [ASN2.nip, 'mentioned'],
    ]);
    expect(outboxRows(app).filter((r) => r.kind === 'asn_alert').map((r) => r.recipient)).toEqual([ASN1_PN, ASN2_PN]);
  });

  it('reads an edit from messages.update alone (replayed JSON, string enum and all) and ignores status-only updates', () => {
    const map = { pnForLid: () => undefined, lidForPn: () => undefined } as unknown as WaLidMap;
    const ctx = { now: 1, selfIds: new Set<string>(), map };
    const n = normalizeMessagesUpdate(
      [
        { key: { remoteJid: NEUTRAL, fromMe: false, id: 'P9', participant: TIMSES_LID, participantAlt: TIMSES_PN }, update: { message: { editedMessage: { message: { conversation: 'Coblos nomor 2 @6281298765432', extendedTextMessage: null } } }, messageTimestamp: 1727751800 } },
        { key: { remoteJid: NEUTRAL, fromMe: true, id: 'P10' }, update: { status: 3 } },
      ] as never,
      ctx,
    );
    expect(n.events).toEqual([expect.objectContaining({ kind: 'message', messageId: 'P9', text: 'Coblos nomor 2 @6281298765432', edited: true, at: 1727751800_000 })]);
    expect(n.pairs).toEqual([expect.objectContaining({ lid: TIMSES_LID })]);
    void ASN2;
  });

  it('both shapes of one edit give the same event key', () => {
    const map = { pnForLid: () => undefined, lidForPn: () => undefined } as unknown as WaLidMap;
    const ctx = { now: 1, selfIds: new Set<string>(), map };
    const wire = editMessage({ group: NEUTRAL, id: 'E1', from: TIMSES_LID, targetId: 'P1', text: 'Coblos 2 @6281298765432', mentions: [ASN2_PN], at: 1727751800_000 });
    const up = normalizeMessagesUpsert({ type: 'notify', messages: [wire] }, ctx).events;
    const pm = wire.message!.editedMessage!.message!.protocolMessage!;
    // What process-message.js emits for it.
    const upd = normalizeMessagesUpdate([{ key: { ...wire.key, id: 'P1' }, update: { message: { editedMessage: { message: pm.editedMessage } }, messageTimestamp: 1727751800 } }], ctx).events;
    expect(up).toHaveLength(1);
    expect(up[0]).toMatchObject({ messageId: 'P1', edited: true, mentions: [expect.objectContaining({ phone: '+6281298765432' })] });
    expect(upd.map((e) => e.dedupeKey)).toEqual([up[0]!.dedupeKey]);
  });
});
