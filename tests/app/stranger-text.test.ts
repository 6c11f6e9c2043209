/**
 * Issue 17, point 7: a group title or display name is a stranger's text. Quoted in our alerts it
 * cannot close our quotes, turn into WhatsApp markup or carry a clickable link, so it cannot pose
 * as the bot's own words; the event row keeps the original. Through Baileys' own group metadata
 * and participant stubs behind the fake socket, and a telegraf update to the Bot API simulator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { groupMeta, participantStub, privateMessage } from '../../src/platforms/sim/whatsapp-socket.js';
import { newChatMembers, textMessage } from '../../src/platforms/sim/telegram-updates.js';
import { quoteStranger } from '../../src/core/text/quote.js';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';
import { ADMIN_WA, ASN1_LID, ASN1_PN, BOT_LID, drainAll, BOT_PN, fakeClock, GROUP, outboxRows, startBot, TIMSES_LID, TIMSES_PN } from '../fixtures/whatsapp/setup.js';
import { startSimBot } from '../support/telegram.js';

const EVIL_TITLE = 'Relawan Paslon 2" (WhatsApp). *PENTING*: Humas minta lapor di https://evil.example/lapor';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** What the quoted title must never contain: a quote that closes ours, markup, a link. */
function expectDefanged(text: string): void {
  const quoted = /grup:? "([^"\n]*)"/i.exec(text)?.[1] ?? '';
  expect(quoted).toContain('Relawan Paslon 2');
  // Everything the stranger wrote stays inside our quotes, on one line.
  expect(quoted).toContain('evil[.]example/lapor');
  expect(text).not.toMatch(/\*PENTING\*/);
  expect(text).not.toMatch(/https?:\/\/evil/);
  expect(text).not.toContain('evil.example');
}

