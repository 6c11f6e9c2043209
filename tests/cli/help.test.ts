/** Issue 12 point 2: `--help` on every subcommand prints its usage, exits 0 and touches nothing; unknown options are refused with the usage; `--version`. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CLI_COMMANDS, main, type CliIo } from '../../src/cli.js';
import { jn, ROOT, tempHome, SPAWN_TIMEOUT, repoFile } from './support.js';

// Each spawn starts Node and tsx (seconds on a busy machine): the table-wide checks run main() in
// process; the binary is spawned for the cases the issue names (start, demo, options, --version).
function capture(): CliIo & { o: string[]; e: string[] } {
  const o: string[] = [];
  const e: string[] = [];
  return { o, e, out: (s) => o.push(s), err: (s) => e.push(s), stdin: Readable.from(['']) };
}

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('jaga-netral --help and --version (real binary)', SPAWN_TIMEOUT, () => {
  it('--version prints the package version', async () => {
    const r = await jn(['--version'], {});
    expect(r).toMatchObject({ code: 0, out: `${version}\n`, err: '' });
  });

  it('every subcommand answers --help (anywhere among its arguments) with its usage, exit 0, and creates no database', async () => {
    const { db } = tempHome();
    const names = CLI_COMMANDS.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['start', 'demo', 'import-asn', 'classify', 'replay', 'report', 'wa-login', 'asn', 'cases', 'audit', 'backup', 'doctor']));
    for (const n of names) {
      for (const argv of [[n, '--help'], [n, 'x', '--bogus', '-h']]) {
        const io = capture();
        expect(await main(argv, io), n).toBe(0);
        expect(io.o.join('\n'), n).toMatch(new RegExp(`^(Pemakaian|Usage):\\n  jaga-netral ${n}`));
        expect(io.e, n).toEqual([]);
      }
    }
    expect(existsSync(db)).toBe(false);
    // The real binary: start --help does not start the bot, demo -h does not run the demo; only the usage is printed.
    const start = await jn(['start', '--help'], { DATABASE_PATH: db, LANGUAGE: 'id' });
    expect(start).toMatchObject({ code: 0, out: 'Pemakaian:\n  jaga-netral start\n\njalankan bot pada platform yang diatur di .env\n', err: '' });
    const demo = await jn(['demo', '-h'], { DATABASE_PATH: db, LANGUAGE: 'en' });
    expect(demo).toMatchObject({ code: 0, err: '' });
    expect(demo.out).toBe('Usage:\n  jaga-netral demo\n\nthe whole story on the built-in simulators (no accounts needed)\n');
  });

  it('an unknown option is refused with the usage on stderr, exit 2, in the configured language', async () => {
    const { db } = tempHome();
    const id = await jn(['start', '--bogus'], { DATABASE_PATH: db, LANGUAGE: 'id' });
    expect(id.code).toBe(2);
    expect(id.out).toBe('');
    expect(id.err).toMatch(/^Opsi tidak dikenal untuk start: --bogus\n\nPemakaian:\n  jaga-netral start/);
    const en = await jn(['import-asn', repoFile('data/asn.sample.csv'), '--dryrun'], { DATABASE_PATH: db, LANGUAGE: 'en' });
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/^Unknown option for import-asn: --dryrun\n\nUsage:\n  jaga-netral import-asn FILE.csv\|FILE.xlsx \[--dry-run\]/);
    const action = capture();
    expect(await main(['asn', 'list', '--nip', '1'], action)).toBe(2);
    expect(action.e.join('\n')).toMatch(/^(Opsi tidak dikenal untuk|Unknown option for) asn list: --nip$/);
    const missing = capture();
    expect(await main(['classify', '--paslon'], missing)).toBe(2);
    expect(missing.e.join('\n')).toMatch(/--paslon/);
    expect(existsSync(db)).toBe(false);
  });

  it('no command, an unknown command or a wrong action prints the usage with a non-zero exit', async () => {
    const none = await jn([], { LANGUAGE: 'en' });
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/Usage: jaga-netral <command> \[options\][\s\S]*doctor/);
    const unknown = capture();
    expect(await main(['frobnicate'], unknown)).toBe(2);
    expect(unknown.e.join('\n')).toMatch(/^(Perintah tidak dikenal|Unknown command): frobnicate/);
    const wrong = capture();
    expect(await main(['cases', 'close', '3'], wrong)).toBe(2);
    expect(wrong.e.join('\n')).toMatch(/\n\n(Pemakaian|Usage):\n  jaga-netral cases list/);
    const top = capture();
    expect(await main(['--help'], top)).toBe(0);
    for (const c of CLI_COMMANDS) expect(top.o.join('\n')).toContain(`  ${c.name} `);
  });
});
