/**
 * Mass events: when many ASN are found in one group within a short time (500
 * numbers added at once), Humas gets the first MASS_ALERT_THRESHOLD cases one
 * by one, as usual, and the rest as one summary per MASS_ALERT_WINDOW_SECONDS
 * listing them (with a CSV when the list is long), instead of one alert per
 * ASN; a window that ends holding a single case sends it as the usual one-case
 * alert. ASN alerts are not affected: every ASN still gets their own. A case matched by Telegram username alone is
 * held like any other; its line is marked "belum terverifikasi" and a note under the list says what that means (a
 * window ending with it alone sends the one-case alert with its full warning).
 *
 * `holdForSummary` runs inside the monitor's transaction; `releaseDueSummaries`
 * runs before each outbox drain (the dispatcher wakes for `nextRelease`).
 */
import { quoteStranger, quoteStrangerOpt } from '../core/text/quote.js';
import { actorText } from '../core/actor.js';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { defaultCsvSeparator, nipCell, toCsv } from '../core/csv.js';
import type { Platform } from '../core/ids.js';
import { alertTexts } from '../core/messages/index.js';
import { pressureTexts, type MassLine } from '../core/messages/pressure.js';
import { formatDateTime } from '../core/time.js';
import { prepared } from '../store/statements.js';
import type { AsnRecord } from '../core/types.js';
import type { ChatStore } from '../store/chats.js';
import type { Db } from '../store/db.js';
import type { IncidentStore } from '../store/incidents.js';
import type { OutboxStore } from '../store/outbox.js';
import { oneCaseAlertFacts } from './alerts.js';
import { asnAlertHolds } from './asn-alert-holds.js';
import { aloneInBurst, type MassAlertConfig } from './burst-window.js';
import { asnAddress, humasAddresses } from './recipients.js';
import { REPORT_PREFIX } from './reports/files.js';
import { ensureOwnPrivateDir, writePrivateFile } from '../store/private-files.js';

/** Most cases listed in the summary text; a longer list also goes as a CSV file. */
export const MASS_LIST_MAX = 30;

/**
 * Called for each newly opened case: true when its Humas alert is held for a summary (the group is in a burst
 * beyond the threshold), false when it is alerted one by one. A burst lasts while cases keep coming within the window.
 */
export function holdForSummary(db: Db, config: MassAlertConfig, platform: Platform, chatId: string, incidentId: number, now: number): boolean {
  if (aloneInBurst(db, config, platform, chatId, now)) return false;
  const windowMs = config.MASS_ALERT_WINDOW_SECONDS * 1000;
  let batch = prepared(db, `SELECT id FROM alert_batches WHERE platform = ? AND chat_id = ? AND released_at IS NULL`).pluck().get(platform, chatId) as number | undefined;
  if (batch === undefined) {
    batch = Number(prepared(db, `INSERT INTO alert_batches (platform, chat_id, opened_at, release_at) VALUES (?, ?, ?, ?)`).run(platform, chatId, now, now + windowMs).lastInsertRowid);
  }
  prepared(db, `INSERT OR IGNORE INTO alert_batch_items (batch_id, incident_id) VALUES (?, ?)`).run(batch, incidentId);
  return true;
}

/** When the next held summary is due (epoch ms), if any. */
export function nextRelease(db: Db): number | undefined {
  return (prepared(db, `SELECT MIN(release_at) FROM alert_batches WHERE released_at IS NULL`).pluck().get() as number | null) ?? undefined;
}

/** What releasing summaries needs. */
export interface MassAlertDeps {
  db: Db;
  outbox: OutboxStore;
  chats: ChatStore;
  incidents: IncidentStore;
  config: MassAlertConfig;
  asnByNip(nip: string): AsnRecord | undefined;
  /** Where CSV lists are written (the reports directory). */
  dir: string;
}

/** Queues one summary per Humas admin for every held batch whose window has ended (or every held batch: `all`); returns how many were released. */
export function releaseDueSummaries(d: MassAlertDeps, now: number, all = false): number {
  // By the partial index on release_at (open batches only): an OR in the range, or an ORDER BY the rowid may take, would
  // scan every batch ever held (the '+' sorts the few due instead).
  const due = prepared(d.db, `SELECT id, platform, chat_id AS chatId FROM alert_batches WHERE released_at IS NULL AND release_at <= ? ORDER BY +id`).all(all ? Number.MAX_SAFE_INTEGER : now) as {
    id: number;
    platform: Platform;
    chatId: string;
  }[];
  for (const b of due) releaseOne(d, b, now);
  return due.length;
}

