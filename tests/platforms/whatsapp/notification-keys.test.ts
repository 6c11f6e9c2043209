/**
 * What a group notification's key really carries. `handleNotification`
 * (node_modules/@whiskeysockets/baileys/lib/Socket/messages-recv.js) sets `participantAlt` (the stanza's
 * `participant_pn`) and `addressingMode` on the key, then builds the message with
 * `proto.WebMessageInfo.fromObject`, whose MessageKey (WAProto) knows only remoteJid, fromMe, id and
 * participant: both are dropped, so `processMessage` (lib/Utils/process-message.js) emits
 * `group-participants.update` with `authorPn` undefined. The fake socket now does the same, and the
 * adapter must find an author's phone where Baileys really gives it: the group's metadata
 * (`participants[].phoneNumber`, lib/Socket/groups.js extractGroupMetadata) or `lid-mapping.update`
 * (lib/Utils/chat-utils.js, lib/Socket/messages-recv.js NotificationLinkedProfilesUpdates).
 */
import { proto } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeWASocket, groupMeta, participantStub } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { ASN1_LID, ASN1_PN, ASN2_LID, ASN2_PN, BOT_LID, BOT_PN, fakeClock, GROUP, GROUP_TITLE, startBot } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

const KORLAP_LID = '308888888888888@lid';
const KORLAP_PN = '6285711112222@s.whatsapp.net';

describe('WhatsApp notification keys, as Baileys builds them', () => {
  it('a participant stub keeps no participantAlt, exactly as proto.WebMessageInfo.fromObject leaves it', () => {
    const stub = participantStub({ group: GROUP, id: 'N1', author: KORLAP_LID, authorAlt: KORLAP_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: 1_700_000_000_000 });
    const viaProto = proto.WebMessageInfo.fromObject({ key: { remoteJid: GROUP, fromMe: false, participant: KORLAP_LID, participantAlt: KORLAP_PN, id: 'N1' } });
    expect(Object.keys(viaProto.key ?? {}).sort()).toEqual(['fromMe', 'id', 'participant', 'remoteJid']);
    expect(stub.key).toEqual({ remoteJid: GROUP, fromMe: false, id: 'N1', participant: KORLAP_LID });
    expect('participantAlt' in stub.key).toBe(false);
  });

  it('the adder’s phone is not learned from a stub; lid-mapping.update and the roster’s phoneNumber give it', { timeout: 30_000 }, async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket({ now: clock });
    // The korlap is not in the roster the bot has: the stanza's participant_pn was all that named his phone.
    fake.addGroup(groupMeta({ id: GROUP, subject: GROUP_TITLE, participants: [{ id: BOT_LID, phoneNumber: BOT_PN }] }));
    const { app, wa } = await startBot(clock, { socks: [fake] });
    running.push(wa);
    const addedBy = () => app.db.prepare(`SELECT added_by_id FROM incidents ORDER BY id`).pluck().all();

    await fake.deliver(participantStub({ group: GROUP, id: 'N1', author: KORLAP_LID, authorAlt: KORLAP_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    await wa.idle();
    // The case opens (the added member's phoneNumber is in the stub's parameters); the adder is known by his LID only.
    expect(addedBy()).toEqual([KORLAP_LID]);
    expect(wa.lidMap.pnForLid(KORLAP_LID)).toBeUndefined();

    // WhatsApp tells the pair (a linked-profiles notification, or an app-state action).
    fake.emit('lid-mapping.update', { lid: KORLAP_LID, pn: KORLAP_PN });
    await wa.idle();
    expect(wa.lidMap.pnForLid(KORLAP_LID)).toBe(KORLAP_PN);
    // From then on the adder is one person keyed by his phone, the LID kept beside it (Monitor.actorIdentified).
    expect(addedBy()).toEqual([KORLAP_PN]);

    // Another adder, listed in the roster with his phoneNumber: learned from the metadata, not from the stub.
    const KORCAM_LID = '308888888888999@lid';
    const KORCAM_PN = '6285711113333@s.whatsapp.net';
    fake.groups.get(GROUP)!.participants.push({ id: KORCAM_LID, phoneNumber: KORCAM_PN, admin: 'admin' } as never);
    fake.emit('groups.upsert', [fake.groups.get(GROUP)!]);
    await wa.idle();
    clock.now += 60_000;
    await fake.deliver(participantStub({ group: GROUP, id: 'N2', author: KORCAM_LID, action: 'add', participants: [{ id: ASN2_LID, phoneNumber: ASN2_PN }], at: clock.now }));
    await wa.idle();
    expect(wa.lidMap.pnForLid(KORCAM_LID)).toBe(KORCAM_PN);
    // Known at detection time: the case is keyed by his phone at once.
    expect(addedBy()).toEqual([KORLAP_PN, KORCAM_PN]);
    expect(app.db.prepare(`SELECT added_by_lid FROM incidents ORDER BY id`).pluck().all()).toEqual([KORLAP_LID, KORCAM_LID]);
  });
});
