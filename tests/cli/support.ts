/** Test support: runs the real `jaga-netral` binary (src/bin/jaga-netral.mjs) in a child process with a chosen environment. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import type { ChatEvent } from '../../src/core/types.js';
import { ASN, CAMPAIGN_TG } from '../support/app.js';
import { childEnv } from '../support/spawn.js';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'src/bin/jaga-netral.mjs');

/** What one run printed and returned. */
export interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** A temp directory with a database path inside it (the file is not created). */
/** Spawned runs start Node and tsx each (seconds on a busy machine): CLI test blocks get this timeout. */
export const SPAWN_TIMEOUT = { timeout: 300_000 };

/** A repository file by absolute path. */
export const repoFile = (p: string): string => join(ROOT, p);

/** A temp directory with a database path inside it (the file is not created). */
export function tempHome(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'jn-cli-'));
  return { dir, db: join(dir, 'data', 'jaga-netral.db') };
}

/**
 * Runs `jaga-netral ...args` with only the given settings (plus PATH and HOME), from a fresh empty
 * directory (so no `.env` of the developer's is read; pass files by absolute path), or from `cwd` when given.
 */
export function jn(args: string[], env: Record<string, string>, stdin = '', cwd?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: cwd ?? mkdtempSync(join(tmpdir(), 'jn-cwd-')),
      env: { ...childEnv(), HUMAS_ADMINS: 'tg:9001,wa:6281111111111', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err }));
    child.stdin.end(stdin);
  });
}

/**
 * A database the bot has written, the way the running bot writes it (WAL mode, an App over the file):
 * the sample registry's ASN of tests/support plus cases opened by a timses adding Budi and Sari to the
 * campaign group. The App stays open (so the -wal file holds recent pages) until `close()`.
 */
export function botDatabase(path: string, now = Date.UTC(2024, 10, 4, 3, 0, 0)): { app: App; close: () => Promise<void> } {
  const config = loadConfig({
    envFile: false,
    env: {},
    overrides: { DATABASE_PATH: path, HUMAS_ADMINS: 'tg:9001,wa:6281111111111', PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off' },
  });
  let t = now;
  const app = new App({ config, clock: () => t });
  app.registry.upsertMany(Object.values(ASN), t);
  const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses', username: 'korlap02' };
  for (const who of [ASN.budi, ASN.sari]) {
    const ev: ChatEvent = { kind: 'member_added', dedupeKey: `add-${who.telegramId}`, at: t, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: who.telegramId }], actor: timses };
    app.monitor.handle(ev);
    t += 3_600_000;
  }
  return { app, close: () => app.close() };
}
