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
    // Day first, as /report reads a day (parseDayWord): the same days, the order checked on the days themselves.
    expect(parseReportCliArgs(['--from', '1/11/2024', '--to=30.11.2024'])).toEqual({ ok: true, args: { from: '2024-11-01', to: '2024-11-30', format: 'text' } });
    expect(parseReportCliArgs(['--from', '02-11-2024', '--to', '2024-11-10'])).toMatchObject({ ok: true, args: { from: '2024-11-02', to: '2024-11-10' } });
    expect(parseReportCliArgs(['--from', '31/11/2024'])).toEqual({ ok: false, problem: { code: 'bad_date', option: 'from', value: '31/11/2024' } });
    expect(parseReportCliArgs(['--to', '11/27/2024'])).toEqual({ ok: false, problem: { code: 'bad_date', option: 'to', value: '11/27/2024' } }); // month first is no Indonesian date
    expect(parseReportCliArgs(['--from', '27/11/2024', '--to', '1/11/2024'])).toEqual({ ok: false, problem: { code: 'from_after_to', from: '2024-11-27', to: '2024-11-01' } });
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

describe('period words a busy office types (issue s29)', () => {
  // NOW is Wednesday 2024-11-27 in Jakarta.
  const range = (args: string[]) => {
    const r = parseReportArgs(args, NOW, TZ, UNITS);
    return r.ok ? { ...r.filters.period, unit: r.filters.unit } : r;
  };

  it('"7 hari", "7 hari terakhir", "last 7 days" are 7h, and a unit may follow', () => {
    for (const args of [['7', 'hari'], ['7', 'hari', 'terakhir'], ['7', 'Hari', 'Terakhir'], ['7', 'days'], ['last', '7', 'days']]) {
      const r = parseReportArgs(args, NOW, TZ, UNITS);
      expect(r.ok && r.filters).toMatchObject({ from: wibMidnight(2024, 11, 21), period: { kind: 'days', days: 7 } });
    }
    expect(range(['30', 'hari', 'terakhir', 'Dinas', 'Pendidikan'])).toEqual({ kind: 'days', days: 30, unit: 'Dinas Pendidikan' });
    expect(parseReportArgs(['0', 'hari'], NOW, TZ, UNITS)).toMatchObject({ ok: false, error: 'period', value: '0' });
  });

  it('days written day first (DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY) or with a month name, alone or as a range', () => {
    const nov = { kind: 'range', fromDay: '2024-11-01', toDay: '2024-11-05', unit: undefined };
    for (const args of [
      ['01/11/2024..05/11/2024'], ['1/11/2024-5/11/2024'], ['01/11/2024', 's/d', '05/11/2024'], ['1-11-2024', 'sampai', '5-11-2024'],
      ['2024-11-01', '-', '2024-11-05'], ['2024-11-01', 'sd', '2024-11-05'], ['1', 'November', '2024', 's/d', '5', 'Nov', '2024'], ['1', 'nov', 'hingga', '5', 'nov'],
      ['01.11.2024', 'to', '05.11.2024'],
    ]) {
      expect(range(args), args.join(' ')).toEqual(nov);
    }
    expect(range(['27/11/2024', 'BPKAD'])).toEqual({ kind: 'range', fromDay: '2024-11-27', toDay: '2024-11-27', unit: 'BPKAD' });
    expect(range(['17', 'Agustus', '2024'])).toEqual({ kind: 'range', fromDay: '2024-08-17', toDay: '2024-08-17', unit: undefined });
    // A day-month with no year is the latest one not after today.
    expect(range(['30', 'desember'])).toMatchObject({ fromDay: '2023-12-30' });
    expect(range(['26', 'nov'])).toMatchObject({ fromDay: '2024-11-26' });
    for (const bad of [['31/11/2024'], ['13/13/2024'], ['05/11/2024', 's/d', '01/11/2024'], ['05/11/2024..01/11/2024'], ['30', 'februari', '2024'], ['01/11/2024', 's/d', 'kemarin']]) {
      expect(parseReportArgs(bad, NOW, TZ, UNITS), bad.join(' ')).toMatchObject({ ok: false, error: 'period', value: bad[0] });
    }
  });

  it('"minggu ini" / "minggu lalu" (Monday to Sunday), "bulan ini" / "bulan lalu", a month by name', () => {
    expect(range(['minggu', 'ini'])).toEqual({ kind: 'range', fromDay: '2024-11-25', toDay: '2024-11-27', unit: undefined });
    expect(range(['Minggu', 'Lalu'])).toEqual({ kind: 'range', fromDay: '2024-11-18', toDay: '2024-11-24', unit: undefined });
    expect(range(['pekan', 'lalu'])).toEqual({ kind: 'range', fromDay: '2024-11-18', toDay: '2024-11-24', unit: undefined });
    expect(range(['tahun', 'ini'])).toEqual({ kind: 'range', fromDay: '2024-01-01', toDay: '2024-11-27', unit: undefined });
    expect(range(['tahun', 'lalu'])).toEqual({ kind: 'range', fromDay: '2023-01-01', toDay: '2023-12-31', unit: undefined });
    expect(range(['last', 'week'])).toEqual({ kind: 'range', fromDay: '2024-11-18', toDay: '2024-11-24', unit: undefined });
    expect(range(['bulan', 'ini'])).toEqual({ kind: 'range', fromDay: '2024-11-01', toDay: '2024-11-27', unit: undefined });
    expect(range(['bulan', 'lalu', 'Dinas', 'Kesehatan'])).toEqual({ kind: 'range', fromDay: '2024-10-01', toDay: '2024-10-31', unit: 'Dinas Kesehatan' });
    expect(range(['Oktober'])).toEqual({ kind: 'range', fromDay: '2024-10-01', toDay: '2024-10-31', unit: undefined });
    expect(range(['februari', '2024'])).toEqual({ kind: 'range', fromDay: '2024-02-01', toDay: '2024-02-29', unit: undefined });
    // A month after this one, with no year, is last year's.
    expect(range(['desember'])).toEqual({ kind: 'range', fromDay: '2023-12-01', toDay: '2023-12-31', unit: undefined });
    // January's "bulan lalu" is last December.
    const jan = parseReportArgs(['bulan', 'lalu'], Date.UTC(2025, 0, 10, 3), TZ, UNITS);
    expect(jan.ok && jan.filters.period).toEqual({ kind: 'range', fromDay: '2024-12-01', toDay: '2024-12-31' });
  });

  it('words that are none of these still go to the unit, or are refused with the list', () => {
    expect(range(['Sekretariat', 'Daerah'])).toEqual({ kind: 'all', unit: 'Sekretariat Daerah' });
    expect(parseReportArgs(['besok'], NOW, TZ, UNITS)).toMatchObject({ ok: false, error: 'period', value: 'besok' });
  });
});
