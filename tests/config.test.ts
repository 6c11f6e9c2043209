import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVocabulary } from '../src/app/vocabulary.js';
import { ConfigError, describeConfig, loadConfig } from '../src/config.js';

const load = (overrides: Record<string, string>) => loadConfig({ envFile: false, env: {}, overrides });

describe('config', () => {
  it('has working defaults and is frozen', () => {
    const c = load({});
    expect(c.DATABASE_PATH).toBe('data/jaga-netral.db');
    expect(c.APP_TIMEZONE).toBe('Asia/Jakarta');
    expect(c.LANGUAGE).toBe('id');
    expect(c.QUIET_HOURS).toEqual({ from: '21:00', to: '06:00' });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('quiet hours can be switched off, and an empty value keeps the default', () => {
    expect(load({ QUIET_HOURS: 'off' }).QUIET_HOURS).toBeUndefined();
    expect(load({ QUIET_HOURS: '' }).QUIET_HOURS).toEqual({ from: '21:00', to: '06:00' });
    expect(() => load({ QUIET_HOURS: '25:00-06:00' })).toThrow(/QUIET_HOURS/);
  });

  it('parses Humas admins of both platforms', () => {
    expect(load({ HUMAS_ADMINS: 'tg:123456789, wa:+6281234567890' }).HUMAS_ADMINS).toEqual([
      { platform: 'telegram', id: '123456789' },
      { platform: 'whatsapp', id: '6281234567890' },
    ]);
  });

  it('reports every problem at once, each with the variable name', () => {
    try {
      load({ HUMAS_ADMINS: 'xx:1', APP_TIMEZONE: 'Mars/Base', LANGUAGE: 'fr', FOLLOWUP_HOURS: 'soon' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const names = (err as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(names).toEqual(expect.arrayContaining(['HUMAS_ADMINS', 'APP_TIMEZONE', 'LANGUAGE', 'FOLLOWUP_HOURS']));
    }
  });

  it('checks settings that depend on each other', () => {
    expect(() => load({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.go.id/tg' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => load({ WA_DM_GAP_MIN_SECONDS: '60', WA_DM_GAP_MAX_SECONDS: '30' })).toThrow(/WA_DM_GAP_MIN_SECONDS/);
  });

  it('DASHBOARD_TRUST_PROXY: off by default; true, or addresses, CIDRs and named ranges as fastify trustProxy takes them; a hop count or a bad entry is refused', () => {
    expect(load({}).DASHBOARD_TRUST_PROXY).toBe(false);
    expect(load({ DASHBOARD_TRUST_PROXY: 'off' }).DASHBOARD_TRUST_PROXY).toBe(false);
    expect(load({ DASHBOARD_TRUST_PROXY: 'true' }).DASHBOARD_TRUST_PROXY).toBe(true);
    expect(load({ DASHBOARD_TRUST_PROXY: '127.0.0.1, ::1,10.0.0.0/8, 192.168.1.0/255.255.255.0, loopback, fd00::/8' }).DASHBOARD_TRUST_PROXY).toEqual([
      '127.0.0.1', '::1', '10.0.0.0/8', '192.168.1.0/255.255.255.0', 'loopback', 'fd00::/8',
    ]);
    // fastify 5 disables hop counts (node_modules/fastify/lib/request.js, getTrustProxyFn): say so rather than trust nobody in silence.
    expect(() => load({ DASHBOARD_TRUST_PROXY: '1' })).toThrow(/DASHBOARD_TRUST_PROXY: jumlah hop tidak diterima/);
    try {
      load({ LANGUAGE: 'en', DASHBOARD_TRUST_PROXY: 'nginx, 10.0.0.0/33, 127.0.0.1' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems).toEqual([
        'DASHBOARD_TRUST_PROXY: "nginx" is not an IP address, a CIDR (e.g. 10.0.0.0/8), loopback, linklocal or uniquelocal',
        'DASHBOARD_TRUST_PROXY: "10.0.0.0/33" is not an IP address, a CIDR (e.g. 10.0.0.0/8), loopback, linklocal or uniquelocal',
      ]);
    }
  });

  it('prints secrets as REDACTED', () => {
    const lines = describeConfig(load({ TELEGRAM_BOT_TOKEN: '123456:AAAbbbCCCdddEEEfffGGGhhhIIIjjj' }));
    expect(lines).toContain('TELEGRAM_BOT_TOKEN=REDACTED');
    expect(lines.join('\n')).not.toContain('AAAbbb');
  });

  it('.env.example lists every setting the code reads', async () => {
    const { readFileSync } = await import('node:fs');
    const example = readFileSync('.env.example', 'utf8');
    for (const key of Object.keys(load({}))) expect(example).toMatch(new RegExp(`^#? ?${key}=`, 'm'));
  });
});

describe('config validation (issue 12)', () => {
  const problems = (o: Record<string, string>): string[] => {
    try {
      load(o);
      return [];
    } catch (err) {
      return (err as ConfigError).problems;
    }
  };

  it('checks every cron with croner: bad fields, wrong field count, dates that never come', () => {
    const p = problems({ LANGUAGE: 'en', REMINDER_CRON: '0 9 * * 8', DIGEST_CRON: '*/5 * * * * *', BACKUP_CRON: '0 0 31 2 *' });
    expect(p).toEqual([
      expect.stringMatching(/^REMINDER_CRON: is not a valid cron pattern: .*dayOfWeek/),
      expect.stringMatching(/^DIGEST_CRON: must have 5 space-separated fields/),
      expect.stringMatching(/^BACKUP_CRON: this cron pattern never runs/),
    ]);
    expect(load({ REMINDER_CRON: '0 9 * * 1-5', DIGEST_CRON: '*/30 7-17 * * *' }).REMINDER_CRON).toBe('0 9 * * 1-5');
  });

  it('lists cross-field problems together with the problems of other settings', () => {
    const p = problems({ LANGUAGE: 'en', FOLLOWUP_HOURS: '200', CASE_EXPIRY_DAYS: '7', WA_DM_GAP_MIN_SECONDS: '60', WA_DM_GAP_MAX_SECONDS: '30', APP_TIMEZONE: 'Mars/Base' });
    expect(p.map((x) => x.split(':')[0]).sort()).toEqual(['APP_TIMEZONE', 'FOLLOWUP_HOURS', 'WA_DM_GAP_MIN_SECONDS']);
    expect(problems({ TELEGRAM_WEBHOOK_URL: 'http://bot.example.go.id/tg', TELEGRAM_WEBHOOK_SECRET: 'abcdefghijklmnop1234' })[0]).toMatch(/^TELEGRAM_WEBHOOK_URL: harus alamat https/);
    expect(problems({ QUIET_HOURS: '06:00-06:00' })[0]).toMatch(/^QUIET_HOURS:/);
  });

  it('checks the paslon file and the vocabulary with the rest, in the configured language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-cfg-'));
    writeFileSync(join(dir, 'paslon.json'), JSON.stringify({ election: 'Pilbup OKU', paslon: [{ number: 1, names: [] }] }));
    writeFileSync(join(dir, 'vocab.json'), '{ not json');
    const id = problems({ PASLON_FILE: join(dir, 'paslon.json'), VOCABULARY_FILE: join(dir, 'vocab.json'), LANGUAGE: 'id', BACKUP_KEEP: '0' });
    expect(id).toEqual([
      expect.stringMatching(/^BACKUP_KEEP: /),
      expect.stringMatching(/^PASLON_FILE: File paslon .*paslon\.json tidak valid: paslon\.0\.names: /),
      expect.stringMatching(/^VOCABULARY_FILE: Tidak dapat membaca file kosakata .*vocab\.json: bukan JSON yang sah/),
    ]);
    const en = problems({ PASLON_FILE: join(dir, 'nope.json'), LANGUAGE: 'en' });
    expect(en).toEqual([expect.stringMatching(/^PASLON_FILE: Cannot read paslon file .*nope\.json: no such file/)]);
  });

  it("names a vocabulary's missing dictionary word list, and reads one that is there", () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-cfg-'));
    const vocab = JSON.parse(readFileSync('data/vocabulary.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'vocab.json'), JSON.stringify({ ...vocab, dictionaryFile: 'kata.txt' }));
    expect(problems({ VOCABULARY_FILE: join(dir, 'vocab.json'), LANGUAGE: 'id' })).toEqual([
      expect.stringMatching(/^VOCABULARY_FILE: Tidak dapat membaca daftar kata .*kata\.txt: file tidak ada/),
    ]);
    writeFileSync(join(dir, 'kata.txt'), '# a comment\nHaru\n\ndandan\n');
    expect(problems({ VOCABULARY_FILE: join(dir, 'vocab.json'), LANGUAGE: 'id' })).toEqual([]);
    expect(loadVocabulary(join(dir, 'vocab.json')).dictionaryWords).toEqual(['haru', 'dandan']);
  });

  it('writes the problems in Indonesian by default and in English with LANGUAGE=en', () => {
    try {
      load({ WHATSAPP_ENABLED: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/^Konfigurasi tidak valid/);
      expect((err as ConfigError).problems).toEqual(['WHATSAPP_ENABLED: harus true atau false']);
    }
    expect(problems({ WHATSAPP_ENABLED: 'maybe', LANGUAGE: 'en' })).toEqual(['WHATSAPP_ENABLED: must be true or false']);
  });

  it('a whole number out of its range is said to be out of range, not "not a number"', () => {
    expect(problems({ EVIDENCE_MB_PER_DAY: '0' })).toEqual(['EVIDENCE_MB_PER_DAY: harus antara 1 dan 100000']);
    expect(problems({ EVIDENCE_MB_PER_DAY: '500000', LANGUAGE: 'en' })).toEqual(['EVIDENCE_MB_PER_DAY: must be between 1 and 100000']);
    expect(problems({ EVIDENCE_MB_PER_DAY: 'banyak', LANGUAGE: 'en' })).toEqual(['EVIDENCE_MB_PER_DAY: must be a number']);
    expect(problems({ EVIDENCE_MB_PER_DAY: '1.5', LANGUAGE: 'en' })).toEqual(['EVIDENCE_MB_PER_DAY: must be a whole number']);
  });
});

describe('HUMAS_ADMINS (issue 12 point 4)', () => {
  it('normalises WhatsApp admin numbers like registry phones, in every usual form', () => {
    const ids = load({ HUMAS_ADMINS: 'wa:081234567890, wa:+62 812-3456-7891, wa:6281234567892, wa:8123456789 3, WA:0062 812 3456 7894, wa:+447911123456' }).HUMAS_ADMINS.map((a) => a.id);
    expect(ids).toEqual(['6281234567890', '6281234567891', '6281234567892', '6281234567893', '6281234567894', '447911123456']);
  });

  it('the same admin written twice is kept once', () => {
    expect(load({ HUMAS_ADMINS: 'wa:081234567890,wa:6281234567890,tg:42,tg:42' }).HUMAS_ADMINS).toHaveLength(2);
  });

  it('refuses tg:@username and says how to find the numeric id; refuses numbers that are not mobiles', () => {
    expect(() => load({ HUMAS_ADMINS: 'tg:@humas_oku', LANGUAGE: 'en' })).toThrow(/"tg:@humas_oku" is a username.*send \/id to the bot/);
    expect(() => load({ HUMAS_ADMINS: 'tg:@humas_oku' })).toThrow(/mengirim \/id ke bot/);
    expect(() => load({ HUMAS_ADMINS: 'wa:0711123456', LANGUAGE: 'en' })).toThrow(/"wa:0711123456": cannot read the WhatsApp number \(landline/);
    expect(() => load({ HUMAS_ADMINS: 'wa:0711123456' })).toThrow(/"wa:0711123456": nomor WhatsApp tidak dapat dibaca \(nomor telepon rumah\/kantor atau bukan HP \(kode area 71\)/);
    expect(() => load({ HUMAS_ADMINS: 'sms:0812' })).toThrow(/HUMAS_ADMINS/);
  });

  it('the start-up description masks admin numbers and ids', () => {
    const lines = describeConfig(load({ HUMAS_ADMINS: 'tg:123456789,wa:081234567890' }));
    expect(lines).toContain('HUMAS_ADMINS=tg:***789,wa:***890');
    expect(lines.join('\n')).not.toMatch(/81234567890|123456789/);
  });
});

describe('strict configuration for start and doctor (issue 21 point 2)', () => {
  const problemsOf = (f: () => unknown): string[] => {
    try {
      f();
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
    return [];
  };

  it('an unknown .env key is named with the nearest setting; .env.example copied as is has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-cfg-'));
    const env = join(dir, '.env');
    writeFileSync(env, 'HUMAS_ADMINS=tg:9001\nQUIET_HOUR=22:00-06:00\nTELEGRAM_TOKEN=1:x\nCOMPLETELY_OTHER=1\nNODE_ENV=production\n');
    const p = problemsOf(() => loadConfig({ envFile: env, env: {}, strict: true, checkFiles: false }));
    expect(p).toEqual([
      'QUIET_HOUR: pengaturan tidak dikenal di berkas .env; maksudnya QUIET_HOURS?',
      'TELEGRAM_TOKEN: pengaturan tidak dikenal di berkas .env; maksudnya TELEGRAM_BOT_TOKEN?',
      'COMPLETELY_OTHER: pengaturan tidak dikenal di berkas .env',
    ]);
    // Without strict (every other command) the same file loads.
    expect(loadConfig({ envFile: env, env: {}, checkFiles: false }).HUMAS_ADMINS).toEqual([{ platform: 'telegram', id: '9001' }]);
    expect(problemsOf(() => loadConfig({ envFile: join(import.meta.dirname, '../.env.example'), env: {}, overrides: { HUMAS_ADMINS: 'tg:9001' }, strict: true, checkFiles: false }))).toEqual([]);
  });

  it('no valid Humas admin is refused in both languages; an entry that does not parse is named as before', () => {
    expect(problemsOf(() => loadConfig({ envFile: false, env: {}, overrides: { HUMAS_ADMINS: ' , ' }, strict: true, checkFiles: false }))).toEqual([
      'HUMAS_ADMINS: wajib berisi paling sedikit satu admin Humas yang sah (mis. tg:123456789 atau wa:081234567890); tanpa itu tidak ada yang menerima peringatan',
    ]);
    expect(problemsOf(() => loadConfig({ envFile: false, env: {}, overrides: { LANGUAGE: 'en' }, strict: true, checkFiles: false }))[0]).toMatch(/^HUMAS_ADMINS: must list at least one valid Humas admin/);
    expect(problemsOf(() => loadConfig({ envFile: false, env: {}, overrides: { HUMAS_ADMINS: 'tg:@humas' }, strict: true, checkFiles: false }))).toEqual([expect.stringMatching(/^HUMAS_ADMINS: "tg:@humas" adalah username/)]);
  });
});
