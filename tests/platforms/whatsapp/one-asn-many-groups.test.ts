/**
 * One ASN, many groups (attacker: a timses makes a dozen groups and adds one ASN to each within minutes), through the
 * fake socket and Baileys' processMessage: each add arrives as a participant stub that processMessage turns into
 * `group-participants.update` (lib/Utils/process-message.js, GROUP_PARTICIPANT_ADD), the participant as `@lid` with
 * its `phoneNumber`. Every case is opened (evidence); the ASN gets ASN_ALERTS_ALONE alerts, then one summary naming the
 * other groups, then nothing more within the hour but the next summary; `/status` lists every case. Humas keeps its
 * alerts, paced per group (app/mass-alerts.ts): the two windows do not meet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ASN_ALERT_WINDOW_MS, ASN_ALERTS_ALONE } from '../../../src/app/asn-alert-holds.js';
import { getCase } from '../../../src/app/office/cases.js';
import { groupMeta, participantStub, privateMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { ADMIN_WA, ASN1_LID, ASN2, ASN1_PN, ASN2_LID, ASN2_PN, BOT_LID, BOT_PN, drainAll, fakeClock, GROUP, startBot, TIMSES_LID, TIMSES_PN } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

const groupJid = (i: number) => `1203630000000001${String(i).padStart(2, '0')}@g.us`;

describe('one ASN added to many WhatsApp groups', () => {
  it('gets the first alerts one by one, then one summary of the rest; every case is open; Humas likewise (its first alerts, then one summary naming the ASN)', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    const N = 8;
    for (let i = 0; i < N + 2; i++) {
      fake.addGroup(groupMeta({ id: groupJid(i), subject: `Relawan Paslon 2 Kecamatan ${i}`, participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }, { id: BOT_LID, phoneNumber: BOT_PN }] }));
    }
    const add = (i: number) =>
      fake.deliver(participantStub({ group: groupJid(i), id: `ADD-${i}`, author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    for (let i = 0; i < N; i++) {
      await add(i);
      clock.now += 10_000;
    }
    await wa.idle();
    await drainAll(app, clock, 40);
    const toAsn = () => fake.sent.filter((s) => s.jid === ASN1_PN).map((s) => String(s.content['text']));
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents WHERE status = 'open' AND asn_nip = '198503122010011003'`).pluck().get()).toBe(N);
    expect(toAsn()).toHaveLength(ASN_ALERTS_ALONE + 1);
    expect(toAsn().slice(0, ASN_ALERTS_ALONE).every((t) => /Mohon segera keluar dari grup tersebut/.test(t))).toBe(true);
    const summary = toAsn()[ASN_ALERTS_ALONE]!;
    expect(summary).toContain(`Anda juga ditambahkan ke atau ditandai di ${N - ASN_ALERTS_ALONE} grup lain (WhatsApp) dalam 1 jam terakhir`);
    for (let i = ASN_ALERTS_ALONE; i < N; i++) expect(summary).toContain(`Kasus #${i + 1}: "Relawan Paslon 2 Kecamatan ${i}"`);
    expect(summary).not.toContain('Kecamatan 0');
    expect(summary).toContain('kirim /status');
    // Humas, paced per ASN as the ASN is (each group is only a burst of one): the first alerts one by one, then one
    // summary naming the ASN, the count, the groups and their case numbers, which says what the ASN was sent.
    const toAdmin = () => fake.sent.filter((s) => s.jid === ADMIN_WA).map((s) => String(s.content['text']));
    const alerts = toAdmin().filter((t) => t.startsWith('⚠️ Kasus #'));
    expect(alerts).toHaveLength(ASN_ALERTS_ALONE);
    for (const a of alerts) expect(a).toContain('ASN sudah dikirimi pesan pribadi berisi cara keluar dari grup.');
    const humasSummaries = () => toAdmin().filter((t) => t.includes('Satu ASN ditemukan di'));
    expect(humasSummaries()).toHaveLength(1);
    const hs = humasSummaries()[0]!;
    expect(hs).toContain(`Satu ASN ditemukan di ${N - ASN_ALERTS_ALONE} grup lain sekaligus (WhatsApp)`);
    expect(hs).toContain('ASN: Siti Aminah (NIP 198503122010011003), Dinas Pendidikan');
    for (let i = ASN_ALERTS_ALONE; i < N; i++) expect(hs).toContain(`Kasus #${i + 1}: "Relawan Paslon 2 Kecamatan ${i}" (dimasukkan ke grup kampanye)`);
    expect(hs).not.toContain('Kecamatan 0');
    // Released in the same drain as the ASN's own summary, after it: it says that summary went.
    expect(hs).toContain('Pemberitahuan untuk grup-grup ini sudah dikirim kepada ASN dalam satu ringkasan, bukan satu pesan per grup.');
    expect(toAdmin().filter((t) => /Kasus #\d+/.test(t))).toHaveLength(ASN_ALERTS_ALONE + 1);
    // A held case's own history (cases show, the dossier) shows both summaries it was in, not only the first case's.
    expect([...new Set(getCase(app, N)!.messages.map((m) => m.kind))].sort()).toEqual(['asn_alert_summary', 'humas_asn_summary']);

    // Two more groups within the hour: nothing until an hour after the summary, then one summary of those two.
    await add(N);
    clock.now += 5 * 60_000;
    await add(N + 1);
    await wa.idle();
    await drainAll(app, clock, 5);
    expect(toAsn()).toHaveLength(ASN_ALERTS_ALONE + 1);
    expect(humasSummaries()).toHaveLength(1);
    clock.now += ASN_ALERT_WINDOW_MS;
    await drainAll(app, clock, 3);
    expect(toAsn()).toHaveLength(ASN_ALERTS_ALONE + 2);
    expect(toAsn().at(-1)).toContain('di 2 grup lain');
    expect(humasSummaries()).toHaveLength(2);
    expect(humasSummaries()[1]).toContain('Satu ASN ditemukan di 2 grup lain sekaligus');
    expect(humasSummaries()[1]).toContain(`Kasus #${N + 2}: "Relawan Paslon 2 Kecamatan ${N + 1}"`);

    // The full list: /status in a private chat.
    await fake.deliver(privateMessage({ from: ASN1_PN, id: 'ST-1', text: '/status', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    const status = toAsn().at(-1)!;
    for (let i = 0; i < N + 2; i++) expect(status).toContain(`Relawan Paslon 2 Kecamatan ${i}`);
  });

  it('a case closed before its summary is left out of it; a summary left with one case sends that case usual alert', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    for (let i = 0; i < 5; i++) {
      fake.addGroup(groupMeta({ id: groupJid(i), subject: `Relawan Paslon 2 Desa ${i}`, participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }, { id: BOT_LID, phoneNumber: BOT_PN }] }));
      await fake.deliver(participantStub({ group: groupJid(i), id: `ADD-${i}`, author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    }
    await wa.idle();
    // The ASN leaves group 3 before the summary goes: only group 4 is left, as its usual alert.
    await fake.deliver(participantStub({ group: groupJid(3), id: 'LEAVE-3', author: ASN1_LID, authorAlt: ASN1_PN, action: 'leave', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 40);
    const toAsn = fake.sent.filter((s) => s.jid === ASN1_PN).map((s) => String(s.content['text']));
    const alerts = toAsn.filter((t) => /Mohon segera keluar dari grup tersebut/.test(t));
    expect(alerts).toHaveLength(4);
    expect(alerts.at(-1)).toContain('Relawan Paslon 2 Desa 4');
    expect(toAsn.some((t) => /grup lain/.test(t))).toBe(false);
  });

  it('a summary that sent nothing (every held case closed first) does not hold the next group an hour', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    const add = async (i: number) => {
      fake.addGroup(groupMeta({ id: groupJid(i), subject: `Relawan Paslon 2 Dusun ${i}`, participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }, { id: BOT_LID, phoneNumber: BOT_PN }] }));
      await fake.deliver(participantStub({ group: groupJid(i), id: `ADD-${i}`, author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    };
    for (let i = 0; i <= ASN_ALERTS_ALONE; i++) await add(i);
    await wa.idle();
    // The ASN leaves the one group whose alert was held before its summary is due: the summary has nothing to say.
    await fake.deliver(participantStub({ group: groupJid(ASN_ALERTS_ALONE), id: 'LEAVE', author: ASN1_LID, authorAlt: ASN1_PN, action: 'leave', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 30);
    // Alerts and summaries (the thank-you for leaving is not one).
    const toAsn = () => fake.sent.filter((s) => s.jid === ASN1_PN).map((s) => String(s.content['text'])).filter((t) => /Mohon segera keluar|grup lain/.test(t));
    expect(toAsn()).toHaveLength(ASN_ALERTS_ALONE);
    // A new group half an hour later, in the same burst: held, and due like any first summary (no summary went within
    // the hour), not an hour after the empty one.
    await add(ASN_ALERTS_ALONE + 1);
    await wa.idle();
    await drainAll(app, clock, 10);
    expect(toAsn()).toHaveLength(ASN_ALERTS_ALONE + 1);
    expect(toAsn().at(-1)).toContain(`Relawan Paslon 2 Dusun ${ASN_ALERTS_ALONE + 1}`);
  });

  it("a burst that is both one group's and one ASN's: each case reaches Humas once, and an alert held by the group says the ASN's message waits", async () => {
    const clock = fakeClock();
    // One case alone per group burst, so the second ASN added to a group is held for that group's summary.
    const { app, fake, wa } = await startBot(clock, { extra: { MASS_ALERT_THRESHOLD: '1' } });
    running.push(wa);
    const add = async (i: number, who: { lid: string; pn: string }) => {
      await fake.deliver(participantStub({ group: groupJid(i), id: `ADD-${i}-${who.lid}`, author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: who.lid, phoneNumber: who.pn }], at: clock.now }));
    };
    for (let i = 0; i < 6; i++) {
      fake.addGroup(groupMeta({ id: groupJid(i), subject: `Relawan Paslon 2 Lingkungan ${i}`, participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }, { id: BOT_LID, phoneNumber: BOT_PN }] }));
    }
    const asn1 = { lid: ASN1_LID, pn: ASN1_PN };
    const asn2 = { lid: ASN2_LID, pn: ASN2_PN };
    // Budi (ASN2) in five groups: his own burst, both for him and for Humas.
    for (let i = 0; i < 5; i++) {
      await add(i, asn2);
      clock.now += 10_000;
    }
    await wa.idle();
    await drainAll(app, clock, 5);
    // Minutes later, one more group takes Siti and then Budi: Budi's case is the group's second (held for the group's
    // summary, which ends holding it alone) and his sixth in the hour (his own alert waits for his next summary, an
    // hour after the first).
    await add(5, asn1);
    await add(5, asn2);
    await wa.idle();
    await drainAll(app, clock, 5);
    const toAdmin = () => fake.sent.filter((s) => s.jid === ADMIN_WA).map((s) => String(s.content['text']));
    const budiG5 = app.db.prepare(`SELECT id FROM incidents WHERE asn_nip = ? AND chat_id = ?`).pluck().get(ASN2.nip, groupJid(5)) as number;
    const alert = toAdmin().find((t) => t.startsWith(`⚠️ Kasus #${budiG5}:`))!;
    expect(alert).toBeDefined();
    expect(alert).not.toContain('ASN sudah dikirimi pesan pribadi');
    expect(alert).toContain('pesan pribadi untuk grup ini dikirim dalam ringkasan');
    expect(fake.sent.filter((s) => s.jid === ASN2_PN && String(s.content['text']).includes('Lingkungan 5'))).toHaveLength(0);
    clock.now += ASN_ALERT_WINDOW_MS;
    await drainAll(app, clock, 3);
    expect(fake.sent.filter((s) => s.jid === ASN2_PN && String(s.content['text']).includes('Lingkungan 5'))).toHaveLength(1);
    // Each case in exactly one Humas message: its own alert, its group's summary or its ASN's summary.
    const ids = app.db.prepare(`SELECT id FROM incidents ORDER BY id`).pluck().all() as number[];
    expect(ids).toHaveLength(7);
    const mentions = (id: number) => toAdmin().filter((t) => new RegExp(`(^|\\n|Kasus )#${id}(?!\\d)`).test(t)).length;
    expect(ids.map((id) => [id, mentions(id)])).toEqual(ids.map((id) => [id, 1]));
  });

  it('many ASN in one group at once: each ASN gets their own alert; Humas gets the group summary (the windows do not meet)', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    await fake.deliver(participantStub({ group: GROUP, id: 'ADD-ALL', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }, { id: ASN2_LID, phoneNumber: ASN2_PN }], at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 40);
    for (const jid of [ASN1_PN, ASN2_PN]) expect(fake.sent.filter((s) => s.jid === jid && /Mohon segera keluar/.test(String(s.content['text'])))).toHaveLength(1);
  });
});
