/**
 * The case lifecycle after the first alert: membership checks that close a
 * case when the ASN is gone, one follow-up DM to the ASN, one escalation to
 * the Humas admins, and expiry of cases nobody can check. The decision is a
 * pure function over a case's clock; `runLifecycle` applies it, writing only
 * outbox rows with dedupe keys, so a re-run never sends anything twice.
 */
import { quoteStrangerOpt } from '../core/text/quote.js';
import type { Platform } from '../core/ids.js';
import { phoneToWaJid } from '../core/phone.js';
import { caseReason } from '../core/messages/case-reason.js';
import { lifecycleTexts } from '../core/messages/lifecycle.js';
import type { UnconfirmedLeftInput } from '../core/messages/permissions.js';
import { afterQuietHours, formatDateTime } from '../core/time.js';
import type { AsnRecord, ChatEvent, EpochMs } from '../core/types.js';
import type { IncidentRow } from '../store/incidents.js';
import { asnAlertButtons, reportButtonRow } from './alerts.js';
import { prepared } from '../store/statements.js';
import type { AppCases } from './context.js';
import { enqueueUnconfirmedLeftNotice } from './permissions.js';
import type { MembershipChecker } from './ports.js';
import { asnAddress, humasAddresses, type Address } from './recipients.js';

/** One step the lifecycle may take for a case in a pass. */
export type LifecycleStep = 'expire' | 'followup' | 'escalate';

/** What the decision needs to know about one case. */
export interface CaseClock {
  status: IncidentRow['status'];
  /** When the current open period started: opened, or reopened by an admin. */
  since: EpochMs;
  followups: number;
  lastFollowupAt: EpochMs | null;
  escalatedAt: EpochMs | null;
  /** A membership checker can tell whether the ASN is still in the chat. */
  checkable: boolean;
}

/** The timings, from FOLLOWUP_HOURS and CASE_EXPIRY_DAYS. */
export interface LifecyclePolicy {
  followupMs: number;
  expiryMs: number;
}

/** The policy from the configuration. */
export function lifecyclePolicy(c: { FOLLOWUP_HOURS: number; CASE_EXPIRY_DAYS: number }): LifecyclePolicy {
  return { followupMs: c.FOLLOWUP_HOURS * 3_600_000, expiryMs: c.CASE_EXPIRY_DAYS * 86_400_000 };
}

/**
 * The steps due for a case at `now`. An uncheckable case expires after the
 * expiry period (and nothing else happens); otherwise one follow-up after one
 * interval, then one escalation after the second interval, never in the same
 * pass as the follow-up (the ASN always gets a full interval to react).
 */
export function decideLifecycle(c: CaseClock, now: EpochMs, p: LifecyclePolicy): LifecycleStep[] {
  if (c.status !== 'open') return [];
  const age = now - c.since;
  if (!c.checkable && age >= p.expiryMs) return ['expire'];
  const steps: LifecycleStep[] = [];
  let followups = c.followups;
  let lastFollowupAt = c.lastFollowupAt;
  if (followups < 1 && age >= p.followupMs) {
    steps.push('followup');
    followups = 1;
    lastFollowupAt = now;
  }
  if (c.escalatedAt === null && followups >= 1 && age >= 2 * p.followupMs && lastFollowupAt !== null && now - lastFollowupAt >= p.followupMs) {
    steps.push('escalate');
  }
  return steps;
}

/** What one lifecycle pass did, by case id. */
export interface LifecycleResult {
  expired: number[];
  followedUp: number[];
  escalated: number[];
}

/** Options of a pass: the checkers decide which cases count as checkable. */
export interface LifecycleOptions {
  checkers?: readonly MembershipChecker[];
}

/** The user id a membership checker needs for an ASN on a platform: Telegram id, or the WhatsApp phone JID. */
export function memberHandle(asn: AsnRecord, platform: Platform): string | undefined {
  return platform === 'telegram' ? asn.telegramId : phoneToWaJid(asn.phone);
}

