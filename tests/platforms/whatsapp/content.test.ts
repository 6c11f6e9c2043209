/**
 * Polls and events are campaign text too (issue 16, point 9). A poll arrives as `pollCreationMessage` (V3 for a
 * single-answer poll, as `generateWAMessageContent` builds `{ poll }` in
 * node_modules/@whiskeysockets/baileys/lib/Utils/messages.js) with `name` and `options[].optionName`; an event
 * as `eventMessage` with `name`, `description` and `location` (WAProto `Message.EventMessage`). Delivered
 * through the fake socket, they go through Baileys' own `processMessage` like any message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eventMessage, pollMessage, textMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { ASN1, ASN1_PN, ASN2, ASN2_LID, ASN2_PN, fakeClock, GROUP, startBot, TIMSES_LID, TIMSES_PN } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

describe('WhatsApp polls and events', () => {
  it('a campaign poll tagging an ASN and a campaign event posted by an ASN open cases', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    await fake.deliver(pollMessage({ group: GROUP, id: 'POLL1', from: TIMSES_LID, fromAlt: TIMSES_PN, question: 'Siap coblos nomor 2 di Pilgub Sumsel?', options: ['Siap menangkan Eddy Santana - Riezky Aprilia', 'Masih ragu'], mentions: [ASN1_PN], at: clock.now }));
    await fake.deliver(eventMessage({ group: GROUP, id: 'EV1', from: ASN2_LID, fromAlt: ASN2_PN, name: 'Deklarasi relawan paslon 2 Eddy Santana - Riezky Aprilia', description: 'Konsolidasi tim pemenangan Pilgub Sumsel', place: 'Posko pemenangan Baturaja', startAt: clock.now + 86_400_000, at: clock.now }));
    await wa.idle();
    const cases = app.db.prepare(`SELECT asn_nip, kind, excerpt FROM incidents ORDER BY id`).all() as { asn_nip: string; kind: string; excerpt: string }[];
    expect(cases.map((c) => [c.asn_nip, c.kind])).toEqual([
      [ASN1.nip, 'mentioned'],
      [ASN2.nip, 'posted'],
    ]);
    expect(cases[0]!.excerpt).toContain('Siap coblos nomor 2');
    expect(cases[1]!.excerpt).toContain('Deklarasi relawan paslon 2');
    expect(app.registry.byNip(ASN2.nip)?.waLid).toBe(ASN2_LID);
  });

  it('a slash in front of a campaign post hides nothing: the ASN it tags gets a case (issue s29)', async () => {
    // Commands in groups make their sender no poster (core/detect.ts); a timses must not be able to tag ASN unseen by
    // starting the post with "/". An extendedTextMessage with contextInfo.mentionedJid, through Baileys' processMessage.
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    await fake.deliver(textMessage({ group: GROUP, id: 'SLASH1', from: TIMSES_LID, fromAlt: TIMSES_PN, text: '/info Ayo coblos nomor 2 Eddy Santana - Riezky Aprilia!', mentions: [ASN1_PN], at: clock.now }));
    await wa.idle();
    expect(app.db.prepare(`SELECT asn_nip, kind FROM incidents`).all()).toEqual([{ asn_nip: ASN1.nip, kind: 'mentioned' }]);
  });
});
