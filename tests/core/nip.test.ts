import { describe, expect, it } from 'vitest';
import { parseNip } from '../../src/core/nip.js';
import { parseTexts } from '../../src/core/messages/parse.js';

const NOW = Date.UTC(2024, 9, 1); // 1 Oct 2024

describe('parseNip', () => {
  it('parses a spaced PNS NIP into its parts', () => {
    expect(parseNip('19850312 201001 1 003', NOW)).toEqual({
      ok: true,
      nip: '198503122010011003',
      birthDate: '1985-03-12',
      appointed: '2010-01',
      sex: 'L',
      employment: 'PNS',
    });
  });

  it('accepts NBSP, a spreadsheet apostrophe and a female sex digit', () => {
    const r = parseNip("'19900725\u00A0201503\u00A02\u00A0001", NOW);
    expect(r).toMatchObject({ ok: true, nip: '199007252015032001', sex: 'P' });
  });

  it('accepts a PPPK number (contract code 21-29 in the month slot)', () => {
    expect(parseNip('199009132022212014', NOW)).toMatchObject({ ok: true, employment: 'PPPK', appointed: '2022', sex: 'P' });
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseNip('198802292010011001', NOW).ok).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['19850312201001100', /18 digits, found 17/],
    ['1985031220100110030', /18 digits, found 19/],
    ['19850312-201001-1-003', /digits only/],
    ['19850231201001 1 003', /not a real date/],
    ['198902292010011001', /not a real date/],
    ['19851312201001 1 003', /not a real date/],
    ['19850300201001 1 003', /not a real date/],
    ['19390101196001 1 001', /birth year 1939/],
    ['20300101205001 1 001', /birth year 2030/],
    ['19850312201013 1 003', /appointment month 13/],
    ['19850312201000 1 003', /appointment month 00/],
    ['19850312200001 1 003', /less than 17 years/],
    ['19850312202412 1 003', /future/],
    ['19850312203001 1 003', /future/],
    ['19850312201001 3 003', /sex digit/],
    ['19850312201001 0 003', /sex digit/],
    ['19850312201001 1 000', /sequence/],
  ])('rejects %j', (s, re) => {
    const r = parseNip(s, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(re);
  });

  it('uses the current time by default', () => {
    expect(parseNip('198503122010011003').ok).toBe(true);
  });

  it('gives a reason code with its parameters, worded in Indonesian or English', () => {
    const r = parseNip('1985031220100110', NOW);
    expect(r).toMatchObject({ ok: false, problem: { code: 'length', found: 16 }, reason: 'NIP must have 18 digits, found 16' });
    if (r.ok) return;
    expect(parseTexts('id').nip(r.problem)).toBe('NIP harus 18 digit, ditemukan 16');
    expect(parseTexts('en').nip(r.problem)).toBe(r.reason);
    const future = parseNip('19850312202412 1 003', NOW);
    expect(future).toMatchObject({ ok: false, problem: { code: 'appointmentFuture', appointed: '202412' } });
    if (!future.ok) expect(parseTexts('id').nip(future.problem)).toBe('pengangkatan 202412 ada di masa depan');
  });

  it('never refuses an appointment month that has already begun in Indonesia but not yet in UTC', () => {
    // 31 Jan 2026, 20:00 UTC is 1 Feb 03:00 WIB and 05:00 WIT: an appointment in February 2026 is not in the future.
    const lateJan = Date.UTC(2026, 0, 31, 20);
    expect(parseNip('19900101 202602 1 001', lateJan)).toMatchObject({ ok: true, appointed: '2026-02' });
    // Two months ahead still is, on every calendar.
    expect(parseNip('19900101 202603 1 001', lateJan)).toMatchObject({ ok: false, problem: { code: 'appointmentFuture' } });
    // New Year's Eve 18:00 UTC is already 1 Jan in Jakarta: next year's January appointment (and birth year) pass.
    expect(parseNip('19900101 202601 1 001', Date.UTC(2025, 11, 31, 18))).toMatchObject({ ok: true });
  });
});
