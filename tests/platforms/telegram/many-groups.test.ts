/**
 * Many groups adding the bot at once (issue s29, attacker: a timses that wants to bury Humas in notices). The bot's own
 * status in each group arrives as `my_chat_member` (ChatMemberUpdated, node_modules/@telegraf/types/manage.d.ts; the
 * simulator's setBotStatus queues it as the Bot API sends it), with the service message `new_chat_members`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers } from '../../../src/platforms/sim/telegram-updates.js';
import { startSimBot, type SimBot } from '../../support/telegram.js';

const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };

let sim: TelegramSimServer;
let app: App;
let bot: SimBot;

describe('many groups adding the bot at once', () => {
  beforeEach(async () => {
    bot = await startSimBot({ started: [ADMIN], perChatGapMs: 1 });
    ({ sim, app } = bot);
  });
  afterEach(() => bot.stop());

  it('Humas gets the first few notices one by one, then one saying more came, not one per group', async () => {
    const N = 40;
    for (let i = 0; i < N; i++) {
      const g = { id: -1001000000000 - i, title: `Relawan Paslon 2 Kecamatan ${i}`, type: 'supergroup' as const };
      sim.pushUpdate(newChatMembers(g, TIMSES, [{ ...sim.bot }]));
      sim.setBotStatus(g, TIMSES, 'member');
    }
    const seen = () => app.db.prepare(`SELECT COUNT(*) FROM chats WHERE platform = 'telegram' AND bot_admin = 0`).pluck().get() as number;
    const until = Date.now() + 10_000;
    while (seen() < N && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(seen()).toBe(N);
    for (let i = 0; i < 100 && app.monitor.outbox.depth().pending > 0; i++) await new Promise((r) => setTimeout(r, 50));
    const toAdmin = sim.sent.filter((m) => m.chat_id === ADMIN.id).map((m) => m.text ?? '');
    // MASS_ALERT_THRESHOLD (3) notices naming their group, then one saying more came and where they are listed.
    expect(toAdmin).toHaveLength(4);
    expect(toAdmin.slice(0, 3).every((t) => /sebagai anggota biasa, tanpa hak admin/.test(t))).toBe(true);
    expect(toAdmin[3]).toContain('dimasukkan ke lebih dari 3 grup tanpa hak admin berturut-turut');
    expect(toAdmin[3]).toContain('/status');
    // Every group is still listed where the notice says.
    const status = (await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/status' }))!.text;
    expect(status).toContain(`bot bukan admin di ${N} grup`);
  });
});
