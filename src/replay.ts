/**
 * `jaga-netral replay FILE.jsonl`: recorded platform payloads through the real
 * adapters and pipeline, with recording messengers; prints one JSON object per
 * outgoing message. Works on an in-memory copy of the configured database (so
 * the registry is there and nothing real changes), or on a registry CSV.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { App } from './app/app.js';
import { formatImportResult } from './app/import-asn.js';
import { RecordingMessenger } from './app/ports.js';
import { applyRegistry, readRegistryFile } from './app/registry-file.js';
import { configOrFail, type CliArgs } from './cli/args.js';
import { loadConfig } from './config.js';
import { cliTexts, type ReplayProblem } from './core/messages/cli.js';
import { replayTelegramUpdate } from './platforms/telegram/replay.js';
import { finishWhatsAppReplay, replayWhatsAppEvent } from './platforms/whatsapp/replay.js';
import { migrate, type Db } from './store/db.js';

/** One parsed input line. */
type ReplayLine =
  | { platform: 'telegram'; update: unknown }
  | { platform: 'whatsapp'; event: string; data: unknown };

/** Validates one JSONL line; a string is why it was rejected (worded by cliTexts().replayLine in the office's language). */
export function parseReplayLine(text: string): ReplayLine | ReplayProblem {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'json';
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'object';
  const o = v as Record<string, unknown>;
  if (o.platform === 'telegram') return typeof o.update === 'object' && o.update !== null ? { platform: 'telegram', update: o.update } : 'update';
  if (o.platform === 'whatsapp') return typeof o.event === 'string' ? { platform: 'whatsapp', event: o.event, data: o.data } : 'event';
  return 'platform';
}

/**
 * An in-memory copy of the configured database (fresh when there is none).
 * The bot keeps its database in WAL mode, and a WAL database says so in its
 * header (bytes 18 and 19 = 2); SQLite cannot open such an image in memory
 * ("unable to open database file"), so the copy is marked as an ordinary
 * rollback-journal database (1, 1) before it is opened. The read itself goes
 * through SQLite, so pages still in the -wal file are part of the copy.
 */
export function scratchDb(path: string): Db {
  let db: Db;
  if (path !== ':memory:' && existsSync(path)) {
    const src = new Database(path, { readonly: true, fileMustExist: true });
    let image: Buffer;
    try {
      image = src.serialize();
    } finally {
      src.close();
    }
    if (image.length >= 20) image[18] = image[19] = 1;
    db = new Database(image);
    // Messages the bot has queued but not sent yet belong to the bot, not to this replay: settle them
    // in the copy so only what the replayed payloads cause is printed (their dedupe keys still count).
    if (db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'`).get()) {
      db.prepare(`UPDATE outbox SET status = 'sent' WHERE status IN ('pending', 'sending')`).run();
    }
  } else {
    db = new Database(':memory:');
  }
  db.pragma('foreign_keys = ON');
  migrate(db);
  // Likewise the WhatsApp pictures the bot is still gathering or holding for a LAPOR (store/pending-pictures.ts):
  // the bot answers them; in the copy they would join a replayed LAPOR from the same sender.
  db.exec(`DELETE FROM pending_pictures; DELETE FROM wa_album_headers;`);
  return db;
}

/** The replay subcommand. */
export async function replayCommand({ values, positionals, io, lang }: CliArgs): Promise<number> {
  if (positionals.length !== 1) return -1;
  const file = positionals[0]!;
  if (!existsSync(file)) {
    io.err(cliTexts(lang).fileNotFound(file));
    return 1;
  }
  const config = configOrFail(io);
  if (!config) return 2;
  const db = scratchDb(config.DATABASE_PATH);
  const asnFile = values.asn as string | undefined;
  if (asnFile) {
    const r = applyRegistry(db, await readRegistryFile(asnFile, undefined, config.LANGUAGE), { actor: 'replay' });
    if (!r.ok) {
      io.err(formatImportResult(r, config.LANGUAGE));
      db.close();
      return 1;
    }
  }
  const app = new App({ config: loadConfig({ overrides: { DATABASE_PATH: ':memory:' } }), db });
  const print = (m: { platform: string; recipient: string; kind: string; text: string }) =>
    io.out(JSON.stringify({ platform: m.platform, to: m.recipient, kind: m.kind, text: m.text }));
  app.attach(new RecordingMessenger('telegram', print));
  app.attach(new RecordingMessenger('whatsapp', print));
  let lineNo = 0;
  let bad = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const text of rl) {
    lineNo++;
    if (!text.trim()) continue;
    const line = parseReplayLine(text);
    if (typeof line === 'string') {
      bad++;
      io.err(cliTexts(config.LANGUAGE).replayLine(lineNo, line));
      continue;
    }
    if (line.platform === 'telegram') replayTelegramUpdate(app, line.update);
    else await replayWhatsAppEvent(app, line.event, line.data);
    await app.dispatcher.drainOnce();
  }
  // The recording has ended: WhatsApp albums still being gathered are answered with the pictures that came.
  await finishWhatsAppReplay(app);
  await app.dispatcher.drainOnce();
  // The recording has ended: mass-event summaries still waiting for their window are what Humas would get next.
  if (app.releaseSummaries(app.clock(), true)) await app.dispatcher.drainOnce();
  await app.close();
  if (bad) io.err(cliTexts(config.LANGUAGE).linesSkipped(bad));
  return 0;
}