/** Writes a list of cases as a CSV in `dir` (named after `tag`, unique) and returns it as an outbox file. */
export function writeCaseListCsv(dir: string, tag: string, lines: (MassLine & { reachable: boolean })[], lang: 'id' | 'en'): { path: string; filename: string; caption: string } {
  const t = pressureTexts(lang);
  // It lists NIPs and phones: owner-only, like every file with personal data.
  ensureOwnPrivateDir(dir);
  const filename = `${REPORT_PREFIX}${tag}-${randomBytes(3).toString('hex')}.csv`;
  // A list with a case matched by username alone gets one more column: the username, on that case's row (without
  // its "@", which core/csv.ts would quote as a possible formula).
  const marked = lines.some((l) => l.unverified !== undefined);
  const rows = lines.map((l) => [
    l.caseId, nipCell(l.nip), l.asnName, l.unit, l.phone ?? '', l.reachable ? (lang === 'en' ? 'yes' : 'ya') : lang === 'en' ? 'no' : 'tidak',
    ...(marked ? [l.unverified ?? ''] : []),
  ]);
  writePrivateFile(join(dir, filename), toCsv([marked ? [...t.csvHeader, t.csvUnverifiedHeader] : t.csvHeader, ...rows], defaultCsvSeparator(lang)));
  return { path: join(dir, filename), filename, caption: t.massCsvCaption };
}

function releaseOne(d: MassAlertDeps, b: { id: number; platform: Platform; chatId: string }, now: number): void {
  const { config } = d;
  const lang = config.LANGUAGE;
  const t = pressureTexts(lang);
  const ids = prepared(d.db, `SELECT incident_id FROM alert_batch_items WHERE batch_id = ? ORDER BY incident_id`).pluck().all(b.id) as number[];
  const cases = ids.map((id) => d.incidents.get(id)).filter((c) => c !== undefined);
  const unverified = cases.map((c) => d.incidents.unverifiedOf(c.id));
  const lines: (MassLine & { reachable: boolean })[] = cases.map((c, i) => {
    const asn = d.asnByNip(c.asnNip);
    // Matched by username alone: nothing went to that account (app/alerts.ts), so Humas gets the phone to call.
    const reachable = asn && !unverified[i] ? asnAddress(asn, c.platform) !== undefined : false;
    return {
      caseId: c.id, asnName: asn?.nama ?? c.asnNip, nip: c.asnNip, unit: asn?.unit ?? '-', phone: reachable ? undefined : asn?.phone, reachable,
      ...(unverified[i] ? { unverified: unverified[i].username } : {}),
    };
  });
  // Written before the transaction below: a crash in between leaves an unused file, never a message without its file.
  const files =
    lines.length > MASS_LIST_MAX
      ? [writeCaseListCsv(d.dir, `massal-${b.id}`, lines.map((l) => ({ ...l, phone: l.phone ?? d.asnByNip(l.nip)?.phone })), lang)]
      : [];
  const chat = d.chats.get(b.platform, b.chatId);
  const at = (ms: number) => formatDateTime(ms, config.APP_TIMEZONE, lang);
  const opened = cases.map((c) => c.openedAt);
  // A burst that ends with a single held case is no mass event: that case goes as the usual one-case alert.
  const single = cases.length === 1 ? cases[0]! : undefined;
  const singleAsn = single ? d.asnByNip(single.asnNip) : undefined;
  const text = single
    ? alertTexts(lang).humasAlert(
        oneCaseAlertFacts(config, {
          incident: single, asn: singleAsn, chat, at: single.openedAt, excerpt: single.excerpt, terms: single.terms, reachable: lines[0]!.reachable,
          identityUnverified: unverified[0],
          // Its ASN's alert may wait in their own summary (app/asn-alert-holds.ts): the alert must not say it was sent.
          asnAlertHeld: asnAlertHolds.waiting(d.db, single.id),
        }),
      )
    : t.massAlert({
    platform: b.platform,
    chatTitle: quoteStrangerOpt(chat?.title) ?? alertTexts(lang).unknownChat,
    chatId: b.chatId,
    chatReason: chat?.campaignReason ?? undefined,
    count: cases.length,
    kinds: [...new Set(cases.map((c) => alertTexts(lang).kindLabel(c.kind)))],
    actors: [...new Set(cases.map((c) => actorText({ id: c.addedById, name: c.addedByName, lid: c.addedByLid })).filter((a): a is string => Boolean(a)))].slice(0, 5).map(quoteStranger),
    from: at(opened.length ? Math.min(...opened) : now),
    to: at(opened.length ? Math.max(...opened) : now),
    lines: lines.slice(0, MASS_LIST_MAX),
    more: Math.max(0, lines.length - MASS_LIST_MAX),
    unreachable: lines.filter((l) => !l.reachable).length,
    unverified: lines.filter((l) => l.unverified !== undefined).length,
  });
  d.outbox.atomically(() => {
    if (cases.length) {
      for (const h of humasAddresses(config.HUMAS_ADMINS)) {
        const id = d.outbox.enqueue(
          {
            dedupeKey: `mass:${b.id}:${h.platform}:${h.recipient}`,
            platform: h.platform,
            recipient: h.recipient,
            recipientKind: 'user',
            kind: single ? 'humas_alert' : 'humas_mass_alert',
            incidentId: single?.id,
            text,
            payload: files.length ? { files } : undefined,
          },
          now,
        );
        // A summary is tied to each case it lists: each case's history shows it, and a refused one (App.noteMessageUndeliverable)
        // or a reply to it (app/admin-text.ts) names them all.
        if (id !== undefined && !single) d.outbox.tie(id, cases.map((c) => c.id));
      }
    }
    prepared(d.db, `UPDATE alert_batches SET released_at = ? WHERE id = ?`).run(now, b.id);
  });
}
