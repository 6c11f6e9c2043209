/**
 * Issue 17: the Telegram webhook server listens on TELEGRAM_WEBHOOK_HOST, loopback by default (as
 * the dashboard's DASHBOARD_HOST), behind the office's HTTPS reverse proxy. The adapter serves
 * telegraf's `webhookCallback` (node_modules/telegraf/lib/telegraf.js) on node:http and registers
 * the URL with setWebhook on the Bot API simulator; nothing is pushed, so nothing is delivered.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/app.js';
import { loadConfig } from '../../../src/config.js';
import { TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { TelegramAdapter } from '../../../src/platforms/telegram/adapter.js';

const SECRET = 'webhook-secret-0123456789';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

/** Starts the adapter in webhook mode from the config alone (as `start` does). */
async function webhookBot(extra: Record<string, string>): Promise<{ port: number; sim: TelegramSimServer }> {
  const sim = await TelegramSimServer.start();
  const port = await freePort();
  const app = new App({
    config: loadConfig({
      envFile: false,
      env: {},
      overrides: {
        DATABASE_PATH: ':memory:', HUMAS_ADMINS: 'tg:9001', TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot, QUIET_HOURS: 'off',
        TELEGRAM_WEBHOOK_URL: `https://127.0.0.1:${port}/tg-hook`, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_WEBHOOK_PORT: String(port), ...extra,
      },
    }),
  });
  const adapter = new TelegramAdapter({ app });
  cleanups.push(() => sim.close(), () => app.close(), () => adapter.stop());
  await adapter.start();
  expect(app.platformStatus.telegram).toContain('webhook');
  return { port, sim };
}

/** The HTTP status a POST without the secret gets at `host:port`, or the connection error. */
const probe = (host: string, port: number): Promise<number | string> =>
  fetch(`http://${host}:${port}/tg-hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(
    (r) => r.status,
    (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message,
  );

describe('TELEGRAM_WEBHOOK_HOST', () => {
  it('defaults to loopback: the webhook answers on 127.0.0.1 only', async () => {
    const { port, sim } = await webhookBot({});
    expect(sim.webhookUrl()).toBe(`https://127.0.0.1:${port}/tg-hook`);
    expect(await probe('127.0.0.1', port)).toBe(401);
    // Another loopback address stands in for the machine's network address: nothing listens there.
    expect(await probe('127.0.0.2', port)).toBe('ECONNREFUSED');
  });

  it('listens where the setting says', async () => {
    const { port } = await webhookBot({ TELEGRAM_WEBHOOK_HOST: '127.0.0.2' });
    expect(await probe('127.0.0.2', port)).toBe(401);
    expect(await probe('127.0.0.1', port)).toBe('ECONNREFUSED');
  });
});
