/**
 * Issue 20 through the real path: a deployment for an election the rules were not written for
 * (tests/fixtures/classifier/banten2024.paslon.json, names and two or three nicknames, as a deployer
 * writes it), telegraf polling the loopback Bot API (src/platforms/sim/telegram-server.ts). An ASN
 * tagged in a post that only the derived forms reveal (initials "ARD" from "Airin Rachmi Diany",
 * nobody listed them) is alerted; tagged in hard negatives ("coblos" of a balloon, a cleric's tomb
 * sharing a candidate's name, a koperasi election) is not. Mentions are @username entities as
 * Telegram sends them (node_modules/@telegraf/types/message.d.ts, MessageEntity "mention").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimSentMessage, SimUser } from '../../../src/platforms/sim/telegram-server.js';
import { textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { startBudiBot, type SimBot } from '../../support/telegram.js';

// A group whose name says nothing about the election: only the post's text can.
const GROUP = { id: -1009876543210, title: 'Alumni SMA 3 Serang', type: 'supergroup' as const };
const POSTER: SimUser = { id: 7001, first_name: 'Joko', username: 'joko' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };

let bot: SimBot;
const to = (id: number) => (s: SimSentMessage[]) => s.filter((m) => m.chat_id === id);
const tagging = (text: string) => textMessage(GROUP, POSTER, `${text} @budi_s`, {
  entities: [{ type: 'mention', offset: text.length + 1, length: '@budi_s'.length }],
});
const processed = async () => {
  const { sim, app } = bot;
  for (let i = 0; i < 150 && (sim.pendingUpdates() > 0 || app.monitor.outbox.depth().pending > 0 || app.monitor.outbox.depth().sending > 0); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 150));
};

describe('a fresh election through Telegram', () => {
  beforeEach(async () => {
    bot = await startBudiBot({
      perChatGapMs: 5,
      overrides: { PASLON_FILE: 'tests/fixtures/classifier/banten2024.paslon.json' },
    });
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('hard negatives tag the ASN without an alert; initials nobody listed, with a ballot number, alert', async () => {
    const { sim, app } = bot;
    for (const text of [
      'Coblos balon pakai jarum biar meletus, anak-anak senang',
      'Besok ziarah ke makam Abuya Dimyati, ikut?',
      'Jangan golput di pemilihan ketua koperasi ya',
    ]) sim.pushUpdate(tagging(text));
    await processed();
    expect(to(BUDI.id)(sim.sent)).toEqual([]);
    expect(app.db.prepare(`SELECT count(*) FROM incidents`).pluck().get()).toBe(0);

    sim.pushUpdate(tagging('ARD nomor 1 fix menang, jangan lupa'));
    await sim.waitFor((s) => to(BUDI.id)(s).some((m) => (m.text ?? '').includes('ARD nomor 1')), 5000);
    await processed();
    expect(app.db.prepare(`SELECT count(*) FROM incidents`).pluck().get()).toBe(1);
  });
});
