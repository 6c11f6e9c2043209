/**
 * The report model: read-only SQL over incidents, findings, chats and the
 * outbox, summarised for `/report`, the CLI and the report files.
 */
import type { Platform } from '../../core/ids.js';
import { actorText } from '../../core/actor.js';
import { zonedDay } from '../../core/time.js';
import type { EpochMs, IncidentKind, IncidentStatus } from '../../core/types.js';
import type { AsnRegistry } from '../../store/asn.js';
import type { Db } from '../../store/db.js';
import type { IncidentDbRow } from '../../store/incidents.js';
import { addDays, type ReportFilters } from './filters.js';

/** Every incident kind, in report order. */
export const KINDS: readonly IncidentKind[] = ['added', 'mentioned', 'reacted', 'posted', 'present', 'reported'];
/** Every incident status, in report order. */
export const STATUSES: readonly IncidentStatus[] = ['open', 'left', 'exempted', 'expired'];

/** One case as the report files show it. */
export interface ReportCase {
  id: number;
  nip: string;
  nama: string;
  unit: string;
  platform: Platform;
  chatId: string;
  chatTitle: string;
  kind: IncidentKind;
  status: IncidentStatus;
  openedAt: EpochMs;
  resolvedAt: EpochMs | null;
  addedBy: string | null;
  excerpt: string | null;
  terms: string[];
  statusReason: string | null;
  /** A leave the bot did not see: 'asn' = closed on the ASN's word (unverified), 'humas' = confirmed by Humas. */
  leftByWord: 'asn' | 'humas' | null;
}

/** The summary of a period. */
export interface Report {
  filters: ReportFilters;
  tz: string;
  cases: ReportCase[];
  total: number;
  byStatus: Record<IncidentStatus, number>;
  /** Of the `left` cases, those closed on somebody's word (the bot did not see the leave): the ASN's, or Humas'. */
  leftByWord: Record<'asn' | 'humas', number>;
  byKind: Record<IncidentKind, number>;
  byUnit: { unit: string; total: number; byStatus: Record<IncidentStatus, number> }[];
  topGroups: { platform: Platform; chatId: string; title: string; cases: number; asn: number }[];
  /** Who added or tagged most: one person per id (a WhatsApp adder by phone once known), `label` as Humas reads it (`Name (+62…)`). */
  topActors: { id: string; name: string | null; lid: string | null; label: string; acts: number; asn: number }[];
  /** Median of resolved_at - opened_at over cases closed because the ASN left. */
  medianLeaveMs: number | null;
  leftCount: number;
  /** Messages to ASN about these cases that the platform refused or that had no address. */
  undeliverable: number;
  /** Cases opened per local day, by kind, every day of the period (capped at 366 days). */
  perDay: { day: string; byKind: Record<IncidentKind, number> }[];
}

/** Longest run of days the report keeps per-day counts for. */
export const MAX_DAYS = 366;

const zeroKinds = (): Record<IncidentKind, number> => ({ added: 0, mentioned: 0, reacted: 0, posted: 0, present: 0, reported: 0 });
const zeroStatuses = (): Record<IncidentStatus, number> => ({ open: 0, left: 0, exempted: 0, expired: 0 });

/** Median of numbers; null for none. */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One case as the report query returns it: the incident columns it reads, with the ASN and chat joined in. */
interface Raw
  extends Pick<
    IncidentDbRow,
    | 'id' | 'asn_nip' | 'platform' | 'chat_id' | 'kind' | 'status' | 'opened_at' | 'resolved_at' | 'added_by_id' | 'added_by_name' | 'added_by_lid' | 'excerpt' | 'terms'
    | 'status_reason'
  > {
  nama: string | null;
  unit: string | null;
  chat_title: string | null;
  left_by_word: 'asn' | 'humas' | null;
}

/** SQL selecting the ids of the cases the filters cover, with its parameters. */
function filtered(f: ReportFilters): { sql: string; params: { from: number | null; to: number | null; unit: string | null } } {
  return {
    sql: `SELECT fi.id FROM incidents fi LEFT JOIN asn fa ON fa.nip = fi.asn_nip
          WHERE (@from IS NULL OR fi.opened_at >= @from) AND (@to IS NULL OR fi.opened_at < @to) AND (@unit IS NULL OR fa.unit = @unit COLLATE NOCASE)`,
    params: { from: f.from ?? null, to: f.to ?? null, unit: f.unit ?? null },
  };
}

