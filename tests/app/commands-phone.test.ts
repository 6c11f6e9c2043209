/**
 * Commands as people type them on phones, through the Telegram Bot API simulator (telegraf polls it over real
 * HTTP): autocorrect capitals and a trailing period (`/Status.`), an invisible character or a full-width slash
 * pasted before the command, the space dropped before a case number (`/kasus3`), a typo (`/stauts`), a period
 * after the arguments (`/report minggu ini.`), and very long arguments. A known command is run, a typo is answered
 * with the command meant (never run on a guess), and what the bot echoes back stays short.
 * In a group, `/cmd@OtherBot` is addressed to another bot (Bot API: a bot_command entity `/command@botusername`,
 * node_modules/@telegraf/types/message.d.ts MessageEntity.CommonMessageEntity "bot_command"): ignored, never refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { textMessage } from '../../src/platforms/sim/telegram-updates.js';
import { parseCommand } from '../../src/app/commands/index.js';
import { SIM_BUDI, SIM_HUMAS, startBudiBot, type SimBot } from '../support/telegram.js';

let bot: SimBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const FLOOD_OFF = { INBOUND_PRIVATE_PER_MINUTE: '1000', INBOUND_PRIVATE_PER_HOUR: '10000' };

/** Sends `text` privately from `who` and returns the first answer to it. */
async function ask(b: SimBot, who: { id: number; first_name: string }, text: string, mid: number): Promise<string> {
  const before = b.sim.sent.filter((m) => m.chat_id === who.id).length;
  b.sim.pushUpdate(textMessage({ id: who.id, type: 'private' }, who, text, { message_id: mid }));
  await b.sim.waitFor((s) => s.filter((m) => m.chat_id === who.id).length > before, 5000);
  return b.sim.sent.filter((m) => m.chat_id === who.id)[before]!.text ?? '';
}

