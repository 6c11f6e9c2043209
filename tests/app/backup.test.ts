import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.js';
import { createLogger } from '../../src/app/log.js';
import { loadConfig } from '../../src/config.js';
import { backupDatabase, backupFileName } from '../../src/app/backup.js';
import { runBackupJob } from '../../src/app/scheduler.js';
import { openDb } from '../../src/store/db.js';
import { ASN, CAMPAIGN_TG, testApp } from '../support/app.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'jn-backup-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('backups', () => {
  it('names files jaga-netral-YYYYMMDD-HHMMSS.db (UTC)', () => {
    expect(backupFileName(Date.UTC(2024, 10, 27, 2, 30, 5))).toBe('jaga-netral-20241127-023005.db');
  });

  it('a backup restores: open it and the rows are there', async () => {
    const { app, clock } = testApp();
    app.monitor.handle({ kind: 'member_added', dedupeKey: 'a', at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] });
    const dir = tmp();
    const r = await backupDatabase(app.db, dir, 3, clock.now());
    expect(r.path).toBe(join(dir, backupFileName(clock.now())));
    const restored = new Database(r.path, { readonly: true });
    try {
      expect(restored.prepare(`SELECT COUNT(*) AS n FROM asn`).get()).toEqual({ n: 3 });
      expect(restored.prepare(`SELECT asn_nip, status FROM incidents`).all()).toEqual([{ asn_nip: ASN.budi.nip, status: 'open' }]);
      expect(restored.pragma('user_version', { simple: true })).toBe(app.db.pragma('user_version', { simple: true }));
    } finally {
      restored.close();
    }
    // The store opens it as a normal database (migrations already applied).
    const reopened = openDb(r.path);
    expect(reopened.prepare(`SELECT COUNT(*) AS n FROM outbox`).get()).toEqual(app.db.prepare(`SELECT COUNT(*) AS n FROM outbox`).get());
    reopened.close();
  });

  it('backs up a file database while it is open (WAL) and keeps only the newest N', async () => {
    const dir = tmp();
    const db = openDb(join(dir, 'live.db'));
    db.prepare(`INSERT INTO kv (key, value, updated_at) VALUES ('x', '1', 0)`).run();
    const out = join(dir, 'backups');
    const t0 = Date.UTC(2024, 10, 1, 2, 30);
    for (let i = 0; i < 5; i++) await backupDatabase(db, out, 2, t0 + i * 86_400_000);
    expect(readdirSync(out).sort()).toEqual(['jaga-netral-20241104-023000.db', 'jaga-netral-20241105-023000.db']);
    const copy = new Database(join(out, 'jaga-netral-20241105-023000.db'), { readonly: true });
    expect(copy.prepare(`SELECT value FROM kv WHERE key = 'x'`).get()).toEqual({ value: '1' });
    copy.close();
    db.close();
  });

  it('the scheduled job uses BACKUP_DIR and BACKUP_KEEP', async () => {
    const dir = tmp();
    const { app, clock } = testApp({ BACKUP_DIR: dir, BACKUP_KEEP: '1' });
    await runBackupJob(app, clock.now());
    await runBackupJob(app, clock.now() + 1000);
    expect(readdirSync(dir)).toEqual([backupFileName(clock.now() + 1000)]);
  });

  it('the scheduled backup logs the hash chains\' heads as they are in the copy (issue 19)', async () => {
    const dir = tmp();
    const lines: string[] = [];
    const sink = new Writable({ write: (c: Buffer, _e, cb) => (lines.push(c.toString()), cb()) });
    const config = loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: ':memory:', BACKUP_DIR: dir, HUMAS_ADMINS: 'tg:9001', PASLON_FILE: 'data/paslon.sumsel2024.json' } });
    const app = new App({ config, log: createLogger('info', sink), clock: () => Date.UTC(2024, 10, 4, 3) });
    app.registry.upsertMany(Object.values(ASN), app.clock());
    app.monitor.handle({ kind: 'member_added', dedupeKey: 'a', at: app.clock(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] });
    const r = await runBackupJob(app, app.clock());
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; chainHeads?: unknown }).find((l) => l.msg === 'backup written');
    const copy = new Database(r.path, { readonly: true });
    const last = copy.prepare(`SELECT id, lower(hex(row_digest)) AS hash FROM events ORDER BY id DESC LIMIT 1`).get() as { id: number; hash: string };
    copy.close();
    expect(last.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(logged?.chainHeads).toEqual({ events: { rows: 1, ...last }, audit: { rows: 0, id: null, hash: null } });
    await app.close();
  });
});
