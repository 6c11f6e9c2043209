/** The report as a chat message: the summary Humas reads first. */
import { leftClaimTexts } from '../../core/messages/left-claim.js';
import { reportTexts } from '../../core/messages/report.js';
import { formatDate } from '../../core/time.js';
import type { Report } from './build.js';
import { KINDS, STATUSES } from './build.js';
import { quoteStranger } from '../../core/text/quote.js';

/** Human label of the report's period, in its zone. */
export function periodLabel(r: Report, lang: 'id' | 'en'): string {
  const t = reportTexts(lang);
  const f = r.filters;
  const fmt = (at: number) => formatDate(at, r.tz, lang);
  const end = fmt(f.to !== undefined ? f.to - 1 : f.now);
  switch (f.period.kind) {
    case 'all':
      return t.allTime;
    case 'today':
      return `${t.today} (${end})`;
    case 'days':
      return `${t.lastDays(f.period.days)} (${fmt(f.from!)} – ${end})`;
    case 'range':
      return f.from !== undefined ? `${fmt(f.from)} – ${end}` : `… – ${end}`;
  }
}

/** The `left` cases known only by somebody's word, with the mark the files' status cells carry (the ASN's word first). */
export function leftMarks(r: Report, lang: 'id' | 'en'): { mark: string; n: number }[] {
  const t = leftClaimTexts(lang);
  return (['asn', 'humas'] as const).map((by) => ({ mark: t.reportMark(by), n: r.leftByWord[by] })).filter((m) => m.n > 0);
}

/** The summary text of a report in `lang`. */
export function formatReportText(r: Report, lang: 'id' | 'en'): string {
  const t = reportTexts(lang);
  return t.summary({
    period: periodLabel(r, lang),
    unit: r.filters.unit,
    total: r.total,
    byStatus: STATUSES.map((s) => [s, r.byStatus[s]]),
    leftMarks: leftMarks(r, lang),
    byKind: KINDS.map((k) => [k, r.byKind[k]]),
    byUnit: r.byUnit.map((u) => ({ unit: u.unit, total: u.total, open: u.byStatus.open })),
    topGroups: r.topGroups.map((g) => ({ title: quoteStranger(g.title), platform: g.platform === 'telegram' ? 'TG' : 'WA', cases: g.cases })),
    topActors: r.topActors.map((a) => ({ label: a.label, acts: a.acts, asn: a.asn })),
    medianLeave: r.medianLeaveMs !== null ? t.duration(r.medianLeaveMs) : undefined,
    leftCount: r.leftCount,
    undeliverable: r.undeliverable,
  });
}
