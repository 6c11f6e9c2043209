/**
 * Issue 17, point 1 (and issue 21, point 11's separator): every CSV we write is safe whether a
 * spreadsheet splits it on `;` (Excel with Indonesian settings) or on `,`. A group titled
 * `Relawan Paslon 2;=1+1;@SUM(9+9)` and a timses named `Korlap;=2*3` open as text, never as formulas.
 * Through `jaga-netral report`'s main function, the dashboard's download over loopback HTTP, and
 * the mass-event list.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCaseListCsv } from '../../../src/app/mass-alerts.js';
import { runReportCli } from '../../../src/app/reports/command.js';
import { neutralizeCell, toCsv } from '../../../src/core/csv.js';
import type { App } from '../../../src/app/app.js';
import { ASN, FakeClock, testApp } from '../../support/app.js';
import { dashboardApp, linkFromBot, signIn } from '../../web/support.js';

const EVIL_GROUP = 'Relawan Paslon 2;=1+1;@SUM(9+9)';
const EVIL_ACTOR = 'Korlap;=2*3';
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Every cell a spreadsheet could see when it splits each record on `sep` without honouring quotes
 * (the worst reader: one set to the other separator), quotes stripped and spaces trimmed.
 */
function naiveCells(csv: string, sep: string): string[] {
  return csv
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .flatMap((line) => line.split(sep))
    .map((c) => c.trim().replace(/^"+/, '').trim());
}

function evilStory(): { app: App; clock: FakeClock } {
  const { app, clock } = testApp();
  const chat = { platform: 'telegram' as const, id: '-100777', title: EVIL_GROUP, type: 'supergroup' as const };
  app.monitor.handle({ kind: 'chat_info', dedupeKey: 'c', at: clock.now(), chat });
  app.monitor.handle({
    kind: 'member_added', dedupeKey: 'a', at: clock.now(), chat, members: [{ platform: 'telegram', id: ASN.budi.telegramId }],
    actor: { platform: 'telegram', id: '7777', name: EVIL_ACTOR },
  });
  return { app, clock };
}

const cli = async (app: App, args: string[]) => {
  const o = { out: '', err: '' };
  const code = await runReportCli(app, args, { out: (s) => void (o.out += s), err: (s) => void (o.err += s) });
  return { code, ...o };
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('CSV safe with ";" and "," as the separator', () => {
  it('jaga-netral report --format csv: ";" by default in Indonesian, "," with --separator; no cell starts a formula either way', async () => {
    const { app } = evilStory();
    const semi = await cli(app, ['--format', 'csv']);
    const comma = await cli(app, ['--format', 'csv', '--separator', ',']);
    expect([semi.code, comma.code]).toEqual([0, 0]);
    for (const csv of [semi.out, comma.out]) {
      // Opened with either separator, whichever the file was written with.
      for (const sep of [';', ',']) for (const cell of naiveCells(csv, sep)) expect(cell).not.toMatch(FORMULA);
    }
    // Read properly, the cells keep their text (with the neutralising quote).
    const rows = parse(semi.out, { bom: true, delimiter: ';' }) as string[][];
    const rowsComma = parse(comma.out, { bom: true, delimiter: ',' }) as string[][];
    expect(rows).toEqual(rowsComma);
    expect(rows[1]![5]).toBe("Relawan Paslon 2;'=1+1;'@SUM(9+9)");
    expect(rows[1]![10]).toBe("Korlap;'=2*3 (7777)");
    expect(rows[1]![1]).toBe('19850312 201001 1 003');
    // Every text cell is quoted: the header line too.
    expect(semi.out.split('\r\n')[0]).toMatch(/^\uFEFF"No\. kasus";"NIP";/);
  });

  it('an unknown separator is refused and nothing is written', async () => {
    const { app } = evilStory();
    const r = await cli(app, ['--format', 'csv', '--separator', 'tab']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--separator harus ";" atau ","/);
    expect(r.out).toBe('');
  });

  it('English follows ","', async () => {
    const { app } = testApp({ LANGUAGE: 'en' });
    const r = await cli(app, ['--format', 'csv']);
    expect(r.out.split('\r\n')[0]).toMatch(/^\uFEFF"Case","NIP",/);
  });

  it('the dashboard download: ";" by default, "," on request, both safe', async () => {
    const { app, dash } = await dashboardApp();
    try {
      const chat = { platform: 'telegram' as const, id: '-100777', title: EVIL_GROUP, type: 'supergroup' as const };
      app.monitor.handle({ kind: 'chat_info', dedupeKey: 'ce', at: app.clock(), chat });
      app.monitor.handle({ kind: 'member_added', dedupeKey: 'ae', at: app.clock(), chat, members: [{ platform: 'telegram', id: ASN.budi.telegramId }], actor: { platform: 'telegram', id: '7777', name: EVIL_ACTOR } });
      const cookie = await signIn(await linkFromBot(app));
      const page = await (await fetch(`${dash.url}/laporan`, { headers: { cookie } })).text();
      expect(page).toContain('<button type="submit" formaction="/laporan/unduh" name="pemisah" value=",">CSV dengan pemisah &quot;,&quot;</button>');
      const semi = await (await fetch(`${dash.url}/laporan/unduh?format=csv`, { headers: { cookie } })).text();
      // What the form's second CSV button submits (the form's fields and pemisah=,).
      const comma = await (await fetch(`${dash.url}/laporan/unduh?dari=&sampai=&unit=&pemisah=%2C`, { headers: { cookie } })).text();
      expect(semi).toContain(`"Relawan Paslon 2;'=1+1;'@SUM(9+9)"`);
      expect(comma.split('\r\n')[0]).toMatch(/^"No\. kasus","NIP",/);
      for (const csv of [semi, comma]) for (const sep of [';', ',']) for (const cell of naiveCells(csv, sep)) expect(cell).not.toMatch(FORMULA);
    } finally {
      await dash.close();
      await app.close();
    }
  });

  it('the mass-event and refused-alert list: same writer, phones and names neutralised', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-csv-'));
    dirs.push(dir);
    const f = writeCaseListCsv(dir, 'massal-1', [{ caseId: 7, asnName: 'Korlap;=2*3', nip: '198503122010011003', unit: '@Dinas,+1', phone: '+6281234567890', reachable: false }], 'id');
    const csv = readFileSync(f.path, 'utf8');
    for (const sep of [';', ',']) for (const cell of naiveCells(csv, sep)) expect(cell).not.toMatch(FORMULA);
    expect(parse(csv, { bom: true, delimiter: ';' })[1]).toEqual(['7', '19850312 201001 1 003', "Korlap;'=2*3", "'@Dinas,'+1", "'+6281234567890", 'tidak']);
  });

  it('neutralizeCell: at the start (after spaces), after line breaks and after either separator', () => {
    expect(neutralizeCell('a;=1,+2')).toBe("a;'=1,'+2");
    expect(neutralizeCell('  =1')).toBe("'  =1");
    expect(neutralizeCell('a; -1')).toBe("a; '-1");
    expect(neutralizeCell('Budi, S.Pd')).toBe('Budi, S.Pd');
    expect(toCsv([['a"b', 3, null]], ';')).toBe('\uFEFF"a""b";3;""\r\n');
  });
});
