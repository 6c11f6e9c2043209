/**
 * Which outgoing messages go first. Under pressure (a flood of private
 * messages, a mass addition, WhatsApp's single global gap) the alerts that
 * protect an ASN must not wait behind answers to strangers.
 *
 * OUTBOX_KINDS is the one list of every outbox kind the code enqueues, each with its class on purpose and what it
 * is (the migration that added `outbox.priority` lists the kinds of its day in SQL; it is not edited, this is the
 * list to read). tests/architecture/outbox-kinds.test.ts reads the source for every kind enqueued and fails on one missing here.
 */

/** Priority classes, lower first: alerts, then follow-ups and reminders, then replies. */
export const PRIORITY = { alert: 0, followup: 1, reply: 2 } as const;

/** A priority class. */
export type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];

const { alert, followup, reply } = PRIORITY;

/**
 * Every outbox kind: its class and what it is. Alerts: to an ASN or Humas about a case, or about something Humas must
 * act on now. Replies: answers to someone who wrote to the bot (commands, registration, hints). In between: what the
 * bot sends on its own schedule or as a consequence (follow-ups, escalations, reminders, digests, notices).
 */
export const OUTBOX_KINDS: Readonly<Record<string, { priority: Priority; what: string }>> = {
  asn_alert: { priority: alert, what: 'to an ASN added to or tagged in a campaign group: what happened and how to leave' },
  asn_alert_summary: { priority: alert, what: 'to an ASN found in many groups within an hour: the groups beyond the first few alerts, in one message' },
  humas_alert: { priority: alert, what: 'to Humas: a case opened, a self-report, an invite or OCR finding on a case' },
  humas_asn_summary: { priority: alert, what: 'to Humas: one ASN in many groups within an hour (one summary of the cases beyond the first few alerts)' },
  humas_mass_alert: { priority: alert, what: 'to Humas: many ASN at once in one group (one summary instead of one alert each)' },
  undeliverable_notice: { priority: alert, what: 'to Humas: an alert could not reach its ASN (Humas must reach them another way)' },
  help_request: { priority: alert, what: 'to Humas: an ASN pressed "I need help from Humas" on their alert' },
  wa_restricted: { priority: alert, what: 'to Humas: WhatsApp refused new chats (463); alerts to new ASN are held' },
  wa_beyond_cap: { priority: alert, what: "to Humas: ASN whose alerts wait for the day's WhatsApp cap on new chats, to call them" },
  outbox_unreadable: { priority: alert, what: 'to Humas: a queued message could not be read back (it was not sent)' },
  wa_status: { priority: alert, what: 'to Humas on Telegram: WhatsApp stopped or was unlinked; someone must re-link it' },
  asn_followup: { priority: followup, what: 'to an ASN still in the group after the follow-up time' },
  humas_escalation: { priority: followup, what: 'to Humas: a case still open after the follow-ups' },
  humas_left_by_word: { priority: followup, what: 'to Humas: an ASN says they left, unconfirmed by the platform' },
  humas_permissions: { priority: followup, what: 'to Humas: the bot lacks admin rights in a group, or privacy mode is on' },
  humas_digest: { priority: followup, what: 'the daily digest to Humas' },
  flood_notice: { priority: followup, what: 'to Humas: someone is flooding the bot with private messages (first refusal of the day)' },
  group_reminder: { priority: followup, what: 'in a campaign group: ASN may not be involved (naming nobody)' },
  thanks_left: { priority: followup, what: 'to an ASN who left: thanks, the case is closed' },
  selfreport_receipt: { priority: followup, what: "to an ASN: their self-report's receipt again, marked done (their record, ahead of replies)" },
  command_reply: { priority: reply, what: 'the answer to a command, a guided-report step or a message' },
  tg_hint: { priority: reply, what: 'Telegram: how to register or to report, to someone who wrote' },
  tg_start: { priority: reply, what: 'Telegram: the answer to /start with the share-contact button' },
  tg_registered: { priority: reply, what: 'Telegram: registration done' },
  tg_register_refused: { priority: reply, what: 'Telegram: registration refused (not their own contact, not in the registry)' },
  wa_hint: { priority: reply, what: 'WhatsApp: a picture sent with no LAPOR is not a report yet, and how to make it one' },
  wa_video_hint: { priority: reply, what: 'WhatsApp: videos are not kept as evidence, and what to send instead' },
};

/** The class of an outbox kind (OUTBOX_KINDS); a kind not listed there goes in the middle. */
export function priorityOf(kind: string): Priority {
  return Object.hasOwn(OUTBOX_KINDS, kind) ? OUTBOX_KINDS[kind]!.priority : PRIORITY.followup;
}
