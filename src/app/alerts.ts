/**
 * Turning a newly opened incident into outbox messages: the ASN's private
 * alert, one alert per Humas admin, the "cannot reach" notice, and the group
 * reminder. Called inside the monitor's transaction, so nothing is queued for
 * an event that was not recorded.
 */
import { actorDisplay, actorWithPhone, isLidHandle } from '../core/actor.js';
import { looksOfficial } from '../core/official-name.js';
import { quoteStranger, quoteStrangerOpt } from '../core/text/quote.js';
import type { Config } from '../config.js';
import type { Platform } from '../core/ids.js';
import { alertTexts } from '../core/messages/index.js';
import type { HumasAlertInput } from '../core/messages/types.js';
import { lifecycleTexts } from '../core/messages/lifecycle.js';
import { pressureTexts } from '../core/messages/pressure.js';
import { selfReportTexts } from '../core/messages/self-report.js';
import { afterQuietHours, formatDateTime } from '../core/time.js';
import type { AsnRecord, Finding } from '../core/types.js';
import type { ChatRow, ChatStore } from '../store/chats.js';
import type { IncidentRow } from '../store/incidents.js';
import type { OutboxRow, OutboxStore } from '../store/outbox.js';
import { asnAddress, humasAddresses } from './recipients.js';

/** The settings alerts depend on. */
export type AlertConfig = Pick<
  Config,
  'HUMAS_ADMINS' | 'HUMAS_CONTACT' | 'ORG_NAME' | 'APP_TIMEZONE' | 'LANGUAGE' | 'REMINDER_MIN_INTERVAL_HOURS' | 'QUIET_HOURS' | 'MASS_ALERT_THRESHOLD' | 'MASS_ALERT_WINDOW_SECONDS'
>;

/** What enqueueing alerts needs. */
export interface AlertDeps {
  outbox: OutboxStore;
  chats: ChatStore;
  config: AlertConfig;
  /** Link an ASN can use to register with the bot on a platform. */
  registrationLink?: (platform: Platform) => string | undefined;
  /** True when this case's Humas alert is held for a mass-event summary (app/mass-alerts.ts) instead of sent alone. */
  holdHumasAlert?: (incident: IncidentRow) => boolean;
  /**
   * True when this case's alert to the ASN (reachable at `recipient`) is held for the ASN's summary (app/asn-alert-holds.ts):
   * one ASN added to or tagged in many groups at once gets the first few alerts, then one summary, not one DM per group.
   */
  holdAsnAlert?: (incident: IncidentRow, recipient: string) => boolean;
  /**
   * True when this case's Humas alert, not held by its group's burst, is held for Humas' summary of its ASN
   * (app/humas-asn-holds.ts): asked only after `holdHumasAlert`, so a case is in one summary at most.
   */
  holdHumasAsnAlert?: (incident: IncidentRow) => boolean;
  /** True when this case's thank-you (to `recipient`) is held for one message listing the groups its ASN left (app/thanks-holds.ts). */
  holdThanks?: (incident: IncidentRow, recipient: string) => boolean;
}


/** Queues the ASN alert and the Humas alerts for a freshly opened incident (the latter held for a summary during a group's or an ASN's burst). */
export function enqueueIncidentAlerts(d: AlertDeps, incident: IncidentRow, f: Finding, now: number): void {
  const t = alertTexts(d.config.LANGUAGE);
  const chat = d.chats.get(f.chat.platform, f.chat.id);
  // Matched by username alone: the account may be a stranger's, so nothing goes to it (issue 17 point 8).
  const address = f.unverified ? undefined : asnAddress(f.asn, f.chat.platform);
  // One ASN in many groups at once: beyond the first few, the alert waits for the ASN's summary (the case is open all the same).
  const asnAlertHeld = address !== undefined && d.holdAsnAlert?.(incident, address.recipient) === true;
  if (!asnAlertHeld) {
    const unreachable = address ? undefined : f.unverified ? unverifiedReason(d.config.LANGUAGE) : notRegisteredReason(d.config.LANGUAGE);
    enqueueAsnAlert(d, { ...incident, excerpt: f.evidence.excerpt ?? null }, chat?.title ?? f.chat.title, f.at, address?.recipient ?? `asn:${f.asn.nip}`, now, unreachable);
  }
  // One Humas notice per case: in its group's summary, else in its ASN's summary, else alone. A match by Telegram
  // username alone is held and counted like any other (hundreds of them would otherwise flood Humas): the case keeps
  // how it was matched (IncidentStore.unverifiedOf), and each summary marks its line "belum terverifikasi".
  if (d.holdHumasAlert?.(incident) || d.holdHumasAsnAlert?.(incident)) return;
  const text = t.humasAlert(
    oneCaseAlertFacts(d.config, {
      incident, asn: f.asn, chat, eventTitle: f.chat.title, at: f.at, excerpt: f.evidence.excerpt, terms: f.evidence.terms, reachable: Boolean(address),
      registrationLink: address ? undefined : d.registrationLink?.(f.chat.platform), identityUnverified: f.unverified, asnAlertHeld,
    }),
  );
  for (const h of humasAddresses(d.config.HUMAS_ADMINS)) {
    d.outbox.enqueue(
      {
        dedupeKey: `incident:${incident.id}:humas:${h.platform}:${h.recipient}`,
        platform: h.platform,
        recipient: h.recipient,
        recipientKind: 'user',
        kind: 'humas_alert',
        incidentId: incident.id,
        text,
      },
      now,
    );
  }
  // An unreachable ASN is already explained in the Humas alert above (phone and registration link): no second notice.
}

