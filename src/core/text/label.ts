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

/** Control characters and line/paragraph separators: become spaces. */
const BREAKS = /[\p{Cc}\u2028\u2029\u0085]+/gu;
/** Invisible format characters (bidi controls, zero-width space, BOM, soft hyphen...), except the joiners emoji need. */
const INVISIBLE = /(?![\u200C\u200D])\p{Cf}/gu;

/** One visible line: breaks become spaces, invisible characters go, spaces fold, at most `max` characters. */
export function cleanLabel(label: string, max = LABEL_MAX): string {
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

/** A person with a clean display name (other fields are ids and handles, checked by the normalisers). */
function cleanPerson<P extends Person | undefined>(p: P): P {
  if (!p || p.name === undefined) return p;
  const name = cleanOptionalLabel(p.name);
  const out = { ...p };
  if (name === undefined) delete out.name;
  else out.name = name;
  return out;
}

/** The event with every title and display name made a clean label (the monitor's first step). */
export function cleanEventLabels(ev: ChatEvent): ChatEvent {
  const chat = ev.chat.title === undefined ? ev.chat : { ...ev.chat, title: cleanOptionalLabel(ev.chat.title) };
  if (chat.title === undefined) delete chat.title;
  switch (ev.kind) {
    case 'member_added':
    case 'member_left':
      return { ...ev, chat, members: ev.members.map(cleanPerson), actor: cleanPerson(ev.actor) };
    case 'members_present':
      return { ...ev, chat, members: ev.members.map(cleanPerson) };
    case 'message':
      return { ...ev, chat, sender: cleanPerson(ev.sender), mentions: ev.mentions.map(cleanPerson) };
    case 'reaction':
      return { ...ev, chat, sender: cleanPerson(ev.sender) };
    case 'bot_membership':
      return { ...ev, chat, actor: cleanPerson(ev.actor) };
    default:
      return { ...ev, chat };
  }
}
