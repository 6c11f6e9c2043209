import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RecordingMessenger } from '../../../src/app/ports.js';
import { silentLogger } from '../../../src/app/log.js';
import { FakeWASocket, fakeSocketFactory } from '../../../src/platforms/sim/whatsapp-socket.js';
import { waLogin } from '../../../src/platforms/whatsapp/connection.js';
import { normalizeParticipantsUpdate, normalizeMessagesUpsert } from '../../../src/platforms/whatsapp/normalize.js';
import { replayWhatsAppEvent, reviveWhatsAppEvent } from '../../../src/platforms/whatsapp/replay.js';
import { openDb } from '../../../src/store/db.js';
import { ASN1, ASN1_LID, ASN1_PN, ASN2, ASN2_PN, BOT_LID, BOT_PN, fakeClock, GROUP, incidents, makeApp, TIMSES_LID } from '../../fixtures/whatsapp/setup.js';

const ctx = (pairs: Record<string, string> = {}) => ({
  now: 1_727_751_600_000,
  selfIds: new Set([BOT_PN, BOT_LID]),
  map: { pnForLid: (l: string) => pairs[l], lidForPn: (p: string) => Object.keys(pairs).find((l) => pairs[l] === p) },
});

describe('normalize', () => {
  it('reads the older string[] participant shape, a self-join by invite, and the bot among those added', () => {
    const self = normalizeParticipantsUpdate({ id: GROUP, author: ASN1_LID, participants: [ASN1_LID] as never, action: 'add' }, ctx({ [ASN1_LID]: ASN1_PN }));
    expect(self.events).toEqual([expect.objectContaining({ kind: 'member_added', viaInvite: true, actor: undefined, members: [expect.objectContaining({ id: ASN1_LID, phone: ASN1.phone, lid: ASN1_LID })] })]);
    const bot = normalizeParticipantsUpdate({ id: GROUP, author: TIMSES_LID, participants: [{ id: BOT_LID, phoneNumber: BOT_PN }], action: 'add' }, ctx());
    expect(bot.events.map((e) => e.kind)).toEqual(['bot_membership']);
    expect(bot.botJoined).toHaveLength(1);
  });

  it('rejects payloads it cannot use instead of throwing', () => {
    expect(normalizeParticipantsUpdate({ id: '', author: '', participants: [], action: 'add' }, ctx()).rejects).toHaveLength(1);
    expect(normalizeMessagesUpsert({ type: 'notify', messages: [{ key: {} } as never, null as never] }, ctx()).rejects).toHaveLength(2);
  });
});

describe('replayWhatsAppEvent', () => {
  it('feeds recorded proto JSON through the live handlers: one add case, one mention case learned later, the append duplicate ignored', async () => {
    const clock = fakeClock();
    const app = makeApp(clock);
    const out: { to: string; kind: string }[] = [];
    app.attach(new RecordingMessenger('whatsapp', (m) => out.push({ to: m.recipient, kind: m.kind })));
    app.attach(new RecordingMessenger('telegram', (m) => out.push({ to: m.recipient, kind: m.kind })));
    for (const line of readFileSync('tests/fixtures/whatsapp/story.jsonl', 'utf8').split('\n').filter(Boolean)) {
      const { event, data } = JSON.parse(line) as { event: string; data: unknown };
      await replayWhatsAppEvent(app, event, data);
      await app.dispatcher.drainOnce();
    }
    // The mention of a LID unknown at the time becomes a case once a later mapping names the phone.
    expect(incidents(app).map((i) => [i.asn_nip, i.kind])).toEqual([[ASN1.nip, 'added'], [ASN2.nip, 'mentioned']]);
    expect(out.filter((o) => o.kind === 'asn_alert').map((o) => o.to)).toEqual([ASN1_PN, ASN2_PN]);
    expect(out.filter((o) => o.kind === 'humas_alert').map((o) => o.to).sort()).toEqual(['6281111111111@s.whatsapp.net', '6281111111111@s.whatsapp.net', '9001', '9001']);
  });

  it('keeps participantAlt when reviving a message with proto.WebMessageInfo.fromObject', () => {
    const d = reviveWhatsAppEvent('messages.upsert', { type: 'notify', messages: [{ key: { remoteJid: GROUP, id: 'X', participant: ASN1_LID, participantAlt: ASN1_PN }, message: { conversation: 'hi' } }] });
    expect(d.messages[0]!.key.participantAlt).toBe(ASN1_PN);
    expect(d.messages[0]!.message?.conversation).toBe('hi');
  });
});

describe('connection', () => {
  it('waLogin prints a pairing code when the socket asks for authentication and resolves once open', async () => {
    const db = openDb(':memory:');
    const fake = new FakeWASocket();
    const lines: string[] = [];
    const p = waLogin({ phone: '62 811-0000-0000', db, log: silentLogger(), print: (s) => lines.push(s), socketFactory: fakeSocketFactory(fake) });
    fake.emit('connection.update', { qr: 'QR-REF' });
    await new Promise((r) => setTimeout(r, 5));
    fake.open();
    await expect(p).resolves.toEqual({ jid: BOT_PN });
    expect(fake.pairingRequests).toEqual(['6281100000000']);
    expect(lines[0]).toMatch(/JAGA1234/);
    db.close();
  });
});
