/**
 * Issue 17 point 8, username squatting, over the loopback Bot API (telegraf polls
 * src/platforms/sim/telegram-server.ts). A Telegram username can be given up and taken by anyone; only the
 * numeric `User.id` (node_modules/@telegraf/types/manage.d.ts, User) stays with the account. A match by username
 * alone, while the registry has no Telegram id for that ASN, is unverified: no DM to that account, and the Humas
 * alert says so. Once the id is bound by a contact share (Contact.user_id === from.id), the id wins over the username.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import type { Nip, PhoneE164 } from '../../../src/core/ids.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { contactMessage, newChatMembers, startCommand, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { simChats, startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const GROUP2 = { id: -1001234567999, title: 'Tim Pemenangan Paslon 2 OKU', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
/** Took the registered ASN's username; started the bot. */
const SQUATTER: SimUser = { id: 6660, first_name: 'Dedi K', username: 'DediK' };
/** Also calls herself @dedik elsewhere... never started the bot. */
const SILENT: SimUser = { id: 6661, first_name: 'Dedi', username: 'dedik' };
/** The real ASN, whose registry row has the username but no Telegram id. */
const DEDI: SimUser = { id: 5003, first_name: 'Dedi', username: 'dedi_kurniawan' };
const DEDI_PHONE = '+6285212345678';

let sim: TelegramSimServer;
let app: App;
let bot: SimBot;

const { to, textsTo, waitText } = simChats(() => sim);
const settle = async () => {
  for (let i = 0; i < 150 && (sim.pendingUpdates() > 0 || app.monitor.outbox.depth().pending > 0 || app.monitor.outbox.depth().sending > 0); i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 150));
};

describe('a match by Telegram username alone is unverified', () => {
  beforeEach(async () => {
    bot = await startSimBot({
      asn: [{ nip: '198807142012121002' as Nip, nama: 'Dedi Kurniawan', unit: 'BPKAD', phone: DEDI_PHONE as PhoneE164, telegramUsername: 'dedik' }],
      started: [ADMIN, SQUATTER, DEDI],
      known: [SILENT],
      perChatGapMs: 5,
    });
    ({ sim, app } = bot);
  });
  afterEach(() => bot.stop());

  it('a stranger with the ASN username joins a campaign group: the case opens, Humas reads "unverified", the stranger gets nothing', async () => {
    sim.pushUpdate(newChatMembers(GROUP, SQUATTER, [SQUATTER]));
    await waitText(ADMIN.id, 'Kasus #1');
    const alert = textsTo(ADMIN.id).find((t) => t.includes('Kasus #1'))!;
    expect(alert).toContain('Identitas belum terverifikasi');
    expect(alert).toContain('@dedik (id akun 6660)');
    expect(alert).not.toContain('ASN sudah dikirimi pesan pribadi');
    // Posted by the squatter and tagging the username: again unverified, and nothing goes to either account.
    sim.pushUpdate(textMessage(GROUP2, TIMSES, 'Ayo coblos paslon nomor 2, ajak @dedik'));
    await waitText(ADMIN.id, 'Kasus #2');
    expect(textsTo(ADMIN.id).find((t) => t.includes('Kasus #2'))).toContain('Identitas belum terverifikasi: akun ini cocok hanya dari username Telegram @dedik;');
    sim.pushUpdate(newChatMembers(GROUP2, TIMSES, [SILENT]));
    await settle();
    expect(to(SQUATTER.id)(sim.sent)).toEqual([]);
    expect(sim.calls.filter((c) => c.method === 'sendMessage' && [SQUATTER.id, SILENT.id].includes(Number(c.params['chat_id'])))).toEqual([]);
    const asnRows = app.db.prepare(`SELECT recipient, status, last_error FROM outbox WHERE kind = 'asn_alert' ORDER BY id`).all() as { recipient: string; status: string; last_error: string }[];
    expect(asnRows.length).toBeGreaterThanOrEqual(2);
    for (const r of asnRows) expect(r).toMatchObject({ recipient: 'asn:198807142012121002', status: 'undeliverable', last_error: expect.stringContaining('belum terverifikasi') });
  });

  it('once the real ASN binds her id by a contact share, the id wins: the squatter opens nothing, a tag reaches the ASN', async () => {
    sim.pushUpdate(startCommand(DEDI));
    sim.pushUpdate(contactMessage(DEDI, DEDI_PHONE));
    await waitText(DEDI.id, 'Dedi Kurniawan');
    // A later registry import writes the old username back next to the bound id.
    app.registry.upsertMany([{ nip: '198807142012121002' as Nip, nama: 'Dedi Kurniawan', unit: 'BPKAD', phone: DEDI_PHONE as PhoneE164, telegramUsername: 'dedik' }], Date.now());
    expect(app.registry.byNip('198807142012121002' as Nip)).toMatchObject({ telegramId: '5003', telegramUsername: 'dedik' });

    sim.pushUpdate(newChatMembers(GROUP, SQUATTER, [SQUATTER]));
    sim.pushUpdate(textMessage(GROUP, SQUATTER, 'Saya siap menangkan paslon nomor 2'));
    await settle();
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents`).pluck().get()).toBe(0);

    // A tag carries only "@dedik" (a mention entity has no user): it names the bound ASN, who is told directly.
    sim.pushUpdate(textMessage(GROUP2, TIMSES, 'Ayo coblos paslon nomor 2, ajak @dedik'));
    await waitText(DEDI.id, 'Tim Pemenangan Paslon 2 OKU');
    await waitText(ADMIN.id, 'Kasus #1');
    expect(textsTo(ADMIN.id).find((t) => t.includes('Kasus #1'))).not.toContain('belum terverifikasi');
    expect(to(SQUATTER.id)(sim.sent)).toEqual([]);
  });
});
