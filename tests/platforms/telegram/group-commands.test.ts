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
import { textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { startSimBot, type SimBot } from '../../support/telegram.js';

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
    bot = await startSimBot({
      asn: [{ nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId, telegramUsername: 'budi_s' }],
      started: [ADMIN, BUDI, STRANGER],
      perChatGapMs: 5,
    });
    ({ sim, app } = bot);
  });
  afterEach(() => bot.stop());

  it('a stranger, an ASN and an admin get the same refusal in a campaign group, and no case is opened', async () => {
    // The group is a campaign group by its title: a post there by a registered ASN would open a case.
    sim.pushUpdate(textMessage(GROUP, STRANGER, 'Halo semua'));
    for (const [who, cmd] of [[STRANGER, '/report'], [BUDI, '/report 7h'], [ADMIN, '/report'], [BUDI, '/status@JagaNetralBot'], [ADMIN, '/kasus 1']] as const) {
      sim.pushUpdate(textMessage(GROUP, who, cmd));
    }
    await sim.waitFor(() => groupTexts().length >= 5, 5000);
    const replies = groupTexts();
    expect(replies).toHaveLength(5);
    expect(new Set(replies).size).toBe(1);
    expect(replies[0]).toMatch(/pesan pribadi/);
    expect(app.monitor.chats.get('telegram', String(GROUP.id))?.campaign).toBe(true);
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents`).pluck().get()).toBe(0);
    // Nobody is told anything privately either.
    expect(sim.sent.filter((m) => m.chat_id !== GROUP.id)).toEqual([]);
    const audit = app.db.prepare(`SELECT actor, result FROM audit ORDER BY id`).all() as { actor: string; result: string }[];
    expect(audit.map((a) => a.result)).toEqual(Array(5).fill('refused_group_chat'));
  });

  it('the same ASN posting campaign text in that group does open a case (the command exemption is narrow)', async () => {
    sim.pushUpdate(textMessage(GROUP, BUDI, 'Siap dukung paslon nomor 2'));
    await sim.waitFor((s) => s.some((m) => m.chat_id === ADMIN.id), 5000);
    expect(app.db.prepare(`SELECT kind FROM incidents`).pluck().all()).toEqual(['posted']);
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
