/**
 * Who added or tagged an ASN (the "actor", Pelaku), as one person. On WhatsApp one person has two handles: a
 * phone JID (`628…@s.whatsapp.net`) and a LID (`…@lid`). The actor is keyed by the phone JID whenever the phone is
 * known, and by the LID only while it is not; the LID is kept beside it. Humas reads the phone (`+62…`) and the
 * name, never an opaque LID when a phone is known. Pure: no I/O.
 */
import type { Person } from './types.js';

/** The stored form of an actor: the canonical id, the WhatsApp LID when known, and a name only when one was seen. */
export interface ActorIdentity {
  id: string | null;
  lid: string | null;
  name: string | null;
}

const PHONE_JID = /^(\d{6,15})(?::\d+)?@(?:s\.whatsapp\.net|c\.us)$/;
const E164 = /^\+(\d{6,15})$/;

/** Whether a handle is a WhatsApp LID (`…@lid`). */
export const isLidHandle = (s: string | null | undefined): s is string => typeof s === 'string' && /^\d+(?::\d+)?@lid$/.test(s);

/** The phone (`+62…`) an actor id names: a WhatsApp phone JID or an E.164 phone (a self-report's); undefined otherwise (a LID, a Telegram id). */
export function phoneOfActorId(id: string | null | undefined): string | undefined {
  if (!id) return undefined;
  const m = PHONE_JID.exec(id) ?? E164.exec(id);
  return m ? `+${m[1]}` : undefined;
}

/**
 * A name that is really one of the handles (older rows stored the handle as the name when none was seen): not a
 * name to show. Also a `+62…` phone or a bare number.
 */
export function isHandleLike(name: string | null | undefined, ...handles: (string | null | undefined)[]): boolean {
  if (!name) return true;
  const n = name.trim();
  if (!n) return true;
  if (handles.some((h) => h && h === n)) return true;
  return isLidHandle(n) || PHONE_JID.test(n) || E164.test(n) || /@(?:lid|s\.whatsapp\.net|c\.us)$/.test(n);
}

/**
 * The identity to store for the actor of a finding. WhatsApp: the phone JID when the phone is known (from the event,
 * the LID map or the roster), else the JID as it arrived; the LID beside it. Telegram: the user id (or the phone of a
 * shared contact). The name is the one the platform showed (a push name, a Telegram name), else null.
 */
export function actorIdentity(a: Person | undefined): ActorIdentity {
  if (!a) return { id: null, lid: null, name: null };
  const name = a.name ?? null;
  if (a.platform !== 'whatsapp') {
    const handle = a.username ? `@${a.username}` : (a.phone ?? a.id ?? null);
    return { id: a.id ?? a.phone ?? null, lid: null, name: name ?? handle };
  }
  const lid = a.lid ?? (isLidHandle(a.id) ? a.id : null);
  const phoneJid = a.phone ? `${a.phone.slice(1)}@s.whatsapp.net` : a.id && PHONE_JID.test(a.id) ? a.id.replace(/:\d+@/, '@') : undefined;
  return { id: phoneJid ?? a.id ?? lid ?? null, lid, name };
}

/** How an actor reads to Humas: a name (when one was seen) and the handle to reach or report them by. */
export interface ActorDisplay {
  /** The name seen, or the handle when there is no name. */
  name: string;
  /** The handle shown after the name: the phone `+62…`, else the LID or platform id; undefined when `name` is the handle itself. */
  handle?: string;
  /** The phone, when known. */
  phone?: string;
}

/**
 * Display of a stored actor (any row, old or new): the phone from the id (or `phone`, e.g. a LID mapped later),
 * a real name only (a name that is one of the handles is dropped), and the LID only when nothing better is known.
 */
export function actorDisplay(a: { id: string | null | undefined; name?: string | null; lid?: string | null; phone?: string | null }): ActorDisplay | undefined {
  const phone = a.phone ?? phoneOfActorId(a.id) ?? undefined;
  const name = isHandleLike(a.name, a.id, a.lid, phone) ? undefined : a.name!.trim();
  const handle = phone ?? a.id ?? a.lid ?? undefined;
  if (name && handle) return { name, handle, ...(phone ? { phone } : {}) };
  if (name) return { name };
  if (handle) return { name: handle, ...(phone ? { phone } : {}) };
  // Only a name that looks like a handle (an old row without an id): shown as it is.
  return a.name ? { name: a.name } : undefined;
}

/** One line for an actor: `Name (+62…)`, `+62…`, `Name (…@lid)`; undefined when nothing is known. */
export function actorText(a: Parameters<typeof actorDisplay>[0]): string | undefined {
  const d = actorDisplay(a);
  return d ? (d.handle ? `${d.name} (${d.handle})` : d.name) : undefined;
}

/** The actor in a sentence ("Joko (+62…) menambahkan …"): the name, with the phone when one is known; no platform id. */
export function actorWithPhone(a: Parameters<typeof actorDisplay>[0]): string | undefined {
  const d = actorDisplay(a);
  if (!d) return undefined;
  return d.phone && d.name !== d.phone ? `${d.name} (${d.phone})` : d.name;
}