/** Builds the report for the filters; times are grouped into days in `tz`. */
export function buildReport(db: Db, registry: Pick<AsnRegistry, 'byNip'> | undefined, filters: ReportFilters, tz: string): Report {
  const f = filtered(filters);
  const raws = db
    .prepare(
      `SELECT i.id, i.asn_nip, a.nama, a.unit, i.platform, i.chat_id, c.title AS chat_title, i.kind, i.status, i.opened_at, i.resolved_at,
              i.added_by_id, i.added_by_name, i.added_by_lid, i.excerpt, i.terms, i.status_reason, i.left_by_word
       FROM incidents i
       LEFT JOIN asn a ON a.nip = i.asn_nip
       LEFT JOIN chats c ON c.platform = i.platform AND c.chat_id = i.chat_id
       WHERE i.id IN (${f.sql})
       ORDER BY i.opened_at, i.id`,
    )
    .all(f.params) as Raw[];
  const cases: ReportCase[] = raws.map((r) => {
    const asn = registry?.byNip(r.asn_nip);
    const by = actorText({ id: r.added_by_id, name: r.added_by_name, lid: r.added_by_lid });
    return {
      id: r.id,
      nip: r.asn_nip,
      nama: r.nama ?? asn?.nama ?? '',
      unit: r.unit ?? asn?.unit ?? '',
      platform: r.platform,
      chatId: r.chat_id,
      chatTitle: r.chat_title ?? r.chat_id,
      kind: r.kind,
      status: r.status,
      openedAt: r.opened_at,
      resolvedAt: r.resolved_at,
      addedBy: by ?? null,
      excerpt: r.excerpt,
      terms: JSON.parse(r.terms) as string[],
      statusReason: r.status_reason,
      leftByWord: r.left_by_word,
    };
  });

  const byStatus = zeroStatuses();
  const leftByWord = { asn: 0, humas: 0 };
  const byKind = zeroKinds();
  const units = new Map<string, { unit: string; total: number; byStatus: Record<IncidentStatus, number> }>();
  const groups = new Map<string, { platform: Platform; chatId: string; title: string; cases: number; nips: Set<string> }>();
  for (const c of cases) {
    byStatus[c.status]++;
    if (c.status === 'left' && c.leftByWord) leftByWord[c.leftByWord]++;
    byKind[c.kind]++;
    const u = units.get(c.unit) ?? { unit: c.unit, total: 0, byStatus: zeroStatuses() };
    u.total++;
    u.byStatus[c.status]++;
    units.set(c.unit, u);
    const key = `${c.platform}|${c.chatId}`;
    const g = groups.get(key) ?? { platform: c.platform, chatId: c.chatId, title: c.chatTitle, cases: 0, nips: new Set<string>() };
    g.cases++;
    g.nips.add(c.nip);
    groups.set(key, g);
  }
  const byCount = <T extends { total?: number; cases?: number; acts?: number }>(k: 'total' | 'cases' | 'acts') => (a: T, b: T) => (b[k] ?? 0) - (a[k] ?? 0);

  // Names that are really handles (older rows kept the LID or phone as the name) do not count as names.
  const topActors = (db
    .prepare(
      `SELECT f.actor_id AS id, MAX(CASE WHEN f.actor_name LIKE '%@lid' OR f.actor_name LIKE '%@s.whatsapp.net' OR f.actor_name LIKE '+%' THEN NULL ELSE f.actor_name END) AS name,
              MAX(f.actor_lid) AS lid, COUNT(*) AS acts, COUNT(DISTINCT i.asn_nip) AS asn
       FROM incident_findings f JOIN incidents i ON i.id = f.incident_id
       WHERE f.incident_id IN (${f.sql}) AND f.kind IN ('added','mentioned') AND f.actor_id IS NOT NULL
       GROUP BY f.actor_id ORDER BY acts DESC, asn DESC, id LIMIT 10`,
    )
    .all(f.params) as Omit<Report['topActors'][number], 'label'>[]).map((a) => ({ ...a, label: actorText(a) ?? a.id }));

  const left = cases.filter((c) => c.status === 'left' && c.resolvedAt !== null);
  const undeliverable = (db
    .prepare(
      `SELECT COUNT(*) AS n FROM outbox WHERE status = 'undeliverable' AND kind LIKE 'asn\\_%' ESCAPE '\\' AND incident_id IN (${f.sql})`,
    )
    .get(f.params) as { n: number }).n;

  return {
    filters,
    tz,
    cases,
    total: cases.length,
    byStatus,
    leftByWord,
    byKind,
    byUnit: [...units.values()].sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit, 'id')),
    topGroups: [...groups.values()]
      .sort(byCount('cases'))
      .slice(0, 10)
      .map((g) => ({ platform: g.platform, chatId: g.chatId, title: g.title, cases: g.cases, asn: g.nips.size })),
    topActors,
    medianLeaveMs: median(left.map((c) => c.resolvedAt! - c.openedAt)),
    leftCount: left.length,
    undeliverable,
    perDay: perDay(cases, filters, tz),
  };
}

function perDay(cases: readonly ReportCase[], f: ReportFilters, tz: string): Report['perDay'] {
  const end = zonedDay(f.to !== undefined ? f.to - 1 : f.now, tz);
  let start = f.from !== undefined ? zonedDay(f.from, tz) : cases.length ? zonedDay(cases[0]!.openedAt, tz) : end;
  const lastCase = cases.length ? zonedDay(cases[cases.length - 1]!.openedAt, tz) : end;
  const last = lastCase > end ? lastCase : end;
  if (addDays(start, MAX_DAYS - 1) < last) start = addDays(last, -(MAX_DAYS - 1));
  const days = new Map<string, Record<IncidentKind, number>>();
  for (let d = start; d <= last; d = addDays(d, 1)) days.set(d, zeroKinds());
  for (const c of cases) {
    const k = days.get(zonedDay(c.openedAt, tz));
    if (k) k[c.kind]++;
  }
  return [...days.entries()].map(([day, byKind]) => ({ day, byKind }));
}
