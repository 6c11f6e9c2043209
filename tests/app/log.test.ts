import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from '../../src/app/log.js';

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
  });
});
