/**
 * Retention: after RETENTION_DAYS the raw platform payloads of events and the
 * texts of private messages (to ASN and admins, both ways) are blanked. The
 * rows stay, so dedupe keys still stop a re-delivered update from being handled
 * twice; incidents (with their short excerpt) are kept whole. In the audit log,
 * refused attempts (allowed = 0: strangers' commands, refused-login summaries,
 * flood notes) lose their detail (args and result, which hold addresses and
 * what was tried) and keep the row, so a hash chain over audit rows stays
 * whole; what admins did (allowed = 1) is never touched. Names WhatsApp showed for a handle (`wa_names`,
 * to name adders) go when not seen again within the period; a case keeps the name it was opened with.
 */
import type { Db } from './db.js';
import { kvGet, kvSet } from './kv.js';
import { removeFiles } from './private-files.js';

/** What a retention pass blanked. */
export interface RetentionResult {
  /** Events whose payload was cleared. */
  events: number;
  /** Private outbox messages whose text was cleared. */
  messages: number;
  /** Refused-attempt audit rows whose detail was cleared. */
  audit: number;
  /** WhatsApp names (`wa_names`) not seen since the cutoff, forgotten. */
  names: number;
  /** Self-report evidence files deleted (their SHA-256 stays, so a receipt still verifies): rows whose path was cleared. */
  evidenceFiles: number;
  /** Of those, the files that were on the disk and are gone now, and their size. */
  evidenceRemoved: { files: number; bytes: number };
  /** Everything received or finished before this instant was affected. */
  cutoff: number;
}

/** The payload left in an event after retention. */
export const RETAINED_PAYLOAD = '{}';
const MARK = 'retention_cutoff';

/** Blanks event payloads received, and private outbox texts finished, before `now - days`. Idempotent. */
export function applyRetention(db: Db, days: number, now: number): RetentionResult {
  const cutoff = now - days * 86_400_000;
  // Rows before the previous cutoff are already blank: start there so a daily pass stays small.
  const since = Number(kvGet(db, MARK) ?? 0);
  return db.transaction((): RetentionResult => {
    const events = db
      .prepare(`UPDATE events SET payload = ? WHERE received_at >= ? AND received_at < ? AND payload <> ?`)
      .run(RETAINED_PAYLOAD, Math.min(since, cutoff), cutoff, RETAINED_PAYLOAD).changes;
    const messages = db
      .prepare(`UPDATE outbox SET text = '', payload = NULL WHERE recipient_kind = 'user' AND finished_at IS NOT NULL AND finished_at < ? AND (text <> '' OR payload IS NOT NULL)`)
      .run(cutoff).changes;
    const audit = db
      .prepare(`UPDATE audit SET args = NULL, result = NULL WHERE allowed = 0 AND at >= ? AND at < ? AND (args IS NOT NULL OR result IS NOT NULL)`)
      .run(Math.min(since, cutoff), cutoff).changes;
    // Evidence of self-reports: the files go, their hash, size and the receipt stay.
    const files = db.prepare(`SELECT id, path FROM self_report_evidence WHERE path IS NOT NULL AND at < ?`).all(cutoff) as { id: number; path: string }[];
    const forget = db.prepare(`UPDATE self_report_evidence SET path = NULL WHERE id = ?`);
    // What OCR read from the picture goes with it (it can hold names and numbers); the group name read and the verdicts stay.
    const forgetText = db.prepare(`UPDATE self_report_ocr SET text = '' WHERE evidence_id = ?`);
    const removed = { files: 0, bytes: 0 };
    let cleared = 0;
    for (const f of files) {
      const r = removeFiles([f.path]);
      // A file that would not go keeps its path, to be tried again next night.
      if (r.failed.length) continue;
      removed.files += r.files;
      removed.bytes += r.bytes;
      forget.run(f.id);
      forgetText.run(f.id);
      cleared++;
    }
    const names = db.prepare(`DELETE FROM wa_names WHERE seen_at < ?`).run(cutoff).changes;
    kvSet(db, MARK, String(cutoff), now);
    return { events, messages, audit, names, evidenceFiles: cleared, evidenceRemoved: removed, cutoff };
  })();
}
