/**
 * The shape of the user-facing texts for alerts, reminders and notices. Each
 * language file implements it; core and app code never inline a sentence.
 */
import type { IncidentKind } from '../types.js';
import type { Platform } from '../ids.js';

/** What the ASN's private alert needs. */
export interface AsnAlertInput {
  kind: IncidentKind;
  platform: Platform;
  chatTitle: string;
  at: string;
  actorName?: string;
  /** The actor's display name poses as an office (core/official-name.ts): the alert says it is the owner's own choice. */
  actorLooksOfficial?: boolean;
  excerpt?: string;
  humasContact: string;
  /** The case number (WhatsApp: the ASN replies `SUDAH KELUAR <case>` once they have left). */
  caseId?: number;
}

/** What the Humas admins' alert needs. */
export interface HumasAlertInput {
  kind: IncidentKind;
  platform: Platform;
  caseId: number;
  asnName: string;
  nip: string;
  unit: string;
  chatTitle: string;
  chatId: string;
  chatReason?: string;
  at: string;
  actorName?: string;
  actorHandle?: string;
  /** The actor is a WhatsApp LID whose phone is not known yet (it shows in reports once WhatsApp reveals it). */
  actorPhoneUnknown?: boolean;
  excerpt?: string;
  terms: string[];
  asnReachable: boolean;
  /** The ASN's own alert for this case waits for their summary of many groups (app/asn-alert-holds.ts): not sent yet. */
  asnAlertHeld?: boolean;
  /**
   * The ASN's own alert for this case was held and never sent: the ASN left the group before it was due (Humas'
   * summary of one ASN left holding this case, app/humas-asn-holds.ts), so no message was needed.
   */
  asnLeftBefore?: boolean;
  /** When the ASN cannot be reached by the bot: their phone, and where they can register. */
  asnPhone?: string;
  registrationLink?: string;
  /** Matched by Telegram username alone (no Telegram id in the registry): the account may not be the ASN's. */
  identityUnverified?: { username: string; accountId?: string };
}

/** A case whose ASN could not be messaged: Humas must reach them directly. */
export interface UndeliverableInput {
  caseId?: number;
  asnName: string;
  nip: string;
  unit: string;
  phone: string;
  platform: Platform;
  reason: string;
  registrationLink?: string;
}

/** A message that is not an ASN alert (to Humas, a group) that could not be delivered. */
export interface MessageUndeliverableInput {
  platform: Platform;
  /** Where it was going: a chat id or JID. */
  to: string;
  /** The outbox kind (what the message was). */
  kind: string;
  reason: string;
  /** The group's title, when the message was going to a group. */
  chatTitle?: string;
  /** Why a group refused it, when the platform said in a way we recognise (Telegram 400 TOPIC_CLOSED / not enough rights). */
  groupRefusal?: 'topic_closed' | 'no_write_right';
  /**
   * The cases a message of several stood for (its `outbox_cases`: a grouped escalation, Humas' summary of one ASN),
   * at most UNDELIVERABLE_CASES_MAX; `moreCases` counts the rest.
   */
  cases?: { caseId: number; asnName: string; nip: string; chatTitle: string }[];
  moreCases?: number;
  /** The one case a message of one case was about (a Humas alert, a one-case escalation). */
  case?: { caseId: number; asnName: string; nip: string; chatTitle: string };
}

/** All alert texts of one language. */
export interface AlertTexts {
  kindLabel(kind: IncidentKind): string;
  platformName(p: Platform): string;
  asnAlert(a: AsnAlertInput): string;
  humasAlert(a: HumasAlertInput): string;
  groupReminder(a: { orgName: string }): string;
  undeliverable(a: UndeliverableInput): string;
  messageUndeliverable(a: MessageUndeliverableInput): string;
  unknownActor: string;
  unknownChat: string;
}
