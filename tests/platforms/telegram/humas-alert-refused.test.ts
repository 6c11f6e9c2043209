/**
 * A one-case Humas alert one admin blocked the bot for, over the loopback Bot API (telegraf's sendMessage,
 * node_modules/telegraf/lib/telegram.js; the simulator's blockedBot answers 403 "Forbidden: bot was blocked by the
 * user", as telegraf's TelegramError). The other admin's notice (App.noteMessageUndeliverable) names the case it was
 * about, its ASN and group, as the notice of a refused grouped message names each of its cases: a notice saying only
 * "a humas_alert to 9001 was not delivered" leaves the other admin to guess which case 9001 never heard of.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers } from '../../../src/platforms/sim/telegram-updates.js';
import { ASN } from '../../support/app.js';
import { simChats, startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234500077, title: 'Relawan Paslon 2 Kelurahan Sukaraya', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const ADMIN2: SimUser = { id: 9002, first_name: 'Humas Dua' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };

let sim: TelegramSimServer;
let app: App;
let bot: SimBot;
const { textsTo, waitText } = simChats(() => sim);

describe('a one-case Humas alert refused to one admin', () => {
  beforeEach(async () => {
    bot = await startSimBot({ asn: [ASN.budi], started: [ADMIN, ADMIN2, BUDI], perChatGapMs: 1, overrides: { HUMAS_ADMINS: 'tg:9001,tg:9002' } });
    ({ sim, app } = bot);
  });
  afterEach(() => bot.stop());

  it("the other admin's notice names the case, its ASN and its group", { timeout: 20_000 }, async () => {
    sim.blockedBot(ADMIN.id);
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await waitText(ADMIN2.id, '📵 Pesan bot (humas_alert)', 10_000);
    const id = app.db.prepare(`SELECT id FROM incidents`).pluck().get() as number;
    expect(app.db.prepare(`SELECT status FROM outbox WHERE kind = 'humas_alert' AND recipient = '9001'`).pluck().get()).toBe('undeliverable');
    const notice = textsTo(ADMIN2.id).find((t) => t.startsWith('📵 Pesan bot (humas_alert)'))!;
    expect(notice).toContain(`ke ${ADMIN.id} di Telegram tidak terkirim`);
    expect(notice).toContain(`Pesan itu tentang kasus #${id}: Budi Santoso (NIP ${ASN.budi.nip}), grup "Relawan Paslon 2 Kelurahan Sukaraya".`);
    expect(notice).toContain(`Rincian: /kasus ${id}`);
  });
});
