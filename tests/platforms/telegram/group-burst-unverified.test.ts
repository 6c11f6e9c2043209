/**
 * A group's burst and matches by Telegram username alone, over the loopback Bot API (telegraf polls
 * src/platforms/sim/telegram-server.ts; `new_chat_members` carries each added User with its `id` and `username`,
 * node_modules/@telegraf/types/message.d.ts, Message.NewChatMembersMessage). Three registered ASN whose registry rows
 * have a username and no Telegram id are added with three whose ids are known: each of the first three is an
 * unverified match (core/detect.ts unverifiedMatch). The group-burst summary (app/mass-alerts.ts) lists name, NIP
 * and phone with no word that the account may not be the ASN's, so such a case is not held for it: its Humas alert
 * goes alone, with "Identitas belum terverifikasi", and does not count towards the burst, as in Humas' summary of one
 * ASN (tests/app/humas-asn-unverified.test.ts). The verified cases are paced as ever, and a reply to their summary
 * lists them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234500001, title: 'Relawan Paslon 2 Kecamatan Baturaja', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const users: SimUser[] = [1, 2, 3, 4, 5, 6].map((i) => ({ id: 5100 + i, first_name: `Pegawai ${i}`, username: `pegawai_oku${i}` }));
const nip = (i: number) => `19880714201212100${i}` as Nip;
// 1-3: username only (unverified when matched); 4-6: the Telegram id is known.
const asn = users.map((u, k) => ({
  nip: nip(k + 1), nama: `Pegawai Oku ${k + 1}`, unit: 'BPKAD', phone: `+62852123456${70 + k}` as PhoneE164, telegramUsername: u.username!,
  ...(k >= 3 ? { telegramId: String(u.id) as TgUserId } : {}),
}));

let sim: TelegramSimServer;
let app: App;
let bot: SimBot;

describe("a group's burst and matches by username alone", () => {
  beforeEach(async () => {
    bot = await startSimBot({ asn, started: [ADMIN, ...users.slice(3)], perChatGapMs: 1, overrides: { MASS_ALERT_THRESHOLD: '1', MASS_ALERT_WINDOW_SECONDS: '1' } });
    ({ sim, app } = bot);
  });
  afterEach(() => bot.stop());

  it('each unverified case reaches Humas alone with its warning; the verified ones are paced into the summary', { timeout: 20_000 }, async () => {
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, users));
    await sim.waitFor((s) => s.some((m) => m.chat_id === ADMIN.id && (m.text ?? '').startsWith('⚠️ 2 ASN ditemukan sekaligus')), 10_000);
    const cases = new Map((app.db.prepare(`SELECT asn_nip, id FROM incidents`).all() as { asn_nip: string; id: number }[]).map((r) => [r.asn_nip, r.id]));
    expect(cases.size).toBe(6);
    const toAdmin = sim.sent.filter((m) => m.chat_id === ADMIN.id).map((m) => m.text ?? '');
    for (let k = 1; k <= 3; k++) {
      const alert = toAdmin.filter((t) => t.includes(`Kasus #${cases.get(nip(k))}:`));
      expect(alert).toHaveLength(1);
      expect(alert[0]).toContain(`Identitas belum terverifikasi: akun ini cocok hanya dari username Telegram @pegawai_oku${k}`);
    }
    // The first verified case alone (threshold 1), the other two in one summary; nobody in it unverified.
    const summaries = toAdmin.filter((t) => t.startsWith('⚠️ 2 ASN ditemukan sekaligus'));
    expect(summaries).toHaveLength(1);
    for (const k of [1, 2, 3]) expect(summaries[0]).not.toContain(nip(k));
    expect(toAdmin.filter((t) => t.includes(`Kasus #${cases.get(nip(4))}:`))).toHaveLength(1);
    for (const k of [5, 6]) expect(summaries[0]).toContain(nip(k));

    // The summary is tied to the cases it lists (outbox_cases): a plain reply to it (Message.reply_to_message) lists
    // both with their group and ASN (app/admin-text.ts), rather than answering for the first.
    const sent = sim.sent.find((m) => m.chat_id === ADMIN.id && (m.text ?? '').startsWith('⚠️ 2 ASN ditemukan sekaligus'))!;
    const reply = textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, 'ini bagaimana?');
    (reply['message'] as Record<string, unknown>)['reply_to_message'] = {
      message_id: sent.message_id, date: Math.floor(Date.now() / 1000), chat: { id: ADMIN.id, type: 'private' }, from: { ...sim.bot, is_bot: true }, text: sent.text,
    };
    const before = sim.sent.filter((m) => m.chat_id === ADMIN.id).length;
    sim.pushUpdate(reply);
    await sim.waitFor((s) => s.filter((m) => m.chat_id === ADMIN.id).length > before, 5000);
    const answer = sim.sent.filter((m) => m.chat_id === ADMIN.id)[before]!.text ?? '';
    expect(answer).toContain('Pesan yang Anda balas memuat 2 kasus:');
    for (const k of [5, 6]) expect(answer).toContain(`#${cases.get(nip(k))} "Relawan Paslon 2 Kecamatan Baturaja" (Pegawai Oku ${k})`);
  });
});
