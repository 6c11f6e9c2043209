/**
 * Texts of `/report` and the report files: labels, column headers, the text
 * summary and the chart's words. Indonesian first.
 */
import type { IncidentKind, IncidentStatus } from '../types.js';

/** Column keys of the per-case table, in file order. */
export const REPORT_COLUMNS = [
  'caseId', 'nip', 'nama', 'unit', 'platform', 'group', 'kind', 'opened', 'resolved', 'status', 'addedBy', 'excerpt', 'terms',
] as const;
/** One column key. */
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

/** What the summary text needs, already computed. */
export interface ReportSummaryInput {
  period: string;
  unit?: string;
  total: number;
  byStatus: [IncidentStatus, number][];
  /** Of the `left` cases, how many are known only by somebody's word, each with its mark (as the files' status cells word it). */
  leftMarks?: { mark: string; n: number }[];
  byKind: [IncidentKind, number][];
  byUnit: { unit: string; total: number; open: number }[];
  topGroups: { title: string; platform: string; cases: number }[];
  topActors: { label: string; acts: number; asn: number }[];
  medianLeave?: string;
  leftCount: number;
  undeliverable: number;
}

/** All report texts of one language. */
export interface ReportTexts {
  kind: Record<IncidentKind, string>;
  status: Record<IncidentStatus, string>;
  columns: Record<ReportColumn, string>;
  allTime: string;
  today: string;
  lastDays(n: number): string;
  chartTitle: string;
  /** Written across an empty chart. */
  chartEmpty: string;
  /** The unit chart: its title and the legend of its two bar colours. */
  unitChart: { title: string; total: string; open: string; openWord: string };
  /** Upper-case month abbreviations for chart dates ("2 NOV"): a day never reads as a month. */
  chartMonths: readonly string[];
  summarySheet: string;
  casesSheet: string;
  summary(a: ReportSummaryInput): string;
  /** The summary's headings, for the XLSX summary sheet. */
  labels: SummaryLabels;
  usage: string;
  badPeriod(s: string): string;
  badUnit(s: string, known: string[]): string;
  filesCaption: string;
  duration(ms: number): string;
}

function duration(ms: number, u: { d: string; h: string; m: string }): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  const parts = [d ? `${d} ${u.d}` : '', h ? `${h} ${u.h}` : '', !d && (m || !h) ? `${m} ${u.m}` : ''].filter(Boolean);
  return parts.join(' ');
}

const pct = (n: number, total: number): string => (total ? ` (${Math.round((n * 100) / total)}%)` : '');

/** The headings and words of the summary, shared by the text and the XLSX summary sheet. */
export interface SummaryLabels {
  title: string; period: string; unit: string; total: string; byStatus: string; byKind: string; byUnit: string; open: string;
  groups: string; actors: string; acts: string; asn: string; median: string; cases: string; none: string; undeliverable: string;
  status: Record<IncidentStatus, string>; kind: Record<IncidentKind, string>;
}

function summary(a: ReportSummaryInput, l: SummaryLabels): string {
  const lines = [l.title, `${l.period}: ${a.period}`];
  if (a.unit) lines.push(`${l.unit}: ${a.unit}`);
  lines.push(`${l.total}: ${a.total}`);
  if (a.total) {
    const marks = a.leftMarks?.filter((m) => m.n > 0) ?? [];
    const marked = (s: IncidentStatus): string => (s === 'left' && marks.length ? ` (${marks.map((m) => `${m.n} ${m.mark}`).join('; ')})` : '');
    lines.push(`${l.byStatus}: ${a.byStatus.map(([s, n]) => `${l.status[s]} ${n}${marked(s)}`).join(', ')}`);
    lines.push(`${l.byKind}: ${a.byKind.filter(([, n]) => n > 0).map(([k, n]) => `${l.kind[k]} ${n}${pct(n, a.total)}`).join(', ')}`);
    lines.push('', `${l.byUnit}:`, ...a.byUnit.slice(0, 10).map((u) => `- ${u.unit}: ${u.total} (${l.open} ${u.open})`));
    lines.push('', `${l.groups}:`, ...a.topGroups.slice(0, 5).map((g) => `- "${g.title}" (${g.platform}): ${g.cases}`));
    lines.push('', `${l.actors}:`, ...(a.topActors.length ? a.topActors.slice(0, 5).map((x) => `- ${x.label}: ${x.acts} ${l.acts}, ${x.asn} ${l.asn}`) : [`- ${l.none}`]));
    lines.push('');
  }
  lines.push(`${l.median}: ${a.medianLeave ? `${a.medianLeave} (${a.leftCount} ${l.cases})` : '-'}`);
  lines.push(`${l.undeliverable}: ${a.undeliverable}`);
  return lines.join('\n');
}

const STATUS_ID: Record<IncidentStatus, string> = { open: 'terbuka', left: 'sudah keluar', exempted: 'dikecualikan', expired: 'kedaluwarsa' };
const KIND_ID: Record<IncidentKind, string> = {
  added: 'dimasukkan ke grup', mentioned: 'ditandai', reacted: 'memberi reaksi', posted: 'mengirim pesan', present: 'berada di grup', reported: 'dilaporkan ASN',
};
const STATUS_EN: Record<IncidentStatus, string> = { open: 'open', left: 'left', exempted: 'exempted', expired: 'expired' };
const KIND_EN: Record<IncidentKind, string> = { added: 'added', mentioned: 'tagged', reacted: 'reacted', posted: 'posted', present: 'present', reported: 'reported' };

