/**
 * A Humas admin on a phone writes to the bot without a command (issue s29, "a busy office on a phone"), over the
 * loopback Bot API: telegraf polls the simulator, the answer goes through the outbox. A plain reply to a case alert
 * (Bot API Message.reply_to_message, @telegraf/types message.d.ts), a command typed without its "/", and a post
 * forwarded to ask "what is this?" (Message.forward_origin, Bot API 7.0) each get an answer that says what to do and
 * changes nothing. A reply to a message of several cases (Humas' summary of one ASN, a grouped escalation, a group's
 * burst summary) lists them, each with its group, instead of answering for the first. Before, each got the stranger's registration hint ("ketik /start lalu tekan tombol ...").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { leftChatMember, newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { startBudiBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
const TIMSES: SimUser = { id: 7777, first_name: 'Korlap' };
const STRANGER: SimUser = { id: 6666, first_name: 'Orang' };

let sim: TelegramSimServer;
let app: App;
let bot: SimBot;

const toAdmin = () => sim.sent.filter((m) => m.chat_id === ADMIN.id);
const counts = () => app.db.prepare(`SELECT (SELECT COUNT(*) FROM incidents) AS cases, (SELECT group_concat(status) FROM incidents) AS statuses`).get();

/** Sends a private text from `who` and waits for the next text the bot sends to that chat (a report's files follow it). */
async function ask(who: SimUser, update: Record<string, unknown>): Promise<string> {
  const texts = (s: typeof sim.sent) => s.filter((m) => m.chat_id === who.id && m.method === 'sendMessage');
  const before = texts(sim.sent).length;
  sim.pushUpdate(update);
  await sim.waitFor((s) => texts(s).length > before, 5000);
  return texts(sim.sent)[before]!.text ?? '';
}

