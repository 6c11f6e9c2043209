/**
 * One ASN, many groups on Telegram, over the loopback Bot API (telegraf polls the simulator): a timses adds one
 * registered ASN to seven campaign groups (`new_chat_members` service messages, node_modules/@telegraf/types/message.d.ts,
 * which reach a bot whatever its privacy mode). Every case is opened; the ASN gets ASN_ALERTS_ALONE alerts with their
 * buttons, then one summary naming the other groups (released MASS_ALERT_WINDOW_SECONDS after the first held case),
 * and `/status` lists all seven. Humas likewise gets the first alerts, then one summary naming the ASN and the groups. An ASN who blocked the bot: Telegram answers each
 * private send 403 (the simulator's blockedBot, as sendMessage fails with telegraf's TelegramError), and the refused
 * summary comes back to Humas as a "cannot reach" notice for every case it named.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import { ASN_ALERTS_ALONE } from '../../../src/app/asn-alert-holds.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { leftChatMember, newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { startSimBot, type SimBot } from '../../support/telegram.js';

const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };

let sim: TelegramSimServer;
let app: App;
let bot: SimBot;

describe('one ASN added to many Telegram groups', () => {
  beforeEach(async () => {
    bot = await startSimBot({
      asn: [{ nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId, telegramUsername: 'budi_s' }],
      started: [ADMIN, BUDI],
      perChatGapMs: 1,
      overrides: { MASS_ALERT_WINDOW_SECONDS: '1' },
    });
    ({ sim, app } = bot);
  });
  afterEach(() => bot.stop());

  it('the first alerts one by one with their buttons, then one summary; every case open; /status lists them all', async () => {
    const N = 7;
    for (let i = 0; i < N; i++) sim.pushUpdate(newChatMembers({ id: -1002000000000 - i, title: `Relawan Paslon 2 Kelurahan ${i}`, type: 'supergroup' }, TIMSES, [BUDI]));
    await sim.waitFor((s) => s.filter((m) => m.chat_id === BUDI.id).length >= ASN_ALERTS_ALONE + 1, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    const toBudi = sim.sent.filter((m) => m.chat_id === BUDI.id);
    expect(toBudi).toHaveLength(ASN_ALERTS_ALONE + 1);
    for (const m of toBudi.slice(0, ASN_ALERTS_ALONE)) {
      expect(m.text).toMatch(/Mohon segera keluar dari grup tersebut/);
      expect(JSON.stringify(m.reply_markup)).toContain('left:');
    }
    const summary = toBudi[ASN_ALERTS_ALONE]!.text!;
    expect(summary).toContain(`di ${N - ASN_ALERTS_ALONE} grup lain (Telegram) dalam 1 jam terakhir`);
    for (let i = ASN_ALERTS_ALONE; i < N; i++) expect(summary).toContain(`"Relawan Paslon 2 Kelurahan ${i}"`);
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents WHERE status = 'open'`).pluck().get()).toBe(N);
    // Humas likewise: the first alerts one by one, then one summary naming the ASN, the groups and the case numbers.
    await sim.waitFor((s) => s.filter((m) => m.chat_id === ADMIN.id).length >= ASN_ALERTS_ALONE + 1, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    const toAdmin = sim.sent.filter((m) => m.chat_id === ADMIN.id).map((m) => m.text ?? '');
    expect(toAdmin.filter((t) => t.startsWith('⚠️ Kasus #'))).toHaveLength(ASN_ALERTS_ALONE);
    const hs = toAdmin.filter((t) => t.includes('Satu ASN ditemukan di'));
    expect(hs).toHaveLength(1);
    expect(hs[0]).toContain(`Satu ASN ditemukan di ${N - ASN_ALERTS_ALONE} grup lain sekaligus (Telegram)`);
    expect(hs[0]).toContain('ASN: Budi Santoso (NIP 198503122010011003)');
    for (let i = ASN_ALERTS_ALONE; i < N; i++) expect(hs[0]).toContain(`Kasus #${i + 1}: "Relawan Paslon 2 Kelurahan ${i}"`);
    expect(toAdmin).toHaveLength(ASN_ALERTS_ALONE + 1);

    sim.pushUpdate(textMessage({ id: BUDI.id, type: 'private' }, BUDI, '/status'));
    await sim.waitFor((s) => s.filter((m) => m.chat_id === BUDI.id).length >= ASN_ALERTS_ALONE + 2, 5000);
    const status = sim.sent.filter((m) => m.chat_id === BUDI.id).at(-1)!.text!;
    for (let i = 0; i < N; i++) expect(status).toContain(`Relawan Paslon 2 Kelurahan ${i}`);
  });

  it('an ASN who blocked the bot: Humas is told of every case the refused summary held, not only its first', async () => {
    // Telegram answers 403 "Forbidden: bot was blocked by the user" to each private send (the simulator's blockedBot).
    sim.blockedBot(BUDI.id);
    const N = 7;
    for (let i = 0; i < N; i++) sim.pushUpdate(newChatMembers({ id: -1002100000000 - i, title: `Relawan Paslon 2 Desa ${i}`, type: 'supergroup' }, TIMSES, [BUDI]));
    await sim.waitFor(() => app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE kind = 'asn_alert_summary' AND status = 'undeliverable'`).pluck().get() === 1, 10_000);
    const ids = app.db.prepare(`SELECT id FROM incidents ORDER BY id`).pluck().all() as number[];
    expect(ids).toHaveLength(N);
    // Each case's Humas alert said the ASN had been sent how to leave; every one of them must come back as unreachable,
    // one by one (the first few) or in the list of refused alerts (app/undeliverable-holds.ts).
    const told = (id: number) => sim.sent.some((m) => m.chat_id === ADMIN.id && /📵/.test(m.text ?? '') && (m.text!.includes(`kasus #${id})`) || m.text!.includes(`\n#${id} Budi Santoso`)));
    await sim.waitFor(() => ids.every(told), 4000).catch(() => undefined);
    expect(ids.filter((id) => !told(id))).toEqual([]);
  }, 20_000);
  it('a summary refused after its first case closed: Humas hears only of the cases still open', async () => {
    const N = 7;
    for (let i = 0; i < N; i++) sim.pushUpdate(newChatMembers({ id: -1002300000000 - i, title: `Relawan Paslon 2 Dukuh ${i}`, type: 'supergroup' }, TIMSES, [BUDI]));
    // The first alerts reach Budi and Humas; the next sends (the two summaries) are answered 429 (retry_after 2 s,
    // sim.inject), and Budi blocks the bot and leaves the group of the summary's first case (#4) meanwhile.
    await sim.waitFor((s) => s.filter((m) => m.chat_id === BUDI.id).length >= ASN_ALERTS_ALONE && s.filter((m) => m.chat_id === ADMIN.id).length >= ASN_ALERTS_ALONE, 10_000);
    sim.inject({ method: 'sendMessage', kind: '429', retryAfter: 2, count: 2 });
    const count = (sql: string) => app.db.prepare(sql).pluck().get() as number;
    await until(() => count(`SELECT COUNT(*) FROM outbox WHERE kind = 'asn_alert_summary' AND attempts >= 1`) === 1, 10_000);
    expect(count(`SELECT incident_id FROM outbox WHERE kind = 'asn_alert_summary'`)).toBe(ASN_ALERTS_ALONE + 1);
    sim.blockedBot(BUDI.id);
    sim.pushUpdate(leftChatMember({ id: -1002300000000 - ASN_ALERTS_ALONE, title: `Relawan Paslon 2 Dukuh ${ASN_ALERTS_ALONE}`, type: 'supergroup' }, BUDI, BUDI));
    await until(() => count(`SELECT COUNT(*) FROM incidents WHERE status = 'left'`) === 1);
    await until(() => count(`SELECT COUNT(*) FROM outbox WHERE kind = 'asn_alert_summary' AND status = 'undeliverable'`) === 1, 10_000);
    // The "cannot reach" notices of the refusal (App.onUndeliverable), alone or held for a list (undeliverable_holds);
    // a refused thank-you's own notice (App.noteMessageUndeliverable, "undeliverable:row:") is no such.
    const noticed = app.db.prepare(`SELECT incident_id FROM outbox WHERE kind = 'undeliverable_notice' AND dedupe_key NOT LIKE 'undeliverable:row:%' UNION SELECT incident_id FROM undeliverable_holds`).pluck().all() as number[];
    expect([...new Set(noticed)].sort()).toEqual([5, 6, 7]);
  }, 30_000);
});

/** Polls a database condition (sim.waitFor checks only when a message is sent). */
async function until(pred: () => boolean, timeoutMs = 5000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !pred(); ) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
