/**
 * Issue 21 point 4: the Telegram status follows the last outcome. A second poller on the same token makes
 * Telegram answer the bot's pending getUpdates with 409 (the simulator does what the Bot API does: "a new
 * getUpdates terminates the pending one"); telegraf's Polling throws on 409
 * (telegraf/lib/core/network/polling.js, `[Symbol.asyncIterator]`), the adapter relaunches polling, and the
 * first answered getUpdates afterwards puts /status and the health line back. /status says it in the
 * office's language, not as the library's message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { health } from '../../../src/app/health.js';
import { startCommand } from '../../../src/platforms/sim/telegram-updates.js';
import { startSimBot, type SimBot } from '../../support/telegram.js';

const HUMAS = { id: 9001, is_bot: false, first_name: 'Humas' };

let bot: SimBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const until = async (what: string, pred: () => boolean, ms = 10_000): Promise<void> => {
  for (const end = Date.now() + ms; !pred(); ) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('Telegram status after a 409 conflict', () => {
  it('shows the conflict in Indonesian while it lasts, and recovers with the next answered poll', async () => {
    bot = await startSimBot({ started: [HUMAS] });
    const { sim, app } = bot;
    const status = async () => (await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/status' }))!.text;
    expect(app.platformStatus.telegram).toBe(`@${sim.bot.username} (polling)`);

    // Another process polls with the same token: the bot's pending long poll is answered 409.
    const other = (await (await fetch(`${sim.apiRoot}/bot${sim.token}/getUpdates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"timeout":0}' })).json()) as { ok: boolean };
    expect(other.ok).toBe(true);
    await until('the 409 to show', () => /^error: 409/.test(app.platformStatus.telegram ?? ''));
    expect(health(app, Date.now())['health']).toBe('degraded');
    const during = await status();
    expect(during).toContain('telegram: galat: bot lain memakai token yang sama (dua proses berjalan?) (409)');
    expect(during).not.toMatch(/Conflict|terminated by other getUpdates/);

    // The other process is gone; the bot polls again (restart after 100 ms) and its next poll is answered.
    sim.pushUpdate(startCommand(HUMAS));
    await until('the status to recover', () => app.platformStatus.telegram === `@${sim.bot.username} (polling)`);
    expect(health(app, Date.now())['health']).toBe('ok');
    expect(await status()).toContain(`telegram: @${sim.bot.username} (terhubung, polling)`);
  });
});