describe('commands typed on a phone', () => {
  it('parses the name past autocorrect, invisible leads, a full-width slash and a dropped space', () => {
    expect(parseCommand('/Status.')).toMatchObject({ name: 'status', args: [] });
    expect(parseCommand('/Help!')).toMatchObject({ name: 'help' });
    expect(parseCommand('\u200B/status')).toMatchObject({ name: 'status' });
    expect(parseCommand('\uFEFF\u00A0/kasus 3')).toMatchObject({ name: 'kasus', args: ['3'] });
    expect(parseCommand('\uFF0Fstatus')).toMatchObject({ name: 'status' });
    expect(parseCommand('/kasus3')).toMatchObject({ name: 'kasus', args: ['3'], rest: '3' });
    expect(parseCommand('/report@OtherBot minggu ini')).toMatchObject({ name: 'report', bot: 'OtherBot', args: ['minggu', 'ini'] });
    // Still no command: a slash alone, a path, a word after the digits.
    expect(parseCommand('/')).toBeUndefined();
    expect(parseCommand('/kasus3x')).toBeUndefined();
    expect(parseCommand('/home/humas')).toBeUndefined();
  });

  it('Humas: a known command with a trailing period, an invisible lead or a dropped space is run; a typo names the command meant', async () => {
    bot = await startBudiBot({ overrides: FLOOD_OFF });
    let mid = 100;
    const humas = (t: string) => ask(bot!, SIM_HUMAS, t, mid++);
    expect(await humas('/Status.')).toMatch(/^Status Jaga Netral/);
    expect(await humas('/status?')).toMatch(/^Status Jaga Netral/);
    expect(await humas('\u200B/status')).toMatch(/^Status Jaga Netral/);
    expect(await humas('\uFF0Fstatus')).toMatch(/^Status Jaga Netral/);
    expect(await humas('/Help!')).toMatch(/^Perintah yang tersedia/);
    expect(await humas('/kasus3')).toBe('Kasus #3 tidak ditemukan. Lihat /kasus.');
    expect(await humas('/KASUS 3')).toBe('Kasus #3 tidak ditemukan. Lihat /kasus.');
    // A period after the arguments is the end of a sentence, not part of them.
    expect(await humas('/buka 3!')).toBe('Kasus #3 tidak ditemukan. Lihat /kasus.');
    // A typo is answered with the command meant, and nothing runs on the guess.
    expect(await humas('/stauts')).toBe('Perintah "/stauts" tidak dikenal. Maksud Anda /status? Ketik /help untuk daftar perintah.');
    expect(await humas('/laproan minggu ini')).toBe('Perintah "/laproan" tidak dikenal. Maksud Anda /laporan? Ketik /help untuk daftar perintah.');
    // As close to /laporan (Humas' report) as to /lapor (an ASN's self-report): neither is named.
    expect(await humas('/laporn')).toBe('Perintah "/laporn" tidak dikenal. Ketik /help untuk daftar perintah.');
    // Without its slash, and with autocorrect's period: suggested with the slash.
    expect(await humas('Status.')).toBe('Perintah diawali garis miring. Maksud Anda: /status\nKetik /help untuk daftar perintah.');
    expect(await humas('/xyzzy')).toBe('Perintah "/xyzzy" tidak dikenal. Ketik /help untuk daftar perintah.');
    const audit = bot.app.db.prepare(`SELECT action, result FROM audit WHERE action IN ('/stauts', '/laproan') ORDER BY id`).all();
    expect(audit).toEqual([{ action: '/stauts', result: 'unknown_command' }, { action: '/laproan', result: 'unknown_command' }]);
    // Last: the report's files follow its text.
    expect(await humas('/report minggu ini.')).toMatch(/^📊 Laporan Jaga Netral\nPeriode: \d/);
  });

  it('an ASN is not pointed at a command only Humas may use', async () => {
    bot = await startBudiBot({ overrides: FLOOD_OFF });
    let mid = 300;
    expect(await ask(bot, SIM_BUDI, '/Status.', mid++)).toMatch(/kasus terbuka atas nama Anda/);
    // /grup is Humas' only: Budi is not told it exists.
    expect(await ask(bot, SIM_BUDI, '/grupp', mid++)).toBe('Perintah "/grupp" tidak dikenal. Ketik /help untuk daftar perintah.');
    expect(await ask(bot, SIM_BUDI, '/statsu', mid++)).toBe('Perintah "/statsu" tidak dikenal. Maksud Anda /status? Ketik /help untuk daftar perintah.');
  });

  it('a group title in quotes (a phone’s curly ones too) is found; a very long argument is echoed short', async () => {
    bot = await startBudiBot({ overrides: FLOOD_OFF });
    let mid = 500;
    bot.app.monitor.handle({ kind: 'chat_info', dedupeKey: 'c', at: 1, chat: { platform: 'telegram', id: '-100777', title: 'Relawan Paslon 2' } });
    expect(await ask(bot, SIM_HUMAS, '/tandai \u201CRelawan Paslon 2\u201D', mid++)).toMatch(/ditandai sebagai grup kampanye/);
    expect(await ask(bot, SIM_HUMAS, '/lepas "paslon 2"', mid++)).toMatch(/tidak lagi/);
    const long = `Relawan ${'y'.repeat(4000)}`;
    for (const t of [`/tandai "${long}"`, `/lepas ${long}`, `/report ${long.replace(' ', '')}`]) {
      const answer = await ask(bot, SIM_HUMAS, t, mid++);
      expect(answer).toMatch(/^(Tidak ada grup yang cocok dengan "Relawan y+…"|Periode "Relawany+…")/);
      expect(answer.length).toBeLessThan(700);
    }
  });

  it('in a group, /cmd@OtherBot is ignored (also after a pasted space or with a trailing period); /cmd@ThisBot is refused once', async () => {
    bot = await startBudiBot({ overrides: FLOOD_OFF });
    const group = { id: -100555, type: 'supergroup' as const, title: 'Grup Kantor' };
    let mid = 700;
    for (const t of ['/report@OtherBot', ' /report@OtherBot', '/report.@OtherBot', '\u200B/status@otherbot minggu ini']) {
      bot.sim.pushUpdate(textMessage(group, SIM_HUMAS, t, { message_id: mid++ }));
    }
    bot.sim.pushUpdate(textMessage(group, SIM_HUMAS, '\u00A0/Report.@JagaNetralBot', { message_id: mid++ }));
    await bot.sim.waitFor((s) => s.some((m) => m.chat_id === group.id), 5000);
    await new Promise((r) => setTimeout(r, 300));
    const inGroup = bot.sim.sent.filter((m) => m.chat_id === group.id).map((m) => m.text);
    expect(inGroup).toEqual([expect.stringMatching(/hanya dilayani melalui pesan pribadi/)]);
    const actions = bot.app.db.prepare(`SELECT action, result FROM audit ORDER BY id`).all();
    expect(actions).toEqual([{ action: '/report', result: 'refused_group_chat' }]);
  });
});
