/**
 * `jaga-netral start`: wiring only. Builds the App, connects the configured
 * platforms, starts the dispatcher and the scheduler, and shuts down cleanly
 * on SIGINT/SIGTERM. SIGUSR2 prints a health line to stderr.
 */
import type { CliIo } from './cli/args.js';
import { ConfigError, describeConfig, loadConfig, type Config } from './config.js';
import { startTexts } from './core/messages/start.js';
import { acquireInstanceLock } from './store/instance-lock.js';
import { App } from './app/app.js';
import { health } from './app/health.js';
import { createLogger } from './app/log.js';
import type { MembershipChecker } from './app/ports.js';
import { Scheduler } from './app/scheduler.js';
import { TelegramAdapter, TelegramTokenRejected, type TelegramAdapterOptions } from './platforms/telegram/adapter.js';
import { WhatsAppAdapter, type WhatsAppAdapterOptions } from './platforms/whatsapp/adapter.js';
import { cleanStoredLabels } from './store/clean-labels.js';

/** A started bot, for tests and the crash harness. */
export interface RunningBot {
  app: App;
  stop(): Promise<void>;
}

/** Adapter settings beyond the config (tests pass a fake WhatsApp socket, short Telegram retry pauses). */
export interface StartOptions {
  /** When the process started (the dashboard's health panel). */
  startedAt?: number;
  whatsapp?: Omit<WhatsAppAdapterOptions, 'app'>;
  telegram?: Omit<TelegramAdapterOptions, 'app'>;
}

/**
 * Starts every configured platform on `app` (and the dashboard when
 * DASHBOARD_PORT is set); resolves once they are connecting.
 * The scheduler starts first (it is the part that can still refuse its settings);
 * if anything fails, everything already started is stopped again before the
 * error is rethrown, so a failed start never leaves a bot polling half-alive.
 * WhatsApp starts before Telegram and neither waits for the other: Telegram's
 * start resolves while the Bot API is unreachable (it keeps retrying), and a
 * Telegram token Telegram rejects leaves WhatsApp running alone when it is enabled.
 */
export async function startBot(app: App, o: StartOptions = {}): Promise<RunningBot> {
  const checkers: MembershipChecker[] = [];
  const stops: (() => Promise<void>)[] = [];
  const scheduler = new Scheduler(app, { checkers });
  const stopAll = async () => {
    scheduler.stop();
    for (const s of stops.reverse()) await s().catch((err: unknown) => app.log.warn({ err: String(err) }, 'stopping a platform failed'));
    await app.close();
  };
  try {
    // Before the platforms, so a port already in use stops the start before anything connects.
    if (app.config.DASHBOARD_PORT !== undefined) {
      const { startDashboard } = await import('./web/server.js');
      const dash = await startDashboard(app, { startedAt: o.startedAt });
      stops.push(() => dash.close());
      app.log.info({ url: dash.url }, 'dashboard listening');
    }
    // Once per database: labels stored before they were cleaned on arrival (follow-ups and reports read them).
    try {
      const cleaned = cleanStoredLabels(app.db, app.clock());
      if (cleaned) app.log.info({ cleaned }, 'stored titles and names made plain');
    } catch (err) {
      // Not worth a failed start: it is tried again at the next one.
      app.log.warn({ err: String(err) }, 'could not clean stored titles and names; trying again at the next start');
    }
    app.dispatcher.start();
    scheduler.start();
    // The OCR engine is probed now for the start log ("on" or why not); images a stop left unread are read again.
    void app.screenshots.open().then(() => app.screenshots.resume(app.clock())).catch((err: unknown) => app.log.warn({ err: String(err) }, 'ocr: could not start'));
    if (app.config.WHATSAPP_ENABLED) {
      const wa = new WhatsAppAdapter({ ...o.whatsapp, app });
      stops.push(() => wa.stop());
      wa.start();
      checkers.push(wa.membership);
    }
    if (app.config.TELEGRAM_BOT_TOKEN) {
      const tg = new TelegramAdapter({ ...o.telegram, app });
      try {
        await tg.start();
        stops.push(() => tg.stop());
        checkers.push(tg.membership);
      } catch (err) {
        await tg.stop();
        if (!app.config.WHATSAPP_ENABLED || !(err instanceof TelegramTokenRejected)) throw err;
        app.log.error({ err: err.message }, 'telegram: not started; WhatsApp continues');
        app.platformStatus.telegram = `error: ${err.message}`;
      }
    }
    scheduler.setCheckers(checkers);
  } catch (err) {
    await stopAll();
    throw err;
  }
  return { app, stop: stopAll };
}

