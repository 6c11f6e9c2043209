/**
 * Issue 17, point 4: with umask 022, every file the bot writes under the data folder is 0600 and
 * every folder 0700: the database, the mass-event list (it was 0644 in a 0755 `reports/`), the
 * refused-alert list, /report's files, `report --out`, the XLSX/PNG default path, and backups.
 * A `reports/` folder an older version left 0755 is made owner-only.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/app/backup.js';
import { reportsDir, runReportCli } from '../../src/app/reports/command.js';
import { writeCaseListCsv } from '../../src/app/mass-alerts.js';
import { seedBenchAsn } from '../../src/bench/util.js';
import { CAMPAIGN_TG, testApp } from '../support/app.js';

let umask: number;
const dirs: string[] = [];
beforeEach(() => {
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Every file and folder under `root`, with its mode. */
function walk(root: string): { path: string; dir: boolean; mode: number }[] {
  const out: { path: string; dir: boolean; mode: number }[] = [];
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    const st = statSync(p);
    out.push({ path: p, dir: st.isDirectory(), mode: st.mode & 0o777 });
    if (st.isDirectory()) out.push(...walk(p));
  }
  return out;
}

describe('owner-only files whatever the umask', () => {
  it('everything the bot writes under the data folder is 0600, every folder 0700', async () => {
    const root = mkdtempSync(join(tmpdir(), 'jn-umask-'));
    dirs.push(root);
    const data = join(root, 'data');
    // An older version created reports/ first, world-readable.
    mkdirSync(join(data, 'reports'), { recursive: true, mode: 0o755 });
    chmodSync(data, 0o700);
    const { app, clock } = testApp({ DATABASE_PATH: join(data, 'jaga-netral.db'), HUMAS_ADMINS: 'tg:9001', MASS_ALERT_THRESHOLD: '3' });
    try {
      // A timses adds 40 ASN: the mass-event summary comes with a CSV of NIPs and phones.
      seedBenchAsn(app, 40, { phoneBase: 60_000_000, tgIdBase: 800_000 });
      app.monitor.handle({
        kind: 'member_added', dedupeKey: 'mass', at: clock.now(), chat: CAMPAIGN_TG, actor: { platform: 'telegram', id: '7777', name: 'Korlap' },
        members: [...Array(40).keys()].map((i) => ({ platform: 'telegram' as const, id: String(800_000 + i) })),
      });
      app.releaseSummaries(clock.now() + 3_600_000);
      const mass = app.db.prepare(`SELECT payload FROM outbox WHERE kind = 'humas_mass_alert'`).pluck().get() as string;
      expect(JSON.parse(mass).files[0].path.startsWith(reportsDir(app))).toBe(true);
      // The refused-alert list goes through the same writer.
      writeCaseListCsv(reportsDir(app), 'tak-terkirim-1', [{ caseId: 1, asnName: 'A', nip: '198503122010011003', unit: 'U', phone: '+6281234567890', reachable: false }], 'id');
      // /report in a private chat: CSV, XLSX and PNG.
      const r = await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/report' });
      expect(r?.files).toHaveLength(3);
      // The CLI: report --out, and the XLSX default path.
      const io = { out: () => undefined, err: () => undefined };
      expect(await runReportCli(app, ['--format', 'csv', '--out', join(data, 'rekap.csv')], io)).toBe(0);
      expect(await runReportCli(app, ['--format', 'xlsx'], io)).toBe(0);
      await backupDatabase(app.db, join(data, 'backups'), 3, clock.now());

      const all = walk(data);
      expect(all.filter((f) => !f.dir).length).toBeGreaterThanOrEqual(9);
      for (const f of all) expect([f.path, f.mode.toString(8)]).toEqual([f.path, f.dir ? '700' : '600']);
      expect(statSync(data).mode & 0o777).toBe(0o700);
    } finally {
      await app.close();
    }
  });
});