/**
 * Queues one case's alert to its ASN (what happened, how to leave; with the case's buttons where the platform has
 * them): at once for a new case, or later for a case whose alert was held and whose ASN summary ended up holding
 * it alone (app/asn-alert-holds.ts). `undeliverable` says why the bot cannot reach the ASN, when it cannot.
 */
export function enqueueAsnAlert(
  d: Pick<AlertDeps, 'outbox' | 'config'>, incident: IncidentRow, title: string | undefined, at: number, recipient: string, now: number, undeliverable?: string,
): void {
  const t = alertTexts(d.config.LANGUAGE);
  // Titles, names and posts are a stranger's words: quoted so they cannot pose as the bot's (core/text/quote.ts).
  const actorName = quoteStrangerOpt(actorLine(incident));
  const asnText = t.asnAlert({
    kind: incident.kind,
    platform: incident.platform,
    chatTitle: quoteStrangerOpt(title) ?? t.unknownChat,
    at: formatDateTime(at, d.config.APP_TIMEZONE, d.config.LANGUAGE),
    actorName,
    // A timses account named "Humas ..." must not read as Humas having put the ASN there.
    ...(actorName && looksOfficial(actorName) ? { actorLooksOfficial: true } : {}),
    excerpt: quoteStrangerOpt(incident.excerpt ?? undefined),
    humasContact: d.config.HUMAS_CONTACT,
    caseId: incident.id,
  });
  d.outbox.enqueue(
    {
      dedupeKey: `incident:${incident.id}:asn`,
      platform: incident.platform,
      recipient,
      recipientKind: 'user',
      kind: 'asn_alert',
      text: asnText,
      incidentId: incident.id,
      payload: undeliverable === undefined ? { buttons: asnAlertButtons(incident.id, incident.platform, d.config.LANGUAGE) } : undefined,
      undeliverable,
    },
    now,
  );
}

/**
 * The facts of one case's Humas alert (`alertTexts().humasAlert`): the one way they are built, whether the case is
 * alerted at once (enqueueIncidentAlerts) or a mass-event window ends holding it alone (mass-alerts.ts). Titles,
 * names and posts are a stranger's words and are quoted (core/text/quote.ts).
 */
export function oneCaseAlertFacts(
  config: Pick<AlertConfig, 'LANGUAGE' | 'APP_TIMEZONE'>,
  c: {
    incident: IncidentRow;
    /** The ASN from the registry (undefined when the NIP is no longer there: the NIP stands in). */
    asn: Pick<AsnRecord, 'nama' | 'nip' | 'unit' | 'phone'> | undefined;
    chat: Pick<ChatRow, 'title' | 'campaignReason'> | undefined;
    /** The title the event carried, for a chat the store has no title for yet. */
    eventTitle?: string;
    at: number;
    excerpt?: string | null;
    terms: string[];
    /** Whether the bot can message the ASN on the case's platform (if not, Humas gets their phone). */
    reachable: boolean;
    registrationLink?: string;
    identityUnverified?: HumasAlertInput['identityUnverified'];
    /** The ASN's alert for this case is held for their summary (app/asn-alert-holds.ts), so not sent yet. */
    asnAlertHeld?: boolean;
    /** The ASN's alert for this case was held and never sent: they left the group before it was due. */
    asnLeftBefore?: boolean;
  },
): HumasAlertInput {
  const t = alertTexts(config.LANGUAGE);
  const i = c.incident;
  return {
    kind: i.kind,
    platform: i.platform,
    caseId: i.id,
    asnName: c.asn?.nama ?? i.asnNip,
    nip: i.asnNip,
    unit: c.asn?.unit ?? '-',
    chatTitle: quoteStrangerOpt(c.chat?.title ?? c.eventTitle) ?? t.unknownChat,
    chatId: i.chatId,
    chatReason: c.chat?.campaignReason ?? undefined,
    at: formatDateTime(c.at, config.APP_TIMEZONE, config.LANGUAGE),
    ...humasActor(i),
    excerpt: quoteStrangerOpt(c.excerpt),
    terms: c.terms,
    asnReachable: c.reachable,
    asnPhone: c.reachable ? undefined : c.asn?.phone,
    registrationLink: c.registrationLink,
    ...(c.identityUnverified ? { identityUnverified: c.identityUnverified } : {}),
    ...(c.reachable && c.asnAlertHeld ? { asnAlertHeld: true } : {}),
    ...(c.reachable && c.asnLeftBefore ? { asnLeftBefore: true } : {}),
  };
}