describe('a Humas admin writing to the bot without a command', () => {
  beforeEach(async () => {
    bot = await startBudiBot({ started: [STRANGER], perChatGapMs: 5 });
    ({ sim, app } = bot);
  });
  afterEach(() => bot.stop());

  it('a plain reply to a case alert names that case and its commands, and changes nothing', async () => {
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await sim.waitFor(() => toAdmin().some((m) => /Kasus #1/.test(m.text ?? '')), 5000);
    const alert = toAdmin().find((m) => /Kasus #1/.test(m.text ?? ''))!;
    const before = counts();
    // What Telegram delivers when the admin swipes to reply: the bot's message, with its text, in reply_to_message.
    const update = textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, 'ini dia keluarga paslon, kecualikan saja');
    (update['message'] as Record<string, unknown>)['reply_to_message'] = {
      message_id: alert.message_id, date: Math.floor(Date.now() / 1000), chat: { id: ADMIN.id, type: 'private' }, from: { ...sim.bot, is_bot: true }, text: alert.text,
    };
    const answer = await ask(ADMIN, update);
    expect(answer).toContain('kasus #1');
    expect(answer).toContain('/kecualikan 1 <alasan>');
    expect(answer).toContain('/sudahkeluar 1');
    expect(answer).not.toMatch(/mendaftar|\/start/);
    expect(counts()).toEqual(before);
    expect(app.monitor.incidents.get(1)?.status).toBe('open');
  });

  it('a reply to an earlier part of a long alert finds the case by the "#N" in the bot\'s own text; a reply to the admin\'s own message does not', async () => {
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await sim.waitFor(() => toAdmin().some((m) => /Kasus #1/.test(m.text ?? '')), 5000);
    const bySelf = textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, 'gimana ini');
    (bySelf['message'] as Record<string, unknown>)['reply_to_message'] = { message_id: 1, date: 0, chat: { id: ADMIN.id, type: 'private' }, from: { ...ADMIN, is_bot: false }, text: 'Kasus #1 ya?' };
    expect(await ask(ADMIN, bySelf)).not.toContain('kasus #1');
    const byBot = textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, 'gimana ini');
    (byBot['message'] as Record<string, unknown>)['reply_to_message'] = { message_id: 424242, date: 0, chat: { id: ADMIN.id, type: 'private' }, from: { ...sim.bot, is_bot: true }, text: '⚠️ Kasus #1: ASN ditambahkan ke grup kampanye' };
    expect(await ask(ADMIN, byBot)).toContain('/kasus 1');
  });

  it("a plain reply to Humas' summary of one ASN lists the cases it stood for and how to open one, and opens none", { timeout: 20_000 }, async () => {
    // Budi added to five groups at once: three alerts alone, the other two in one summary (app/humas-asn-holds.ts).
    for (let i = 0; i < 5; i++) sim.pushUpdate(newChatMembers({ id: -1001234500100 - i, title: `Relawan Paslon 2 Desa ${i}`, type: 'supergroup' }, TIMSES, [BUDI]));
    for (let i = 0; i < 250 && (counts() as { cases: number }).cases !== 5; i++) await new Promise((r) => setTimeout(r, 20));
    // Not a minute's wait for the window: released now, as at the end of a replay (App.releaseSummaries `all`).
    app.releaseSummaries(Date.now(), true);
    app.dispatcher.wake();
    await sim.waitFor(() => toAdmin().some((m) => (m.text ?? '').startsWith('⚠️ Satu ASN ditemukan di 2 grup lain sekaligus')), 10_000);
    const summary = toAdmin().find((m) => (m.text ?? '').startsWith('⚠️ Satu ASN ditemukan'))!;
    const before = counts();
    const update = textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, 'yang ini tolong dicek');
    (update['message'] as Record<string, unknown>)['reply_to_message'] = {
      message_id: summary.message_id, date: Math.floor(Date.now() / 1000), chat: { id: ADMIN.id, type: 'private' }, from: { ...sim.bot, is_bot: true }, text: summary.text,
    };
    const answer = await ask(ADMIN, update);
    expect(answer).toContain('Pesan yang Anda balas memuat 2 kasus:');
    expect(answer).toContain('#4 "Relawan Paslon 2 Desa 3"');
    expect(answer).toContain('#5 "Relawan Paslon 2 Desa 4"');
    expect(answer).toContain('/kasus <nomor>');
    expect(answer).not.toContain('/kasus 4 ');
    expect(answer).not.toMatch(/kasus #4\b/);
    expect(answer).not.toContain('selesai');
    expect(counts()).toEqual(before);
  });

  it('a reply to a summary marks the cases closed since ("selesai"), so Humas does not chase an ASN who already left', { timeout: 20_000 }, async () => {
    for (let i = 0; i < 5; i++) sim.pushUpdate(newChatMembers({ id: -1001234500100 - i, title: `Relawan Paslon 2 Desa ${i}`, type: 'supergroup' }, TIMSES, [BUDI]));
    for (let i = 0; i < 250 && (counts() as { cases: number }).cases !== 5; i++) await new Promise((r) => setTimeout(r, 20));
    app.releaseSummaries(Date.now(), true);
    app.dispatcher.wake();
    await sim.waitFor(() => toAdmin().some((m) => (m.text ?? '').startsWith('⚠️ Satu ASN ditemukan di 2 grup lain sekaligus')), 10_000);
    const summary = toAdmin().find((m) => (m.text ?? '').startsWith('⚠️ Satu ASN ditemukan'))!;
    // Budi leaves "Desa 4" after the summary went (a left_chat_member service message: Message.LeftChatMemberMessage, node_modules/@telegraf/types/message.d.ts).
    sim.pushUpdate(leftChatMember({ id: -1001234500104, title: 'Relawan Paslon 2 Desa 4', type: 'supergroup' }, BUDI, BUDI));
    for (let i = 0; i < 250 && app.monitor.incidents.get(5)?.status === 'open'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(app.monitor.incidents.get(5)?.status).toBe('left');
    const update = textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, 'yang ini tolong dicek');
    (update['message'] as Record<string, unknown>)['reply_to_message'] = {
      message_id: summary.message_id, date: Math.floor(Date.now() / 1000), chat: { id: ADMIN.id, type: 'private' }, from: { ...sim.bot, is_bot: true }, text: summary.text,
    };
    const answer = await ask(ADMIN, update);
    expect(answer).toContain('#4 "Relawan Paslon 2 Desa 3" (Budi Santoso)\n');
    expect(answer).toContain('#5 "Relawan Paslon 2 Desa 4" (Budi Santoso), selesai\n');
  });

  it('a command typed without its slash is suggested back with it, and nothing runs', async () => {
    const answer = await ask(ADMIN, textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, 'report hari ini'));
    expect(answer).toContain('Maksud Anda: /report hari ini');
    expect(answer).not.toMatch(/mendaftar/);
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit WHERE action = '/report'`).pluck().get()).toBe(0);
    expect(sim.sent.filter((m) => m.method === 'sendDocument')).toEqual([]);
  });

  it('a post forwarded to ask "what is this?" is said to open no case, with what the classifier makes of it', async () => {
    const post = textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, 'Ayo coblos nomor 2, Herman Deru-Cik Ujang dua periode!');
    (post['message'] as Record<string, unknown>)['forward_origin'] = { type: 'hidden_user', sender_user_name: 'Korlap Kecamatan', date: Math.floor(Date.now() / 1000) - 60 };
    const answer = await ask(ADMIN, post);
    expect(answer).toMatch(/tidak membuka kasus/);
    expect(answer).toMatch(/termasuk konten Pilkada \(/);
    expect(answer).not.toMatch(/mendaftar/);
    const plain = await ask(ADMIN, textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, 'Selamat pagi, rapat jam 9'));
    expect(plain).toMatch(/tidak termasuk konten Pilkada/);
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents`).pluck().get()).toBe(0);
  });

  it('a stranger and a registered ASN keep their own answers', async () => {
    expect(await ask(STRANGER, textMessage({ id: STRANGER.id, type: 'private' }, STRANGER, 'report hari ini'))).toMatch(/Untuk mendaftar/);
    expect(await ask(BUDI, textMessage({ id: BUDI.id, type: 'private' }, BUDI, 'report hari ini'))).toMatch(/sudah terdaftar sebagai Budi Santoso/);
  });

  it('/report with the periods an office types: "7 hari", "minggu lalu", a month by name, days written day first with "s/d"; a wrong day is refused politely', async () => {
    const dm = { id: ADMIN.id, type: 'private' as const };
    const period = (text: string) => /Periode: (.*)/.exec(text)?.[1];
    expect(period(await ask(ADMIN, textMessage(dm, ADMIN, '/report 01/11/2024 s/d 30/11/2024')))).toBe('1 Nov 2024 – 30 Nov 2024');
    expect(period(await ask(ADMIN, textMessage(dm, ADMIN, '/report November 2024')))).toBe('1 Nov 2024 – 30 Nov 2024');
    expect(period(await ask(ADMIN, textMessage(dm, ADMIN, '/report 17 Agustus 2024')))).toBe('17 Agu 2024 – 17 Agu 2024');
    expect(period(await ask(ADMIN, textMessage(dm, ADMIN, '/report 7 hari terakhir')))).toMatch(/^7 hari terakhir \(/);
    expect(period(await ask(ADMIN, textMessage(dm, ADMIN, '/report minggu lalu')))).toMatch(/^\d{1,2} \w{3} \d{4} – \d{1,2} \w{3} \d{4}$/);
    const wrong = await ask(ADMIN, textMessage(dm, ADMIN, '/report 31/11/2024'));
    expect(wrong).toContain('Periode "31/11/2024" tidak dikenali');
    expect(wrong).toContain('01/11/2024 s/d 30/11/2024');
  });
});
