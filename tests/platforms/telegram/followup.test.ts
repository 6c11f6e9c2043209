/**
 * The follow-up to an ASN whose case is still open carries what the first alert carries (issue 24 point 4): on
 * Telegram the case buttons and the *Laporkan* row below them, whose callback starts the guided self-report.
 * Through telegraf over real HTTP to the loopback Bot API simulator: the lifecycle queues the follow-up, the
 * dispatcher sends it with the Telegram messenger (telegraf's `sendMessage` with `reply_markup.inline_keyboard`,
 * node_modules/telegraf/lib/telegram.js `sendMessage`), and the simulator records the call as the Bot API received
 * it; the *Laporkan* button is then pressed (a `callback_query` update, which telegraf hands to the adapter's
 * `bot.on('callback_query')`: node_modules/telegraf/lib/composer.js) and the guided report begins.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runLifecycle } from '../../../src/app/lifecycle.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { callbackQuery, newChatMembers } from '../../../src/platforms/sim/telegram-updates.js';
import { simChats, startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
const BUDI_ASN = { nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId };
/** 4 Nov 2024 03:00 UTC (10:00 WIB), a fixed day: the follow-up's "since" reads the same whatever today is. */
const ADDED_AT = Date.UTC(2024, 10, 4, 3, 0, 0);

let sim: TelegramSimServer;
let bot: SimBot;
const { to } = simChats(() => sim);

async function followupOf(lang: 'id' | 'en') {
  bot = await startSimBot({ overrides: { LANGUAGE: lang, HUMAS_CONTACT: 'Humas Pemkab OKU', FOLLOWUP_HOURS: '24' }, asn: [BUDI_ASN], started: [ADMIN, BUDI], perChatGapMs: 5 });
  sim = bot.sim;
  sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI], { date: ADDED_AT / 1000 }));
  await sim.waitFor((s) => to(BUDI.id)(s).length === 1, 5000);
  const alert = to(BUDI.id)(sim.sent)[0]!;
  // A day later the case is still open: one follow-up.
  expect(runLifecycle(bot.app, ADDED_AT + 24 * 3_600_000).followedUp).toEqual([1]);
  await sim.waitFor((s) => to(BUDI.id)(s).length === 2, 5000);
  return { alert, followup: to(BUDI.id)(sim.sent)[1]! };
}

describe('the follow-up on Telegram', () => {
  afterEach(() => bot.stop());

  it('Indonesian: the whole text, and the first alert’s keyboard with its Laporkan row; the button starts the guided report', async () => {
    const { alert, followup } = await followupOf('id');
    expect(followup.method).toBe('sendMessage');
    expect(followup.text).toBe(
      [
        'Yth. Bapak/Ibu ASN,',
        '',
        'Pengingat (kasus #1, sejak 4 Nov 2024, 10.00 WIB): kami belum mencatat Anda keluar dari grup "Relawan Paslon 2 Pilgub Sumsel" (Telegram).',
        'Jika Anda masih di grup tersebut, mohon segera keluar dan jangan memberi reaksi atau komentar apa pun.',
        '',
        'Jika Anda sudah keluar, ketuk "Saya sudah keluar". Jika Anda dimasukkan tanpa persetujuan atau perlu bantuan, ketuk "Saya perlu bantuan Humas" atau hubungi Humas Pemkab OKU.',
        '',
        'Pesan otomatis Jaga Netral.',
      ].join('\n'),
    );
    const keyboard = {
      inline_keyboard: [
        [{ text: 'Saya sudah keluar', callback_data: 'left:1' }, { text: 'Saya perlu bantuan Humas', callback_data: 'help:1' }],
        [{ text: 'Laporkan', callback_data: 'lapor:start' }],
      ],
    };
    expect(followup.reply_markup).toEqual(keyboard);
    expect(alert.reply_markup).toEqual(keyboard);

    // Pressed under the follow-up, Laporkan asks the first question of the guided report.
    sim.pushUpdate(callbackQuery(BUDI, 'lapor:start', { message_id: followup.message_id, chat: { id: BUDI.id, type: 'private' }, date: ADDED_AT / 1000 + 86_400, text: followup.text }));
    await sim.waitFor((s) => to(BUDI.id)(s).length === 3, 5000);
    const question = to(BUDI.id)(sim.sent)[2]!;
    expect((question.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat().map((b) => b.callback_data))
      .toEqual(['lapor:what:added', 'lapor:what:tagged', 'lapor:what:photo', 'lapor:what:other', 'lapor:cancel']);
    expect(bot.app.db.prepare(`SELECT step, asn_nip FROM report_flows`).get()).toEqual({ step: 'what', asn_nip: BUDI_ASN.nip });
  });

  it('English: the same keyboard in English', async () => {
    const { followup } = await followupOf('en');
    expect(followup.text).toBe(
      [
        'Dear civil servant,',
        '',
        'Reminder (case #1, since 4 Nov 2024, 10:00 WIB): we have not yet seen you leave the group "Relawan Paslon 2 Pilgub Sumsel" (Telegram).',
        'If you are still in that group, please leave it now and do not react or comment.',
        '',
        'If you have left, tap "I have left". If you were added without consent or need help, tap "I need Humas help" or contact Humas Pemkab OKU.',
        '',
        'Automatic message from Jaga Netral.',
      ].join('\n'),
    );
    expect(followup.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: 'I have left', callback_data: 'left:1' }, { text: 'I need Humas help', callback_data: 'help:1' }],
        [{ text: 'Report something', callback_data: 'lapor:start' }],
      ],
    });
  });
});
