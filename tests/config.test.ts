import { describe, expect, it } from 'vitest';
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
