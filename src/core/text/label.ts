/**
 * Names and titles chosen by other people (group titles, display names) are
 * shown to Humas and ASN inside the bot's own texts. A hostile one could carry
 * line breaks that fake a line of the alert ("✅ Kasus #12 ditutup"), bidi
 * controls that reverse what follows, or thousands of characters. `cleanLabel`
 * makes such a label one plain line of bounded length; ordinary names pass
 * unchanged (emoji included).
 */

import type { ChatEvent, Person } from '../types.js';

/** Longest label kept, in characters (Telegram allows 128 for a group title, WhatsApp 100 for a subject). */
export const LABEL_MAX = 128;

/** Longest argument of a person's own that an answer repeats back to them (`Tidak ada grup yang cocok dengan "..."`). */
export const ECHO_MAX = 60;

/** Control characters and line/paragraph separators: become spaces. */
const BREAKS = /[\p{Cc}\u2028\u2029\u0085]+/gu;
/** Invisible format characters (bidi controls, zero-width space, BOM, soft hyphen...), except the joiners emoji need. */
const INVISIBLE = /(?![\u200C\u200D])\p{Cf}/gu;

/**
 * Anything `cleanLabel` would change: a break or control, an invisible character, whitespace other than a single
 * space between words, or a space at either end.
 */
const NEEDS_CLEANING = /[\p{Cc}\u2028\u2029\u0085]|(?![\u200C\u200D])\p{Cf}|[^\S ]| {2}|^ | $/u;

/** One visible line: breaks become spaces, invisible characters go, spaces fold, at most `max` characters. */
export function cleanLabel(label: string, max = LABEL_MAX): string {
  // Nearly every title and name is already one plain short line: one test instead of three rewrites and a split
  // into characters (the monitor cleans every event's labels; issue 20). UTF-16 length bounds the character count.
  if (label.length <= max && !NEEDS_CLEANING.test(label)) return label;
  const line = label.replace(BREAKS, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}

/** `cleanLabel` for an optional label; a label with nothing visible left is no label. */
export function cleanOptionalLabel(label: string | undefined, max = LABEL_MAX): string | undefined {
  if (label === undefined) return undefined;
  const clean = cleanLabel(label, max);
  return clean === '' ? undefined : clean;
}

/** A person with a clean display name (other fields are ids and handles, checked by the normalisers); the same object when already clean. */
function cleanPerson<P extends Person | undefined>(p: P): P {
  if (!p || p.name === undefined) return p;
  const name = cleanOptionalLabel(p.name);
  if (name === p.name) return p;
  const out = { ...p };
  if (name === undefined) delete out.name;
  else out.name = name;
  return out;
}

/** The people with clean names: the same array when every one was already clean. */
function cleanPeople(people: Person[]): Person[] {
  for (let i = 0; i < people.length; i++) if (cleanPerson(people[i]) !== people[i]) return people.map(cleanPerson);
  return people;
}

/**
 * The event with every title and display name made a clean label (the monitor's first step). Parts already clean
 * are kept as they are, and an event with nothing to clean comes back itself (the usual case; nothing changes it).
 */
export function cleanEventLabels(ev: ChatEvent): ChatEvent {
  let chat = ev.chat;
  if (chat.title !== undefined) {
    const title = cleanOptionalLabel(chat.title);
    if (title !== chat.title) {
      chat = { ...chat, title };
      if (title === undefined) delete chat.title;
    }
  }
  switch (ev.kind) {
    case 'member_added':
    case 'member_left': {
      const members = cleanPeople(ev.members);
      const actor = cleanPerson(ev.actor);
      return chat === ev.chat && members === ev.members && actor === ev.actor ? ev : { ...ev, chat, members, actor };
    }
    case 'members_present': {
      const members = cleanPeople(ev.members);
      return chat === ev.chat && members === ev.members ? ev : { ...ev, chat, members };
    }
    case 'message': {
      const sender = cleanPerson(ev.sender);
      const mentions = cleanPeople(ev.mentions);
      return chat === ev.chat && sender === ev.sender && mentions === ev.mentions ? ev : { ...ev, chat, sender, mentions };
    }
    case 'reaction': {
      const sender = cleanPerson(ev.sender);
      return chat === ev.chat && sender === ev.sender ? ev : { ...ev, chat, sender };
    }
    case 'bot_membership': {
      const actor = cleanPerson(ev.actor);
      return chat === ev.chat && actor === ev.actor ? ev : { ...ev, chat, actor };
    }
    default:
      return chat === ev.chat ? ev : { ...ev, chat };
  }
}