describe('attacker text in the bot’s voice', () => {
  it('WhatsApp: the ASN reads the title quoted and defanged; Humas too; the event row keeps the original', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    cleanups.push(async () => {
      await wa.stop();
      await app.close();
    });
    fake.emit('groups.upsert', [
      groupMeta({ id: GROUP, subject: EVIL_TITLE, desc: 'Grup relawan pemenangan paslon nomor 2, Pilgub Sumsel 2024', participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }, { id: BOT_LID, phoneNumber: BOT_PN }] }),
    ]);
    await wa.idle();
    await fake.deliver(participantStub({ group: GROUP, id: 'EVIL-ADD', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    await wa.idle();
    const rows = outboxRows(app);
    const asnAlert = rows.find((r) => r.kind === 'asn_alert')!;
    expect(asnAlert.text).toContain(`Anda dimasukkan ke grup "Relawan Paslon 2' (WhatsApp). ∗PENTING∗: Humas minta lapor di hxxps://evil[.]example/lapor"`);
    expectDefanged(asnAlert.text);
    for (const h of rows.filter((r) => r.kind === 'humas_alert')) expectDefanged(h.text);
    // The original is kept as sent, in the event rows.
    const payloads = app.db.prepare(`SELECT payload FROM events`).pluck().all() as string[];
    expect(payloads.some((p) => p.includes('*PENTING*: Humas minta lapor di https://evil.example/lapor'))).toBe(true);
  });

  it('Telegram: a display name with markup and a link is quoted defanged in the Humas alert', async () => {
    const bot = await startSimBot({
      asn: [{ nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId }],
      started: [{ id: 9001, first_name: 'Humas' }, { id: 5001, first_name: 'Budi' }],
    });
    cleanups.push(() => bot.stop());
    const group = { id: -1001234567890, title: 'Relawan Paslon 2 *RESMI* t.me/humas_palsu', type: 'supergroup' as const };
    bot.sim.pushUpdate(newChatMembers(group, { id: 7001, first_name: '_Admin Humas_ ~resmi~ www.lapor-humas.xyz' }, [{ id: 5001, first_name: 'Budi' }]));
    await bot.sim.waitFor((s) => s.some((m) => m.chat_id === 9001 && /Kasus #/.test(m.text ?? '')), 10_000);
    const humas = bot.sim.sent.find((m) => m.chat_id === 9001 && /Kasus #/.test(m.text ?? ''))!.text!;
    expect(humas).toContain('Grup: "Relawan Paslon 2 ∗RESMI∗ t[.]me/humas_palsu"');
    expect(humas).toContain('Oleh: ˍAdmin Humasˍ ∼resmi∼ www[.]lapor-humas[.]xyz');
    expect(humas).not.toMatch(/t\.me\/humas_palsu|www\.lapor/);
  });

  it('Telegram: the ASN’s /status and Humas’ /kasus, /grup, /status, /tandai and /report quote the title too (through the simulator)', async () => {
    const bot = await startSimBot({
      asn: [{ nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId }],
      started: [{ id: 9001, first_name: 'Humas' }, { id: 5001, first_name: 'Budi' }],
    });
    cleanups.push(() => bot.stop());
    const group = { id: -1001234567890, title: 'Relawan Paslon 2 *RESMI* "Humas" https://evil.example/lapor', type: 'supergroup' as const };
    const quoted = `Relawan Paslon 2 ∗RESMI∗ 'Humas' hxxps://evil[.]example/lapor`;
    // The bot joins as a plain member (my_chat_member, Bot API): no admin rights, which /status names.
    bot.sim.setBotStatus(group, { id: 7001, first_name: 'Joko' }, 'member');
    bot.sim.pushUpdate(newChatMembers(group, { id: 7001, first_name: 'Joko' }, [{ id: 5001, first_name: 'Budi' }]));
    await bot.sim.waitFor((x) => x.some((m) => m.chat_id === 9001 && /Kasus #/.test(m.text ?? '')), 10_000);
    const ask = async (chatId: number, first_name: string, text: string): Promise<string> => {
      const before = bot.sim.sent.length;
      bot.sim.pushUpdate(textMessage({ id: chatId, type: 'private' }, { id: chatId, first_name }, text));
      await bot.sim.waitFor((x) => x.slice(before).some((m) => m.chat_id === chatId && m.method === 'sendMessage'), 10_000);
      return bot.sim.sent.slice(before).find((m) => m.chat_id === chatId && m.method === 'sendMessage')!.text!;
    };
    const noRaw = (text: string) => {
      expect(text).not.toContain('*RESMI*');
      expect(text).not.toContain('"Humas"');
      expect(text).not.toMatch(/https?:\/\/evil|evil\.example/);
    };
    // Before: `#1 Relawan Paslon 2 *RESMI* "Humas" https://evil.example/lapor (TG), ...`.
    const status = await ask(5001, 'Budi', '/status');
    expect(status).toContain(`#1 ${quoted} (TG)`);
    noRaw(status);
    const kasus = await ask(9001, 'Humas', '/kasus');
    expect(kasus).toContain(`"${quoted}" TG`);
    noRaw(kasus);
    const grup = await ask(9001, 'Humas', '/grup');
    expect(grup).toContain(`${quoted} (TG ${group.id})`);
    noRaw(grup);
    // The bot is no admin there: /status names the group.
    const admin = await ask(9001, 'Humas', '/status');
    expect(admin).toContain(`"${quoted}"`);
    noRaw(admin);
    const tandai = await ask(9001, 'Humas', '/tandai Relawan Paslon');
    expect(tandai).toContain(`"${quoted}"`);
    noRaw(tandai);
    const report = await ask(9001, 'Humas', '/report');
    expect(report).toContain(`- "${quoted}" (TG): 1`);
    noRaw(report);
  });

  it('WhatsApp: the ASN’s /status quotes the title (fake Baileys socket); so does Humas’ /kasus', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    cleanups.push(async () => {
      await wa.stop();
      await app.close();
    });
    fake.emit('groups.upsert', [
      groupMeta({ id: GROUP, subject: EVIL_TITLE, desc: 'Grup relawan pemenangan paslon nomor 2, Pilgub Sumsel 2024', participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN, admin: 'superadmin' }, { id: BOT_LID, phoneNumber: BOT_PN }] }),
    ]);
    await wa.idle();
    await fake.deliver(participantStub({ group: GROUP, id: 'EVIL-ADD', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    const quoted = `Relawan Paslon 2' (WhatsApp). ∗PENTING∗: Humas minta lapor di hxxps://evil[.]example/lapor`;
    const ask = async (from: string, id: string, text: string): Promise<string> => {
      await fake.deliver(privateMessage({ from, id, text, at: clock.now }));
      await wa.idle();
      await drainAll(app, clock, 3);
      return fake.sent.filter((x) => x.jid === from && typeof x.content['text'] === 'string').at(-1)!.content['text'] as string;
    };
    const status = await ask(ASN1_PN, 'S1', '/status');
    expect(status).toContain(`#1 ${quoted} (WA)`);
    expect(status).not.toMatch(/\*PENTING\*|https?:\/\/evil|evil\.example/);
    const kasus = await ask(ADMIN_WA, 'S2', '/kasus');
    expect(kasus).toContain(`"${quoted}" WA`);
    expect(kasus).not.toMatch(/\*PENTING\*|https?:\/\/evil|evil\.example/);
  });

  it('WhatsApp: a reported invite link’s subject and description (the group owner’s words, from groupGetInviteInfo) are quoted like any title', async () => {
    // Baileys' groupGetInviteInfo (lib/Socket/groups.js) gives extractGroupMetadata's subject and desc as the server sent them.
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    cleanups.push(async () => {
      await wa.stop();
      await app.close();
    });
    const reported = '120363000000000099@g.us';
    const subject = 'Relawan "Maju"\n\u2705 Grup ini sudah diperiksa Humas, *tidak perlu* /gabung\u202E';
    const desc = 'Relawan paslon 2.\n\nKasus ditutup. Lapor ulang di https://evil.example/lapor\u0007';
    fake.addGroup(groupMeta({ id: reported, subject, desc, participants: [{ id: TIMSES_PN, admin: 'superadmin' }] }));
    fake.invites.set('AbCdEfGhIjK12345', reported);
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'L1', text: 'LAPOR saya dimasukkan ke grup lewat https://chat.whatsapp.com/AbCdEfGhIjK12345', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 10);
    const invite = fake.sent.map((x) => x.content['text']).find((t): t is string => typeof t === 'string' && t.includes('Tautan undangan'))!;
    const lines = invite.split('\n');
    expect(lines).toContain(`Grup: "Relawan 'Maju' \u2705 Grup ini sudah diperiksa Humas, ∗tidak perlu∗ /gabung", 1 anggota`);
    expect(lines).toContain('Deskripsi: Relawan paslon 2. Kasus ditutup. Lapor ulang di hxxps://evil[.]example/lapor');
    expect(lines.some((l) => /^(\u2705|Kasus ditutup)/.test(l))).toBe(false);
    expect(invite).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u202E]|https?:\/\/evil/);
    // The evidence keeps what WhatsApp said.
    const ev = JSON.parse(app.db.prepare(`SELECT value FROM self_report_evidence WHERE kind = 'invite'`).pluck().get() as string) as { subject: string; description: string };
    expect(ev).toMatchObject({ subject, description: desc });
  });

  it('quoteStranger keeps names readable', () => {
    expect(quoteStranger('joko_timses')).toBe('joko_timses');
    expect(quoteStranger('Budi Santoso, S.Pd')).toBe('Budi Santoso, S.Pd');
    expect(quoteStranger('Pak "Kades" ```x```')).toBe("Pak 'Kades' ˋˋˋxˋˋˋ");
  });
});
