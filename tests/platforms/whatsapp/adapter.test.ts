import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import {
  ephemeralImageMessage,
  FakeWASocket,
  groupMeta,
  ownMessage,
  participantStub,
  privateMessage,
  textMessage,
  viewOnceMessage,
} from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { WA_PAUSE_KEY } from '../../../src/platforms/whatsapp/sender.js';
import { kvSet } from '../../../src/store/kv.js';
import {
  ADMIN_WA,
  ASN1,
  ASN1_LID,
  ASN1_PN,
  ASN2,
  ASN2_LID,
  ASN2_PN,
  BOT_LID,
  BOT_PN,
  drainAll,
  fakeClock,
  GROUP,
  incidents,
  outboxRows,
  startBot,
  TIMSES_LID,
  TIMSES_PN,
} from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

async function bot(clock = fakeClock(), socks?: FakeWASocket[]) {
  const b = await startBot(clock, { socks });
  running.push(b.wa);
  return { ...b, clock };
}

const addStub = (id: string, participants: { id: string; phoneNumber?: string }[], at: number) =>
  participantStub({ group: GROUP, id, author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants, at });

const processedEvents = (app: App, kind: string) =>
  (app.db.prepare(`SELECT COUNT(*) AS n FROM events WHERE kind = ? AND status = 'processed'`).get(kind) as { n: number }).n;

