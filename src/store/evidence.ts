/**
 * Read-only SQL for the evidence features (issue 19): everything a dossier says about one case
 * (findings with their chained events, the messages the bot queued, the reminders in the group),
 * the cases of one group or one actor, and the actors themselves, aggregated from incident_findings.
 */
import { isHandleLike } from '../core/actor.js';
import type { Db } from './db.js';

/** An event as the dossier cites it: where it sits in the chain and its hashes. */
export interface EvidenceEvent {
  id: number;
  kind: string;
  messageId: string | null;
  occurredAt: number | null;
  receivedAt: number;
  payloadHash: string | null;
  rowHash: string | null;
  /** Retention blanked its payload (the hash is what is left). */
  blanked: boolean;
}

/** One finding of a case, with the event it came from. */
export interface EvidenceFinding {
  kind: string;
  at: number;
  actorId: string | null;
  actorName: string | null;
  /** The actor's WhatsApp LID when known (`actorId` is the phone JID once the phone is known). */
  actorLid: string | null;
  excerpt: string | null;
  terms: string[];
  event: EvidenceEvent | null;
}

/** A message the bot queued (a DM, a Humas alert, a group reminder). */
export interface EvidenceMessage {
  kind: string;
  recipientKind: 'user' | 'group';
  status: string;
  createdAt: number;
  sentAt: number | null;
  platformMessageId: string | null;
}

/** Everything one case's dossier section is written from. */
export interface CaseEvidence {
  id: number;
  kind: string;
  status: string;
  platform: 'telegram' | 'whatsapp';
  chatId: string;
  chatTitle: string;
  asn: { nip: string; nama: string; unit: string; phone: string | null };
  /** The Telegram username the case matched by alone (table incident_unverified); null for any other case. */
  unverified: string | null;
  openedAt: number;
  resolvedAt: number | null;
  statusReason: string | null;
  statusBy: string | null;
  findings: EvidenceFinding[];
  messages: EvidenceMessage[];
  reminders: EvidenceMessage[];
  /** Self-reports attached to the case (its own, or one that joined the bot's case), with their evidence. */
  selfReports: SelfReportEvidence[];
}

/** A self-report and what the ASN gave with it: files keep their SHA-256 after retention deletes them. */
export interface SelfReportEvidence {
  receiptNo: string;
  createdAt: number;
  /** Videos the ASN sent with it that the bot did not keep (only photos and documents are evidence). */
  videosNotKept: number;
  items: { kind: string; label: string; sha256: string | null; bytes: number | null; at: number; ocr?: MachineRead }[];
}

/** What the offline OCR read from an image item (issue 18): machine-read, shown as such. */
export interface MachineRead {
  groupName: string | null;
  pilkada: boolean;
  confidence: number;
  text: string;
}

function selfReportsOf(db: Db, incidentId: number): SelfReportEvidence[] {
  const reports = db.prepare(`SELECT id, receipt_no, created_at, videos_not_kept FROM self_reports WHERE incident_id = ? ORDER BY id`).all(incidentId) as { id: number; receipt_no: string; created_at: number; videos_not_kept: number }[];
  const items = db.prepare(
    `SELECT e.kind, e.value, e.filename, e.sha256, e.bytes, e.at, o.status AS ocr_status, o.group_name, o.pilkada, o.confidence, o.text AS ocr_text
       FROM self_report_evidence e LEFT JOIN self_report_ocr o ON o.evidence_id = e.id WHERE e.report_id = ? ORDER BY e.id`,
  );
  type Item = { kind: string; value: string | null; filename: string | null; sha256: string | null; bytes: number | null; at: number; ocr_status: string | null; group_name: string | null; pilkada: number | null; confidence: number | null; ocr_text: string | null };
  return reports.map((r) => ({
    receiptNo: r.receipt_no,
    createdAt: r.created_at,
    videosNotKept: r.videos_not_kept,
    items: (items.all(r.id) as Item[]).map((e) => ({
      kind: e.kind, label: e.filename ?? e.value ?? e.kind, sha256: e.sha256, bytes: e.bytes, at: e.at,
      ...(e.ocr_status === 'read' ? { ocr: { groupName: e.group_name, pilkada: e.pilkada === 1, confidence: e.confidence ?? 0, text: e.ocr_text ?? '' } } : {}),
    })),
  }));
}