/**
 * The adder or tagger as Humas reads them: the name seen and the phone (`+62…`) to call or report; a WhatsApp LID
 * only while no phone is known (core/actor.ts). Names and handles are a stranger's words and are quoted.
 */
function humasActor(i: Pick<IncidentRow, 'platform' | 'addedById' | 'addedByName' | 'addedByLid'>): Pick<HumasAlertInput, 'actorName' | 'actorHandle' | 'actorPhoneUnknown'> {
  const d = actorDisplay({ id: i.addedById, name: i.addedByName, lid: i.addedByLid });
  if (!d) return {};
  const phoneUnknown = i.platform === 'whatsapp' && !d.phone && isLidHandle(i.addedById);
  return { actorName: quoteStranger(d.name), ...(d.handle ? { actorHandle: quoteStranger(d.handle) } : {}), ...(phoneUnknown ? { actorPhoneUnknown: true } : {}) };
}

/**
 * The adder in the ASN's own alert: "… oleh Joko (+62…)" on WhatsApp, "… oleh Joko" on Telegram. Never a bare
 * platform id or LID: to the ASN those name nobody (Humas gets them, in its own alert).
 */
function actorLine(i: Pick<IncidentRow, 'addedById' | 'addedByName' | 'addedByLid'>): string | undefined {
  const s = actorWithPhone({ id: i.addedById, name: i.addedByName, lid: i.addedByLid });
  return s && !isLidHandle(s) && s !== i.addedById ? s : undefined;
}

/**
 * Outbox kind of the thank-you to an ASN who left. Not `asn_*`: one the platform refuses asks nobody to call the ASN,
 * and App.onUndeliverable sends Humas no notice of it (the case is closed; the digest says whether it arrived).
 */
export const THANKS_KIND = 'thanks_left';

/**
 * The case closed because the ASN left the group: a short thank-you to the ASN on the platform of
 * the case (once per case), when the bot has a way to reach them there; beyond the first few of an hour, held for
 * one message listing the groups left (app/thanks-holds.ts).
 */
export function enqueueLeftThanks(d: AlertDeps, incident: IncidentRow, asn: AsnRecord, now: number): void {
  const address = asnAddress(asn, incident.platform);
  if (!address) return;
  if (d.holdThanks?.(incident, address.recipient)) return;
  enqueueThanks(d, incident, address.recipient, now);
}

/** Queues one case's thank-you to `recipient`: at once, or when a held list of thank-yous ends holding it alone. */
export function enqueueThanks(d: Pick<AlertDeps, 'outbox' | 'chats' | 'config'>, incident: IncidentRow, recipient: string, now: number): void {
  const chatTitle = quoteStrangerOpt(d.chats.get(incident.platform, incident.chatId)?.title) ?? alertTexts(d.config.LANGUAGE).unknownChat;
  d.outbox.enqueue(
    {
      dedupeKey: `incident:${incident.id}:thanks`,
      platform: incident.platform,
      recipient,
      recipientKind: 'user',
      kind: THANKS_KIND,
      incidentId: incident.id,
      text: lifecycleTexts(d.config.LANGUAGE).thanksLeft({ caseId: incident.id, chatTitle, humasContact: d.config.HUMAS_CONTACT }),
    },
    now,
  );
}

/** Buttons under the ASN alert: "I have left" (the bot then checks) and "I need Humas". */
export function caseButtons(caseId: number, lang: 'id' | 'en'): { text: string; data: string }[][] {
  return lang === 'en'
    ? [[{ text: 'I have left', data: `left:${caseId}` }, { text: 'I need Humas help', data: `help:${caseId}` }]]
    : [[{ text: 'Saya sudah keluar', data: `left:${caseId}` }, { text: 'Saya perlu bantuan Humas', data: `help:${caseId}` }]];
}

