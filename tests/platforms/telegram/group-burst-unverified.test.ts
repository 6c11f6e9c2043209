/**
 * Humas' summaries and matches by Telegram username alone, over the loopback Bot API (telegraf polls
 * src/platforms/sim/telegram-server.ts; `new_chat_members` carries each added User with its `id` and `username`,
 * node_modules/@telegraf/types/message.d.ts, Message.NewChatMembersMessage). An ASN whose registry row has a username
 * and no Telegram id, matched by that username, is an unverified match (core/detect.ts unverifiedMatch): the account
 * may be anyone's. A timses adding hundreds of such accounts to one group, or one to a hundred groups, must not flood
 * Humas: such cases are held and summarised like the others (app/mass-alerts.ts, app/humas-asn-holds.ts), each of
 * their lines marked "⚠️ belum terverifikasi (@username)" with one note under the list, while a case alerted alone keeps
 * the full warning (core/messages/id.ts humasAlert). Nothing is ever sent to such an account (sendMessage's `chat_id`,
 * node_modules/telegraf/typings/telegram.d.ts; the simulator records every call in `calls`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { numberedStaff, startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234500001, title: 'Relawan Paslon 2 Kecamatan Baturaja', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const FULL_WARNING = 'Identitas belum terverifikasi: akun ini cocok hanya dari username Telegram';
const NOTE = 'bertanda "belum terverifikasi" cocok hanya dari username Telegram';

let sim: TelegramSimServer;
let app: App;
let bot: SimBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const toAdmin = (): string[] => sim.sent.filter((m) => m.chat_id === ADMIN.id).map((m) => m.text ?? '');
const caseIds = (): Map<string, number> => new Map((app.db.prepare(`SELECT asn_nip, id FROM incidents`).all() as { asn_nip: string; id: number }[]).map((r) => [r.asn_nip, r.id]));
/** Every API call addressed to one of these accounts (sendMessage and the rest carry `chat_id`). */
const callsTo = (users: SimUser[]) => sim.calls.filter((c) => users.some((u) => String(c.params['chat_id']) === String(u.id)));