const eventOf = (db: Db, id: number | null): EvidenceEvent | null => {
  if (id === null) return null;
  const e = db
    .prepare(`SELECT id, kind, message_id, occurred_at, received_at, coalesce(payload_hash, nullif(lower(hex(payload_digest)), '')) AS payload_hash, coalesce(row_hash, nullif(lower(hex(row_digest)), '')) AS row_hash, payload IN ('{}', '') AS blank FROM events WHERE id = ?`)
    .get(id) as { id: number; kind: string; message_id: string | null; occurred_at: number | null; received_at: number; payload_hash: string | null; row_hash: string | null; blank: number } | undefined;
  return e ? { id: e.id, kind: e.kind, messageId: e.message_id, occurredAt: e.occurred_at, receivedAt: e.received_at, payloadHash: e.payload_hash, rowHash: e.row_hash, blanked: e.blank === 1 } : null;
};

type MsgRow = { kind: string; recipient_kind: 'user' | 'group'; status: string; created_at: number; sent_at: number | null; platform_message_id: string | null };
const toMsg = (m: MsgRow): EvidenceMessage => ({ kind: m.kind, recipientKind: m.recipient_kind, status: m.status, createdAt: m.created_at, sentAt: m.sent_at, platformMessageId: m.platform_message_id });

/** One case's evidence, or undefined when there is no such case. `now` bounds the reminders of a case still open. */
export function caseEvidence(db: Db, id: number, now: number): CaseEvidence | undefined {
  const c = db
    .prepare(
      `SELECT i.id, i.kind, i.status, i.platform, i.chat_id, i.opened_at, i.resolved_at, i.status_reason, i.status_by, i.asn_nip,
              a.nama, a.unit, a.phone, ch.title, u.username AS unverified
         FROM incidents i LEFT JOIN asn a ON a.nip = i.asn_nip LEFT JOIN chats ch ON ch.platform = i.platform AND ch.chat_id = i.chat_id
         LEFT JOIN incident_unverified u ON u.incident_id = i.id
        WHERE i.id = ?`,
    )
    .get(id) as
    | { id: number; kind: string; status: string; platform: 'telegram' | 'whatsapp'; chat_id: string; opened_at: number; resolved_at: number | null; status_reason: string | null; status_by: string | null; asn_nip: string; nama: string | null; unit: string | null; phone: string | null; title: string | null; unverified: string | null }
    | undefined;
  if (!c) return undefined;
  const findings = (db
    .prepare(`SELECT kind, at, actor_id, actor_name, actor_lid, excerpt, terms, event_id FROM incident_findings WHERE incident_id = ? ORDER BY at, id`)
    .all(id) as { kind: string; at: number; actor_id: string | null; actor_name: string | null; actor_lid: string | null; excerpt: string | null; terms: string; event_id: number | null }[])
    .map((f): EvidenceFinding => ({
      kind: f.kind, at: f.at, actorId: f.actor_id, actorName: f.actor_name, actorLid: f.actor_lid, excerpt: f.excerpt,
      terms: safeTerms(f.terms), event: eventOf(db, f.event_id),
    }));
  // With the messages that spoke of several cases at once, tied to this one (outbox_cases: a grouped follow-up, ...).
  const messages = (db
    .prepare(
      `SELECT kind, recipient_kind, status, created_at, sent_at, platform_message_id FROM outbox
        WHERE incident_id = ? OR id IN (SELECT outbox_id FROM outbox_cases WHERE incident_id = ?) ORDER BY created_at, id`,
    )
    .all(id, id) as MsgRow[]).map(toMsg);
  // Reminders name nobody and belong to the group: those queued while the case was open. Platform times have
  // whole seconds while queue times have milliseconds: a minute of slack on both sides.
  const reminders = (db
    .prepare(
      `SELECT kind, recipient_kind, status, created_at, sent_at, platform_message_id FROM outbox
        WHERE platform = ? AND recipient = ? AND kind = 'group_reminder' AND created_at >= ? AND created_at <= ? ORDER BY created_at, id`,
    )
    .all(c.platform, c.chat_id, c.opened_at - 60_000, c.resolved_at !== null ? c.resolved_at + 60_000 : now) as MsgRow[]).map(toMsg);
  return {
    id: c.id, kind: c.kind, status: c.status, platform: c.platform, chatId: c.chat_id, chatTitle: c.title ?? c.chat_id,
    asn: { nip: c.asn_nip, nama: c.nama ?? c.asn_nip, unit: c.unit ?? '-', phone: c.phone },
    unverified: c.unverified,
    openedAt: c.opened_at, resolvedAt: c.resolved_at, statusReason: c.status_reason, statusBy: c.status_by,
    findings, messages, reminders, selfReports: selfReportsOf(db, c.id),
  };
}

