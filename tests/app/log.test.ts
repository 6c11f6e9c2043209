import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactDeep, redactText } from '../../src/app/log.js';

describe('logging', () => {
  it('masks bot tokens, NIPs and Indonesian phone numbers inside text', () => {
    const s = redactText('token 123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0 nip 198503122010011003 / 19850312 201001 1 003 hp 081234567890 +6281234567890');
    expect(s).not.toMatch(/AAHfiqks|198503122010011003|19850312 201001|81234567890/);
    expect(s).toContain('[token]');
    expect(s).toContain('[nip]');
    expect(s).toContain('[phone]');
  });

  it('never writes those values to the log stream, in messages or in known fields', async () => {
    const chunks: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) });
    const log = createLogger('info', sink);
    log.info({ phone: '+6281234567890', nip: '198503122010011003', token: '123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0', chat: 'Relawan' }, 'ASN 198503122010011003 (081234567890) added');
    log.flush?.();
    await new Promise((r) => setTimeout(r, 20));
    const out = chunks.join('');
    expect(out).toContain('Relawan');
    expect(out).not.toMatch(/198503122010011003|81234567890|AAHfiqks/);
    // The README's promise (issue 21 point 6): UTC ISO times, not epoch milliseconds.
    const time = (JSON.parse(out.trim().split('\n')[0]!) as { time: unknown }).time;
    expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(time as string) - Date.now())).toBeLessThan(60_000);
  });

  it('masks phone numbers and JIDs anywhere inside log objects (nested, arrays, errors), keeping group JIDs', async () => {
    const chunks: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) });
    const log = createLogger('info', sink);
    const err = new Error('send to 6281234567890@s.whatsapp.net failed');
    log.warn(
      {
        err,
        detail: 'participant 201111111111111@lid (4915112345678:3@s.whatsapp.net) left 120363000000000001@g.us',
        members: [{ id: '6285212345678@s.whatsapp.net', phone2: '+6285212345678' }],
        nested: { deeper: { contact: 'hp 081234567890' } },
      },
      'wa: event failed',
    );
    await new Promise((r) => setTimeout(r, 20));
    const out = chunks.join('');
    expect(out).not.toMatch(/81234567890|201111111111111|4915112345678|85212345678/);
    expect(out).toContain('[phone]@s.whatsapp.net');
    expect(out).toContain('[lid]@lid');
    expect(out).toContain('120363000000000001@g.us');
    expect(out).toContain('failed');
  });
});

describe('masking everywhere (issue 12 point 5)', () => {
  const capture = (opts?: Parameters<typeof createLogger>[2]) => {
    const chunks: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) });
    return { log: createLogger('debug', sink, opts), text: () => chunks.join('') };
  };
  const PERSONAL = /81234567890|198503122010011003|AAHfiqksKZ8|123456789012345|s3cr3t-webhook-value|812-3456-7890/;

  it('masks nested objects, arrays, error messages, stacks and causes, JIDs and LIDs', () => {
    const { log, text } = capture();
    const err = new Error('send to 6281234567890@s.whatsapp.net failed (NIP 198503122010011003)', { cause: new Error('lid 123456789012345@lid') });
    log.warn(
      {
        err,
        job: { deep: { deeper: { to: '6281234567890:12@s.whatsapp.net', list: ['0812-3456-7890', { phone: 'anything' }] } } },
        url: 'https://api.telegram.org/bot123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0/getUpdates',
        group: '120363025246125244@g.us',
      },
      'delivery to 123456789012345@lid failed',
    );
    const out = text();
    expect(out).not.toMatch(PERSONAL);
    expect(out).toContain('[phone]@s.whatsapp.net');
    expect(out).toContain('[lid]@lid');
    expect(out).toContain('[nip]');
    expect(out).toContain('bot[token]/getUpdates');
    // Group ids are not personal and stay readable for operators.
    expect(out).toContain('120363025246125244@g.us');
    const line = JSON.parse(out.trim().split('\n')[0]!) as { err: { type: string; message: string; stack: string; cause: { message: string } } };
    expect(line.err.type).toBe('Error');
    expect(line.err.message).toBe('send to [phone]@s.whatsapp.net failed (NIP [nip])');
    expect(line.err.stack).toContain('at ');
    expect(line.err.cause.message).toBe('lid [lid]@lid');
  });

  it('masks the configured secrets wherever they appear, cuts cycles and summarises bytes', () => {
    const { log, text } = capture({ secrets: ['s3cr3t-webhook-value', undefined] });
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    log.error({ cyclic, body: Buffer.from('hello'), header: 'x-telegram-bot-api-secret-token: s3cr3t-webhook-value' }, 'secret s3cr3t-webhook-value seen');
    const out = text();
    expect(out).not.toMatch(PERSONAL);
    expect(out).toContain('[circular]');
    expect(out).toContain('[5 bytes]');
    expect(out).toContain('[secret]');
  });

  it('child loggers (Baileys) are masked too, bindings included', () => {
    const { log, text } = capture();
    const child = log.child({ module: 'baileys', me: '6281234567890@s.whatsapp.net' }, { level: 'warn' });
    child.warn({ attrs: { from: '6281234567890@s.whatsapp.net', participant: '123456789012345@lid' } }, 'ack error');
    expect(text()).not.toMatch(PERSONAL);
    expect(text()).toContain('baileys');
  });

  it('redactDeep leaves the logged object itself untouched', () => {
    const o = { nip: '198503122010011003', nested: { text: '081234567890' } };
    expect(redactDeep(o)).toEqual({ nip: 'REDACTED', nested: { text: '[phone]' } });
    expect(o.nested.text).toBe('081234567890');
  });

  it('the start-up line of the real binary shows no admin number, token or secret', { timeout: 90_000 }, async () => {
    const { TelegramSimServer } = await import('../../src/platforms/sim/telegram-server.js');
    const { runBin } = await import('../support/spawn.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createServer } = await import('node:net');
    const sim = await TelegramSimServer.start();
    const cwd = mkdtempSync(join(tmpdir(), 'jn-log-'));
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    try {
      // A bad webhook port makes the start fail right after the start-up line, so the run ends by itself.
      const r = await runBin(['start'], {
        cwd,
        env: {
          DATABASE_PATH: join(cwd, 'db.sqlite'), TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot,
          HUMAS_ADMINS: 'wa:081234567890,tg:987654321', TELEGRAM_WEBHOOK_URL: 'https://bot.example.go.id/tg',
          TELEGRAM_WEBHOOK_SECRET: 's3cr3t-webhook-value', TELEGRAM_WEBHOOK_PORT: String((blocker.address() as { port: number }).port), LOG_LEVEL: 'info',
        },
      });
      expect(r.timedOut).toBe(false);
      expect(r.stderr).toContain('Jaga Netral starting');
      expect(r.stderr).toContain('HUMAS_ADMINS=wa:***890,tg:***321');
      expect(r.stderr).not.toMatch(PERSONAL);
      expect(r.stderr).not.toContain(sim.token);
      expect(r.stderr).not.toContain('987654321');
    } finally {
      await sim.close();
      await new Promise((r) => blocker.close(r));
    }
  });
});