describe("a group's burst and matches by username alone", () => {
  it('a mixed burst: the summary marks only the unverified lines, and a reply to it lists every case', { timeout: 20_000 }, async () => {
    const users: SimUser[] = [1, 2, 3, 4, 5, 6].map((i) => ({ id: 5100 + i, first_name: `Pegawai ${i}`, username: `pegawai_oku${i}` }));
    const nip = (i: number) => `19880714201212100${i}` as Nip;
    // 1-3: username only (unverified when matched); 4-6: the Telegram id is known.
    const asn = users.map((u, k) => ({
      nip: nip(k + 1), nama: `Pegawai Oku ${k + 1}`, unit: 'BPKAD', phone: `+62852123456${70 + k}` as PhoneE164, telegramUsername: u.username!,
      ...(k >= 3 ? { telegramId: String(u.id) as TgUserId } : {}),
    }));
    bot = await startSimBot({ asn, started: [ADMIN, ...users.slice(3)], perChatGapMs: 1, overrides: { MASS_ALERT_THRESHOLD: '1', MASS_ALERT_WINDOW_SECONDS: '1' } });
    ({ sim, app } = bot);
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, users));
    await sim.waitFor((s) => s.some((m) => m.chat_id === ADMIN.id && (m.text ?? '').startsWith('⚠️ 5 ASN ditemukan sekaligus')), 10_000);
    const cases = caseIds();
    expect(cases.size).toBe(6);
    // The first case (threshold 1) alone, with its full warning; the other five in one summary.
    const alone = toAdmin().filter((t) => t.startsWith('⚠️ Kasus #'));
    expect(alone).toHaveLength(1);
    expect(alone[0]).toContain(`Kasus #${cases.get(nip(1))}:`);
    expect(alone[0]).toContain(`${FULL_WARNING} @pegawai_oku1`);
    const summaries = toAdmin().filter((t) => t.startsWith('⚠️ 5 ASN ditemukan sekaligus'));
    expect(summaries).toHaveLength(1);
    const lines = summaries[0]!.split('\n');
    const lineOf = (k: number) => lines.filter((l) => l.startsWith(`#${cases.get(nip(k))} `));
    for (const k of [2, 3]) expect(lineOf(k)).toEqual([`#${cases.get(nip(k))} Pegawai Oku ${k} (NIP ${nip(k)}), BPKAD, 📵 +62852123456${69 + k}, ⚠️ belum terverifikasi (@pegawai_oku${k})`]);
    for (const k of [4, 5, 6]) expect(lineOf(k)).toEqual([`#${cases.get(nip(k))} Pegawai Oku ${k} (NIP ${nip(k)}), BPKAD`]);
    expect(summaries[0]!.split(NOTE)).toHaveLength(2);
    expect(summaries[0]).toContain(`⚠️ 2 kasus ${NOTE}`);
    // Nothing to the three accounts matched by username alone; the verified ones got their alerts.
    expect(callsTo(users.slice(0, 3))).toEqual([]);
    for (const u of users.slice(3)) expect(sim.sent.filter((m) => m.chat_id === u.id)).toHaveLength(1);

    // The summary is tied to the cases it lists (outbox_cases): a plain reply to it (Message.reply_to_message) lists
    // them with their group and ASN (app/admin-text.ts), rather than answering for the first.
    const sent = sim.sent.find((m) => m.chat_id === ADMIN.id && (m.text ?? '').startsWith('⚠️ 5 ASN ditemukan sekaligus'))!;
    const reply = textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, 'ini bagaimana?');
    (reply['message'] as Record<string, unknown>)['reply_to_message'] = {
      message_id: sent.message_id, date: Math.floor(Date.now() / 1000), chat: { id: ADMIN.id, type: 'private' }, from: { ...sim.bot, is_bot: true }, text: sent.text,
    };
    const before = toAdmin().length;
    sim.pushUpdate(reply);
    await sim.waitFor((s) => s.filter((m) => m.chat_id === ADMIN.id).length > before, 5000);
    const answer = toAdmin()[before]!;
    expect(answer).toContain('Pesan yang Anda balas memuat 5 kasus:');
    for (const k of [2, 3, 4, 5, 6]) expect(answer).toContain(`#${cases.get(nip(k))} "Relawan Paslon 2 Kecamatan Baturaja" (Pegawai Oku ${k})`);
  });

  it('30 username-only accounts added to one group: the first 3 alone with the full warning, then one summary, every line marked', { timeout: 20_000 }, async () => {
    const { users, asn, nip } = numberedStaff(30, { firstId: 6200, byUsername: true });
    bot = await startSimBot({ asn, started: [ADMIN], perChatGapMs: 1, overrides: { MASS_ALERT_THRESHOLD: '3', MASS_ALERT_WINDOW_SECONDS: '1' } });
    ({ sim, app } = bot);
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, users));
    await sim.waitFor((s) => s.some((m) => m.chat_id === ADMIN.id && (m.text ?? '').startsWith('⚠️ 27 ASN ditemukan sekaligus')), 10_000);
    await new Promise((r) => setTimeout(r, 300));
    const cases = caseIds();
    expect(cases.size).toBe(30);
    // 4 messages to Humas, not 30.
    expect(toAdmin()).toHaveLength(4);
    const alone = toAdmin().filter((t) => t.startsWith('⚠️ Kasus #'));
    expect(alone.map((t) => /Kasus #(\d+):/.exec(t)![1])).toEqual([0, 1, 2].map((i) => String(cases.get(nip(i)))));
    for (const [i, t] of alone.entries()) expect(t).toContain(`${FULL_WARNING} @staf_dinas${i} (id akun ${6200 + i})`);
    const summary = toAdmin().find((t) => t.startsWith('⚠️ 27 ASN ditemukan sekaligus'))!;
    for (let i = 3; i < 30; i++) {
      const line = summary.split('\n').filter((l) => l.startsWith(`#${cases.get(nip(i))} `));
      expect(line).toEqual([`#${cases.get(nip(i))} Staf Dinas ${i} (NIP ${nip(i)}), Dinas Kesehatan, 📵 ${asn[i]!.phone}, ⚠️ belum terverifikasi (@staf_dinas${i})`]);
    }
    expect(summary.split(NOTE)).toHaveLength(2);
    expect(summary).toContain(`⚠️ 27 kasus ${NOTE}`);
    expect(summary).toContain('📵 27 ASN tidak dapat dihubungi bot');
    // Nothing to any of the 30 accounts.
    expect(callsTo(users)).toEqual([]);
  });

  it('one username-only ASN added to 8 groups: 3 alerts alone with the full warning, then one summary of that ASN, every line marked', { timeout: 20_000 }, async () => {
    const dedi: SimUser = { id: 5099, first_name: 'Dedi', username: 'dedik' };
    const nip = '198807142012121002' as Nip;
    bot = await startSimBot({
      asn: [{ nip, nama: 'Dedi Kurniawan', unit: 'BPKAD', phone: '+6285212345678' as PhoneE164, telegramUsername: 'dedik' }],
      started: [ADMIN], perChatGapMs: 1, overrides: { MASS_ALERT_WINDOW_SECONDS: '1' },
    });
    ({ sim, app } = bot);
    const group = (i: number) => ({ id: -1001234500100 - i, title: `Relawan Paslon 2 Desa ${i}`, type: 'supergroup' as const });
    for (let i = 1; i <= 8; i++) sim.pushUpdate(newChatMembers(group(i), TIMSES, [dedi]));
    await sim.waitFor((s) => s.some((m) => m.chat_id === ADMIN.id && (m.text ?? '').startsWith('⚠️ Satu ASN ditemukan di 5 grup lain sekaligus')), 10_000);
    await new Promise((r) => setTimeout(r, 300));
    const cases = app.db.prepare(`SELECT id FROM incidents WHERE asn_nip = ? ORDER BY id`).pluck().all(nip) as number[];
    expect(cases).toHaveLength(8);
    expect(toAdmin()).toHaveLength(4);
    const alone = toAdmin().filter((t) => t.startsWith('⚠️ Kasus #'));
    expect(alone).toHaveLength(3);
    for (const t of alone) expect(t).toContain(`${FULL_WARNING} @dedik (id akun 5099)`);
    const summary = toAdmin().find((t) => t.startsWith('⚠️ Satu ASN ditemukan'))!;
    // Updates are handled in order: case k+1 is group k+1's.
    for (const [k, id] of cases.entries()) {
      if (k < 3) continue;
      expect(summary.split('\n').filter((l) => l.startsWith(`Kasus #${id}:`))).toEqual([`Kasus #${id}: "Relawan Paslon 2 Desa ${k + 1}" (dimasukkan ke grup kampanye), ⚠️ belum terverifikasi (@dedik)`]);
    }
    expect(summary.split(NOTE)).toHaveLength(2);
    expect(summary).toContain(`⚠️ 5 kasus ${NOTE}`);
    expect(summary).toContain('📵 ASN belum bisa dihubungi bot: mohon hubungi langsung di +6285212345678.');
    expect(callsTo([dedi])).toEqual([]);
  });
});
