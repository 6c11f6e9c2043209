/**
 * Holding one ASN's messages of a burst and releasing them as one: the piece the three per-ASN holds share. An ASN
 * added to (or tagged in, or leaving) a hundred groups at once would get a hundred messages, and Humas a hundred
 * alerts: the first ASN_ALERTS_ALONE of an hour go one by one, the rest are held, per ASN and platform, and released
 * together. Each user says what the held cases become (app/asn-alert-holds.ts: the ASN's summary of their alerts;
 * app/humas-asn-holds.ts: Humas' summary of one ASN; app/thanks-holds.ts: the list of groups left).
 *
 * A held case waits for the release of the batch being gathered (MASS_ALERT_WINDOW_SECONDS after its first case), or,
 * when one went out within the hour, for the next one an hour after it: at most one release per ASN, platform and
 * ASN_ALERT_WINDOW_MS. A release that ends with nothing to send (every case closed, or reopened, meanwhile) deletes
 * its holds instead of marking them released: the mark starts that hour, and a message never sent must not keep the
 * ASN's next one back for an hour (nor keep a case that is held again later out of its next release).
 *
 * `hold` runs inside the monitor's transaction; `releaseDue` before each outbox drain (the dispatcher wakes for
 * `nextRelease`).
 */
import type { Platform } from '../core/ids.js';
import type { Db } from '../store/db.js';
import type { IncidentRow } from '../store/incidents.js';
import type { OutboxStore } from '../store/outbox.js';
import { prepared } from '../store/statements.js';
import { aloneInBurst, type MassAlertConfig } from './burst-window.js';

/** Messages one ASN gets one by one in a burst before the rest are held. */
export const ASN_ALERTS_ALONE = 3;

/** The ASN's window: a burst lasts while cases keep coming within it, and releases are at least this far apart. */
export const ASN_ALERT_WINDOW_MS = 3_600_000;

/** A held case as its release reads it. */
export interface HeldCase {
  id: number;
  /** Where the message goes (the ASN's address when the hold was made); '' for a hold kept for Humas. */
  recipient: string;
}

/** One ASN whose held cases are due. */
export interface DueAsn {
  platform: Platform;
  nip: string;
}

/**
 * One table of holds (its name fixed here, never from input): `recipient` when the held message goes to the ASN.
 * Each table has the same columns (incident_id, platform, asn_nip, [recipient,] held_at, release_at, released_at).
 */
export class AsnHolds {
  private readonly sql: {
    gathering: string; last: string; insert: string; next: string; due: string; held: string; release: string; drop: string; waiting: string; ever: string; releasedWith: string;
  };

  constructor(
    readonly table: 'asn_alert_holds' | 'humas_asn_holds' | 'thanks_holds',
    /** The scope of its bursts in `alert_windows` (keys: `<platform>:<nip>`). */
    readonly scope: string,
    private readonly withRecipient: boolean,
  ) {
    const t = table;
    const open = `platform = ? AND asn_nip = ? AND released_at IS NULL`;
    this.sql = {
      gathering: `SELECT release_at FROM ${t} WHERE ${open} LIMIT 1`,
      last: `SELECT MAX(released_at) FROM ${t} WHERE platform = ? AND asn_nip = ?`,
      insert: withRecipient
        ? `INSERT OR IGNORE INTO ${t} (incident_id, platform, asn_nip, recipient, held_at, release_at) VALUES (?, ?, ?, ?, ?, ?)`
        : `INSERT OR IGNORE INTO ${t} (incident_id, platform, asn_nip, held_at, release_at) VALUES (?, ?, ?, ?, ?)`,
      next: `SELECT MIN(release_at) FROM ${t} WHERE released_at IS NULL`,
      // By the partial index on release_at (unreleased holds only): an OR in the range would scan every hold ever kept.
      due: `SELECT DISTINCT platform, asn_nip AS nip FROM ${t} WHERE released_at IS NULL AND release_at <= ? ORDER BY platform, asn_nip`,
      held: `SELECT incident_id AS id, ${withRecipient ? 'recipient' : `''`} AS recipient FROM ${t} WHERE ${open} ORDER BY incident_id`,
      release: `UPDATE ${t} SET released_at = ? WHERE ${open}`,
      drop: `DELETE FROM ${t} WHERE ${open}`,
      waiting: `SELECT 1 FROM ${t} WHERE incident_id = ? AND released_at IS NULL`,
      ever: `SELECT 1 FROM ${t} WHERE incident_id = ?`,
      releasedWith: `SELECT h.incident_id FROM ${t} f JOIN ${t} h ON h.platform = f.platform AND h.asn_nip = f.asn_nip AND h.released_at = f.released_at
       WHERE f.incident_id = ? ORDER BY h.incident_id = ? DESC, h.incident_id`,
    };
  }

