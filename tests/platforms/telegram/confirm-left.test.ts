/**
 * `/sudahkeluar <case>` on Telegram (issue 16, left alone): a Humas admin confirms a leave the bot could not
 * see. Through telegraf polling the loopback Bot API simulator over HTTP (the command arrives as a private
 * `message` with a `bot_command` entity, as telegraf's Composer reads it in node_modules/telegraf/lib/composer.js);
 * the case closes as left, marked "dikonfirmasi Humas"; an ASN may not run it; a bad number changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { simChats, startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
const dm = (u: SimUser) => ({ id: u.id, type: 'private' as const });

let sim: TelegramSimServer;
let app: App;
let bot: SimBot;
const { textsTo, waitText } = simChats(() => sim);

describe('/sudahkeluar on Telegram', () => {
  beforeEach(async () => {
    bot = await startSimBot({
      asn: [{ nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId }],
      started: [ADMIN, BUDI],
      perChatGapMs: 5,
    });
    ({ sim, app } = bot);
  });
  afterEach(() => bot.stop());

  it('Humas closes an open case as left, marked confirmed by Humas; the ASN cannot; a closed or unknown case is refused', async () => {
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await waitText(ADMIN.id, 'Kasus #1');
    const row = () => app.db.prepare(`SELECT status, status_reason, status_by, left_by_word FROM incidents WHERE id = 1`).get();

    sim.pushUpdate(textMessage(dm(BUDI), BUDI, '/sudahkeluar 1'));
    await waitText(BUDI.id, 'admin');
    expect(row()).toMatchObject({ status: 'open', left_by_word: null });

    sim.pushUpdate(textMessage(dm(ADMIN), ADMIN, '/sudahkeluar 99'));
    await waitText(ADMIN.id, '99');
    sim.pushUpdate(textMessage(dm(ADMIN), ADMIN, '/sudahkeluar 1'));
    await waitText(ADMIN.id, 'Kasus #1 ditutup: ASN sudah keluar (dikonfirmasi Humas).');
    expect(row()).toEqual({ status: 'left', status_reason: 'left_by_humas', status_by: 'tg:9001', left_by_word: 'humas' });
    sim.pushUpdate(textMessage(dm(ADMIN), ADMIN, '/kasus 1'));
    await waitText(ADMIN.id, 'Keterangan: keluar, dikonfirmasi Humas (tg:9001)');
    // The plain-text /report marks the leave as the report files' status cells do (issue 24 point 3).
    sim.pushUpdate(textMessage(dm(ADMIN), ADMIN, '/report'));
    await waitText(ADMIN.id, 'Laporan Jaga Netral');
    const report = textsTo(ADMIN.id).find((t) => t.includes('Laporan Jaga Netral'))!;
    expect(report.split('\n')).toContain('Menurut status: terbuka 0, sudah keluar 1 (1 dikonfirmasi Humas), dikecualikan 0, kedaluwarsa 0');
    expect(textsTo(ADMIN.id).filter((t) => t.startsWith('Kasus #1 ditutup'))).toHaveLength(1);
  });
});
