/**
 * One ASN in many Telegram groups, a day later: the follow-ups of their cases fall due in the same lifecycle pass,
 * and go as one message listing the cases, not one per group; a day after that, the escalations go to Humas as one
 * message for that ASN. Through telegraf over real HTTP to the loopback Bot API simulator (sendMessage,
 * node_modules/telegraf/lib/telegram.js). An ASN who blocked the bot in between: Telegram answers the private send
 * 403 "Forbidden: bot was blocked by the user" (the simulator's blockedBot, as telegraf's TelegramError), and the
 * refused message, tied to every case it listed, reaches Humas as a "cannot reach" notice for each still open (a 429
 * first, sim.inject, lets Budi leave two groups before the refusal: those two get none); each case's escalation line
 * then says its reminder could not be delivered. When Budi leaves them all (`left_chat_member`), the
 * first thank-yous go one by one and the rest as one message listing the groups left. A grouped escalation one Humas
 * admin blocked the bot for (403 again): the other admin's notice names each case it stood for (its outbox_cases),
 * as a refused grouped follow-up does (App.noteMessageUndeliverable).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import { runLifecycle } from '../../../src/app/lifecycle.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { leftChatMember, newChatMembers } from '../../../src/platforms/sim/telegram-updates.js';
import { runDigest } from '../../../src/app/digest.js';
import { ASN_ALERTS_ALONE } from '../../../src/app/asn-alert-holds.js';
import { startSimBot, type SimBot } from '../../support/telegram.js';

const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
const N = 5;
const DAY = 24 * 3_600_000;

let sim: TelegramSimServer;
let app: App;
let bot: SimBot;

describe('one ASN in many Telegram groups: follow-ups, escalations and thank-yous due together', () => {
  beforeEach(async () => {
    bot = await startSimBot({
      asn: [{ nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId, telegramUsername: 'budi_s' }],
      started: [ADMIN, BUDI],
      perChatGapMs: 1,
      overrides: { MASS_ALERT_WINDOW_SECONDS: '1', FOLLOWUP_HOURS: '24', QUIET_HOURS: 'off' },
    });
    ({ sim, app } = bot);
    // Three days ago: the lifecycle passes below (a day and two days after) are in the past, so what they queue is due at once.
    const at = Math.floor((Date.now() - 3 * DAY) / 1000);
    for (let i = 0; i < N; i++) sim.pushUpdate(newChatMembers({ id: -1002200000000 - i, title: `Relawan Paslon 2 Dusun ${i}`, type: 'supergroup' }, TIMSES, [BUDI], { date: at }));
    // The alerts (3 and a summary) to Budi, and to Humas (3 and a summary).
    await sim.waitFor((s) => s.filter((m) => m.chat_id === BUDI.id).length >= 4 && s.filter((m) => m.chat_id === ADMIN.id).length >= 4, 20_000);
  }, 30_000);
  afterEach(() => bot.stop());

  const sentTo = (id: number) => sim.sent.filter((m) => m.chat_id === id).map((m) => m.text ?? '');
  const openedAt = () => app.db.prepare(`SELECT MAX(opened_at) FROM incidents`).pluck().get() as number;

  it('one follow-up listing the cases, one escalation to Humas; each case followed up and escalated on its own', { timeout: 30_000 }, async () => {
    const before = sentTo(BUDI.id).length;
    expect(runLifecycle(app, openedAt() + DAY).followedUp).toHaveLength(N);
    await sim.waitFor(() => sentTo(BUDI.id).length >= before + 1, 5000);
    await new Promise((r) => setTimeout(r, 300));
    const followups = sentTo(BUDI.id).slice(before);
    expect(followups).toHaveLength(1);
    expect(followups[0]).toContain(`kami belum mencatat Anda keluar dari ${N} grup berikut (Telegram)`);
    for (let i = 0; i < N; i++) expect(followups[0]).toContain(`Kasus #${i + 1}: "Relawan Paslon 2 Dusun ${i}"`);
    expect(followups[0]).toContain('SUDAH KELUAR <nomor kasus>');
    // No case buttons for several cases (each would be one case's), the Laporkan row stays.
    const markup = JSON.stringify(sim.sent.filter((m) => m.chat_id === BUDI.id).at(-1)!.reply_markup);
    expect(markup).toContain('lapor:start');
    expect(markup).not.toContain('left:');
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents WHERE followups = 1 AND last_followup_at IS NOT NULL`).pluck().get()).toBe(N);

    const humasBefore = sentTo(ADMIN.id).length;
    expect(runLifecycle(app, openedAt() + 2 * DAY).escalated).toHaveLength(N);
    await sim.waitFor(() => sentTo(ADMIN.id).length >= humasBefore + 1, 5000);
    await new Promise((r) => setTimeout(r, 300));
    const escalations = sentTo(ADMIN.id).slice(humasBefore);
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toContain(`⏫ Eskalasi ${N} kasus`);
    expect(escalations[0]).toContain('ASN: Budi Santoso (NIP 198503122010011003)');
    for (let i = 0; i < N; i++) expect(escalations[0]).toMatch(new RegExp(`Kasus #${i + 1}: "Relawan Paslon 2 Dusun ${i}" \\(Telegram\\), .*; pengingat ke ASN [^(\\n]+$`, 'm'));
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents WHERE escalated_at IS NOT NULL`).pluck().get()).toBe(N);
    // A second pass sends nothing again.
    expect(runLifecycle(app, openedAt() + 2 * DAY + 60_000)).toEqual({ expired: [], followedUp: [], escalated: [] });
  });

  it('leaving every group: the first thank-yous one by one, then one listing the other groups; the digest counts each case thanked', { timeout: 30_000 }, async () => {
    const before = sentTo(BUDI.id).length;
    // Budi leaves each group himself: `left_chat_member` service messages, which reach a bot whatever its privacy mode.
    for (let i = 0; i < N; i++) sim.pushUpdate(leftChatMember({ id: -1002200000000 - i, title: `Relawan Paslon 2 Dusun ${i}`, type: 'supergroup' }, BUDI, BUDI));
    await sim.waitFor(() => sentTo(BUDI.id).length >= before + ASN_ALERTS_ALONE + 1, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    const thanks = sentTo(BUDI.id).slice(before);
    expect(thanks).toHaveLength(ASN_ALERTS_ALONE + 1);
    for (const t of thanks.slice(0, ASN_ALERTS_ALONE)) expect(t).toMatch(/^Terima kasih, Bapak\/Ibu ASN\. Anda sudah tidak tercatat di grup "Relawan Paslon 2 Dusun \d"/);
    const list = thanks[ASN_ALERTS_ALONE]!;
    expect(list).toContain(`Anda sudah tidak tercatat di ${N - ASN_ALERTS_ALONE} grup berikut (Telegram), dan kasusnya kami tutup:`);
    for (let i = ASN_ALERTS_ALONE; i < N; i++) expect(list).toContain(`- Kasus #${i + 1}: "Relawan Paslon 2 Dusun ${i}"`);
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents WHERE status = 'left'`).pluck().get()).toBe(N);
    // The digest lists every case under "ASN sudah keluar", each thanked (the list's row is tied to each of its cases).
    runDigest(app, Date.now());
    await sim.waitFor(() => sentTo(ADMIN.id).some((t) => t.startsWith('📋')), 5000);
    const digest = sentTo(ADMIN.id).find((t) => t.startsWith('📋'))!;
    expect(digest.match(/sudah diberi ucapan terima kasih/g)).toHaveLength(N);
  });

  it('a refused grouped follow-up: Humas hears of every case it listed, and each escalation line says it was not delivered', { timeout: 30_000 }, async () => {
    sim.blockedBot(BUDI.id);
    expect(runLifecycle(app, openedAt() + DAY).followedUp).toHaveLength(N);
    await sim.waitFor(() => app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE kind = 'asn_followup' AND status = 'undeliverable'`).pluck().get() === 1, 5000);
    const told = (id: number) => sentTo(ADMIN.id).some((t) => /📵/.test(t) && (t.includes(`kasus #${id})`) || t.includes(`\n#${id} Budi Santoso`)));
    await sim.waitFor(() => Array.from({ length: N }, (_, i) => i + 1).every(told), 5000).catch(() => undefined);
    expect(Array.from({ length: N }, (_, i) => i + 1).filter((id) => !told(id))).toEqual([]);

    const humasBefore = sentTo(ADMIN.id).length;
    expect(runLifecycle(app, openedAt() + 2 * DAY).escalated).toHaveLength(N);
    await sim.waitFor(() => sentTo(ADMIN.id).length >= humasBefore + 1, 5000);
    const escalation = sentTo(ADMIN.id).slice(humasBefore).find((t) => t.startsWith('⏫'))!;
    expect(escalation.match(/\(tidak dapat dikirim\)/g)).toHaveLength(N);
  });

  it('a grouped follow-up refused after some of its cases closed: Humas hears only of the cases still open', { timeout: 30_000 }, async () => {
    // The first send is answered 429 (retry_after 2 s, sim.inject): Budi leaves two of the groups meanwhile, and the
    // retry meets his block (403).
    sim.inject({ method: 'sendMessage', kind: '429', retryAfter: 2 });
    sim.blockedBot(BUDI.id);
    expect(runLifecycle(app, openedAt() + DAY).followedUp).toHaveLength(N);
    for (const i of [0, 1]) sim.pushUpdate(leftChatMember({ id: -1002200000000 - i, title: `Relawan Paslon 2 Dusun ${i}`, type: 'supergroup' }, BUDI, BUDI));
    const count = (sql: string) => app.db.prepare(sql).pluck().get() as number;
    await until(() => count(`SELECT COUNT(*) FROM incidents WHERE status = 'left'`) === 2);
    await until(() => count(`SELECT COUNT(*) FROM outbox WHERE kind = 'asn_followup' AND status = 'undeliverable'`) === 1, 10_000);
    expect(count(`SELECT attempts FROM outbox WHERE kind = 'asn_followup'`)).toBeGreaterThanOrEqual(2);
    // The "cannot reach" notices are queued with the refusal (App.onUndeliverable), alone or held for a list
    // (undeliverable_holds); a refused thank-you's own notice (App.noteMessageUndeliverable, "undeliverable:row:") is no such.
    const noticed = app.db.prepare(`SELECT incident_id FROM outbox WHERE kind = 'undeliverable_notice' AND dedupe_key NOT LIKE 'undeliverable:row:%' UNION SELECT incident_id FROM undeliverable_holds`).pluck().all() as number[];
    expect([...new Set(noticed)].sort()).toEqual([3, 4, 5]);
  });
});

const ADMIN2: SimUser = { id: 9002, first_name: 'Humas Dua' };
/** Polls a database condition (sim.waitFor checks only when a message is sent). */
async function until(pred: () => boolean, timeoutMs = 5000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !pred(); ) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a grouped escalation one Humas admin blocked the bot for', () => {
  beforeEach(async () => {
    bot = await startSimBot({
      asn: [{ nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId, telegramUsername: 'budi_s' }],
      started: [ADMIN, ADMIN2, BUDI],
      perChatGapMs: 1,
      overrides: { HUMAS_ADMINS: 'tg:9001,tg:9002', MASS_ALERT_WINDOW_SECONDS: '1', FOLLOWUP_HOURS: '24', QUIET_HOURS: 'off' },
    });
    ({ sim, app } = bot);
    const at = Math.floor((Date.now() - 3 * DAY) / 1000);
    for (let i = 0; i < N; i++) sim.pushUpdate(newChatMembers({ id: -1002400000000 - i, title: `Relawan Paslon 2 Jorong ${i}`, type: 'supergroup' }, TIMSES, [BUDI], { date: at }));
    await sim.waitFor((s) => s.filter((m) => m.chat_id === BUDI.id).length >= 4 && s.filter((m) => m.chat_id === ADMIN2.id).length >= 4, 20_000);
  }, 30_000);
  afterEach(() => bot.stop());

  const sentTo = (id: number) => sim.sent.filter((m) => m.chat_id === id).map((m) => m.text ?? '');
  const openedAt = () => app.db.prepare(`SELECT MAX(opened_at) FROM incidents`).pluck().get() as number;

  it('the other admin is told of the refusal and of each case the escalation stood for', { timeout: 30_000 }, async () => {
    expect(runLifecycle(app, openedAt() + DAY).followedUp).toHaveLength(N);
    await until(() => app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE kind = 'asn_followup' AND status = 'sent'`).pluck().get() === 1);
    sim.blockedBot(ADMIN.id);
    expect(runLifecycle(app, openedAt() + 2 * DAY).escalated).toHaveLength(N);
    await until(() => app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE kind = 'humas_escalation' AND status = 'undeliverable'`).pluck().get() === 1);
    const refused = app.db.prepare(`SELECT id, recipient FROM outbox WHERE kind = 'humas_escalation' AND status = 'undeliverable'`).get() as { id: number; recipient: string };
    expect(refused.recipient).toBe(String(ADMIN.id));
    expect(app.monitor.outbox.casesOf(refused.id)).toEqual([1, 2, 3, 4, 5]);
    await sim.waitFor(() => sentTo(ADMIN2.id).some((t) => t.startsWith('📵 Pesan bot (humas_escalation)')), 5000);
    const notice = sentTo(ADMIN2.id).find((t) => t.startsWith('📵 Pesan bot (humas_escalation)'))!;
    expect(notice).toContain(`ke ${ADMIN.id} di Telegram tidak terkirim`);
    expect(notice).toContain(`Pesan itu memuat ${N} kasus:`);
    for (let i = 0; i < N; i++) expect(notice).toContain(`\n#${i + 1} Budi Santoso (NIP 198503122010011003): "Relawan Paslon 2 Jorong ${i}"`);
    expect(notice).toContain('Rincian: /kasus <nomor>.');
    // The admin who did get it heard nothing else of it, and the blocked one nothing at all. The notice outranks the
    // escalation in the outbox (core/priority.ts), so it may arrive first: wait for the escalation, then count.
    await sim.waitFor(() => sentTo(ADMIN2.id).some((t) => t.startsWith('⏫')), 5000);
    expect(sentTo(ADMIN2.id).filter((t) => t.startsWith('⏫'))).toHaveLength(1);
    expect(sentTo(ADMIN.id).filter((t) => t.startsWith('📵'))).toEqual([]);
  });
});
