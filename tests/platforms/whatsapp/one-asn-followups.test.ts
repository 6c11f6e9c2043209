/**
 * One ASN in many WhatsApp groups, a day later: their follow-ups fall due in one lifecycle pass and go as one
 * message listing the cases, ending like every WhatsApp follow-up with how to reply (SUDAH KELUAR <kasus>, LAPOR);
 * a day later the escalations go to Humas as one message for that ASN. The additions arrive as participant stubs
 * that Baileys' processMessage turns into `group-participants.update` (lib/Utils/process-message.js); the messages
 * leave through the adapter's `sendMessage(jid, { text })` (lib/Socket/messages-send.js), recorded by the fake socket.
 * The ASN's reply naming one case is read as for a one-case follow-up: that case alone is checked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runLifecycle } from '../../../src/app/lifecycle.js';
import { getCase } from '../../../src/app/office/cases.js';
import { caseEvidence } from '../../../src/store/evidence.js';
import { groupMeta, participantStub, privateMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { ADMIN_WA, ASN1_LID, ASN1_PN, BOT_LID, BOT_PN, drainAll, fakeClock, startBot, T0, TIMSES_LID, TIMSES_PN } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

const groupJid = (i: number) => `1203630000000002${String(i).padStart(2, '0')}@g.us`;
const DAY = 24 * 3_600_000;

describe('one ASN in many WhatsApp groups: follow-ups and escalations fall due together', () => {
  it('one follow-up listing the cases, a reply naming one case checks that case, one escalation to Humas for the rest', { timeout: 60_000 }, async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock, { extra: { FOLLOWUP_HOURS: '24', QUIET_HOURS: 'off' } });
    running.push(wa);
    const N = 6;
    for (let i = 0; i < N; i++) {
      fake.addGroup(groupMeta({ id: groupJid(i), subject: `Relawan Paslon 2 Blok ${i}`, participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }, { id: BOT_LID, phoneNumber: BOT_PN }, { id: ASN1_LID, phoneNumber: ASN1_PN }] }));
      await fake.deliver(participantStub({ group: groupJid(i), id: `ADD-${i}`, author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    }
    await wa.idle();
    await drainAll(app, clock, 10);
    const toAsn = () => fake.sent.filter((s) => s.jid === ASN1_PN).map((s) => String(s.content['text']));
    const toAdmin = () => fake.sent.filter((s) => s.jid === ADMIN_WA).map((s) => String(s.content['text']));
    const asnBefore = toAsn().length;

    clock.now = T0 + DAY;
    expect(runLifecycle(app, clock.now).followedUp).toHaveLength(N);
    await drainAll(app, clock, 5);
    const followups = toAsn().slice(asnBefore);
    expect(followups).toHaveLength(1);
    expect(followups[0]).toContain(`kami belum mencatat Anda keluar dari ${N} grup berikut (WhatsApp)`);
    for (let i = 0; i < N; i++) expect(followups[0]).toContain(`- Kasus #${i + 1}: "Relawan Paslon 2 Blok ${i}" (sejak 1 Okt 2024, 10.`);
    expect(followups[0]).toContain('balas pesan ini dengan: SUDAH KELUAR <nomor kasus>, mis. SUDAH KELUAR 1.');
    expect(followups[0]).toContain('Balas LAPOR');
    const row = app.db.prepare(`SELECT id, incident_id AS incidentId FROM outbox WHERE kind = 'asn_followup'`).all() as { id: number; incidentId: number }[];
    expect(row).toHaveLength(1);
    expect(app.monitor.outbox.casesOf(row[0]!.id)).toEqual([1, 2, 3, 4, 5, 6]);

    // The ASN leaves group 2 and says so for that case: its roster no longer lists them, so case #3 closes alone.
    fake.addGroup(groupMeta({ id: groupJid(2), subject: 'Relawan Paslon 2 Blok 2', participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }, { id: BOT_LID, phoneNumber: BOT_PN }] }));
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'LEFT-3', text: 'SUDAH KELUAR 3', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 5);
    expect(app.db.prepare(`SELECT id FROM incidents WHERE status != 'open'`).pluck().all()).toEqual([3]);

    const humasBefore = toAdmin().length;
    clock.now = T0 + 2 * DAY;
    expect(runLifecycle(app, clock.now).escalated).toEqual([1, 2, 4, 5, 6]);
    await drainAll(app, clock, 5);
    const escalations = toAdmin().slice(humasBefore).filter((t) => t.startsWith('⏫'));
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toContain('⏫ Eskalasi 5 kasus: ASN belum tercatat keluar dari grup kampanye');
    expect(escalations[0]).toContain('Telepon: +6281234567890');
    expect(escalations[0]).not.toContain('Kasus #3:');
    expect(escalations[0]).toContain('pengingat ke ASN 2 Okt 2024, 10.');
    expect(escalations[0]).not.toContain('tidak dapat dikirim');
    // Each case's own history (cases show, the dashboard, the dossier) lists the shared messages it was part of.
    for (const id of [4, 6]) {
      expect(getCase(app, id)!.messages.map((m) => m.kind)).toEqual(expect.arrayContaining(['asn_followup', 'humas_escalation']));
      expect(caseEvidence(app.db, id, clock.now)!.messages.map((m) => m.kind)).toEqual(expect.arrayContaining(['asn_followup', 'humas_escalation']));
    }
  });
});
