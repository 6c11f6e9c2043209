/**
 * Detection rules: pure functions from one normalised event, the registry and
 * the chat's campaign status to findings. No I/O, no clock, no platform.
 */
import { cleanLabel } from './text/label.js';
import type { AsnRecord, ChatEvent, Classification, Finding, Person } from './types.js';

/** What detection needs to know beyond the event itself. */
export interface DetectContext {
  /** Registry lookup on any handle the person carries. */
  lookup(p: Person): AsnRecord | undefined;
  /** The chat is (now) considered a campaign group. */
  chatIsCampaign: boolean;
  /** The Pilkada text classifier. */
  classify(text: string): Classification;
}

/** Longest post excerpt kept as evidence. */
export const EXCERPT_MAX = 280;

/** Shortens a post for alerts and reports, on a word boundary when possible. */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  // One plain line (no bidi controls or invisible characters), cut by characters so an emoji stays whole.
  const flat = cleanLabel(text, Number.MAX_SAFE_INTEGER);
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > cut.length * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Same person, judged on the handles both carry. */
export function samePerson(a: Person | undefined, b: Person | undefined): boolean {
  if (!a || !b || a.platform !== b.platform) return false;
  return Boolean((a.id && a.id === b.id) || (a.phone && a.phone === b.phone) || (a.lid && a.lid === b.lid));
}

/** Every finding the event produces; empty when nothing concerns a registered ASN. */
export function detect(ev: ChatEvent, ctx: DetectContext): Finding[] {
  switch (ev.kind) {
    case 'member_added':
      if (!ctx.chatIsCampaign) return [];
      return matched(ev.members, ctx).map(({ asn, person }) => ({
        kind: 'added',
        asn,
        chat: ev.chat,
        at: ev.at,
        actor: samePerson(ev.actor, person) ? undefined : ev.actor,
        evidence: { terms: [] },
        ...unverifiedMatch(asn, person),
      }));
    case 'members_present':
      if (!ctx.chatIsCampaign) return [];
      return matched(ev.members, ctx).map(({ asn, person }) => ({ kind: 'present', asn, chat: ev.chat, at: ev.at, evidence: { terms: [] }, ...unverifiedMatch(asn, person) }));
    case 'message':
      return detectMessage(ev, ctx);
    case 'reaction': {
      const asn = ctx.lookup(ev.sender);
      if (!asn) return [];
      const c = ev.targetText ? ctx.classify(ev.targetText) : undefined;
      if (!ctx.chatIsCampaign && !c?.pilkada) return [];
      return [{ kind: 'reacted', asn, chat: ev.chat, at: ev.at, evidence: { excerpt: ev.targetText && excerpt(ev.targetText), terms: c?.terms ?? [] }, ...unverifiedMatch(asn, ev.sender) }];
    }
    default:
      return [];
  }
}

/** A message that is a bot command (`/cmd` or `/cmd@SomeBot ...`): someone talking to a bot, not posting. */
export function isBotCommand(text: string): boolean {
  return /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?(?:\s|$)/.test(text.trimStart());
}

function detectMessage(ev: Extract<ChatEvent, { kind: 'message' }>, ctx: DetectContext): Finding[] {
  if (ev.isPrivate) return [];
  const c = ctx.classify(ev.text);
  // Ordinary chatter (no Pilkada text, no campaign group) can find no one, whoever is tagged or posts: most messages.
  if (!c.pilkada && !ctx.chatIsCampaign) return [];
  // A command sent in a group is refused the same way for everyone and makes its sender no poster (issue 12 point
  // 13): someone talking to a bot. But a slash in front of a campaign post hides nothing: its tags still notify the
  // ASN, and its text is still campaign content, so those count as for any post (issue s29).
  // A caption is never a command (core/types.ts MessageEvent.caption): a photo posted is a post.
  const command = !ev.caption && isBotCommand(ev.text);
  const out: Finding[] = [];
  // The evidence is made once, and only when something is found (no closure per message: see app/monitor.ts `lookup`).
  let evidence: Finding['evidence'] | undefined;
  if ((c.pilkada || ctx.chatIsCampaign) && ev.mentions.length) {
    for (const { asn, person } of matched(ev.mentions, ctx)) {
      evidence ??= { excerpt: excerpt(ev.text), terms: c.terms };
      out.push({ kind: 'mentioned', asn, chat: ev.chat, at: ev.at, actor: ev.sender, evidence, ...unverifiedMatch(asn, person) });
    }
  }
  const author = ctx.chatIsCampaign && (!command || c.pilkada) ? ctx.lookup(ev.sender) : undefined;
  if (author && !out.some((f) => f.asn.nip === author.nip)) {
    evidence ??= { excerpt: excerpt(ev.text), terms: c.terms };
    out.push({ kind: 'posted', asn: author, chat: ev.chat, at: ev.at, evidence, ...unverifiedMatch(author, ev.sender) });
  }
  return out;
}

/**
 * `{unverified}` when a Telegram person matched an ASN only by username: the registry holds no Telegram id for
 * that ASN, so the account behind the username may be anyone's (issue 17 point 8). Empty otherwise.
 */
export function unverifiedMatch(asn: AsnRecord, person: Person): Pick<Finding, 'unverified'> {
  if (person.platform !== 'telegram' || asn.telegramId !== undefined || person.username === undefined) return {};
  return { unverified: { username: person.username, ...(person.id !== undefined ? { accountId: person.id } : {}) } };
}

/** Registry matches among people, each ASN once. */
function matched(people: Person[], ctx: DetectContext): { asn: AsnRecord; person: Person }[] {
  const seen = new Set<string>();
  const out: { asn: AsnRecord; person: Person }[] = [];
  for (const person of people) {
    const asn = ctx.lookup(person);
    if (asn && !seen.has(asn.nip)) {
      seen.add(asn.nip);
      out.push({ asn, person });
    }
  }
  return out;
}

/** Chat counters and thresholds for deciding from content that a group campaigns. */
export interface ContentStats {
  messagesSeen: number;
  pilkadaPosts: number;
}

/** Minimum Pilkada posts before content alone marks a group as a campaign group. */
export const CONTENT_MIN_POSTS = 3;

/** A group whose posts are largely Pilkada campaign content is a campaign group. */
export function campaignFromContent(s: ContentStats): boolean {
  return s.pilkadaPosts >= CONTENT_MIN_POSTS && s.pilkadaPosts / Math.max(1, s.messagesSeen) >= 0.3;
}