describe('WhatsApp adapter: members added', () => {
  it('opens a case for an ASN added as @lid with phoneNumber, DMs the ASN on the phone JID and Humas on both platforms', async () => {
    const { app, fake, wa, tg, clock } = await bot();
    expect(app.monitor.chats.get('whatsapp', GROUP)?.campaign).toBe(true);

    await fake.deliver(addStub('STUB-ADD-1', [{ id: ASN1_LID, phoneNumber: ASN1_PN }], clock.now));
    await wa.idle();

    expect(incidents(app)).toEqual([expect.objectContaining({ asn_nip: ASN1.nip, kind: 'added', status: 'open', chat_id: GROUP })]);
    // The event is keyed by the stub message, not by the time it was handled.
    expect(app.db.prepare(`SELECT dedupe_key FROM events WHERE kind = 'member_added'`).pluck().all()).toEqual([`wa:gp:${GROUP}:STUB-ADD-1:add`]);
    // The LID learned from the participant is linked to the ASN.
    expect(app.registry.byNip(ASN1.nip)?.waLid).toBe(ASN1_LID);

    await drainAll(app, clock);
    const sentTo = fake.sent.map((s) => s.jid);
    expect(sentTo).toContain(ASN1_PN);
    expect(sentTo).toContain(ADMIN_WA);
    expect(sentTo).toContain(GROUP); // the reminder
    expect(tg.sent.map((m) => [m.recipient, m.kind])).toContainEqual(['9001', 'humas_alert']);
    const asnText = fake.sent.find((s) => s.jid === ASN1_PN)!.content.text as string;
    expect(asnText).toMatch(/Relawan Paslon 2/);
  });

  it('recognises an ASN added as a bare @lid known from an earlier lid-mapping.update', async () => {
    const { app, fake, wa } = await bot();
    fake.emit('lid-mapping.update', { lid: ASN1_LID, pn: ASN1_PN });
    await wa.idle();
    expect(app.registry.byNip(ASN1.nip)?.waLid).toBe(ASN1_LID);

    await fake.deliver(addStub('STUB-ADD-2', [{ id: ASN1_LID }], fakeClock().now));
    await wa.idle();
    expect(incidents(app)).toEqual([expect.objectContaining({ asn_nip: ASN1.nip, kind: 'added' })]);
  });

  it('keeps an unmapped @lid and opens the case once a later lid-mapping.update reveals the phone', async () => {
    const { app, fake, wa, clock } = await bot();
    await fake.deliver(addStub('STUB-ADD-3', [{ id: ASN2_LID }], clock.now));
    await wa.idle();
    expect(incidents(app)).toEqual([]);

    clock.now += 3_600_000;
    fake.emit('lid-mapping.update', { lid: ASN2_LID, pn: ASN2_PN });
    await wa.idle();
    expect(incidents(app)).toEqual([expect.objectContaining({ asn_nip: ASN2.nip, kind: 'added', status: 'open' })]);
    expect(outboxRows(app).filter((r) => r.kind === 'asn_alert').map((r) => r.recipient)).toEqual([ASN2_PN]);
    // The case opened late still says who added her, by phone (the adder as recorded in the add event, keyed by phone).
    expect(incidents(app)[0]!.added_by_id).toBe(TIMSES_PN);
  });

  it('closes the case when the ASN leaves', async () => {
    const { app, fake, wa, clock } = await bot();
    await fake.deliver(addStub('STUB-ADD-4', [{ id: ASN1_LID, phoneNumber: ASN1_PN }], clock.now));
    clock.now += 600_000;
    await fake.deliver(participantStub({ group: GROUP, id: 'STUB-LEAVE-4', author: ASN1_LID, action: 'leave', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    await wa.idle();
    expect(incidents(app)).toEqual([expect.objectContaining({ asn_nip: ASN1.nip, status: 'left' })]);
  });
});

describe('WhatsApp adapter: messages', () => {
  it('finds a mention inside an ephemeral image caption and a view-once caption', async () => {
    const { app, fake, wa, clock } = await bot();
    fake.emit('lid-mapping.update', { lid: ASN1_LID, pn: ASN1_PN });
    await fake.deliver(
      ephemeralImageMessage({ group: GROUP, id: 'IMG1', from: TIMSES_LID, fromAlt: TIMSES_PN, caption: 'Ayo coblos nomor 2 Eddy Santana - Riezky! @201111111111111', mentions: [ASN1_LID], at: clock.now }),
    );
    await fake.deliver(
      viewOnceMessage({ group: GROUP, id: 'VO1', from: TIMSES_LID, caption: 'Pilih ESP-Riezky @6281298765432', mentions: [ASN2_PN], at: clock.now }),
    );
    await wa.idle();
    expect(incidents(app).map((i) => [i.asn_nip, i.kind])).toEqual([
      [ASN1.nip, 'mentioned'],
      [ASN2.nip, 'mentioned'],
    ]);
  });

  it('handles a duplicate append after a reconnect once: one case, one set of messages', async () => {
    const clock = fakeClock();
    const first = new FakeWASocket({ now: clock });
    const second = new FakeWASocket({ now: clock });
    second.addGroup(groupMeta({ id: GROUP, subject: 'x', participants: [] }));
    const { app, fake, wa } = await bot(clock, [first, second]);
    const msg = () => textMessage({ group: GROUP, id: 'TXT1', from: TIMSES_LID, fromAlt: TIMSES_PN, text: 'Ayo coblos nomor 2! cc @6281234567890', mentions: [ASN1_PN], at: clock.now });
    await fake.deliver(msg(), 'notify');
    await wa.idle();
    const before = outboxRows(app).length;

    first.end(Object.assign(new Error('Connection Closed'), { output: { statusCode: 428 } }));
    await wa.idle();
    await new Promise((r) => setTimeout(r, 50)); // reconnect backoff (10 ms in tests)
    expect(wa.socket).toBe(second);
    second.open();
    await second.deliver(msg(), 'append');
    await wa.idle();

    expect(incidents(app)).toHaveLength(1);
    expect(outboxRows(app)).toHaveLength(before);
    expect(processedEvents(app, 'message')).toBe(1);
  });

  it("ignores the bot's own messages", async () => {
    const { app, fake, wa, clock } = await bot();
    await fake.deliver(ownMessage({ group: GROUP, id: 'OWN1', text: 'Pengingat: ASN dilarang terlibat kampanye nomor 2', at: clock.now }));
    await wa.idle();
    expect(processedEvents(app, 'message')).toBe(0);
  });
});

describe('WhatsApp adapter: private chats', () => {
  const nipText = `DAFTAR ${ASN1.nip.slice(0, 8)} ${ASN1.nip.slice(8, 14)} ${ASN1.nip.slice(14, 15)} ${ASN1.nip.slice(15)}`;

  it('registers an ASN who sends DAFTAR <NIP> from the number on file', async () => {
    const { app, fake, wa, clock } = await bot();
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'P1', text: nipText, at: clock.now }));
    await wa.idle();
    expect(app.registry.registration(ASN1.nip)?.whatsappAt).toBe(clock.now);
    const reply = outboxRows(app).find((r) => r.kind === 'command_reply')!;
    expect(reply.recipient).toBe(ASN1_PN);
    expect(reply.text).toContain(ASN1.nama);
    // Audited as a code (core/messages/audit-result.ts renders it in the reader's language).
    expect(app.db.prepare(`SELECT allowed, result FROM audit WHERE action = 'DAFTAR'`).all()).toEqual([{ allowed: 1, result: 'registered' }]);
    // The ASN who wrote is now a warm contact (the Humas admin always is).
    expect(app.db.prepare(`SELECT jid FROM wa_contacts ORDER BY jid`).pluck().all()).toEqual([ASN1_LID, ASN1_PN, ADMIN_WA].sort());
  });

  it('300 DAFTAR messages from one stranger: all recorded, 5 answered, Humas told once', async () => {
    const { app, fake, wa, clock } = await bot();
    const stranger = '6285799999999@s.whatsapp.net';
    for (let i = 0; i < 300; i++) {
      await fake.deliver(privateMessage({ from: stranger, id: `FLOOD-${i}`, text: `DAFTAR 1985031220100110${String(i % 10)}3`, at: clock.now }));
    }
    await wa.idle();
    const events = app.db.prepare(`SELECT COUNT(*) FROM events WHERE chat_id = ? AND kind = 'message'`).pluck().get(stranger);
    expect(events).toBe(300);
    expect(outboxRows(app).filter((r) => r.recipient === stranger)).toHaveLength(5);
    expect(outboxRows(app).filter((r) => r.kind === 'flood_notice').map((r) => r.recipient).sort()).toEqual([ADMIN_WA, '9001']);
  });

  it('refuses DAFTAR from another number without revealing anything', async () => {
    const { app, fake, wa, clock } = await bot();
    await fake.deliver(privateMessage({ from: '6281355555555@s.whatsapp.net', id: 'P2', text: `daftar ${ASN1.nip}`, at: clock.now }));
    await wa.idle();
    expect(app.registry.registration(ASN1.nip)?.whatsappAt).toBeUndefined();
    const reply = outboxRows(app).find((r) => r.kind === 'command_reply')!;
    expect(reply.recipient).toBe('6281355555555@s.whatsapp.net');
    expect(reply.text).not.toContain(ASN1.nama);
    expect(reply.text).not.toContain(ASN1.unit);
    expect(reply.text).toMatch(/tidak dapat diproses/);
    expect(app.db.prepare(`SELECT allowed, result FROM audit WHERE action = 'DAFTAR'`).all()).toEqual([{ allowed: 0, result: 'refused_number_differs' }]);
  });

  it('lets a Humas admin /gabung a group by invite link and reports the ASN already inside', async () => {
    const { app, fake, wa, clock } = await bot();
    const G2 = '120363000000000002@g.us';
    fake.addGroup(groupMeta({ id: G2, subject: 'Tim Pemenangan ESP-Riezky Kec. Baturaja', participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }, { id: ASN2_LID, phoneNumber: ASN2_PN }] }));
    fake.invites.set('AbCdEfGhIj1234', G2);
    await fake.deliver(privateMessage({ from: ADMIN_WA, id: 'P3', text: '/gabung https://chat.whatsapp.com/AbCdEfGhIj1234', at: clock.now }));
    await wa.idle();
    await new Promise((r) => setTimeout(r, 10));
    await wa.idle();
    const reply = outboxRows(app).find((r) => r.kind === 'command_reply')!;
    expect(reply.recipient).toBe(ADMIN_WA);
    expect(reply.text).toMatch(/bergabung ke grup "Tim Pemenangan ESP-Riezky/);
    expect(fake.groups.get(G2)!.participants.map((p) => p.id)).toContain(BOT_LID);
    expect(app.monitor.chats.get('whatsapp', G2)?.campaign).toBe(true);
    expect(incidents(app)).toEqual([expect.objectContaining({ asn_nip: ASN2.nip, kind: 'present', chat_id: G2 })]);
    expect(app.registry.byNip(ASN2.nip)?.waLid).toBe(ASN2_LID);
  });

  it('a group joined as ordinary and later marked with /tandai reports the ASN inside', async () => {
    const { app, fake, wa, clock } = await bot();
    const G3 = '120363000000000004@g.us';
    fake.addGroup(groupMeta({ id: G3, subject: 'Arisan RT 05', participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }, { id: ASN2_LID, phoneNumber: ASN2_PN }] }));
    fake.invites.set('Arisan05', G3);
    await fake.deliver(privateMessage({ from: ADMIN_WA, id: 'P5', text: '/gabung https://chat.whatsapp.com/Arisan05', at: clock.now }));
    await wa.idle();
    await new Promise((r) => setTimeout(r, 10));
    await wa.idle();
    expect(app.monitor.chats.get('whatsapp', G3)?.campaign).toBe(false);
    expect(incidents(app)).toEqual([]);
    await fake.deliver(privateMessage({ from: ADMIN_WA, id: 'P6', text: `/tandai ${G3}`, at: clock.now }));
    await wa.idle();
    await new Promise((r) => setTimeout(r, 10));
    await wa.idle();
    expect(incidents(app)).toEqual([expect.objectContaining({ asn_nip: ASN2.nip, kind: 'present', chat_id: G3 })]);
    expect(outboxRows(app).some((r) => r.kind === 'asn_alert' && r.recipient === ASN2_PN)).toBe(true);
  });

  /**
   * Issue 16, point 8. The link is checked first with `groupGetInviteInfo` (`Socket/groups.js`: extractGroupMetadata
   * of the answer: subject, size, joinApprovalMode, isCommunity); `groupAcceptInvite` returns the `<group>`'s jid, so
   * a server answer that is a membership-approval request gives no JID. Refusals are `<error>` answers thrown by
   * `query` (`WABinary/generic-utils.js`, assertNodeErrorFree) with the code in `data`.
   */
  const gabung = async (b: Awaited<ReturnType<typeof bot>>, code: string, id: string) => {
    await b.fake.deliver(privateMessage({ from: ADMIN_WA, id, text: `/gabung https://chat.whatsapp.com/${code}`, at: b.clock.now }));
    await b.wa.idle();
    await new Promise((r) => setTimeout(r, 10));
    await b.wa.idle();
    return outboxRows(b.app).filter((r) => r.kind === 'command_reply').at(-1)!.text;
  };

  it('/gabung on a group with admin approval says the request is pending; the approval later brings the bot in', async () => {
    const b = await bot();
    const G4 = '120363000000000005@g.us';
    b.fake.addGroup(groupMeta({ id: G4, subject: 'Relawan Paslon 2 Kec. Muara Jaya', joinApprovalMode: true, participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }, { id: ASN2_LID, phoneNumber: ASN2_PN }] }));
    b.fake.invites.set('Approve0001', G4);
    const info = await b.fake.groupGetInviteInfo('Approve0001');
    expect([info.subject, info.size, info.joinApprovalMode, info.isCommunity]).toEqual(['Relawan Paslon 2 Kec. Muara Jaya', 2, true, false]);
    const text = await gabung(b, 'Approve0001', 'P7');
    expect(text).toMatch(/"Relawan Paslon 2 Kec\. Muara Jaya" \(2 anggota\) mewajibkan persetujuan admin/);
    expect(text).toMatch(/menunggu persetujuan admin grup/);
    expect(b.fake.joinRequests).toEqual([G4]);
    expect(incidents(b.app)).toEqual([]);
    // A group admin approves: the add notification names the bot, which then reports the ASN inside.
    await b.fake.approveJoinRequest(G4, TIMSES_LID);
    await b.wa.idle();
    await new Promise((r) => setTimeout(r, 10));
    await b.wa.idle();
    expect(incidents(b.app)).toEqual([expect.objectContaining({ asn_nip: ASN2.nip, kind: 'present', chat_id: G4 })]);
  });

  it('/gabung with an unknown, a reset or a community link says why, and joins nothing', async () => {
    const b = await bot();
    const G5 = '120363000000000006@g.us';
    const COMMUNITY = '120363000000000007@g.us';
    b.fake.addGroup(groupMeta({ id: G5, subject: 'Sahabat Paslon 2', participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }] }));
    b.fake.addGroup(groupMeta({ id: COMMUNITY, subject: 'Komunitas Relawan Sumsel', isCommunity: true, participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }] }));
    b.fake.invites.set('Reset000001', G5);
    b.fake.revokedInvites.add('Reset000001');
    b.fake.invites.set('Komunitas01', COMMUNITY);
    await expect(b.fake.groupGetInviteInfo('Tidakada01')).rejects.toMatchObject({ message: 'not-acceptable', data: 406 });
    expect(await gabung(b, 'Tidakada01', 'P8')).toMatch(/Bot gagal bergabung: tautan undangan tidak dikenal WhatsApp/);
    expect(await gabung(b, 'Reset000001', 'P9')).toMatch(/sudah direset atau dicabut oleh admin grup/);
    expect(await gabung(b, 'Komunitas01', 'P10')).toMatch(/milik komunitas "Komunitas Relawan Sumsel", bukan grup/);
    expect(b.fake.groups.get(G5)!.participants.map((p) => p.id)).not.toContain(BOT_LID);
    expect(b.fake.groups.get(COMMUNITY)!.participants.map((p) => p.id)).not.toContain(BOT_LID);
  });

  it('refuses /gabung from a stranger', async () => {
    const { app, fake, wa, clock } = await bot();
    fake.addGroup(groupMeta({ id: '120363000000000003@g.us', subject: 'Grup lain', participants: [] }));
    fake.invites.set('ZyXwVuTsRq9876', '120363000000000003@g.us');
    await fake.deliver(privateMessage({ from: '6281377777777@s.whatsapp.net', id: 'P4', text: '/gabung https://chat.whatsapp.com/ZyXwVuTsRq9876', at: clock.now }));
    await wa.idle();
    const reply = outboxRows(app).find((r) => r.kind === 'command_reply')!;
    expect(reply.text).toMatch(/hanya dapat digunakan oleh admin Humas/);
    expect(fake.groups.get('120363000000000003@g.us')!.participants).toEqual([]);
  });
});