/** The `start` subcommand: runs until SIGINT/SIGTERM. */
export async function startCommand(_argv: string[], io: CliIo): Promise<number> {
  let config;
  try {
    // Strict: no valid Humas admin (nobody would hear of a case) or an unknown key (a typo) refuses the start.
    config = loadConfig({ strict: true });
  } catch (err) {
    io.err(err instanceof ConfigError ? err.message : String(err));
    return 2;
  }
  const t = startTexts(config.LANGUAGE);
  if (!config.TELEGRAM_BOT_TOKEN && !config.WHATSAPP_ENABLED) {
    io.err(t.noPlatform);
    return 2;
  }
  // One bot per database, taken before the database is opened and held until the process ends.
  const locked = acquireInstanceLock(config.DATABASE_PATH, Date.now());
  if (!locked.ok) {
    const since = locked.holder ? new Date(locked.holder.startedAt).toISOString() : undefined;
    io.err(t.alreadyRunning(config.DATABASE_PATH, locked.holder?.pid, since));
    return 1;
  }
  const lock = locked.lock;
  const log = createLogger(config.LOG_LEVEL, process.stderr, { secrets: [config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_WEBHOOK_SECRET] });
  log.info({ config: describeConfig(config) }, 'Jaga Netral starting');
  const startedAt = Date.now();
  let app: App;
  let bot: RunningBot;
  try {
    app = new App({ config, log });
    bot = await startBot(app, { startedAt });
  } catch (err) {
    // startBot has already stopped whatever it started.
    lock.release();
    const port = portInUse(err, config);
    io.err(t.couldNotStart(port ? t.portInUse(port.setting, port.port) : err instanceof Error ? err.message : String(err)));
    return 1;
  }
  process.on('SIGUSR2', () => process.stderr.write(`${JSON.stringify(health(app, startedAt))}\n`));
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log.info({ signal }, 'Jaga Netral stopping');
      // Down within 5 s whatever a platform is waiting for; the outbox is in SQLite, nothing is lost.
      const limit = setTimeout(() => {
        log.warn('Jaga Netral: stopping took over 4.5 s; exiting anyway (queued messages stay in the outbox)');
        // Whatever still holds the event loop open must not keep the process alive.
        setTimeout(() => process.exit(0), 300).unref();
        resolve();
      }, 4500);
      limit.unref();
      void bot.stop().finally(() => {
        clearTimeout(limit);
        resolve();
      });
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  lock.release();
  log.info('Jaga Netral stopped');
  return 0;
}

/** The setting to change when a listening port is taken (the dashboard's or the webhook's), read from the error or its causes. */
export function portInUse(err: unknown, config: Pick<Config, 'DASHBOARD_PORT' | 'TELEGRAM_WEBHOOK_PORT'>): { setting: string; port: number } | undefined {
  for (let e = err as { code?: string; port?: number; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code !== 'EADDRINUSE') continue;
    const port = typeof e.port === 'number' ? e.port : undefined;
    if (port !== undefined && port === config.DASHBOARD_PORT) return { setting: 'DASHBOARD_PORT', port };
    if (port !== undefined && port === config.TELEGRAM_WEBHOOK_PORT) return { setting: 'TELEGRAM_WEBHOOK_PORT', port };
  }
  return undefined;
}
