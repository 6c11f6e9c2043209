import { afterEach, describe, expect, it } from 'vitest';
import { checkOpenCases } from '../../../src/app/lifecycle.js';
import { FakeWASocket, groupMeta } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { MEMBERSHIP_MAX_AGE_MS } from '../../../src/platforms/whatsapp/membership.js';
import { ASN1, ASN1_LID, ASN1_PN, ASN2_PN, campaignGroup, fakeClock, GROUP, incidents, startBot } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

describe('WhatsApp membership checks', () => {
  it('finds a member listed by LID from its phone, notices a later leave, and says "cannot tell" for an unknown group', async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket({ now: clock });
    fake.addGroup(campaignGroup([{ id: ASN1_LID, phoneNumber: ASN1_PN }]));
    const { wa } = await startBot(clock, { socks: [fake] });
    running.push(wa);
    expect(await wa.membership.isMember(GROUP, ASN1_PN)).toBe(true);
    expect(await wa.membership.isMember(GROUP, ASN2_PN)).toBe(false);
    fake.groups.get(GROUP)!.participants = fake.groups.get(GROUP)!.participants.filter((p) => p.id !== ASN1_LID);
    expect(await wa.membership.isMember(GROUP, ASN1_PN)).toBe(true); // still the metadata fetched a moment ago
    clock.now += MEMBERSHIP_MAX_AGE_MS + 1;
    expect(await wa.membership.isMember(GROUP, ASN1_PN)).toBe(false);
    expect(await wa.membership.isMember('999@g.us', ASN1_PN)).toBeUndefined();
  });

  it('the lifecycle check closes a WhatsApp case once the ASN is gone from the group', async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket({ now: clock });
    fake.addGroup(campaignGroup([{ id: ASN1_LID, phoneNumber: ASN1_PN }]));
    const { app, wa } = await startBot(clock, { socks: [fake] });
    running.push(wa);
    app.monitor.handle({
      kind: 'members_present', dedupeKey: 'present-1', at: clock.now, chat: { platform: 'whatsapp', id: GROUP, type: 'group' },
      members: [{ platform: 'whatsapp', id: ASN1_LID, lid: ASN1_LID as never, phone: ASN1.phone }],
    });
    expect(incidents(app).map((i) => i.status)).toEqual(['open']);
    expect((await checkOpenCases(app, [wa.membership], clock.now)).stillIn).toBe(1);
    fake.groups.get(GROUP)!.participants = fake.groups.get(GROUP)!.participants.filter((p) => p.id !== ASN1_LID);
    clock.now += MEMBERSHIP_MAX_AGE_MS + 1;
    expect((await checkOpenCases(app, [wa.membership], clock.now)).left).toHaveLength(1);
    expect(incidents(app).map((i) => i.status)).toEqual(['left']);
  });

  it('a scan that cannot look while WhatsApp is away stays pending and runs when the connection opens', async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket({ now: clock });
    const { app, wa } = await startBot(clock, { socks: [fake] });
    running.push(wa);
    await wa.stop();
    // A campaign group the bot knows nothing cached about, marked while disconnected.
    const G2 = '120363000000000077@g.us';
    app.monitor.handle({ kind: 'chat_info', dedupeKey: 'g2', at: clock.now, chat: { platform: 'whatsapp', id: G2, title: 'Relawan Paslon 2 Kec. Baturaja', type: 'group' } });
    app.monitor.chats.scans.request('whatsapp', G2, clock.now);
    await wa.runScans();
    expect(app.monitor.chats.scans.pending('whatsapp').map((s) => s.chatId)).toEqual([G2]);
    fake.addGroup(groupMeta({ id: G2, subject: 'Relawan Paslon 2 Kec. Baturaja', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }] }));
    wa.start();
    fake.open();
    await wa.idle();
    await new Promise((r) => setTimeout(r, 10));
    await wa.idle();
    expect(incidents(app).map((i) => [i.asn_nip, i.kind, i.chat_id])).toEqual([[ASN1.nip, 'present', G2]]);
    expect(app.monitor.chats.scans.pending('whatsapp')).toEqual([]);
  });
});

/**
 * "Not found" is not "left" (issue 16, point 1). The fake socket answers `groupMetadata` as
 * `extractGroupMetadata` (`node_modules/@whiskeysockets/baileys/lib/Socket/groups.js`) does: entries
 * `{ id, phoneNumber?, lid? }` whose other handle is present only when the server sends it, and the
 * server's `size`, which may exceed the entries listed.
 */
