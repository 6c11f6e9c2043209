/**
 * The follow-up to an ASN whose case is still open says what the first alert says (issue 24 point 4): WhatsApp
 * shows no buttons, so it ends, as the alert does, with the line to reply `LAPOR`, which starts the guided
 * self-report. Through Baileys' own shapes: the addition arrives as the group-notification stub `messages-recv`
 * builds (node_modules/@whiskeysockets/baileys/lib/Socket/messages-recv.js, `handleGroupNotification`), the
 * follow-up leaves through the adapter's `sendMessage(jid, { text })` (lib/Socket/messages-send.js,
 * `sendMessage`), recorded by the fake socket as the content it was given, and the ASN's `LAPOR` reply is a
 * `conversation` message through makeEventBuffer and processMessage.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runLifecycle } from '../../../src/app/lifecycle.js';
import { participantStub, privateMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { ASN1_LID, ASN1_PN, drainAll, fakeClock, GROUP, startBot, T0, TIMSES_LID, TIMSES_PN } from '../../fixtures/whatsapp/setup.js';

const running: { wa: WhatsAppAdapter; close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.wa.stop();
    await r.close();
  }
});

async function followupOf(lang: 'id' | 'en') {
  const clock = fakeClock();
  const b = await startBot(clock, { extra: { LANGUAGE: lang, HUMAS_CONTACT: 'Humas Pemkab OKU', FOLLOWUP_HOURS: '24' } });
  running.push({ wa: b.wa, close: () => b.app.close() });
  // T0 is 1 Oct 2024 03:00 UTC (10:00 WIB): a fixed day, so "since" reads the same whatever today is.
  await b.fake.deliver(participantStub({ group: GROUP, id: 'ADD-1', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: T0 }));
  await b.wa.idle();
  await drainAll(b.app, clock, 5);
  const toAsn = () => b.fake.sent.filter((s) => s.jid === ASN1_PN);
  expect(toAsn()).toHaveLength(1);
  const alert = toAsn()[0]!;
  clock.now = T0 + 24 * 3_600_000;
  expect(runLifecycle(b.app, clock.now).followedUp).toEqual([1]);
  await drainAll(b.app, clock, 5);
  expect(toAsn()).toHaveLength(2);
  return { ...b, clock, alert, followup: toAsn()[1]!, toAsn };
}

describe('the follow-up on WhatsApp', () => {
  it('Indonesian: the whole message, ending like the first alert with the line to reply LAPOR; LAPOR starts the guided report', { timeout: 60_000 }, async () => {
    const b = await followupOf('id');
    expect(b.followup.content).toEqual({
      text: [
        'Yth. Bapak/Ibu ASN,',
        '',
        'Pengingat (kasus #1, sejak 1 Okt 2024, 10.00 WIB): kami belum mencatat Anda keluar dari grup "Relawan Paslon 2 Pilgub Sumsel" (WhatsApp).',
        'Jika Anda masih di grup tersebut, mohon segera keluar dan jangan memberi reaksi atau komentar apa pun.',
        '',
        'Jika Anda sudah keluar, balas pesan ini dengan: SUDAH KELUAR 1. Jika Anda dimasukkan tanpa persetujuan atau perlu bantuan, hubungi Humas Pemkab OKU.',
        'Ada hal lain yang tidak terlihat bot? Balas LAPOR untuk melaporkannya.',
        '',
        'Pesan otomatis Jaga Netral.',
      ].join('\n'),
    });
    // The first alert ends with the same line.
    expect((b.alert.content['text'] as string).split('\n').slice(-3)).toEqual(['Ada hal lain yang tidak terlihat bot? Balas LAPOR untuk melaporkannya.', '', 'Pesan otomatis Jaga Netral.']);

    // Replying LAPOR to the follow-up asks the first question of the guided report, choices numbered.
    await b.fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'R1', text: 'LAPOR', at: b.clock.now }));
    await b.wa.idle();
    await drainAll(b.app, b.clock, 5);
    expect(b.toAsn()).toHaveLength(3);
    expect(b.app.db.prepare(`SELECT step FROM report_flows`).get()).toEqual({ step: 'what' });
  });

  it('English: the same, in English', { timeout: 60_000 }, async () => {
    const b = await followupOf('en');
    expect(b.followup.content).toEqual({
      text: [
        'Dear civil servant,',
        '',
        'Reminder (case #1, since 1 Oct 2024, 10:00 WIB): we have not yet seen you leave the group "Relawan Paslon 2 Pilgub Sumsel" (WhatsApp).',
        'If you are still in that group, please leave it now and do not react or comment.',
        '',
        'If you have left, reply to this message with: LEFT 1. If you were added without consent or need help, contact Humas Pemkab OKU.',
        'Something else the bot did not see? Reply LAPOR to report it.',
        '',
        'Automatic message from Jaga Netral.',
      ].join('\n'),
    });
  });
});