/** Whether anybody can check this case: a checker for its platform, an ASN handle there, and the bot still in the chat. */
export function isCheckable(app: AppCases, c: IncidentRow, checkers: readonly MembershipChecker[]): boolean {
  if (!checkers.some((k) => k.platform === c.platform)) return false;
  const asn = app.registry.byNip(c.asnNip);
  if (!asn || !memberHandle(asn, c.platform)) return false;
  return app.monitor.chats.get(c.platform, c.chatId)?.botMember ?? false;
}

/** `tg:9001` / `wa:62811...`: an admin as HUMAS_ADMINS spells it, for dedupe keys. */
export const adminKey = (a: Address): string => (a.platform === 'telegram' ? `tg:${a.recipient}` : `wa:${a.recipient.replace(/@.*$/, '')}`);

/** Most cases named in a grouped follow-up or escalation; the rest are counted (`/status`, `/kasus` list them all). */
export const GROUPED_LIST_MAX = 20;

/**
 * One lifecycle pass at `now`: expiry, follow-ups and escalations, in one transaction. Follow-ups of one ASN that fall
 * due in the same pass go as one message listing the cases (a timses's hundred groups are a hundred follow-ups due
 * together a day later), and so do escalations, one message per ASN to each Humas admin. Each case is claimed, and
 * its state changes, on its own; only the message is shared, tied to each case it stands for (`outbox_cases`).
 */
export function runLifecycle(app: AppCases, now: EpochMs, opts: LifecycleOptions = {}): LifecycleResult {
  const checkers = opts.checkers ?? [];
  const policy = lifecyclePolicy(app.config);
  const result: LifecycleResult = { expired: [], followedUp: [], escalated: [] };
  const byAsn = (m: Map<string, IncidentRow[]>, c: IncidentRow): void => {
    const k = `${c.platform}:${c.asnNip}`;
    m.set(k, [...(m.get(k) ?? []), c]);
  };
  app.db.transaction(() => {
    const followed = new Map<string, IncidentRow[]>();
    const escalated = new Map<string, IncidentRow[]>();
    for (const c of app.monitor.incidents.listOpen()) {
      const clock: CaseClock = {
        status: c.status,
        since: Math.max(c.openedAt, c.reopenedAt ?? 0),
        followups: c.followups,
        lastFollowupAt: c.lastFollowupAt,
        escalatedAt: c.escalatedAt,
        checkable: isCheckable(app, c, checkers),
      };
      for (const step of decideLifecycle(clock, now, policy)) {
        if (step === 'expire' && expire(app, c, now)) result.expired.push(c.id);
        if (step === 'followup' && claimFollowUp(app, c, now)) {
          result.followedUp.push(c.id);
          byAsn(followed, c);
        }
        if (step === 'escalate' && claimEscalation(app, c, now)) {
          result.escalated.push(c.id);
          byAsn(escalated, c);
        }
      }
    }
    for (const cases of followed.values()) enqueueFollowUp(app, cases, now);
    for (const cases of escalated.values()) enqueueEscalation(app, cases, now);
  })();
  if (result.followedUp.length || result.escalated.length) app.dispatcher.wake();
  return result;
}

function expire(app: AppCases, c: IncidentRow, now: EpochMs): boolean {
  return app.monitor.incidents.setStatus(c.id, 'expired', now, caseReason('expired', { days: app.config.CASE_EXPIRY_DAYS }), 'system');
}

function chatTitle(app: AppCases, c: IncidentRow): string {
  return quoteStrangerOpt(app.monitor.chats.get(c.platform, c.chatId)?.title) ?? c.chatId;
}

/** What every case text says about a case: who, where, since when (names from the registry, times in APP_TIMEZONE). */
export function caseFacts(app: AppCases, c: IncidentRow, lang: 'id' | 'en') {
  const asn = app.registry.byNip(c.asnNip);
  return {
    caseId: c.id,
    kind: c.kind,
    platform: c.platform,
    asnName: asn?.nama ?? c.asnNip,
    nip: c.asnNip,
    unit: asn?.unit ?? '-',
    phone: asn?.phone ?? '-',
    chatTitle: chatTitle(app, c),
    openedAt: formatDateTime(c.openedAt, app.config.APP_TIMEZONE, lang),
  };
}

