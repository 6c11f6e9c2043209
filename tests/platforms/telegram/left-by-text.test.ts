/**
 * An ASN on a phone who writes "sudah keluar" to the bot instead of pressing the "Saya sudah keluar" button under the
 * alert (issue s29, truth to real people): the same check as the button, getChatMember over the loopback Bot API
 * (Bot API getChatMember; telegraf Telegram.getChatMember in node_modules/telegraf/lib/telegram.js), and the same
 * answer. Before, the ASN got "Anda sudah terdaftar sebagai ..." and believed they had told the bot.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { startBudiBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko' };

let sim: TelegramSimServer;
let app: App;
let bot: SimBot;

async function say(text: string): Promise<string> {
  const mine = () => sim.sent.filter((m) => m.chat_id === BUDI.id && m.method === 'sendMessage');
  const before = mine().length;
  sim.pushUpdate(textMessage({ id: BUDI.id, type: 'private' }, BUDI, text));
  await sim.waitFor(() => mine().length > before, 5000);
  // A closed case also gets the thank-you the monitor queues (alerts go first): every new text, in order.
  for (let i = 0; i < 50 && app.monitor.outbox.depth().pending > 0; i++) await new Promise((r) => setTimeout(r, 20));
  return mine().slice(before).map((m) => m.text ?? '').join('\n---\n');
}

describe('an ASN writing "sudah keluar"', () => {
  beforeEach(async () => {
    bot = await startBudiBot();
    ({ sim, app } = bot);
    // The bot is an admin there, so getChatMember's "left" is guaranteed.
    sim.setBotStatus(GROUP, TIMSES, 'administrator');
    sim.setChatMember(GROUP.id, BUDI.id, 'member', BUDI);
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await sim.waitFor((s) => s.some((m) => m.chat_id === BUDI.id), 5000);
  });
  afterEach(() => bot.stop());

  it('still inside: told so, the case stays open; once out: the case closes as a seen leave', async () => {
    const caseId = app.monitor.incidents.listOpen()[0]!.id;
    expect(await say('Sudah keluar')).toMatch(/masih/i);
    expect(app.monitor.incidents.get(caseId)!.status).toBe('open');
    sim.setChatMember(GROUP.id, BUDI.id, 'left', BUDI);
    expect(await say(`saya sudah keluar #${caseId}`)).toContain('Kasus ditutup');
    expect(app.monitor.incidents.get(caseId)!.status).toBe('left');
  });

  it('a number that is not theirs, or no open case, is said so politely', async () => {
    expect(await say('keluar 999')).toBe('Kasus #999 tidak ditemukan di antara kasus Anda. Periksa nomornya pada pesan peringatan dari bot.');
    // The case number as people type it (core/case-ref.ts, as /sudahkeluar reads it).
    expect(await say('sudah keluar kasus no 999')).toBe('Kasus #999 tidak ditemukan di antara kasus Anda. Periksa nomornya pada pesan peringatan dari bot.');
    const caseId = app.monitor.incidents.listOpen()[0]!.id;
    sim.setChatMember(GROUP.id, BUDI.id, 'left', BUDI);
    await say('udah keluar');
    expect(app.monitor.incidents.get(caseId)!.status).toBe('left');
    expect(await say('sudah keluar')).toBe('Tidak ada kasus Telegram Anda yang masih terbuka. Terima kasih.');
  });
});