  /**
   * Called for a case's message (to `recipient`, for a table that keeps one), in the caller's transaction: true when
   * it is held for the ASN's next release, false when it goes alone.
   */
  hold(db: Db, config: MassAlertConfig, incident: IncidentRow, now: number, recipient = ''): boolean {
    const window = { ...config, MASS_ALERT_THRESHOLD: ASN_ALERTS_ALONE, MASS_ALERT_WINDOW_SECONDS: ASN_ALERT_WINDOW_MS / 1000 };
    if (aloneInBurst(db, window, this.scope, `${incident.platform}:${incident.asnNip}`, now)) return false;
    let releaseAt = prepared(db, this.sql.gathering).pluck().get(incident.platform, incident.asnNip) as number | undefined;
    if (releaseAt === undefined) {
      const last = prepared(db, this.sql.last).pluck().get(incident.platform, incident.asnNip) as number | null;
      releaseAt = Math.max(now + config.MASS_ALERT_WINDOW_SECONDS * 1000, last !== null ? last + ASN_ALERT_WINDOW_MS : 0);
    }
    const key = [incident.id, incident.platform, incident.asnNip, ...(this.withRecipient ? [recipient] : [])];
    prepared(db, this.sql.insert).run(...key, now, releaseAt);
    return true;
  }

  /** When the next release is due (epoch ms), if any. */
  nextRelease(db: Db): number | undefined {
    return (prepared(db, this.sql.next).pluck().get() as number | null) ?? undefined;
  }

  /** Whether this case's message is held still (not yet released). */
  waiting(db: Db, caseId: number): boolean {
    return prepared(db, this.sql.waiting).get(caseId) !== undefined;
  }

  /** Whether this case's message was held (waiting still, or released with others). */
  held(db: Db, caseId: number): boolean {
    return prepared(db, this.sql.ever).get(caseId) !== undefined;
  }

  /** The cases released together with `firstCaseId` (same ASN, platform and moment), that case first. */
  releasedWith(db: Db, firstCaseId: number): number[] {
    return prepared(db, this.sql.releasedWith).pluck().all(firstCaseId, firstCaseId) as number[];
  }

  /**
   * Releases the held cases of every ASN whose release is due (or all held: `all`), each ASN in its own transaction:
   * `send` queues what the held cases become and says whether it queued anything. Sent, the holds are marked released
   * (the hour to the next release starts); nothing sent, they are deleted. Returns how many ASN got something queued.
   */
  releaseDue(d: { db: Db; outbox: OutboxStore }, now: number, all: boolean, send: (a: DueAsn, held: HeldCase[]) => boolean): number {
    const due = prepared(d.db, this.sql.due).all(all ? Number.MAX_SAFE_INTEGER : now) as DueAsn[];
    let queued = 0;
    for (const a of due) {
      const held = prepared(d.db, this.sql.held).all(a.platform, a.nip) as HeldCase[];
      const sent = d.outbox.atomically(() => {
        const sent = send(a, held);
        if (sent) prepared(d.db, this.sql.release).run(now, a.platform, a.nip);
        else prepared(d.db, this.sql.drop).run(a.platform, a.nip);
        return sent;
      });
      if (sent) queued++;
    }
    return queued;
  }
}
