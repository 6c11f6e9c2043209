/**
 * A Humas admin on Telegram replying to a mass summary that came with its CSV file: the text and the file are two
 * messages, each with its own message_id (sendMessage, then sendDocument: src/platforms/telegram/messenger.ts), and a
 * reply carries the one it answers in `reply_to_message`: a TextMessage with `text`, or a DocumentMessage with
 * `document` and `caption` (node_modules/@telegraf/types/message.d.ts, Message.reply_to_message,
 * Message.DocumentMessage). Before, the outbox kept only the file's id, so a reply to the summary's text fell back on
 * the first "#N" of that text and answered for one case of the 32. The answer lists the first REPLIED_CASES_MAX cases
 * with their groups in one statement (better-sqlite3 Statement.get/all counted by their SQL), the rest counted.
 */
import type { Statement } from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPLIED_CASES_MAX } from '../../../src/app/admin-text.js';
import type { SimUser } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { numberedStaff, startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234500001, title: 'Relawan Paslon 2 Kecamatan Baturaja', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const N = 33;

let bot: SimBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe("a reply to a Telegram summary's text or CSV file", () => {
  it('lists every case of the summary either way', { timeout: 30_000 }, async () => {
    const { users, asn } = numberedStaff(N);
    bot = await startSimBot({ asn, started: [ADMIN, ...users], perChatGapMs: 1, overrides: { MASS_ALERT_THRESHOLD: '1', MASS_ALERT_WINDOW_SECONDS: '1' } });
    const { sim } = bot;
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, users));
    const summaryStart = `⚠️ ${N - 1} ASN ditemukan sekaligus`;
    await sim.waitFor((s) => s.some((m) => m.chat_id === ADMIN.id && m.method === 'sendDocument'), 15_000);
    const text = sim.sent.find((m) => m.chat_id === ADMIN.id && (m.text ?? '').startsWith(summaryStart))!;
    const file = sim.sent.find((m) => m.chat_id === ADMIN.id && m.method === 'sendDocument')!;
    expect(text).toBeDefined();
    expect(file.document?.filename).toMatch(/\.csv$/);

    const answerTo = async (replied: Record<string, unknown>): Promise<string> => {
      const reply = textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, 'ini bagaimana?');
      (reply['message'] as Record<string, unknown>)['reply_to_message'] = {
        date: Math.floor(Date.now() / 1000), chat: { id: ADMIN.id, type: 'private' }, from: { ...sim.bot, is_bot: true }, ...replied,
      };
      const before = sim.sent.filter((m) => m.chat_id === ADMIN.id).length;
      sim.pushUpdate(reply);
      await sim.waitFor((s) => s.filter((m) => m.chat_id === ADMIN.id).length > before, 5000);
      return sim.sent.filter((m) => m.chat_id === ADMIN.id)[before]!.text ?? '';
    };
    // The listed cases come with their groups and marks in one statement of at most REPLIED_CASES_MAX rows (a join in
    // app/admin-text.ts), not a case, a chats row and an incident_unverified row read per case.
    const runs: { sql: string; rows: number }[] = [];
    const proto = Object.getPrototypeOf(bot.app.db.prepare('SELECT 1')) as Statement;
    const { get, all } = proto;
    proto.get = function (this: Statement, ...args: unknown[]) {
      const r = get.apply(this, args);
      runs.push({ sql: this.source, rows: r === undefined ? 0 : 1 });
      return r;
    } as Statement['get'];
    proto.all = function (this: Statement, ...args: unknown[]) {
      const r = all.apply(this, args);
      runs.push({ sql: this.source, rows: r.length });
      return r;
    } as Statement['all'];
    const perCase = [vi.spyOn(bot.app.monitor.incidents, 'get'), vi.spyOn(bot.app.monitor.incidents, 'unverifiedOf'), vi.spyOn(bot.app.monitor.chats, 'get')];
    let onText: string;
    try {
      onText = await answerTo({ message_id: text.message_id, text: text.text });
    } finally {
      Object.assign(proto, { get, all });
    }
    expect(perCase[0]!.mock.calls).toEqual([]);
    expect(perCase[1]!.mock.calls).toEqual([]);
    expect(perCase[2]!.mock.calls.filter(([, chatId]) => chatId === String(GROUP.id))).toEqual([]);
    for (const s of perCase) s.mockRestore();
    const caseReads = runs.filter((r) => /\b(incidents|incident_unverified)\b/.test(r.sql) || /\bFROM chats\b/.test(r.sql));
    expect(caseReads).toEqual([{ sql: expect.stringMatching(/FROM incidents i LEFT JOIN chats c .* LEFT JOIN incident_unverified u .* LIMIT \?/s), rows: REPLIED_CASES_MAX }]);
    expect(onText).toContain(`… dan ${N - 1 - REPLIED_CASES_MAX} lagi`);
    const onFile = await answerTo({
      message_id: file.message_id, caption: file.caption,
      document: { file_id: 'BQACAgUAAxkBAAIBZ2csv', file_unique_id: 'AgADcsv', file_name: file.document!.filename, mime_type: 'text/csv' },
    });
    for (const a of [onText, onFile]) expect(a).toContain(`Pesan yang Anda balas memuat ${N - 1} kasus:`);
    expect(onText).toBe(onFile);
  });
});
