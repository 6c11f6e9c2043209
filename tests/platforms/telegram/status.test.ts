/**
 * Issue 21 point 4: the Telegram status follows the last outcome. A second poller on the same token makes
 * Telegram answer the bot's pending getUpdates with 409 (the simulator does what the Bot API does: "a new
 * getUpdates terminates the pending one"); telegraf's Polling throws on 409
 * (telegraf/lib/core/network/polling.js, `[Symbol.asyncIterator]`), the adapter relaunches polling, and the
 * first answered getUpdates afterwards puts /status and the health line back. /status says it in the
 * office's language, not as the library's message; so does the dashboard's health panel (read over
 * loopback HTTP after signing in), in Indonesian and with LANGUAGE=en in English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { health } from '../../../src/app/health.js';
import { startCommand } from '../../../src/platforms/sim/telegram-updates.js';
import { startDashboard, type RunningDashboard } from '../../../src/web/server.js';
import { startSimBot, type SimBot } from '../../support/telegram.js';
import { freePort, linkFromBot, signIn } from '../../web/support.js';

const HUMAS = { id: 9001, is_bot: false, first_name: 'Humas' };

let bot: SimBot | undefined;
let dash: RunningDashboard | undefined;
afterEach(async () => {
  await dash?.close();
  dash = undefined;
  await bot?.stop();
  bot = undefined;
});

/** The dashboard's health panel (the section after its heading), as plain text. */
async function healthPanel(url: string, cookie: string): Promise<string> {
  const page = await (await fetch(url, { headers: { cookie } })).text();
  const start = page.search(/<h2>(Kesehatan platform|Platform health)<\/h2>/);
  expect(start).toBeGreaterThan(0);
  return page.slice(start, page.indexOf('</section>', start)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

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

  for (const lang of ['id', 'en'] as const) {
    it(`the dashboard's health panel says it in the office's language (LANGUAGE=${lang})`, async () => {
      const port = await freePort();
      bot = await startSimBot({ started: [HUMAS], overrides: { LANGUAGE: lang, DASHBOARD_PORT: String(port) } });
      const { sim, app } = bot;
      dash = await startDashboard(app);
      const cookie = await signIn(await linkFromBot(app));
      const words = lang === 'id'
        ? { conflict: 'Telegram galat: bot lain memakai token yang sama (dua proses berjalan?) (409)', degraded: 'Keadaan terganggu', ok: 'Keadaan baik', polling: `Telegram @${sim.bot.username} (terhubung, polling)` }
        : { conflict: 'Telegram error: another process uses the same token (running twice?) (409)', degraded: 'State degraded', ok: 'State good', polling: `Telegram @${sim.bot.username} (connected, polling)` };
      expect(await healthPanel(dash.url, cookie)).toContain(words.polling);

      const other = (await (await fetch(`${sim.apiRoot}/bot${sim.token}/getUpdates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"timeout":0}' })).json()) as { ok: boolean };
      expect(other.ok).toBe(true);
      await until('the 409 to show', () => /^error: 409/.test(app.platformStatus.telegram ?? ''));
      const during = await healthPanel(dash.url, cookie);
      expect(during).toContain(words.degraded);
      expect(during).toContain(words.conflict);
      expect(during).not.toMatch(/Conflict|terminated by other getUpdates|degraded.*degraded/);
      if (lang === 'id') expect(during).not.toMatch(/\b(error|degraded|connected|polling\))\b/);

      sim.pushUpdate(startCommand(HUMAS));
      await until('the status to recover', () => app.platformStatus.telegram === `@${sim.bot.username} (polling)`);
      const after = await healthPanel(dash.url, cookie);
      expect(after).toContain(words.ok);
      expect(after).toContain(words.polling);
    });
  }
});
