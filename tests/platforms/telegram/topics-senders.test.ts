/**
 * Issue 16 points 10 and 11 over the loopback Bot API (telegraf polls src/platforms/sim/telegram-server.ts).
 *
 * Point 11, who really posted: Message.sender_chat wins over `from`, which "contains a fake sender user in
 * non-channel chats, if the message was sent on behalf of a chat" (node_modules/@telegraf/types/message.d.ts,
 * Message.ServiceMessage.sender_chat): GroupAnonymousBot (1087968824) for an anonymous admin, 777000 for a
 * linked channel's automatic forward (CommonMessage.is_automatic_forward).
 *
 * Point 10, forum topics: telegraf answers a topic message in its topic (node_modules/telegraf/lib/context.js,
 * getThreadId: `message_thread_id` only when `is_topic_message`), and so must our outbox sends. A group that
 * refuses the post with 400 (topic closed, no right to write) makes the row undeliverable with a Humas notice
 * naming the group, never a silent `failed` (TelegramError from lib/core/network/client.js, callApi).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { GROUP_ANONYMOUS_BOT, newChatMembers, TELEGRAM_SERVICE_USER, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { simChats, startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const CHANNEL = { id: -1001555000111, title: 'Kanal Paslon 2', type: 'channel' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
const SARI: SimUser = { id: 5002, first_name: 'Sari', username: 'sariwulan' };
const STRANGER: SimUser = { id: 6666, first_name: 'Orang' };

let sim: TelegramSimServer;
let app: App;
let bot: SimBot;

const { to, textsTo, waitText } = simChats(() => sim);
const report = async () => (await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/report' }))!.text;

describe('who really posted, and forum topics', () => {
  beforeEach(async () => {
    bot = await startSimBot({
      asn: [
        { nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId, telegramUsername: 'budi_s' },
        { nip: '199001252015032001' as Nip, nama: 'Sari Wulandari', unit: 'Dinas Kesehatan', phone: '+6281298765432' as PhoneE164, telegramId: '5002' as TgUserId, telegramUsername: 'sariwulan' },
      ],
      started: [ADMIN, BUDI, SARI, STRANGER],
      perChatGapMs: 5,
    });
    ({ sim, app } = bot);
  });
  afterEach(() => bot.stop());

  it('a tag posted by an anonymous admin is reported with the group as the actor, in the alert and the actor statistics', async () => {
    sim.pushUpdate(textMessage(GROUP, GROUP_ANONYMOUS_BOT, 'Ayo coblos paslon nomor 2 bersama @budi_s', { senderChat: GROUP }));
    await waitText(ADMIN.id, 'Kasus #1');
    const alert = textsTo(ADMIN.id).find((t) => t.includes('Kasus #1'))!;
    expect(alert).toContain('admin anonim grup Relawan Paslon 2 Pilgub Sumsel');
    expect(alert).not.toContain('GroupAnonymousBot');
    expect(alert).toContain('Oleh: admin anonim grup');
    const row = app.db.prepare(`SELECT added_by_id, added_by_name FROM incidents`).get();
    expect(row).toEqual({ added_by_id: String(GROUP.id), added_by_name: 'admin anonim grup Relawan Paslon 2 Pilgub Sumsel' });
    expect(await report()).toContain(`admin anonim grup Relawan Paslon 2 Pilgub Sumsel (${GROUP.id})`);
    expect(await report()).not.toContain('1087968824');
  });

  it("a linked channel's automatic forward names the channel as the actor", async () => {
    sim.pushUpdate(textMessage(GROUP, TELEGRAM_SERVICE_USER, 'Kampanye akbar paslon nomor 2, hadir ya @sariwulan', { senderChat: CHANNEL, automaticForward: true }));
    await waitText(ADMIN.id, 'Kasus #1');
    expect(textsTo(ADMIN.id).find((t) => t.includes('Kasus #1'))).toContain('kanal Kanal Paslon 2');
    expect(textsTo(SARI.id)[0]).toContain('kanal Kanal Paslon 2');
    expect(textsTo(ADMIN.id).join('\n')).not.toContain('777000');
    expect(await report()).toContain(`kanal Kanal Paslon 2 (${CHANNEL.id})`);
  });

  it("a stranger's /report in a forum topic is answered in that topic; in the General topic, without one", async () => {
    sim.setChat({ ...GROUP, is_forum: true });
    sim.pushUpdate(textMessage(GROUP, STRANGER, '/report', { thread: 42 }));
    await sim.waitFor((s) => to(GROUP.id)(s).length === 1, 5000);
    expect(to(GROUP.id)(sim.sent)[0]).toMatchObject({ message_thread_id: 42 });
    expect(to(GROUP.id)(sim.sent)[0]!.text).toMatch(/pesan pribadi/);
    // Another forum (one group is refused once per 10 minutes: app/commands/index.ts GROUP_REFUSAL_WINDOW_MS).
    const OTHER = { ...GROUP, id: GROUP.id - 1 };
    sim.setChat({ ...OTHER, is_forum: true });
    sim.pushUpdate(textMessage(OTHER, STRANGER, '/status'));
    await sim.waitFor((s) => to(OTHER.id)(s).length === 1, 5000);
    expect(to(OTHER.id)(sim.sent)[0]!.message_thread_id).toBeUndefined();
  });

  it('an answer refused because its topic is closed reaches Humas as a notice naming the group', async () => {
    sim.setChat({ ...GROUP, is_forum: true });
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [STRANGER])); // the bot now knows the group by its title
    sim.setTopicClosed(GROUP.id, 43);
    sim.pushUpdate(textMessage(GROUP, STRANGER, '/report', { thread: 43 }));
    await waitText(ADMIN.id, 'tidak terkirim');
    const notice = textsTo(ADMIN.id).find((t) => t.includes('tidak terkirim'))!;
    expect(notice).toContain('grup "Relawan Paslon 2 Pilgub Sumsel"');
    expect(notice).toContain('TOPIC_CLOSED');
    expect(notice).toContain('Topik forum');
    const row = app.db.prepare(`SELECT status, last_error FROM outbox WHERE kind = 'command_reply'`).get() as { status: string; last_error: string };
    expect(row).toEqual({ status: 'undeliverable', last_error: '400: Bad Request: TOPIC_CLOSED' });
  });

  it('a 400 on a group reminder (the bot may not write there) reaches Humas as a notice naming the group', async () => {
    // The bot is in the group but restricted without can_send_messages (ChatMemberRestricted).
    sim.setBotStatus(GROUP, TIMSES, 'restricted');
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await waitText(ADMIN.id, 'tidak terkirim');
    const notice = textsTo(ADMIN.id).find((t) => t.includes('tidak terkirim'))!;
    expect(notice).toContain('(group_reminder) ke grup "Relawan Paslon 2 Pilgub Sumsel"');
    expect(notice).toContain('not enough rights to send text messages');
    expect(notice).toContain('tidak diizinkan menulis');
    const row = app.db.prepare(`SELECT status FROM outbox WHERE kind = 'group_reminder'`).pluck().get();
    expect(row).toBe('undeliverable');
    expect(to(GROUP.id)(sim.sent)).toEqual([]);
    // The ASN and Humas were still told about the case itself.
    expect(textsTo(BUDI.id).join('\n')).toContain('Relawan Paslon 2 Pilgub Sumsel');
  });
});