function claimFollowUp(app: AppCases, c: IncidentRow, now: EpochMs): boolean {
  return prepared(app.db, `UPDATE incidents SET followups = followups + 1, last_followup_at = ?, updated_at = ? WHERE id = ? AND followups = ? AND status = 'open'`)
    .run(now, now, c.id, c.followups).changes === 1;
}

/** The follow-up of one ASN's cases due in this pass: the usual one-case message, or one listing them all. */
function enqueueFollowUp(app: AppCases, cases: IncidentRow[], now: EpochMs): void {
  const c = cases[0]!;
  const asn = app.registry.byNip(c.asnNip);
  const lang = app.config.LANGUAGE;
  const address = asn && asnAddress(asn, c.platform);
  const at = (ms: number): string => formatDateTime(ms, app.config.APP_TIMEZONE, lang);
  const t = lifecycleTexts(lang);
  const text =
    cases.length === 1
      ? t.followup({ caseId: c.id, platform: c.platform, chatTitle: chatTitle(app, c), openedAt: at(c.openedAt), humasContact: app.config.HUMAS_CONTACT })
      : t.followupMany({
          platform: c.platform,
          cases: cases.slice(0, GROUPED_LIST_MAX).map((x) => ({ caseId: x.id, chatTitle: chatTitle(app, x), openedAt: at(x.openedAt) })),
          more: Math.max(0, cases.length - GROUPED_LIST_MAX),
          humasContact: app.config.HUMAS_CONTACT,
        });
  const id = app.monitor.outbox.enqueue(
    {
      dedupeKey: cases.length === 1 ? `followup:${c.id}:1` : `followups:${c.id}:${cases.length}`,
      platform: c.platform,
      recipient: address?.recipient ?? `asn:${c.asnNip}`,
      recipientKind: 'user',
      kind: 'asn_followup',
      text,
      incidentId: c.id,
      // The same buttons as the first alert, the "Laporkan" row included (Telegram; WhatsApp's text says LAPOR). A
      // message of several cases has no case buttons: it says to reply SUDAH KELUAR <kasus>, read on both platforms.
      payload: !address ? undefined : cases.length === 1 ? { buttons: asnAlertButtons(c.id, c.platform, lang) } : c.platform === 'telegram' ? { buttons: [reportButtonRow(lang)] } : undefined,
      undeliverable: address ? undefined : lang === 'en' ? 'the ASN cannot be reached by the bot' : 'ASN belum dapat dihubungi bot',
      // A reminder, not an alarm: it waits for the end of quiet hours.
      notBefore: afterQuietHours(now, app.config.QUIET_HOURS, app.config.APP_TIMEZONE),
    },
    now,
  );
  if (id !== undefined && cases.length > 1) app.monitor.outbox.tie(id, cases.map((x) => x.id));
}

function claimEscalation(app: AppCases, c: IncidentRow, now: EpochMs): boolean {
  return prepared(app.db, `UPDATE incidents SET escalated_at = ?, updated_at = ? WHERE id = ? AND escalated_at IS NULL AND status = 'open'`).run(now, now, c.id).changes === 1;
}

/**
 * Whether the case's follow-up reached the ASN's queue and was not refused: its own message (`followup:<case>:1`) or
 * the grouped one it is tied to. False also when none was queued.
 */
export function followupDelivered(app: Pick<AppCases, 'db'>, caseId: number): boolean {
  const status = prepared(
    app.db,
    `SELECT status FROM outbox WHERE dedupe_key = ?
     UNION ALL SELECT o.status FROM outbox_cases t JOIN outbox o ON o.id = t.outbox_id WHERE t.incident_id = ? AND o.kind = 'asn_followup'
     LIMIT 1`,
  ).pluck().get(`followup:${caseId}:1`, caseId) as string | undefined;
  return status !== undefined && status !== 'undeliverable' && status !== 'failed';
}

