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