const LABELS_ID: SummaryLabels = {
  title: '📊 Laporan Jaga Netral', period: 'Periode', unit: 'Unit kerja', total: 'Jumlah kasus', byStatus: 'Menurut status',
  byKind: 'Menurut jenis', byUnit: 'Menurut unit kerja (OPD)', open: 'terbuka', groups: 'Grup dengan kasus terbanyak',
  actors: 'Akun yang paling sering menambahkan/menandai ASN', acts: 'kali', asn: 'ASN', median: 'Median waktu hingga ASN keluar',
  cases: 'kasus', none: 'tidak diketahui', undeliverable: 'Pesan ke ASN yang tidak terkirim', status: STATUS_ID, kind: KIND_ID,
};

const LABELS_EN: SummaryLabels = {
  title: '📊 Jaga Netral report', period: 'Period', unit: 'Unit', total: 'Cases', byStatus: 'By status', byKind: 'By kind',
  byUnit: 'By unit (OPD)', open: 'open', groups: 'Groups with most cases', actors: 'Accounts that added/tagged ASN most often',
  acts: 'times', asn: 'ASN', median: 'Median time until the ASN left', cases: 'cases', none: 'unknown',
  undeliverable: 'Undeliverable messages to ASN', status: STATUS_EN, kind: KIND_EN,
};

const ID: ReportTexts = {
  kind: KIND_ID,
  status: STATUS_ID,
  columns: {
    caseId: 'No. kasus', nip: 'NIP', nama: 'Nama', unit: 'Unit kerja', platform: 'Platform', group: 'Grup', kind: 'Jenis',
    opened: 'Dibuka', resolved: 'Selesai', status: 'Status', addedBy: 'Ditambahkan/ditandai oleh', excerpt: 'Kutipan bukti', terms: 'Kata kunci',
  },
  allTime: 'semua waktu',
  today: 'hari ini',
  lastDays: (n) => `${n} hari terakhir`,
  chartTitle: 'Kasus per hari menurut jenis',
  chartEmpty: 'tidak ada kasus',
  unitChart: { title: 'Kasus menurut unit kerja', total: 'semua kasus', open: 'masih terbuka', openWord: 'terbuka' },
  chartMonths: ['JAN', 'FEB', 'MAR', 'APR', 'MEI', 'JUN', 'JUL', 'AGU', 'SEP', 'OKT', 'NOV', 'DES'],
  summarySheet: 'Ringkasan',
  casesSheet: 'Kasus',
  summary: (a) => summary(a, LABELS_ID),
  labels: LABELS_ID,
  usage:
    'Cara pakai: /report [hari ini | kemarin | 7 hari | minggu ini | minggu lalu | bulan ini | bulan lalu | November 2024 | 27/11/2024 | 01/11/2024 s/d 30/11/2024 | semua] [unit kerja]',
  badPeriod: (s) =>
    `Periode "${s}" tidak dikenali (dan bukan nama unit kerja). Gunakan: hari ini, kemarin, 7 hari (atau 7h; angka berapa pun), minggu ini, minggu lalu, bulan ini, bulan lalu, tahun ini, nama bulan (November 2024), tanggal (27/11/2024 atau 2024-11-27), rentang tanggal (01/11/2024 s/d 30/11/2024), atau semua.`,
  badUnit: (s, known) => `Unit kerja "${s}" tidak dikenal.${known.length ? ` Unit yang ada: ${known.slice(0, 20).join(', ')}` : ''}`,
  filesCaption: 'Laporan Jaga Netral',
  duration: (ms) => duration(ms, { d: 'hari', h: 'jam', m: 'menit' }),
};

const EN: ReportTexts = {
  kind: KIND_EN,
  status: STATUS_EN,
  columns: {
    caseId: 'Case', nip: 'NIP', nama: 'Name', unit: 'Unit', platform: 'Platform', group: 'Group', kind: 'Kind',
    opened: 'Opened', resolved: 'Resolved', status: 'Status', addedBy: 'Added/tagged by', excerpt: 'Evidence excerpt', terms: 'Matched terms',
  },
  allTime: 'all time',
  today: 'today',
  lastDays: (n) => `last ${n} days`,
  chartTitle: 'Cases per day by kind',
  chartEmpty: 'no cases',
  unitChart: { title: 'Cases by unit', total: 'all cases', open: 'still open', openWord: 'open' },
  chartMonths: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  summarySheet: 'Summary',
  casesSheet: 'Cases',
  summary: (a) => summary(a, LABELS_EN),
  labels: LABELS_EN,
  usage: 'Usage: /report [today | yesterday | 7 days | this week | last week | this month | last month | November 2024 | 27/11/2024 | 01/11/2024 to 30/11/2024 | all] [unit]',
  badPeriod: (s) =>
    `Unknown period "${s}" (and not a unit name). Use: today, yesterday, 7 days (or 7d; any number), this week, last week, this month, last month, this year, a month's name (November 2024), a day (27/11/2024 or 2024-11-27), a range of days (01/11/2024 to 30/11/2024), or all.`,
  badUnit: (s, known) => `Unknown unit "${s}".${known.length ? ` Known units: ${known.slice(0, 20).join(', ')}` : ''}`,
  filesCaption: 'Jaga Netral report',
  duration: (ms) => duration(ms, { d: 'days', h: 'h', m: 'min' }),
};

/** Report texts per language, Indonesian first. */
export const REPORT_TEXTS: { id: ReportTexts; en: ReportTexts } = { id: ID, en: EN };

/** Report texts for `lang`. */
export const reportTexts = (lang: 'id' | 'en'): ReportTexts => REPORT_TEXTS[lang];