/** The escalation of one ASN's cases due in this pass, to each Humas admin: the usual one-case message, or one listing them all. */
function enqueueEscalation(app: AppCases, cases: IncidentRow[], now: EpochMs): void {
  const lang = app.config.LANGUAGE;
  const tz = app.config.APP_TIMEZONE;
  const t = lifecycleTexts(lang);
  const c = cases[0]!;
  const followedUpAt = (x: IncidentRow): string | undefined => (x.lastFollowupAt !== null ? formatDateTime(x.lastFollowupAt, tz, lang) : undefined);
  const facts = caseFacts(app, c, lang);
  const text =
    cases.length === 1
      ? t.escalation({ ...facts, followedUpAt: followedUpAt(c), followupDelivered: followupDelivered(app, c.id) })
      : t.escalationMany({
          platform: c.platform, asnName: facts.asnName, nip: facts.nip, unit: facts.unit, phone: facts.phone,
          cases: cases.slice(0, GROUPED_LIST_MAX).map((x) => ({
            caseId: x.id, kind: x.kind, chatTitle: chatTitle(app, x), openedAt: formatDateTime(x.openedAt, tz, lang), followedUpAt: followedUpAt(x), followupDelivered: followupDelivered(app, x.id),
          })),
          more: Math.max(0, cases.length - GROUPED_LIST_MAX),
        });
  for (const h of humasAddresses(app.config.HUMAS_ADMINS)) {
    const id = app.monitor.outbox.enqueue(
      {
        dedupeKey: cases.length === 1 ? `escalate:${c.id}:${adminKey(h)}` : `escalations:${c.id}:${cases.length}:${adminKey(h)}`,
        platform: h.platform, recipient: h.recipient, recipientKind: 'user', kind: 'humas_escalation', text, incidentId: c.id,
        notBefore: afterQuietHours(now, app.config.QUIET_HOURS, app.config.APP_TIMEZONE),
      },
      now,
    );
    if (id !== undefined && cases.length > 1) app.monitor.outbox.tie(id, cases.map((x) => x.id));
  }
}

/** What a round of membership checks found. */
export interface CheckResult {
  checked: number;
  left: number[];
  stillIn: number;
  unknown: number;
  /** Cases a "left" answer would have closed, kept open because the platform does not guarantee it there. */
  unconfirmed: number[];
}

/**
 * Asks the platforms whether ASN with open cases are still in their chats; a
 * "no" becomes a `member_left` event through the monitor (dedupe
 * `check:<case>:<now>`), which closes the case as `left`. A checker that
 * cannot tell, or throws, leaves the case alone; a "no" the platform does not
 * guarantee (`certain()` false) leaves it open too, and Humas hears it once.
 */
export async function checkOpenCases(app: AppCases, checkers: readonly MembershipChecker[], now: EpochMs = app.clock()): Promise<CheckResult> {
  const out: CheckResult = { checked: 0, left: [], stillIn: 0, unknown: 0, unconfirmed: [] };
  const toConfirm: UnconfirmedLeftInput[] = [];
  try {
    await checkEach(app, checkers, now, out, toConfirm);
  } finally {
    // One message per Humas admin for the whole pass (a hundred such cases must not be a hundred messages), also
    // when the pass was cut short; a crash before this leaves the cases un-noticed, so the next pass asks again.
    if (toConfirm.length && app.db.open) {
      // One notice per platform: each says why that platform's answer is not guaranteed.
      const byPlatform = new Map<string, UnconfirmedLeftInput[]>();
      for (const c of toConfirm) byPlatform.set(c.platform ?? 'telegram', [...(byPlatform.get(c.platform ?? 'telegram') ?? []), c]);
      app.db.transaction(() => {
        for (const list of byPlatform.values()) enqueueUnconfirmedLeftNotice({ db: app.db, outbox: app.monitor.outbox, config: app.config }, list, now);
      })();
      app.dispatcher.wake();
    }
  }
  return out;
}

