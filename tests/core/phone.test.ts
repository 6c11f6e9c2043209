import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIndonesianMobile, phoneToWaJid, waJidToPhone } from '../../src/core/phone.js';
import type { PhoneE164 } from '../../src/core/ids.js';
import { parseTexts } from '../../src/core/messages/parse.js';

const ok = (s: string) => {
  const r = parseIndonesianMobile(s);
  if (!r.ok) throw new Error(`${JSON.stringify(s)} rejected: ${r.reason}`);
  return r.phone;
};
const reason = (s: string) => {
  const r = parseIndonesianMobile(s);
  if (r.ok) throw new Error(`${JSON.stringify(s)} accepted as ${r.phone}`);
  return r.reason;
};

describe('parseIndonesianMobile', () => {
  it.each([
    '0812-3456-7890',
    '+62 812 3456 7890',
    '6281234567890',
    '(0812) 3456 7890',
    '0812.3456.7890',
    '+62-812-3456-7890',
    '81234567890',
    '  0812 3456 7890  ',
    '0812\u00A03456\u00A07890',
    "'081234567890",
    '+62 (0) 812 3456 7890',
    '+62(0)81234567890',
    '+62 0812 3456 7890',
    '0062 812 3456 7890',
    '0812/3456/7890',
    '0812\u20133456\u20137890',
  ])('accepts %j', (s) => {
    expect(ok(s)).toBe('+6281234567890');
  });

  it('accepts 9 to 12 digit national numbers and every operator range', () => {
    expect(ok('0812345678')).toBe('+62812345678');
    expect(ok('081234567890')).toBe('+6281234567890');
    expect(ok('0812345678901')).toBe('+62812345678901');
    expect(ok('8123456789')).toBe('+628123456789');
    for (const p of ['0811', '0821', '0831', '0852', '0877', '0881', '0895']) expect(ok(`${p}12345678`)).toBe(`+62${p.slice(1)}12345678`);
  });

  it.each([
    ['021-5551234', /landline/],
    ['+62 21 5551234', /landline/],
    ['(0711) 123456', /landline/],
    ['+60 12 345 6789', /country code \+60/],
    ['+1 415 555 0100', /country code/],
    ['0812345', /too short/],
    ['08123456789012', /too long/],
    ['0812-ABCD-7890', /characters other than digits/],
    ['', /empty/],
    ['   ', /empty/],
    ['0800 1234 5678', /operator/],
    ['0812+34567890', /start/],
    ['00 1 415 5550100', /not an Indonesian/],
    ['12345678', /Indonesian mobile/],
  ])('rejects %j', (s, re) => {
    expect(reason(s)).toMatch(re);
  });

  it('property: 08 + operator digit + 7-10 digits, with random separators, parses to the same E.164', () => {
    const sep = fc.constantFrom('', ' ', '-', '.', '\u00A0', ' - ');
    fc.assert(
      fc.property(
        fc.constantFrom('1', '2', '3', '5', '7', '8', '9'),
        fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: 7, maxLength: 10 }),
        fc.array(sep, { minLength: 14, maxLength: 14 }),
        fc.constantFrom('0', '+62', '62', '+62 (0) ', '', "'0"),
        (op, rest, seps, prefix) => {
          const digits = `8${op}${rest}`;
          let formatted = '';
          for (let i = 0; i < digits.length; i++) formatted += digits[i]! + (i < digits.length - 1 ? seps[i]! : '');
          const r = parseIndonesianMobile(`${prefix}${formatted}`);
          expect(r).toEqual({ ok: true, phone: `+62${digits}` });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('WhatsApp JIDs', () => {
  const p = '+6281234567890' as PhoneE164;
  it('round-trips phone <-> JID', () => {
    expect(phoneToWaJid(p)).toBe('6281234567890@s.whatsapp.net');
    expect(waJidToPhone(phoneToWaJid(p))).toBe(p);
  });
  it('strips device suffixes and accepts @c.us', () => {
    expect(waJidToPhone('6281234567890:12@s.whatsapp.net')).toBe(p);
    expect(waJidToPhone('6281234567890@c.us')).toBe(p);
  });
  it('rejects LIDs, groups, foreign and malformed JIDs', () => {
    expect(waJidToPhone('123456789012345@lid')).toBeUndefined();
    expect(waJidToPhone('120363025246125486@g.us')).toBeUndefined();
    expect(waJidToPhone('60123456789@s.whatsapp.net')).toBeUndefined();
    expect(waJidToPhone('62215551234@s.whatsapp.net')).toBeUndefined();
    expect(waJidToPhone('6281234567890')).toBeUndefined();
    expect(waJidToPhone('@s.whatsapp.net')).toBeUndefined();
  });

  it('gives a reason code with its parameters, worded in Indonesian or English', () => {
    const r = parseIndonesianMobile('021-5551234');
    expect(r).toMatchObject({ ok: false, problem: { code: 'landline', areaCode: '21' } });
    if (r.ok) return;
    expect(parseTexts('en').phone(r.problem)).toBe(r.reason);
    expect(r.reason).toMatch(/^landline or non-mobile number \(area code 21\)/);
    expect(parseTexts('id').phone(r.problem)).toBe('nomor telepon rumah/kantor atau bukan HP (kode area 21); nomor HP diawali 08');
    const foreign = parseIndonesianMobile('+60 12 345 6789');
    if (!foreign.ok) expect(parseTexts('id').phone(foreign.problem)).toBe('bukan nomor Indonesia (kode negara +601)');
  });
});
