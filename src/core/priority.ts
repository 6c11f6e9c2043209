/**
 * Which outgoing messages go first. Under pressure (a flood of private
 * messages, a mass addition, WhatsApp's single global gap) the alerts that
 * protect an ASN must not wait behind answers to strangers.
 */

/** Priority classes, lower first: alerts, then follow-ups and reminders, then replies. */
export const PRIORITY = { alert: 0, followup: 1, reply: 2 } as const;

/** A priority class. */
export type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];

/** Alerts to an ASN or to Humas about a case, or about something Humas must act on now. */
const ALERT_KINDS: ReadonlySet<string> = new Set([
  'asn_alert',
  'humas_alert',
  'humas_mass_alert',
  'undeliverable_notice',
  'help_request',
  'wa_restricted',
  'wa_beyond_cap',
  'outbox_unreadable',
]);

/** Answers to someone who wrote to the bot: commands, registration, hints. */
const REPLY_KINDS: ReadonlySet<string> = new Set(['command_reply', 'tg_hint', 'wa_hint', 'wa_video_hint', 'tg_start', 'tg_registered', 'tg_register_refused']);

/** The class of an outbox kind; anything not an alert or a reply (follow-ups, escalations, reminders, digests, notices) is in the middle. */
export function priorityOf(kind: string): Priority {
  if (ALERT_KINDS.has(kind)) return PRIORITY.alert;
  if (REPLY_KINDS.has(kind)) return PRIORITY.reply;
  return PRIORITY.followup;
}
