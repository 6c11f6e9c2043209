/** English alert texts, for deployments that set LANGUAGE=en. */
import { leftClaimTexts } from './left-claim.js';
import { selfReportTexts } from './self-report.js';
import type { AlertTexts } from './types.js';

const KIND: Record<string, string> = {
  added: 'added to a campaign group',
  mentioned: 'tagged in a Pilkada post',
  reacted: 'reacted to a campaign post',
  posted: 'posted in a campaign group',
  present: 'inside a campaign group',
  reported: 'reported by the ASN themselves',
};

const platformName = (p: string): string => (p === 'telegram' ? 'Telegram' : 'WhatsApp');

const HOW_TO_LEAVE = {
  telegram: 'To leave: open the group, tap its name at the top, then choose "Leave group".',
  whatsapp: 'To leave: open the group, tap its name, scroll down, choose "Exit group", then "Delete group".',
};

const WHAT = {
  added: (t: string, by?: string) => `You were added to the group "${t}"${by ? ` by ${by}` : ''}.`,
  mentioned: (t: string, by?: string) => `You were tagged in a Pilkada-related post in the group "${t}"${by ? ` by ${by}` : ''}.`,
  reacted: (t: string) => `Your account reacted to a campaign post in the group "${t}".`,
  posted: (t: string) => `Your account posted in the campaign group "${t}".`,
  present: (t: string) => `Your account is a member of the campaign group "${t}".`,
  reported: (t: string) => `You reported: ${t}.`,
};

/** ` (handle; note)`, ` (handle)`, ` (note)` or nothing. */
const byHandle = (handle?: string, note?: string): string => (handle || note ? ` (${[handle, note].filter(Boolean).join('; ')})` : '');

/** The English implementation of every alert text. */
export const EN: AlertTexts = {
  kindLabel: (k) => KIND[k] ?? k,
  platformName,
  unknownActor: 'unknown',
  unknownChat: '(untitled group)',
  asnAlert: (a) =>
    [
      `Dear civil servant,`,
      ``,
      `${WHAT[a.kind](a.chatTitle, a.actorName && a.actorLooksOfficial ? `${a.actorName} (a name the account's owner chose, not Humas: Humas never adds civil servants to campaign groups)` : a.actorName)} (${platformName(a.platform)}, ${a.at})`,
      a.excerpt ? `The post: "${a.excerpt}"` : undefined,
      ``,
      `Civil servants must stay neutral in the Pilkada: joining, liking, commenting on or sharing a candidate's campaign content can count as a neutrality violation.`,
      ``,
      `Please leave the group now and do not react or comment. ${HOW_TO_LEAVE[a.platform]}`,
      // WhatsApp has no buttons: the ASN says "I have left" by replying (app/left-claim.ts).
      a.platform === 'whatsapp' && a.caseId !== undefined ? leftClaimTexts('en').howToReply(a.caseId) : undefined,
      `If you were added without consent or need help, contact ${a.humasContact}.`,
      a.platform === 'whatsapp' ? selfReportTexts('en').replyLapor : undefined,
      ``,
      `Automatic message from Jaga Netral.`,
    ]
      .filter((l) => l !== undefined)
      .join('\n'),
  humasAlert: (a) =>
    [
      `⚠️ Case #${a.caseId}: civil servant ${KIND[a.kind] ?? a.kind}`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      a.identityUnverified
        ? `❓ Identity unverified: this account matched only by the Telegram username @${a.identityUnverified.username}${a.identityUnverified.accountId ? ` (account id ${a.identityUnverified.accountId})` : ''}; the ASN's Telegram id is not on record, and anyone can take a username. The bot sends nothing to that account until the ASN registers themselves (/start, then share their number).`
        : undefined,
      `Group: "${a.chatTitle}" (${platformName(a.platform)} ${a.chatId})`,
      a.chatReason ? `Why it counts as a campaign group: ${a.chatReason}` : undefined,
      a.kind === 'added' || a.kind === 'mentioned' ? `By: ${a.actorName ?? 'unknown'}${byHandle(a.actorHandle, a.actorPhoneUnknown ? 'phone number not known yet' : undefined)}` : undefined,
      `When: ${a.at}`,
      a.excerpt ? `Post: "${a.excerpt}"` : undefined,
      a.terms.length ? `Matched terms: ${a.terms.join(', ')}` : undefined,
      a.asnReachable && a.asnLeftBefore
        ? `The ASN left this group before their notice was due, so no message to the ASN was needed.`
        : a.asnReachable && a.asnAlertHeld
        ? `This ASN was found in many groups at once: the private message for this group goes in their summary of those groups (within the hour).`
        : a.asnReachable
          ? `The ASN has been sent a private message on how to leave.`
          : `📵 The bot cannot reach this ASN (they have not started the bot): please contact them directly${a.asnPhone ? ` at ${a.asnPhone}` : ''}.`,
      !a.asnReachable && a.registrationLink ? `So that the next alerts arrive, ask them to register at ${a.registrationLink}` : undefined,
    ]
      .filter((l) => l !== undefined)
      .join('\n'),
  groupReminder: (a) =>
    [
      `📢 A reminder from ${a.orgName}`,
      ``,
      `Civil servants (ASN) must remain neutral in the Pilkada. Candidates and campaign teams may not involve ASN in campaign activities (Law 10/2016 Article 70).`,
      `Please do not add ASN to this group and do not tag ASN in campaign posts.`,
      ``,
      `Thank you for your cooperation.`,
    ].join('\n'),
  undeliverable: (a) =>
    [
      `📵 The bot cannot reach a civil servant${a.caseId ? ` (case #${a.caseId})` : ''}`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      `Phone: ${a.phone}`,
      `Reason: ${a.reason}`,
      `Please contact them directly.`,
      a.registrationLink ? `So that the next alerts arrive, ask them to register at ${a.registrationLink}` : undefined,
    ]
      .filter((l) => l !== undefined)
      .join('\n'),
  messageUndeliverable: (a) =>
    `📵 A bot message (${a.kind}) to ${a.chatTitle !== undefined ? `the group "${a.chatTitle}" (${a.to})` : a.to} on ${a.platform === 'whatsapp' ? 'WhatsApp' : 'Telegram'} was not delivered and will not be retried.\nReason: ${a.reason}` +
    (a.groupRefusal === 'topic_closed'
      ? '\nThe forum topic it was meant for is closed. Reopen the topic, or make the bot an admin with "Manage topics".'
      : a.groupRefusal === 'no_write_right'
        ? '\nThe bot may not write in this group (restricted, or only admins may post). Ask a group admin to let the bot send messages.'
        : '') +
    (a.cases?.length
      ? `\nThat message stood for ${a.cases.length + (a.moreCases ?? 0)} cases:\n${a.cases.map((c) => `#${c.caseId} ${c.asnName} (NIP ${c.nip}): "${c.chatTitle}"`).join('\n')}` +
        `${a.moreCases ? `\n… and ${a.moreCases} more` : ''}\nDetails: /kasus <number>.`
      : a.case
        ? `\nThat message was about case #${a.case.caseId}: ${a.case.asnName} (NIP ${a.case.nip}), group "${a.case.chatTitle}".\nDetails: /kasus ${a.case.caseId}.`
        : ''),
};
