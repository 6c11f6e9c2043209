/**
 * Report files of an App on a `:memory:` database: a folder of the App's own under the system's temporary folder,
 * made on first use and removed when the App closes, so test files running side by side never prune (or read)
 * each other's reports, and nothing is left behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportsDir } from '../../../src/app/reports/command.js';
import { testApp } from '../../support/app.js';

const report = async (app: ReturnType<typeof testApp>['app']) =>
  (await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/report' }))!;

describe('reports of an in-memory database', () => {
  it('go to a temporary folder of each App, the same for all its writers, gone when the App closes', async () => {
    // A folder left by a process that was killed (a test runner ends its workers with SIGTERM, no exit handler runs),
    // and one of a process still running: the first folder this process makes sweeps the first away, not the second.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const left = join(tmpdir(), `jaga-netral-reports-${dead}-AbC123`);
    const running = join(tmpdir(), `jaga-netral-reports-${process.ppid}-AbC123`);
    for (const d of [left, running]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'laporan-jaga-netral-x.csv'), 'x');
    }
    const a = testApp().app;
    const b = testApp().app;
    const dirA = reportsDir(a);
    const dirB = reportsDir(b);
    expect(dirA).not.toBe(dirB);
    expect(dirname(dirA)).toBe(tmpdir());
    expect(basename(dirA)).toMatch(new RegExp(`^jaga-netral-reports-${process.pid}-`));
    // The App and what it hands its config to (the /report command, mass-event lists) use one folder.
    expect(reportsDir({ config: a.config })).toBe(dirA);
    expect([existsSync(left), existsSync(running)]).toEqual([false, true]);
    rmSync(running, { recursive: true, force: true });

    const fromA = await report(a);
    const fromB = await report(b);
    expect(fromA.files!.length).toBeGreaterThan(0);
    expect(fromA.files!.every((f) => dirname(f.path) === dirA)).toBe(true);
    expect(fromB.files!.every((f) => dirname(f.path) === dirB)).toBe(true);
    expect(readdirSync(dirA).sort()).toEqual(fromA.files!.map((f) => basename(f.path)).sort());

    await a.close();
    expect(existsSync(dirA)).toBe(false);
    expect(fromB.files!.every((f) => existsSync(f.path))).toBe(true);
    await b.close();
    expect(existsSync(dirB)).toBe(false);
  });
});
