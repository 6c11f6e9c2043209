/**
 * Telegram numbers messages per chat: message_id is the "Unique message identifier inside this chat"
 * (node_modules/@telegraf/types/message.d.ts, Message.ServiceMessage.message_id), so two Humas admins' private chats
 * with the bot both have a message 2. A reply names only that number (reply_to_message.message_id), so the message
 * it answers is the one with that number in the replier's own chat. Here admin A had one message more before the
 * alerts (the /bantuan answer), so A's one-case alert has the number of B's mass summary text; A's reply to the
 * alert must answer for that one case, not for the 32 cases of B's summary.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SimUser } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { numberedStaff, startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234500001, title: 'Relawan Paslon 2 Kecamatan Baturaja', type: 'supergroup' as const };
const ADMIN_A: SimUser = { id: 9001, first_name: 'Humas A' };
const ADMIN_B: SimUser = { id: 9002, first_name: 'Humas B' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const N = 33;

let bot: SimBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('a reply to the bot on Telegram, with two Humas admins', () => {
  it("names the message of the replier's own chat, not another admin's message of the same number", { timeout: 30_000 }, async () => {
    const { users, asn } = numberedStaff(N);
    bot = await startSimBot({
      asn, started: [ADMIN_A, ADMIN_B, ...users], perChatGapMs: 1,
      overrides: { HUMAS_ADMINS: 'tg:9001,tg:9002', MASS_ALERT_THRESHOLD: '1', MASS_ALERT_WINDOW_SECONDS: '1' },
    });
    const { sim } = bot;
    const to = (a: SimUser) => sim.sent.filter((m) => m.chat_id === a.id);
    sim.pushUpdate(textMessage({ id: ADMIN_A.id, type: 'private' }, ADMIN_A, '/bantuan'));
    await sim.waitFor(() => to(ADMIN_A).length === 1, 5000);
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, users));
    await sim.waitFor(() => [ADMIN_A, ADMIN_B].every((a) => to(a).some((m) => m.method === 'sendDocument')), 15_000);
    const alertA = to(ADMIN_A).find((m) => (m.text ?? '').includes('Kasus #1'))!;
    const summaryB = to(ADMIN_B).find((m) => (m.text ?? '').startsWith(`⚠️ ${N - 1} ASN ditemukan sekaligus`))!;
    // The two numbers meet: A's one-case alert and B's summary text are both message 2 of their chats.
    expect(alertA.message_id).toBe(summaryB.message_id);

    const reply = textMessage({ id: ADMIN_A.id, type: 'private' }, ADMIN_A, 'ini bagaimana?');
    (reply['message'] as Record<string, unknown>)['reply_to_message'] = {
      message_id: alertA.message_id, date: Math.floor(Date.now() / 1000), chat: { id: ADMIN_A.id, type: 'private' }, from: { ...sim.bot, is_bot: true }, text: alertA.text,
    };
    const before = to(ADMIN_A).length;
    sim.pushUpdate(reply);
    await sim.waitFor(() => to(ADMIN_A).length > before, 5000);
    const answer = to(ADMIN_A)[before]!.text ?? '';
    expect(answer).not.toContain('Pesan yang Anda balas memuat');
    expect(answer).toContain('tidak mengubah kasus #1. Untuk kasus ini:');
  });
});

describe('the migration that keys outbox_parts by row as well', () => {
  it('keeps the parts recorded before it, and each row finds its own parts of the same number', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { migrate } = await import('../../../src/store/db.js');
    const { MIGRATIONS } = await import('../../../src/store/migrations.js');
    const { OutboxStore } = await import('../../../src/store/outbox.js');
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const rebuild = MIGRATIONS.findIndex((m) => typeof m === 'string' && m.includes('CREATE TABLE outbox_parts_new'));
    expect(rebuild).toBeGreaterThan(0);
    for (let i = 0; i < rebuild; i++)
      db.transaction(() => {
        const step = MIGRATIONS[i]!;
        if (typeof step === 'string') db.exec(step);
        else step(db);
        db.pragma(`user_version = ${i + 1}`);
      })();
    const row = db.prepare(`INSERT INTO outbox (dedupe_key, platform, recipient, recipient_kind, kind, text, created_at, next_attempt_at) VALUES (?, 'telegram', ?, 'user', 'humas_mass_alert', 'x', 1, 1)`);
    const a = Number(row.run('k-a', '9001').lastInsertRowid);
    const b = Number(row.run('k-b', '9002').lastInsertRowid);
    db.prepare(`INSERT INTO outbox_parts (platform, platform_message_id, outbox_id) VALUES ('telegram', '2', ?)`).run(a);
    migrate(db);
    const outbox = new OutboxStore(db);
    outbox.notePart(b, 'telegram', '2');
    expect(db.prepare(`SELECT outbox_id FROM outbox_parts ORDER BY outbox_id`).pluck().all()).toEqual([a, b]);
    expect(outbox.byPlatformMessageId('telegram', '2', '9001')?.id).toBe(a);
    expect(outbox.byPlatformMessageId('telegram', '2', '9002')?.id).toBe(b);
    expect(outbox.byPlatformMessageId('telegram', '2', '9003')).toBeUndefined();
    db.close();
  });
});
