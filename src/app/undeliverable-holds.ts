/**
 * Bursts of refused ASN alerts: when a timses adds 300 numbers and a hundred
 * of those ASN blocked the bot, Humas must not get a hundred "cannot reach"
 * notices. As with mass events (app/mass-alerts.ts), the first
 * MASS_ALERT_THRESHOLD notices within MASS_ALERT_WINDOW_SECONDS go one by one;
 * the rest are held and released as one list per window (with a CSV when long).
 *
 * `holdUndeliverable` runs in the dispatcher's transaction that marks the row
 * undeliverable; `releaseDueNotices` runs before each outbox drain.
 */
import type { Platform } from '../core/ids.js';
import { pressureTexts } from '../core/messages/pressure.js';
import type { Db } from '../store/db.js';
import { aloneInBurst, type MassAlertConfig } from './burst-window.js';
import { MASS_LIST_MAX, writeCaseListCsv, type MassAlertDeps } from './mass-alerts.js';
import { prepared } from '../store/statements.js';
import { humasAddresses } from './recipients.js';

/** The burst window of these notices in `alert_windows` (one window for all of them, whatever the group). */
const WINDOW_SCOPE = 'undeliverable';
const WINDOW_KEY = '*';

/** One refused ASN alert. */
export interface RefusedAlert {
  incidentId: number;
  nip: string;
  platform: Platform;
  reason: string;
}

/**
 * True when nothing is to be sent now: Humas was already told about this case on this platform (a refused
 * follow-up after the refused alert), or the notice is held for the next list (the window already had its
 * notices one by one). False: send it alone (and it counts towards the window).
 */
export function holdUndeliverable(db: Db, config: MassAlertConfig, r: RefusedAlert, now: number): boolean {
  if (alreadyTold(db, r)) return true;
  if (aloneInBurst(db, config, WINDOW_SCOPE, WINDOW_KEY, now)) return false;
  const windowMs = config.MASS_ALERT_WINDOW_SECONDS * 1000;
  // Every open notice waits for the same release (the first one's), so their earliest is it: by the partial index on
  // release_at, where the first by id would scan every notice ever held.
  const open = prepared(db, `SELECT MIN(release_at) FROM undeliverable_holds WHERE released_at IS NULL`).pluck().get() as number | null;
  prepared(db, `INSERT OR IGNORE INTO undeliverable_holds (incident_id, asn_nip, platform, reason, held_at, release_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    r.incidentId, r.nip, r.platform, r.reason.slice(0, 300), now, open ?? now + windowMs,
  );
  return true;
}

/** A notice about this case and platform was queued alone (alerts.ts key `undeliverable:<nip>:<platform>:<case>:...`) or is held. */
function alreadyTold(db: Db, r: RefusedAlert): boolean {
  const held = prepared(db, `SELECT 1 FROM undeliverable_holds WHERE incident_id = ? AND asn_nip = ? AND platform = ?`).get(r.incidentId, r.nip, r.platform);
  if (held) return true;
  const prefix = `undeliverable:${r.nip}:${r.platform}:${r.incidentId}:`;
  // A range on the unique dedupe_key index (';' follows ':'), not a LIKE scan.
  return prepared(db, `SELECT 1 FROM outbox WHERE dedupe_key >= ? AND dedupe_key < ? LIMIT 1`).get(prefix, `${prefix.slice(0, -1)};`) !== undefined;
}

/** When the next held list is due (epoch ms), if any. */
export function nextNoticeRelease(db: Db): number | undefined {
  return (prepared(db, `SELECT MIN(release_at) FROM undeliverable_holds WHERE released_at IS NULL`).pluck().get() as number | null) ?? undefined;
}

/** What releasing a list needs: what mass summaries need, and the registration link for the ASN to use. */
export type NoticeReleaseDeps = Pick<MassAlertDeps, 'db' | 'outbox' | 'config' | 'asnByNip' | 'dir'> & {
  registrationLink?(platform: Platform): string | undefined;
};

/** Queues one list per Humas admin of every held notice that is due (or all: `all`); returns how many notices it lists. */
export function releaseDueNotices(d: NoticeReleaseDeps, now: number, all = false): number {
  // By the partial index on release_at (unreleased notices only): an OR in the range, or an ORDER BY the rowid may take, would
  // scan every notice ever held (the '+' sorts the few due instead).
  const held = prepared(d.db, `SELECT id, incident_id AS caseId, asn_nip AS nip, platform, reason FROM undeliverable_holds WHERE released_at IS NULL AND release_at <= ? ORDER BY +id`)
    .all(all ? Number.MAX_SAFE_INTEGER : now) as { id: number; caseId: number; nip: string; platform: Platform; reason: string }[];
  if (!held.length) return 0;
  const lang = d.config.LANGUAGE;
  const lines = held.map((h) => {
    const asn = d.asnByNip(h.nip);
    return { caseId: h.caseId, nip: h.nip, asnName: asn?.nama ?? h.nip, unit: asn?.unit ?? '-', phone: asn?.phone ?? '-', platform: h.platform, reason: h.reason, reachable: false };
  });
  // Written before the transaction: a crash in between leaves an unused file, never a message without its file.
  const files = lines.length > MASS_LIST_MAX ? [writeCaseListCsv(d.dir, `tak-terkirim-${held[0]!.id}`, lines, lang)] : [];
  const text = pressureTexts(lang).undeliverableList({
    count: lines.length,
    lines: lines.slice(0, MASS_LIST_MAX),
    more: Math.max(0, lines.length - MASS_LIST_MAX),
    registrationLink: lines.some((l) => l.platform === 'telegram') ? d.registrationLink?.('telegram') : undefined,
  });
  d.outbox.atomically(() => {
    for (const h of humasAddresses(d.config.HUMAS_ADMINS)) {
      d.outbox.enqueue(
        {
          dedupeKey: `undeliverable-list:${held[0]!.id}:${h.platform}:${h.recipient}`,
          platform: h.platform,
          recipient: h.recipient,
          recipientKind: 'user',
          kind: 'undeliverable_notice',
          text,
          payload: files.length ? { files } : undefined,
        },
        now,
      );
    }
    const done = prepared(d.db, `UPDATE undeliverable_holds SET released_at = ? WHERE id = ?`);
    for (const h of held) done.run(now, h.id);
  });
  return held.length;
}
