/**
 * Commands in a campaign group (issue 12 point 13) and `/id` (point 4), over the
 * loopback Bot API: telegraf polls the simulator, the runner answers through the outbox.
 * A command in a group is refused with one text for a stranger, an ASN and an admin
 * alike, and it opens no case even when its sender is a registered ASN.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { photoMessage, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { startBudiBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
const STRANGER: SimUser = { id: 6666, first_name: 'Orang' };

let sim: TelegramSimServer;
let app: App;
let bot: SimBot;

const groupTexts = () => sim.sent.filter((m) => m.chat_id === GROUP.id).map((m) => m.text ?? '');

describe('commands in groups and /id', () => {
  beforeEach(async () => {
    bot = await startBudiBot({ started: [STRANGER], perChatGapMs: 5 });
    ({ sim, app } = bot);
  });
  afterEach(() => bot.stop());

  it('a stranger, an ASN and an admin get the same refusal in a campaign group, and no case is opened', async () => {
    // Each in a campaign group of its own (by its title: a post there by a registered ASN would open a case); one
    // group answers one refusal per GROUP_REFUSAL_WINDOW_MS (next test).
    const groups = [GROUP, { ...GROUP, id: GROUP.id - 1 }, { ...GROUP, id: GROUP.id - 2 }];
    sim.pushUpdate(textMessage(GROUP, STRANGER, 'Halo semua'));
    for (const [i, [who, cmd]] of ([[STRANGER, '/report'], [BUDI, '/status@JagaNetralBot'], [ADMIN, '/kasus 1']] as const).entries()) {
      sim.pushUpdate(textMessage(groups[i]!, who, cmd));
    }
    const inGroups = () => sim.sent.filter((m) => groups.some((g) => g.id === m.chat_id)).map((m) => m.text ?? '');
    await sim.waitFor(() => inGroups().length >= 3, 5000);
    const replies = inGroups();
    expect(replies).toHaveLength(3);
    expect(new Set(replies).size).toBe(1);
    expect(replies[0]).toMatch(/pesan pribadi/);
    for (const g of groups) expect(app.monitor.chats.get('telegram', String(g.id))?.campaign).toBe(true);
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents`).pluck().get()).toBe(0);
    // Nobody is told anything privately either.
    expect(sim.sent.filter((m) => !groups.some((g) => g.id === m.chat_id))).toEqual([]);
    const audit = app.db.prepare(`SELECT actor, result FROM audit ORDER BY id`).all() as { actor: string; result: string }[];
    expect(audit.map((a) => a.result)).toEqual(Array(3).fill('refused_group_chat'));
  });

  it('a flood of commands in a group gets one refusal there, not one bot post per command; every attempt is audited', async () => {
    // A timses member (or several) sending /report 40 times must not make the bot post 40 times in their group: each
    // answer would be a bot post the group can point at, and each waits in the outbox behind the per-group pacing.
    const OTHER: SimUser = { id: 6667, first_name: 'Orang Lain' };
    for (let i = 0; i < 40; i++) sim.pushUpdate(textMessage(GROUP, i % 2 ? STRANGER : OTHER, i % 3 ? '/report' : '/help'));
    const refused = () => app.db.prepare(`SELECT COUNT(*) FROM audit WHERE result = 'refused_group_chat'`).pluck().get() as number;
    const until = Date.now() + 10_000;
    while (refused() < 40 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(refused()).toBe(40);
    // An admin using the bot there by mistake a moment later sees the refusal already in the group; a private
    // command still works at once (the marker that everything before it was handled and sent).
    sim.pushUpdate(textMessage(GROUP, ADMIN, '/status'));
    sim.pushUpdate(textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, '/id'));
    await sim.waitFor((s) => s.some((m) => m.chat_id === ADMIN.id), 5000);
    await new Promise((r) => setTimeout(r, 200));
    expect(groupTexts()).toHaveLength(1);
    expect(groupTexts()[0]).toMatch(/pesan pribadi/);
    expect(app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE recipient = ?`).pluck().get(String(GROUP.id))).toBe(1);
    expect(refused()).toBe(41);
  });

  it('the same ASN posting campaign text in that group does open a case (the command exemption is narrow)', async () => {
    sim.pushUpdate(textMessage(GROUP, BUDI, 'Siap dukung paslon nomor 2'));
    await sim.waitFor((s) => s.some((m) => m.chat_id === ADMIN.id), 5000);
    expect(app.db.prepare(`SELECT kind FROM incidents`).pluck().all()).toEqual(['posted']);
  });

  it('a slash in front of a campaign post does not hide it: an ASN tagged in it, or posting it, still opens a case', async () => {
    // A timses that learned commands open no case starts its posts with "/": the tag still notifies the ASN, and
    // the post is still campaign content (core/detect.ts). Here in a group that is no campaign group by its title.
    const ARISAN = { id: -1009876543210, title: 'Arisan RT 05', type: 'supergroup' as const };
    const SARI: SimUser = { id: 5002, first_name: 'Sari', username: 'sari_w' };
    app.registry.upsertMany([{ nip: '199001012015032001' as Nip, nama: 'Sari Wulandari', unit: 'Dinas Kesehatan', phone: '+6281234567891' as PhoneE164, telegramId: '5002' as TgUserId, telegramUsername: 'sari_w' }], Date.now());
    sim.pushUpdate(textMessage(ARISAN, STRANGER, '/info Ayo coblos nomor 2 Herman Deru-Cik Ujang dua periode! @budi_s'));
    sim.pushUpdate(textMessage(GROUP, SARI, '/pilih Saya dukung paslon nomor 2, coblos HDCU'));
    await sim.waitFor((s) => s.filter((m) => m.chat_id === ADMIN.id).length >= 2, 5000);
    const cases = app.db.prepare(`SELECT asn_nip AS nip, kind, chat_id AS chat FROM incidents ORDER BY asn_nip`).all();
    expect(cases).toEqual([
      { nip: '198503122010011003', kind: 'mentioned', chat: String(ARISAN.id) },
      { nip: '199001012015032001', kind: 'posted', chat: String(GROUP.id) },
    ]);
    // A plain command from an ASN in a campaign group still opens nothing.
    sim.pushUpdate(textMessage(GROUP, BUDI, '/status'));
    await sim.waitFor(() => groupTexts().length >= 1, 5000);
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents`).pluck().get()).toBe(2);
  });

  it('a photo whose caption starts like a command is no command: no answer, and the ASN posting it opens a case as for any photo', async () => {
    // telegraf 4.16.3 `Composer.command` (node_modules/telegraf/lib/composer.js) takes `message('text')` only, and
    // groupReply here answers only a message with `text`; detection reads a caption the same way (core/detect.ts).
    sim.pushUpdate(photoMessage(GROUP, STRANGER, { file_id: 'F1', file_unique_id: 'U1', file_size: 1000 }, '/report'));
    sim.pushUpdate(photoMessage(GROUP, BUDI, { file_id: 'F2', file_unique_id: 'U2', file_size: 1000 }, '/status foto kegiatan'));
    await sim.waitFor((x) => x.some((m) => m.chat_id === ADMIN.id), 5000);
    expect(app.db.prepare(`SELECT kind FROM incidents`).pluck().all()).toEqual(['posted']);
    // The same words as a text: refused in the group (the marker that the photos were handled before it).
    sim.pushUpdate(textMessage(GROUP, STRANGER, '/report'));
    await sim.waitFor(() => groupTexts().length >= 1, 5000);
    expect(groupTexts()).toHaveLength(1);
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit WHERE result = 'refused_group_chat'`).pluck().get()).toBe(1);
  });

  it('/id tells anyone their own numeric id, and nothing else', async () => {
    sim.pushUpdate(textMessage({ id: STRANGER.id, type: 'private' }, STRANGER, '/id'));
    await sim.waitFor((s) => s.some((m) => m.chat_id === STRANGER.id), 5000);
    const reply = sim.sent.find((m) => m.chat_id === STRANGER.id)!.text!;
    expect(reply).toContain('Id pengguna Telegram Anda: 6666');
    expect(reply).toContain('tg:6666');
    expect(reply).not.toMatch(/9001|5001/);
    const menu = sim.myCommands(JSON.stringify({ type: 'all_private_chats' })) as { command: string }[];
    expect(menu.map((c) => c.command)).toContain('id');
  });
});
