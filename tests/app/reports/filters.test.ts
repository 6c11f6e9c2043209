import { describe, expect, it } from 'vitest';
import { addDays, isDay, parseReportArgs, parseReportCliArgs, rangeFilters } from '../../../src/app/reports/filters.js';

const TZ = 'Asia/Jakarta';
// 2024-11-27 10:00 WIB.
const NOW = Date.UTC(2024, 10, 27, 3, 0);
const UNITS = ['BPKAD', 'Dinas Kesehatan', 'Dinas Pendidikan', 'Sekretariat Daerah'];
const wibMidnight = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 7 * 3_600_000;

describe('report filters', () => {
  it('no arguments: all time, all units', () => {
    expect(parseReportArgs([], NOW, TZ, UNITS)).toEqual({ ok: true, filters: { period: { kind: 'all' }, now: NOW } });
  });

  it('"hari ini" / "today": from local midnight', () => {
    for (const args of [['hari', 'ini'], ['today'], ['Hari', 'Ini']]) {
      const r = parseReportArgs(args, NOW, TZ, UNITS);
      expect(r).toEqual({ ok: true, filters: { from: wibMidnight(2024, 11, 27), period: { kind: 'today' }, now: NOW } });
    }
  });

  it('7h and 30h: the last N local days including today', () => {
    const r7 = parseReportArgs(['7h'], NOW, TZ, UNITS);
    expect(r7.ok && r7.filters.from).toBe(wibMidnight(2024, 11, 21));
    const r30 = parseReportArgs(['30h'], NOW, TZ, UNITS);
    expect(r30.ok && r30.filters).toMatchObject({ from: wibMidnight(2024, 10, 29), period: { kind: 'days', days: 30 } });
    expect(r30.ok && r30.filters.to).toBeUndefined();
  });

  it('a day range is inclusive, in local days', () => {
    const r = parseReportArgs(['2024-11-01..2024-11-05'], NOW, TZ, UNITS);
    expect(r.ok && r.filters).toMatchObject({ from: wibMidnight(2024, 11, 1), to: wibMidnight(2024, 11, 6) });
    const one = parseReportArgs(['2024-11-05'], NOW, TZ, UNITS);
    expect(one.ok && one.filters).toMatchObject({ from: wibMidnight(2024, 11, 5), to: wibMidnight(2024, 11, 6) });
  });

  it('period then unit; the unit may be partial or in any case', () => {
    const r = parseReportArgs(['7h', 'dinas', 'pendidikan'], NOW, TZ, UNITS);
    expect(r.ok && r.filters.unit).toBe('Dinas Pendidikan');
    const only = parseReportArgs(['bpkad'], NOW, TZ, UNITS);
    expect(only.ok && only.filters).toEqual({ period: { kind: 'all' }, unit: 'BPKAD', now: NOW });
    const partial = parseReportArgs(['Kesehatan'], NOW, TZ, UNITS);
    expect(partial.ok && partial.filters.unit).toBe('Dinas Kesehatan');
  });

  it('refuses bad periods and unknown or ambiguous units', () => {
    for (const bad of ['2024-13-01', '2024-02-30', '2024-11-05..2024-11-01', '0h', '12x', '2024-11-01..']) {
      expect(parseReportArgs([bad], NOW, TZ, UNITS)).toMatchObject({ ok: false, error: 'period', value: bad });
    }
    expect(parseReportArgs(['Dinas'], NOW, TZ, UNITS)).toMatchObject({ ok: false, error: 'unit', candidates: ['Dinas Kesehatan', 'Dinas Pendidikan'] });
    expect(parseReportArgs(['7h', 'Dinas Perikanan'], NOW, TZ, UNITS)).toMatchObject({ ok: false, error: 'unit' });
  });

  it('CLI arguments', () => {
    expect(parseReportCliArgs(['--from', '2024-11-01', '--to=2024-11-30', '--unit', 'BPKAD', '--format', 'csv', '--out', 'x.csv'])).toEqual({
      ok: true, args: { from: '2024-11-01', to: '2024-11-30', unit: 'BPKAD', format: 'csv', out: 'x.csv' },
    });
    expect(parseReportCliArgs([])).toEqual({ ok: true, args: { format: 'text' } });
    expect(parseReportCliArgs(['--from', '1 Nov'])).toMatchObject({ ok: false });
    expect(parseReportCliArgs(['--format', 'pdf'])).toMatchObject({ ok: false });
    expect(parseReportCliArgs(['--to', '2024-11-01', '--from', '2024-11-02'])).toMatchObject({ ok: false });
    expect(parseReportCliArgs(['--bogus'])).toMatchObject({ ok: false });
    expect(parseReportCliArgs(['--out'])).toMatchObject({ ok: false });
    expect(rangeFilters('2024-11-01', undefined, TZ, NOW)).toMatchObject({ from: wibMidnight(2024, 11, 1), to: undefined });
  });

  it('calendar helpers', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2024-02-29')).toBe(true);
  });
});

describe('period words (issue 12 point 11)', () => {
  it('"kemarin" / "yesterday": the previous local day, whole', () => {
    for (const w of ['kemarin', 'Kemarin', 'yesterday']) {
      const r = parseReportArgs([w], NOW, TZ, UNITS);
      expect(r.ok && r.filters).toMatchObject({ from: wibMidnight(2024, 11, 26), to: wibMidnight(2024, 11, 27), period: { kind: 'range', fromDay: '2024-11-26', toDay: '2024-11-26' } });
    }
    const withUnit = parseReportArgs(['kemarin', 'dinas', 'kesehatan'], NOW, TZ, UNITS);
    expect(withUnit.ok && withUnit.filters.unit).toBe('Dinas Kesehatan');
  });

  it('every documented period word is understood', () => {
    for (const args of [['hari', 'ini'], ['today'], ['kemarin'], ['yesterday'], ['7h'], ['7d'], ['30h'], ['semua'], ['all'], ['2024-11-01'], ['2024-11-01..2024-11-27']]) {
      expect(parseReportArgs(args, NOW, TZ, UNITS).ok).toBe(true);
    }
  });

  it('an unknown period word is refused as a period, not looked up as a unit; a unit name still works alone', () => {
    expect(parseReportArgs(['besok'], NOW, TZ, UNITS)).toEqual({ ok: false, error: 'period', value: 'besok' });
    expect(parseReportArgs(['lusa', 'BPKAD'], NOW, TZ, UNITS)).toMatchObject({ ok: false, error: 'period', value: 'lusa' });
    expect(parseReportArgs(['bpkad'], NOW, TZ, UNITS)).toMatchObject({ ok: true, filters: { unit: 'BPKAD' } });
    // A word found in some unit names but matching several is a unit question, with the candidates.
    expect(parseReportArgs(['dinas'], NOW, TZ, UNITS)).toMatchObject({ ok: false, error: 'unit', candidates: ['Dinas Kesehatan', 'Dinas Pendidikan'] });
  });
});
