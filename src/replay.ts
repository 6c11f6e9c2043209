/**
 * `jaga-netral replay FILE.jsonl`: recorded platform payloads through the real
 * adapters and pipeline, with recording messengers; prints one JSON object per
 * outgoing message. Works on an in-memory copy of the configured database (so
 * the registry is there and nothing real changes), or on a registry CSV.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { App } from './app/app.js';
import { formatImportResult, importAsnCsv } from './app/import-asn.js';
import { RecordingMessenger } from './app/ports.js';
import type { CliIo } from './cli.js';
import { loadConfig } from './config.js';
import { replayTelegramUpdate } from './platforms/telegram/replay.js';
import { replayWhatsAppEvent } from './platforms/whatsapp/replay.js';
import { migrate, type Db } from './store/db.js';

/** One parsed input line. */
type ReplayLine =
  | { platform: 'telegram'; update: unknown }
  | { platform: 'whatsapp'; event: string; data: unknown };

/** Validates one JSONL line; a string is the reason it was rejected. */
export function parseReplayLine(text: string): ReplayLine | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (typeof v !== 'object' || v === null) return 'not a JSON object';
  const o = v as Record<string, unknown>;
  if (o.platform === 'telegram') return typeof o.update === 'object' && o.update !== null ? { platform: 'telegram', update: o.update } : 'telegram line without an "update" object';
  if (o.platform === 'whatsapp') return typeof o.event === 'string' ? { platform: 'whatsapp', event: o.event, data: o.data } : 'whatsapp line without an "event" name';
  return 'platform must be "telegram" or "whatsapp"';
}

/** An in-memory copy of the configured database, or a fresh one. */
function scratchDb(path: string): Db {
  const db = existsSync(path) ? new Database(new Database(path, { readonly: true, fileMustExist: true }).serialize()) : new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/** The replay subcommand. */
export async function replayCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { asn: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) {
    io.err('Pemakaian: jaga-netral replay FILE.jsonl [--asn REGISTRY.csv]');
    return 2;
  }
  const file = positionals[0]!;
  if (!existsSync(file)) {
    io.err(`File tidak ditemukan: ${file}`);
    return 1;
  }
  const config = loadConfig();
  const db = scratchDb(config.DATABASE_PATH);
  if (values.asn) {
    const r = importAsnCsv(db, values.asn);
    if (!r.ok) {
      io.err(formatImportResult(r, config.LANGUAGE));
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
      io.err(`line ${lineNo}: ${line}`);
      continue;
    }
    if (line.platform === 'telegram') replayTelegramUpdate(app, line.update);
    else await replayWhatsAppEvent(app, line.event, line.data);
    await app.dispatcher.drainOnce();
  }
  await app.close();
  if (bad) io.err(`${bad} baris dilewati.`);
  return 0;
}