async function checkEach(app: AppCases, checkers: readonly MembershipChecker[], now: EpochMs, out: CheckResult, toConfirm: UnconfirmedLeftInput[]): Promise<void> {
  for (const c of app.monitor.incidents.listOpen()) {
    const checker = checkers.find((k) => k.platform === c.platform);
    const asn = app.registry.byNip(c.asnNip);
    const handle = asn && memberHandle(asn, c.platform);
    if (!checker || !handle) continue;
    if (app.monitor.chats.get(c.platform, c.chatId)?.botMember === false) continue;
    out.checked++;
    let member: boolean | undefined;
    try {
      member = await checker.isMember(c.chatId, handle);
    } catch (err) {
      app.log.warn({ caseId: c.id, platform: c.platform, err: err instanceof Error ? err.message : String(err) }, 'membership check failed');
      member = undefined;
    }
    if (member === undefined) {
      out.unknown++;
      continue;
    }
    // The dashboard shows when each case was last checked.
    app.db.prepare(`UPDATE incidents SET checked_at = ? WHERE id = ?`).run(now, c.id);
    if (member) {
      out.stillIn++;
      continue;
    }
    // The case may have closed while we awaited (the ASN's own leave event).
    if (app.monitor.incidents.get(c.id)?.status !== 'open') continue;
    if (checker.certain?.(c.chatId, handle) === false) {
      // Not guaranteed (a Telegram group where the bot is not admin, a WhatsApp roster that cannot prove an absence):
      // a person confirms or a later pass finds proof; this check does not close.
      out.unconfirmed.push(c.id);
      // Humas is asked once per case: enqueueUnconfirmedLeftNotice drops the cases already asked about.
      const gap = checker.gap?.(c.chatId, handle);
      toConfirm.push({ caseId: c.id, asnName: asn!.nama, nip: c.asnNip, chatTitle: chatTitle(app, c), platform: c.platform, ...(gap ? { gap } : {}) });
      continue;
    }
    const ev: ChatEvent = {
      kind: 'member_left',
      dedupeKey: `check:${c.id}:${now}`,
      at: now,
      chat: { platform: c.platform, id: c.chatId },
      members: [{ platform: c.platform, id: handle }],
    };
    const r = app.monitor.handle(ev);
    if (r.closed.some((x) => x.id === c.id)) out.left.push(c.id);
  }
}

/** Why an admin's case command was refused, or the changed case. */
export type CaseChange = { ok: true; incident: IncidentRow } | { ok: false; reason: 'no_case' | 'not_open' | 'already_open' | 'other_open'; otherId?: number };

/** Exempts an open case (e.g. the ASN attends as family of a candidate); the reason is required by the caller. */
export function exemptCase(app: AppCases, caseId: number, reason: string, by: string, now: EpochMs): CaseChange {
  return app.db.transaction((): CaseChange => {
    const c = app.monitor.incidents.get(caseId);
    if (!c) return { ok: false, reason: 'no_case' };
    if (c.status !== 'open') return { ok: false, reason: 'not_open' };
    app.monitor.incidents.setStatus(caseId, 'exempted', now, caseReason('exempted', { note: reason }), by);
    return { ok: true, incident: app.monitor.incidents.get(caseId)! };
  })();
}

/** Reopens a closed case, unless another case for the same ASN and chat is open. Follow-ups already sent are not repeated. */
export function reopenCase(app: AppCases, caseId: number, by: string, now: EpochMs): CaseChange {
  return app.db.transaction((): CaseChange => {
    const c = app.monitor.incidents.get(caseId);
    if (!c) return { ok: false, reason: 'no_case' };
    if (c.status === 'open') return { ok: false, reason: 'already_open' };
    const other = app.monitor.incidents.openFor(c.asnNip, c.platform, c.chatId);
    if (other) return { ok: false, reason: 'other_open', otherId: other.id };
    app.monitor.incidents.setStatus(caseId, 'open', now, caseReason('reopened'), by);
    // A leave taken on someone's word no longer stands once the case is open again.
    app.db.prepare(`UPDATE incidents SET left_by_word = NULL WHERE id = ?`).run(caseId);
    return { ok: true, incident: app.monitor.incidents.get(caseId)! };
  })();
}