function safeTerms(s: string): string[] {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** The cases of one group, oldest first. */
export function casesOfChat(db: Db, platform: string, chatId: string): number[] {
  return db.prepare(`SELECT id FROM incidents WHERE platform = ? AND chat_id = ? ORDER BY opened_at, id`).pluck().all(platform, chatId) as number[];
}

/** The cases one actor added or tagged an ASN in (or a reporter named them in), oldest first. */
export function casesOfActor(db: Db, platform: string, actorId: string): number[] {
  return db
    .prepare(`SELECT DISTINCT i.id FROM incident_findings f JOIN incidents i ON i.id = f.incident_id WHERE i.platform = ? AND f.actor_id = ? ORDER BY i.opened_at, i.id`)
    .pluck()
    .all(platform, platform === 'whatsapp' && actorId.endsWith('@lid') ? canonicalOfLid(db, actorId) : actorId) as number[];
}

/** One actor: who added or tagged ASN (or was named in a self-report), across groups. */
export interface ActorRow {
  platform: 'telegram' | 'whatsapp';
  actorId: string;
  /** Names seen, oldest first. */
  names: string[];
  /** The phone, when the platform revealed it (in the event, as a WhatsApp phone JID, or a LID mapped to one). */
  phone: string | null;
  /** Other handles seen in the recorded events: `@username`, phone, WhatsApp LID. */
  handles: string[];
  findings: number;
  asn: number;
  groups: number;
  firstAt: number;
  lastAt: number;
}

/**
 * Actors aggregated from incident_findings: every finding whose actor_id is set, most findings first (or one actor).
 * A WhatsApp actor is keyed by phone JID once the phone is known (core/actor.ts, Monitor.actorIdentified), so a LID
 * and its phone are one actor; asking for one by its LID finds them under the phone.
 */
export function listActors(db: Db, one?: { platform: string; actorId: string }): ActorRow[] {
  const key = one && one.platform === 'whatsapp' && one.actorId.endsWith('@lid') ? { ...one, actorId: canonicalOfLid(db, one.actorId) } : one;
  const rows = db
    .prepare(
      `SELECT i.platform, f.actor_id, COUNT(*) AS findings, COUNT(DISTINCT i.asn_nip) AS asn, COUNT(DISTINCT i.chat_id) AS groups,
              MIN(f.at) AS first_at, MAX(f.at) AS last_at,
              (SELECT json_group_array(name) FROM (SELECT f2.actor_name AS name FROM incident_findings f2 JOIN incidents i2 ON i2.id = f2.incident_id
                 WHERE i2.platform = i.platform AND f2.actor_id = f.actor_id AND f2.actor_name IS NOT NULL AND f2.actor_name <> ''
                 GROUP BY f2.actor_name ORDER BY MIN(f2.at))) AS names,
              (SELECT json_group_array(lid) FROM (SELECT DISTINCT f3.actor_lid AS lid FROM incident_findings f3 JOIN incidents i3 ON i3.id = f3.incident_id
                 WHERE i3.platform = i.platform AND f3.actor_id = f.actor_id AND f3.actor_lid IS NOT NULL)) AS lids,
              (SELECT pn FROM wa_lid_map WHERE lid = f.actor_id) AS lid_phone
         FROM incident_findings f JOIN incidents i ON i.id = f.incident_id
        WHERE f.actor_id IS NOT NULL AND f.actor_id <> '' AND (@platform IS NULL OR (i.platform = @platform AND f.actor_id = @actor))
        GROUP BY i.platform, f.actor_id
        ORDER BY findings DESC, last_at DESC`,
    )
    .all({ platform: key?.platform ?? null, actor: key?.actorId ?? null }) as {
    platform: 'telegram' | 'whatsapp'; actor_id: string; findings: number; asn: number; groups: number; first_at: number; last_at: number; names: string; lids: string; lid_phone: string | null;
  }[];
  const payloads = db.prepare(
    `SELECT e.payload FROM incident_findings f JOIN incidents i ON i.id = f.incident_id JOIN events e ON e.id = f.event_id
      WHERE i.platform = ? AND f.actor_id = ? AND e.payload NOT IN ('{}', '') ORDER BY e.id LIMIT 200`,
  ).pluck();
  return rows.map((r) => {
    const lids = JSON.parse(r.lids) as string[];
    const handles = handlesSeen(payloads.all(r.platform, r.actor_id) as string[], [r.actor_id, ...lids]);
    for (const l of lids) if (!handles.includes(l)) handles.push(l);
    const phone = actorPhone(r.platform, r.actor_id, r.lid_phone) ?? handles.find((h) => h.startsWith('+')) ?? null;
    // Names that are really handles (older rows kept the LID or phone as the name) are listed as handles, not names.
    const names = (JSON.parse(r.names) as string[]).filter((n) => !isHandleLike(n, r.actor_id, phone, ...lids));
    return {
      platform: r.platform, actorId: r.actor_id, names, phone, handles,
      findings: r.findings, asn: r.asn, groups: r.groups, firstAt: r.first_at, lastAt: r.last_at,
    };
  });
}

/** The id a WhatsApp actor known by this LID is kept under: the phone JID once the pair is known, else the LID. */
function canonicalOfLid(db: Db, lid: string): string {
  return (db.prepare(`SELECT pn FROM wa_lid_map WHERE lid = ?`).pluck().get(lid) as string | undefined) ?? lid;
}

/** `@username`, phone and LID of the person with this id in recorded events (the event's actor or sender, core/types Person). */
function handlesSeen(payloads: string[], ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of payloads) {
    let ev: Record<string, unknown>;
    try {
      ev = JSON.parse(p) as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const who of [ev['actor'], ev['sender']]) {
      const person = who as { id?: unknown; username?: unknown; phone?: unknown; lid?: unknown } | undefined;
      if (!person || typeof person.id !== 'string' || !ids.includes(person.id)) continue;
      if (typeof person.username === 'string' && person.username) out.add(`@${person.username}`);
      if (typeof person.phone === 'string' && person.phone) out.add(person.phone);
      if (typeof person.lid === 'string' && person.lid) out.add(person.lid);
    }
  }
  return [...out];
}

/** A phone from what the actor id itself says (WhatsApp `<digits>@s.whatsapp.net`, a `+62…` of a self-report) or a learned LID pair. */
function actorPhone(platform: string, id: string, lidPhone: string | null): string | null {
  if (lidPhone) return lidPhone.startsWith('+') ? lidPhone : `+${lidPhone.replace(/@.*$/, '')}`;
  const m = /^\+?(\d{8,15})(?:@s\.whatsapp\.net)?$/.exec(id);
  return platform === 'whatsapp' && m ? `+${m[1]}` : null;
}