describe('WhatsApp membership: a roster that cannot prove a leave', () => {
  const present = (app: Awaited<ReturnType<typeof startBot>>['app'], clock: { now: number }) =>
    app.monitor.handle({
      kind: 'members_present', dedupeKey: 'present-1', at: clock.now, chat: { platform: 'whatsapp', id: GROUP, type: 'group' },
      members: [{ platform: 'whatsapp', id: ASN1_PN, phone: ASN1.phone }],
    });
  const notices = (app: Awaited<ReturnType<typeof startBot>>['app']) =>
    app.db.prepare(`SELECT recipient, text FROM outbox WHERE kind = 'humas_permissions' ORDER BY id`).all() as { recipient: string; text: string }[];

  it('LID-only entries the bot cannot pair: the case stays open, Humas hears why once, and a later complete answer closes it', async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket({ now: clock });
    // Someone listed only by a LID, no phone_number from the server: it could be the ASN, whose LID the bot never learned.
    fake.addGroup(campaignGroup([{ id: ASN1_LID }]));
    const { app, wa } = await startBot(clock, { socks: [fake] });
    running.push(wa);
    present(app, clock);
    expect(await wa.membership.isMember(GROUP, ASN1_PN)).toBe(false);
    expect(wa.membership.certain(GROUP, ASN1_PN)).toBe(false);
    expect(wa.membership.gap(GROUP, ASN1_PN)).toBe('unresolved_lid');

    clock.now += MEMBERSHIP_MAX_AGE_MS + 1;
    const r = await checkOpenCases(app, [wa.membership], clock.now);
    expect([r.left.length, r.unconfirmed.length]).toEqual([0, 1]);
    expect(incidents(app).map((i) => i.status)).toEqual(['open']);
    const n = notices(app);
    expect(n.map((x) => x.recipient).sort()).toEqual(['6281111111111@s.whatsapp.net', '9001']);
    expect(n[0]!.text).toContain('grup WhatsApp "Relawan Paslon 2 Pilgub Sumsel"');
    expect(n[0]!.text).toContain('hanya terlihat sebagai LID tanpa nomor telepon');
    expect(n[0]!.text).not.toContain('Telegram');

    // Asked again on the next pass: still no proof, no second notice.
    clock.now += MEMBERSHIP_MAX_AGE_MS + 1;
    expect((await checkOpenCases(app, [wa.membership], clock.now)).unconfirmed).toHaveLength(1);
    expect(notices(app)).toHaveLength(2);

    // The server now sends the entry's phone: it is somebody else, the roster is complete, the ASN is gone.
    fake.groups.get(GROUP)!.participants = fake.groups.get(GROUP)!.participants.map((p) => (p.id === ASN1_LID ? { ...p, phoneNumber: '6285799999999@s.whatsapp.net' } : p));
    clock.now += MEMBERSHIP_MAX_AGE_MS + 1;
    expect((await checkOpenCases(app, [wa.membership], clock.now)).left).toHaveLength(1);
    expect(incidents(app).map((i) => i.status)).toEqual(['left']);
  });

  it('a LID-only entry is no obstacle once the ASN’s own LID is known: a different LID is somebody else', async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket({ now: clock });
    fake.addGroup(campaignGroup([{ id: '307777777777777@lid' }]));
    const { app, wa } = await startBot(clock, { socks: [fake] });
    running.push(wa);
    wa.lidMap.store({ lid: ASN1_LID, pn: ASN1_PN, source: 'lookup' }, clock.now);
    present(app, clock);
    expect(await wa.membership.isMember(GROUP, ASN1_PN)).toBe(false);
    expect(wa.membership.certain(GROUP, ASN1_PN)).toBe(true);
    expect((await checkOpenCases(app, [wa.membership], clock.now)).left).toHaveLength(1);
  });

  it('a short roster (server size above the entries) and a community announcement group prove nothing', async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket({ now: clock });
    const { app, wa } = await startBot(clock, { socks: [fake] });
    running.push(wa);
    present(app, clock);
    fake.unlisted.set(GROUP, 250);
    clock.now += MEMBERSHIP_MAX_AGE_MS + 1;
    expect(await wa.membership.isMember(GROUP, ASN1_PN)).toBe(false);
    expect(wa.membership.gap(GROUP, ASN1_PN)).toBe('short_roster');
    expect((await checkOpenCases(app, [wa.membership], clock.now)).unconfirmed).toHaveLength(1);
    expect(notices(app)[0]!.text).toContain('lebih pendek dari jumlah anggota grup');

    fake.unlisted.delete(GROUP);
    fake.groups.get(GROUP)!.isCommunityAnnounce = true;
    clock.now += MEMBERSHIP_MAX_AGE_MS + 1;
    expect(await wa.membership.isMember(GROUP, ASN1_PN)).toBe(false);
    expect(wa.membership.gap(GROUP, ASN1_PN)).toBe('community_announce');
    expect(incidents(app).map((i) => i.status)).toEqual(['open']);

    fake.groups.get(GROUP)!.isCommunityAnnounce = false;
    clock.now += MEMBERSHIP_MAX_AGE_MS + 1;
    expect((await checkOpenCases(app, [wa.membership], clock.now)).left).toHaveLength(1);
  });

  it('in English the notice says the same', async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket({ now: clock });
    const { app, wa } = await startBot(clock, { socks: [fake], extra: { LANGUAGE: 'en' } });
    running.push(wa);
    present(app, clock);
    fake.unlisted.set(GROUP, 3);
    clock.now += MEMBERSHIP_MAX_AGE_MS + 1;
    await checkOpenCases(app, [wa.membership], clock.now);
    expect(notices(app)[0]!.text).toContain('shorter than the group\'s member count');
  });
});
