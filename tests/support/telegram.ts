/**
 * The bot on the Telegram simulator, as the Telegram tests start it: a loopback Bot API server
 * (src/platforms/sim/telegram-server.ts) that telegraf polls over real HTTP, an App on an in-memory
 * database with Humas admin 9001, the adapter with short scan and restart pauses, and the dispatcher.
 */
import { App } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import type { AsnInput } from '../../src/store/asn.js';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';
import { TelegramSimServer, type SimSentMessage, type SimUser } from '../../src/platforms/sim/telegram-server.js';
import { TelegramAdapter } from '../../src/platforms/telegram/adapter.js';
import { TelegramSendPolicy } from '../../src/platforms/telegram/policy.js';
import { ASN } from './app.js';

/** A running bot on the simulator. */
export interface SimBot {
  sim: TelegramSimServer;
  app: App;
  adapter: TelegramAdapter;
  /** Stops the adapter, the app and the simulator. */
  stop(): Promise<void>;
}

/** What differs between the test files. */
export interface SimBotOptions {
  /** Config on top of the defaults (in-memory database, Humas tg:9001, quiet hours off, the Sumsel paslon file). */
  overrides?: Record<string, string>;
  asn?: AsnInput[];
  /** Users who pressed /start (private messages to them arrive). */
  started?: SimUser[];
  /** Users the simulator knows who never pressed /start. */
  known?: SimUser[];
  /** Milliseconds between two messages to one chat (default 20). */
  perChatGapMs?: number;
  /** BotFather's privacy mode on (default off, the README's setup): the simulator then hides ordinary group posts from a bot that is not admin. */
  privacyMode?: boolean;
}

/** The Humas admin (HUMAS_ADMINS tg:9001) and Budi, the registered ASN `ASN.budi` of support/app.ts, as Telegram users. */
export const SIM_HUMAS: SimUser = { id: 9001, first_name: 'Humas' };
export const SIM_BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };

/**
 * `n` numbered staff of one office as Telegram users ("Staf 0" ... with ids from `firstId`) and their registry rows
 * ("Staf Dinas 0", Dinas Kesehatan), for the burst and summary tests: matched by Telegram id, or by username only
 * (`staf_dinas0` ..., no id in the registry) with `byUsername`.
 */
export function numberedStaff(n: number, o: { firstId?: number; byUsername?: boolean } = {}): { users: SimUser[]; asn: AsnInput[]; nip: (i: number) => Nip } {
  const firstId = o.firstId ?? 6300;
  const users: SimUser[] = Array.from({ length: n }, (_, i) => ({ id: firstId + i, first_name: `Staf ${i}`, ...(o.byUsername ? { username: `staf_dinas${i}` } : {}) }));
  const nip = (i: number): Nip => `1990010120150110${String(i).padStart(2, '0')}` as Nip;
  const asn = users.map((u, i): AsnInput => ({
    nip: nip(i), nama: `Staf Dinas ${i}`, unit: 'Dinas Kesehatan', phone: `+628131000${String(i).padStart(4, '0')}` as PhoneE164,
    ...(o.byUsername ? { telegramUsername: u.username! } : { telegramId: String(u.id) as TgUserId }),
  }));
  return { users, asn, nip };
}

/** {@link startSimBot} with Budi registered (`ASN.budi`) and the Humas admin and Budi, then `started`, having pressed /start. */
export function startBudiBot(o: Omit<SimBotOptions, 'asn'> = {}): Promise<SimBot> {
  return startSimBot({ ...o, asn: [ASN.budi], started: [SIM_HUMAS, SIM_BUDI, ...(o.started ?? [])] });
}

/** Starts the bot with privacy mode off (the README's setup) unless asked, and waits for its first poll. */
export async function startSimBot(o: SimBotOptions = {}): Promise<SimBot> {
  const sim = await TelegramSimServer.start({ canReadAllGroupMessages: !o.privacyMode });
  const config = loadConfig({
    envFile: false,
    env: {},
    overrides: {
      DATABASE_PATH: ':memory:', HUMAS_ADMINS: 'tg:9001', TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot,
      PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off', ...o.overrides,
    },
  });
  const app = new App({ config });
  if (o.asn?.length) app.registry.upsertMany(o.asn, Date.now());
  for (const u of o.started ?? []) {
    sim.addUser(u);
    sim.startedBot(u.id);
  }
  for (const u of o.known ?? []) sim.addUser(u);
  const adapter = new TelegramAdapter({ app, scanIntervalMs: 5, restartDelayMs: 100, policy: new TelegramSendPolicy({ perChatGapMs: o.perChatGapMs ?? 20 }) });
  await adapter.start();
  app.dispatcher.start();
  await sim.waitForPoll();
  return {
    sim,
    app,
    adapter,
    stop: async () => {
      await adapter.stop();
      await app.close();
      await sim.close();
    },
  };
}

/** Reading what the simulator's bot sent, per chat (the tests' `to`, `textsTo` and `waitText`). */
export interface SimChats {
  /** A filter of the messages sent to one chat (for `sim.waitFor`). */
  to(id: number): (s: SimSentMessage[]) => SimSentMessage[];
  /** The texts sent to one chat so far, in order. */
  textsTo(id: number): string[];
  /** Waits until a message to `id` contains `part`. */
  waitText(id: number, part: string, ms?: number): Promise<void>;
}

/**
 * The per-chat helpers, bound to the current simulator (`sim` is reassigned per test, hence a getter).
 * `waitMs`: the default wait of `waitText` (5 s).
 */
export function simChats(getSim: () => TelegramSimServer, o: { waitMs?: number } = {}): SimChats {
  const to = (id: number) => (s: SimSentMessage[]) => s.filter((m) => m.chat_id === id);
  return {
    to,
    textsTo: (id) => to(id)(getSim().sent).map((m) => m.text ?? ''),
    waitText: (id, part, ms = o.waitMs ?? 5000) => getSim().waitFor((s) => to(id)(s).some((m) => (m.text ?? '').includes(part)), ms),
  };
}