/** The "Laporkan" button: it starts the guided self-report (app/report-flow.ts), for what the bot did not see itself. */
export function reportButtonRow(lang: 'id' | 'en'): { text: string; data: string }[] {
  return [{ text: selfReportTexts(lang).buttons.report, data: 'lapor:start' }];
}

/**
 * Buttons under the ASN alert: the case buttons, and on Telegram a "Laporkan" row below them (issue 18 point 1).
 * WhatsApp shows no buttons: its alert text ends with a line saying to reply LAPOR instead (core/messages).
 */
export function asnAlertButtons(caseId: number, platform: Platform, lang: 'id' | 'en'): { text: string; data: string }[][] {
  return platform === 'telegram' ? [...caseButtons(caseId, lang), reportButtonRow(lang)] : caseButtons(caseId, lang);
}

const unverifiedReason = (lang: 'id' | 'en'): string =>
  lang === 'en' ? 'matched by Telegram username only; the identity is unverified' : 'cocok hanya dari username Telegram; identitas belum terverifikasi';

const notRegisteredReason = (lang: 'id' | 'en'): string =>
  lang === 'en' ? 'the ASN has not started the Telegram bot yet' : 'ASN belum memulai (/start) bot Telegram';

/** Tells every Humas admin that an ASN could not be messaged and must be contacted directly. */
export function enqueueUndeliverableNotice(d: AlertDeps, asn: AsnRecord, platform: Platform, reason: string, caseId: number | undefined, now: number): void {
  const t = alertTexts(d.config.LANGUAGE);
  const text = t.undeliverable({
    caseId,
    asnName: asn.nama,
    nip: asn.nip,
    unit: asn.unit,
    phone: asn.phone,
    platform,
    reason,
    registrationLink: d.registrationLink?.(platform),
  });
  for (const h of humasAddresses(d.config.HUMAS_ADMINS)) {
    d.outbox.enqueue(
      {
        dedupeKey: `undeliverable:${asn.nip}:${platform}:${caseId ?? 'none'}:${h.platform}:${h.recipient}`,
        platform: h.platform,
        recipient: h.recipient,
        recipientKind: 'user',
        kind: 'undeliverable_notice',
        text,
        incidentId: caseId,
      },
      now,
    );
  }
}

/**
 * Tells every Humas admin that a queued message could not be read and was not sent.
 * Not about a notice of this kind itself: a broken notice must not breed another.
 */
export function enqueueUnreadableNotice(outbox: OutboxStore, config: Pick<AlertConfig, 'HUMAS_ADMINS' | 'LANGUAGE'>, row: OutboxRow, reason: string, now: number): void {
  if (row.kind === 'outbox_unreadable') return;
  const text = pressureTexts(config.LANGUAGE).unreadable({ id: row.id, kind: row.kind, reason: reason.slice(0, 300) });
  for (const h of humasAddresses(config.HUMAS_ADMINS)) {
    outbox.enqueue(
      { dedupeKey: `unreadable:${row.id}:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user', kind: 'outbox_unreadable', text, incidentId: row.incidentId ?? undefined },
      now,
    );
  }
}

/**
 * Queues the "ASN may not be involved" reminder in a campaign group, unless one
 * went out within REMINDER_MIN_INTERVAL_HOURS or the group opted out. Quiet hours delay it.
 * Returns whether a reminder was queued.
 */
export function enqueueGroupReminder(d: AlertDeps, platform: Platform, chatId: string, now: number, reason: 'after_add' | 'scheduled', threadId?: string): boolean {
  const chat = d.chats.get(platform, chatId);
  if (!chat || !chat.campaign || !chat.remindersEnabled || !chat.botMember) return false;
  const minGap = d.config.REMINDER_MIN_INTERVAL_HOURS * 3_600_000;
  if (chat.lastReminderAt !== null && now - chat.lastReminderAt < minGap) return false;
  const t = alertTexts(d.config.LANGUAGE);
  const id = d.outbox.enqueue(
    {
      dedupeKey: `reminder:${platform}:${chatId}:${reason}:${now}`,
      platform,
      recipient: chatId,
      recipientKind: 'group',
      kind: 'group_reminder',
      text: t.groupReminder({ orgName: d.config.ORG_NAME }),
      // After an addition seen in a forum topic, the reminder goes to that topic (Telegram message_thread_id).
      payload: threadId !== undefined ? { threadId } : undefined,
      notBefore: afterQuietHours(now, d.config.QUIET_HOURS, d.config.APP_TIMEZONE),
    },
    now,
  );
  d.chats.setLastReminder(platform, chatId, now);
  return id !== undefined;
}
