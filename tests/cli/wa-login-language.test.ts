/**
 * Issue 21 point 6: `wa-login` and a stale WhatsApp Web version (405), in the office's language, through
 * the CLI's main function. The WhatsApp side is the Baileys simulator (src/platforms/sim/whatsapp-socket.ts):
 * the socket closes the way Baileys does on WhatsApp's `failure` node (lib/Socket/socket.js, the
 * `CB:failure` handler: `end(new Boom('Connection Failure', { statusCode: reason }))`, reason 405 being
 * "client outdated", which has no name in DisconnectReason, lib/Types/index.js), and wa-login reads the
 * code from `lastDisconnect.error`.
 * Nothing reaches the internet: the version fetch Baileys would do (`fetchLatestBaileysVersion`,
 * Utils/generics.js) is given by the test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli.js';
import { disconnectError, FakeWASocket, fakeSocketFactory } from '../../src/platforms/sim/whatsapp-socket.js';

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s), stdin: process.stdin }, out, err };
}

function setEnv(lang: 'id' | 'en', extra: Record<string, string> = {}): void {
  const dir = mkdtempSync(join(tmpdir(), 'jn-walogin-'));
  Object.assign(process.env, { LANGUAGE: lang, DATABASE_PATH: join(dir, 'jaga.db'), HUMAS_ADMINS: 'tg:9001', LOG_LEVEL: 'silent', ...extra });
}

const tick = () => new Promise((r) => setTimeout(r, 5));

/** Closes each socket with 405 as wa-login builds it. */
async function refuseEach(factory: ReturnType<typeof fakeSocketFactory>, socks: FakeWASocket[], done: Promise<number>): Promise<number> {
  let settled = false;
  void done.then(() => (settled = true));
  for (const [i, s] of socks.entries()) {
    while (factory.inits.length < i + 1 && !settled) await tick();
    if (settled) break;
    s.end(disconnectError(405, 'Connection Failure'));
  }
  return done;
}

const TEXTS = {
  id: {
    pinned: /^WhatsApp menolak versi WhatsApp Web 2\.2400\.1 \(405, versi klien usang\)\. WA_VERSION diisi di \.env: kosongkan .* lalu jalankan wa-login lagi\.$/,
    retrying: 'WhatsApp menolak versi klien (405); mencoba lagi dengan versi WhatsApp Web terbaru 2.3000.7.',
    keeps: /^WhatsApp terus menolak versi klien \(405, versi klien usang, terakhir dicoba 2\.3000\.7\)\. Isi WA_VERSION di \.env .* atau perbarui @whiskeysockets\/baileys, lalu jalankan wa-login lagi\.$/,
    english: /\b(refused|retrying|outdated|keeps|clear it|then run)\b/,
  },
  en: {
    pinned: /^WhatsApp refused WhatsApp Web version 2\.2400\.1 \(405 client outdated\)\. WA_VERSION is set in \.env: clear it .* then run wa-login again\.$/,
    retrying: 'WhatsApp refused the client version (405); retrying with the current WhatsApp Web version 2.3000.7.',
    keeps: /^WhatsApp keeps refusing the client version \(405 client outdated, last tried 2\.3000\.7\)\. Set WA_VERSION in \.env .* or update @whiskeysockets\/baileys, then run wa-login again\.$/,
    english: /menolak|mencoba|usang/,
  },
};

describe('jaga-netral wa-login after a 405, in the office language', () => {
  for (const lang of ['id', 'en'] as const) {
    const t = TEXTS[lang];

    it(`LANGUAGE=${lang}: with WA_VERSION pinned it stops at once and says to clear or update it`, async () => {
      setEnv(lang, { WA_VERSION: '2.2400.1' });
      const socks = [new FakeWASocket()];
      const factory = fakeSocketFactory(...socks);
      const c = capture();
      const code = await refuseEach(factory, socks, main(['wa-login', '--phone', '6281100000000'], c.io, { waSocketFactory: factory, waFetchVersion: () => Promise.reject(new Error('must not fetch')) }));
      expect(code).toBe(1);
      expect(factory.inits.map((i) => i.version)).toEqual([[2, 2400, 1]]);
      expect(c.err).toHaveLength(1);
      expect(c.err[0]).toMatch(t.pinned);
      expect(c.out.join('\n')).toBe('');
    });

    it(`LANGUAGE=${lang}: without WA_VERSION it retries with the fetched version, then gives up saying what to do`, async () => {
      setEnv(lang);
      const socks = [new FakeWASocket(), new FakeWASocket(), new FakeWASocket()];
      const factory = fakeSocketFactory(...socks);
      const c = capture();
      const code = await refuseEach(factory, socks, main(['wa-login', '--phone', '6281100000000'], c.io, { waSocketFactory: factory, waFetchVersion: async () => ({ version: [2, 3000, 7] }) }));
      expect(code).toBe(1);
      expect(factory.inits.map((i) => i.version)).toEqual([undefined, [2, 3000, 7], [2, 3000, 7]]);
      expect(c.out).toEqual([t.retrying, t.retrying]);
      expect(c.err).toHaveLength(1);
      expect(c.err[0]).toMatch(t.keeps);
      for (const line of [...c.out, ...c.err]) expect(line).not.toMatch(t.english);
    });
  }
});
