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