describe('WhatsApp adapter: identities', () => {
  it('resolves registered phones to LIDs in small batches with a pause between them', async () => {
    const { app, fake, wa } = await bot();
    fake.lidDirectory.set(ASN1_PN, ASN1_LID);
    fake.lidDirectory.set(ASN2_PN, ASN2_LID);
    const { resolveRegisteredLids } = await import('../../../src/platforms/whatsapp/identities.js');
    const pauses: number[] = [];
    const r = await resolveRegisteredLids(app, fake, { batchSize: 1, pauseMs: 7000, sleep: async (ms) => void pauses.push(ms) });
    await wa.idle();
    expect(r).toMatchObject({ asked: 2, resolved: 2 });
    expect(fake.lidLookups).toEqual([[ASN1_PN], [ASN2_PN]]);
    expect(pauses).toEqual([7000]);
    expect(app.registry.byNip(ASN2.nip)?.waLid).toBe(ASN2_LID);
    // Nothing left to ask the network.
    await resolveRegisteredLids(app, fake, { batchSize: 1, sleep: async () => {} });
    expect(fake.lidLookups).toHaveLength(2);
    void BOT_PN;
  });
});

describe('WhatsApp adapter: /wa_lanjut', () => {
  it('only a Humas admin can resume first contacts after a restriction, and it is audited', async () => {
    const { app, wa } = await bot();
    kvSet(app.db, WA_PAUSE_KEY, JSON.stringify({ at: 1, detail: '463' }), 1);
    const ask = (fromId: string) => app.commands.run({ platform: 'whatsapp', chatType: 'private', chatId: fromId, fromId, text: '/wa_lanjut' });
    expect((await ask('6289999999999@s.whatsapp.net'))!.text).toMatch(/hanya/);
    expect(wa.policy.paused).toBe(true);
    expect((await ask(ADMIN_WA))!.text).toMatch(/dilanjutkan/);
    expect(wa.policy.paused).toBe(false);
    expect((await ask(ADMIN_WA))!.text).toMatch(/tidak sedang dijeda/);
    expect(app.db.prepare(`SELECT allowed FROM audit WHERE action = '/wa_lanjut' ORDER BY id`).pluck().all()).toEqual([0, 1, 1]);
  });
});
