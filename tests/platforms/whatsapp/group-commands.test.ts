/**
 * Commands typed inside a WhatsApp group, through the fake socket and Baileys' own processMessage: refused as on
 * Telegram (tests/platforms/telegram/group-commands.test.ts), one text for everyone, at most once per group per
 * GROUP_REFUSAL_WINDOW_MS (the same outbox lookup), every attempt audited, no case opened.
 *
 * How a group message reaches the adapter in Baileys 7.0.0-rc14: `lib/Socket/messages-recv.js` handleMessage calls
 * `decryptMessageNode` (`lib/Utils/decode-wa-message.js`), which builds the key as `{ remoteJid: <group>@g.us,
 * participant: <sender>, participantAlt: <the sender's other handle> }`: in a LID-addressed group `participant` is
 * the sender's `@lid` and `participantAlt` their phone JID (addressingContext.senderAlt); then `upsertMessage`
 * emits `messages.upsert` type `notify` and `lib/Utils/process-message.js` runs on it. So an admin typing in a
 * group is known by phone only through `participantAlt` (or a pair learned before): that is how the fake builds it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { editMessage, ephemeralImageMessage, textMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { GROUP_REFUSAL_WINDOW_MS, GROUP_REFUSALS_PER_HOUR } from '../../../src/app/commands/index.js';
import { ADMIN_WA, ASN1, ASN1_LID, ASN1_PN, ASN2, ASN2_LID, ASN2_PN, drainAll, fakeClock, GROUP, startBot, TIMSES_LID, TIMSES_PN } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

const ADMIN_LID = '401111111111111@lid';
const OTHER_GROUP = '120363000000000002@g.us';

describe('commands in a WhatsApp group', () => {
  it('a stranger, an ASN and an admin get the same refusal once per group and window; every attempt is audited; no case, no DM', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    const refusals = () => fake.sent.filter((s) => /pesan pribadi/.test(String(s.content['text'])));
    // Three senders, three commands, one group: one refusal stands there for all.
    await fake.deliver(textMessage({ group: GROUP, id: 'C1', from: TIMSES_LID, fromAlt: TIMSES_PN, text: '/report', at: clock.now }));
    await fake.deliver(textMessage({ group: GROUP, id: 'C2', from: ASN1_LID, fromAlt: ASN1_PN, text: '/status', at: clock.now }));
    await fake.deliver(textMessage({ group: GROUP, id: 'C3', from: ADMIN_LID, fromAlt: ADMIN_WA, text: '/kasus 1', at: clock.now }));
    // The same message delivered again (an offline backlog replayed) is one attempt, not two.
    await fake.deliver(textMessage({ group: GROUP, id: 'C3', from: ADMIN_LID, fromAlt: ADMIN_WA, text: '/kasus 1', at: clock.now }));
    // An edit that turns a post into a command is not a new command (Telegram answers no edit either).
    await fake.deliver(editMessage({ group: GROUP, id: 'E1', from: TIMSES_LID, fromAlt: TIMSES_PN, targetId: 'P0', text: '/report', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(refusals().map((s) => s.jid)).toEqual([GROUP]);
    expect(String(refusals()[0]!.content['text'])).toBe('Perintah bot hanya dilayani melalui pesan pribadi ke bot, tidak di grup. Silakan kirim perintah Anda di chat pribadi dengan bot.');
    // Nothing else went anywhere: no DM to the admin, the ASN or the timses, no case.
    expect(fake.sent.filter((s) => s.jid !== GROUP)).toEqual([]);
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents`).pluck().get()).toBe(0);
    const audit = () => app.db.prepare(`SELECT actor, platform, action, args, allowed, result FROM audit ORDER BY id`).all();
    expect(audit()).toEqual([
      { actor: `wa:${TIMSES_PN}`, platform: 'whatsapp', action: '/report', args: null, allowed: 0, result: 'refused_group_chat' },
      { actor: `wa:${ASN1_PN}`, platform: 'whatsapp', action: '/status', args: null, allowed: 0, result: 'refused_group_chat' },
      { actor: `wa:${ADMIN_WA}`, platform: 'whatsapp', action: '/kasus', args: '1', allowed: 0, result: 'refused_group_chat' },
    ]);

    // Within the window: audited, not answered. Another group gets its own refusal.
    clock.now += GROUP_REFUSAL_WINDOW_MS - 5 * 60_000;
    await fake.deliver(textMessage({ group: GROUP, id: 'C4', from: TIMSES_LID, fromAlt: TIMSES_PN, text: '/help', at: clock.now }));
    await fake.deliver(textMessage({ group: OTHER_GROUP, id: 'D1', from: TIMSES_LID, fromAlt: TIMSES_PN, text: '/report', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(refusals().map((s) => s.jid)).toEqual([GROUP, OTHER_GROUP]);
    expect(audit()).toHaveLength(5);

    // After the window the group is answered again.
    clock.now += GROUP_REFUSAL_WINDOW_MS;
    await fake.deliver(textMessage({ group: GROUP, id: 'C5', from: TIMSES_LID, fromAlt: TIMSES_PN, text: '/report', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(refusals().map((s) => s.jid)).toEqual([GROUP, OTHER_GROUP, GROUP]);
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit WHERE result = 'refused_group_chat'`).pluck().get()).toBe(6);
  });

  it('an unknown slash word, and a command meant for nobody in particular, stay group messages: no answer, no audit', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    await fake.deliver(textMessage({ group: GROUP, id: 'U1', from: TIMSES_LID, fromAlt: TIMSES_PN, text: '/shrug', at: clock.now }));
    await fake.deliver(textMessage({ group: GROUP, id: 'U2', from: TIMSES_LID, fromAlt: TIMSES_PN, text: 'info /report besok ya', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(fake.sent).toEqual([]);
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit`).pluck().get()).toBe(0);
  });

  it('a photo whose caption starts like a command is no command, as on Telegram: no answer, no audit; the photo is a post like any other', async () => {
    // telegraf 4.16.3 `Composer.command` (node_modules/telegraf/lib/composer.js) listens to `message('text')` only, and
    // this project's Telegram groupReply answers only a message with `text`: a caption carries no command there.
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    // Baileys delivers a captioned photo as imageMessage.caption (here inside an ephemeralMessage wrapper).
    await fake.deliver(ephemeralImageMessage({ group: GROUP, id: 'P1', from: TIMSES_LID, fromAlt: TIMSES_PN, caption: '/report', at: clock.now }));
    await fake.deliver(ephemeralImageMessage({ group: GROUP, id: 'P2', from: ASN1_LID, fromAlt: ASN1_PN, caption: '/status foto kegiatan', at: clock.now }));
    await fake.deliver(ephemeralImageMessage({ group: GROUP, id: 'P3', from: ASN2_LID, fromAlt: ASN2_PN, caption: '/pilih coblos nomor 2 Eddy Santana - Riezky Aprilia, Pilgub Sumsel', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(fake.sent.filter((s) => s.jid === GROUP)).toEqual([]);
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit WHERE result = 'refused_group_chat'`).pluck().get()).toBe(0);
    // Both ASN posted a photo in the campaign group: a case each, as for a photo with any other caption.
    expect(app.db.prepare(`SELECT asn_nip, kind FROM incidents ORDER BY asn_nip`).all()).toEqual([
      { asn_nip: ASN1.nip, kind: 'posted' }, { asn_nip: ASN2.nip, kind: 'posted' },
    ].sort((a, b) => a.asn_nip.localeCompare(b.asn_nip)));
    // The same words typed as a text are still a command: refused, audited, no case for it.
    await fake.deliver(textMessage({ group: GROUP, id: 'T1', from: TIMSES_LID, fromAlt: TIMSES_PN, text: '/report', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(fake.sent.filter((s) => s.jid === GROUP)).toHaveLength(1);
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit WHERE result = 'refused_group_chat'`).pluck().get()).toBe(1);
  });

  it('a flood of forty commands in one group becomes one bot post there and forty audit rows', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    for (let i = 0; i < 40; i++) await fake.deliver(textMessage({ group: GROUP, id: `F${i}`, from: TIMSES_LID, fromAlt: TIMSES_PN, text: i % 3 ? '/report' : '/help', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 5);
    expect(fake.sent.filter((s) => s.jid === GROUP)).toHaveLength(1);
    expect(app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE recipient = ?`).pluck().get(GROUP)).toBe(1);
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit WHERE result = 'refused_group_chat'`).pluck().get()).toBe(40);
  });

  it('a timses making many groups and typing a command in each gets refusals in the first few only: a number posting in group after group risks a ban', async () => {
    // Each group is answered once per 10 minutes; across all WhatsApp groups at most GROUP_REFUSALS_PER_HOUR.whatsapp
    // refusals go out an hour. Every attempt is still audited.
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    const cap = GROUP_REFUSALS_PER_HOUR.whatsapp!;
    const gid = (i: number) => `1203630000000009${String(i).padStart(2, '0')}@g.us`;
    for (let i = 0; i < cap + 4; i++) await fake.deliver(textMessage({ group: gid(i), id: `M${i}`, from: TIMSES_LID, fromAlt: TIMSES_PN, text: '/report', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 10);
    const posted = () => fake.sent.filter((s) => /pesan pribadi/.test(String(s.content['text']))).map((s) => s.jid);
    expect(posted()).toEqual(Array.from({ length: cap }, (_, i) => gid(i)));
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit WHERE result = 'refused_group_chat'`).pluck().get()).toBe(cap + 4);
    // An hour later a group not yet answered is answered.
    clock.now += 3_600_000;
    await fake.deliver(textMessage({ group: gid(cap + 1), id: 'LATER', from: TIMSES_LID, fromAlt: TIMSES_PN, text: '/report', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(posted().at(-1)).toBe(gid(cap + 1));
  });
});
