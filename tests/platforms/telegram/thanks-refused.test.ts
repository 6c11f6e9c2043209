/**
 * An ASN who left the campaign group and blocked the bot: the thank-you (app/alerts.ts THANKS_KIND) is refused with
 * 403 "Forbidden: bot was blocked by the user" (the simulator's blockedBot, as telegraf's TelegramError from
 * sendMessage, node_modules/telegraf/lib/telegram.js). The case is closed and there is nothing for Humas to do, so no
 * "📵 Pesan bot ... tidak terkirim" notice goes to Humas: the digest already says whether the thank-you arrived.
 * Before, the generic notice of a refused message (App.noteMessageUndeliverable) went to every Humas admin.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SimUser } from '../../../src/platforms/sim/telegram-server.js';
import { leftChatMember, newChatMembers } from '../../../src/platforms/sim/telegram-updates.js';
import { ASN } from '../../support/app.js';
import { simChats, startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234500078, title: 'Relawan Paslon 2 Kelurahan Sukaraya', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };

let bot: SimBot;
afterEach(() => bot.stop());

describe('a thank-you the ASN blocked', () => {
  it('is marked undeliverable and Humas gets no notice of it', { timeout: 20_000 }, async () => {
    bot = await startSimBot({ asn: [ASN.budi], started: [ADMIN, BUDI], perChatGapMs: 1 });
    const { sim, app } = bot;
    const { textsTo, waitText } = simChats(() => sim);
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await waitText(BUDI.id, 'Relawan');
    await waitText(ADMIN.id, 'Kasus #1');
    sim.blockedBot(BUDI.id);
    sim.pushUpdate(leftChatMember(GROUP, BUDI, BUDI));
    const thanks = () => app.db.prepare(`SELECT status FROM outbox WHERE kind = 'thanks_left'`).pluck().get();
    for (let i = 0; i < 250 && thanks() !== 'undeliverable'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(app.monitor.incidents.get(1)?.status).toBe('left');
    expect(thanks()).toBe('undeliverable');
    // Time for a notice to be queued and sent, were one queued.
    await app.dispatcher.drainOnce();
    await new Promise((r) => setTimeout(r, 200));
    expect(app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE kind = 'undeliverable_notice'`).pluck().get()).toBe(0);
    expect(textsTo(ADMIN.id).filter((t) => t.startsWith('📵'))).toEqual([]);
  });
});
