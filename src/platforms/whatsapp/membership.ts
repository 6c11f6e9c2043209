/**
 * Membership checks on WhatsApp: is this phone still in that group? Answered
 * from group metadata no older than a few minutes (fetched through the group
 * metadata cache's limiter, see group-cache.ts), matching the member by phone
 * JID or by its LID.
 *
 * "Not found" is not always "left": `extractGroupMetadata` (`Socket/groups.js`) returns the roster the
 * server gives, entries `{ id, phoneNumber?, lid? }` where the other handle is present only when the
 * server sends it, plus a separate `size`. A member can hide behind a LID we cannot pair with a phone,
 * the list can be shorter than `size`, and a community's announcement group lists only its admins. In
 * those cases a "no" is not guaranteed (`certain` false): the case stays open and is asked again.
 */
import { isLidUser, isPnUser, jidNormalizedUser, type GroupMetadata, type GroupParticipant } from '@whiskeysockets/baileys';
import type { MembershipChecker } from '../../app/ports.js';
import type { WaLidMap } from './identities.js';

/** How long fetched metadata answers checks before it is fetched again. */
export const MEMBERSHIP_MAX_AGE_MS = 5 * 60_000;

/** Why a roster cannot prove that someone left. */
export type RosterGap = 'short_roster' | 'unresolved_lid' | 'community_announce';

/** What one roster says about one user: found, and if not, whether the absence is proof. */
export interface RosterVerdict {
  found: boolean;
  /** Set when not found and the roster cannot prove the absence. */
  gap?: RosterGap;
}

const handlesOfEntry = (p: Partial<GroupParticipant>): string[] =>
  [p.id, p.phoneNumber, p.lid].filter((h): h is string => typeof h === 'string' && h.length > 0).map((h) => jidNormalizedUser(h));

/**
 * Judges a roster for one user (`wanted`: every JID they may appear under). Absent is proof only when
 * the group is not a community announcement group, the list is as long as the server's `size`, and
 * every entry can be compared with the user: it carries (or the LID map gives) a phone, or the user's
 * own LID is known so a different LID is somebody else.
 */
export function judgeRoster(meta: GroupMetadata, wanted: ReadonlySet<string>, lids: Pick<WaLidMap, 'pnForLid'>): RosterVerdict {
  const list = meta.participants ?? [];
  // Each entry with the phone the LID map gives for its LID, if the server sent none.
  const entries = list.map((p) => {
    const hs = handlesOfEntry(p);
    const learned = hs.filter((h) => isLidUser(h)).map((h) => lids.pnForLid(h)).filter((h): h is string => Boolean(h));
    return [...hs, ...learned];
  });
  if (entries.some((hs) => hs.some((h) => wanted.has(h)))) return { found: true };
  if (meta.isCommunityAnnounce) return { found: false, gap: 'community_announce' };
  if (typeof meta.size === 'number' && meta.size > list.length) return { found: false, gap: 'short_roster' };
  const wantPn = [...wanted].some((h) => isPnUser(h));
  const wantLid = [...wanted].some((h) => isLidUser(h));
  const comparable = (hs: string[]) => (wantPn && hs.some((h) => isPnUser(h))) || (wantLid && hs.some((h) => isLidUser(h)));
  if (!entries.every(comparable)) return { found: false, gap: 'unresolved_lid' };
  return { found: false };
}

/** `MembershipChecker` for WhatsApp groups; undefined when it cannot tell (no connection, fetch failed). */
export class WhatsAppMembershipChecker implements MembershipChecker {
  readonly platform = 'whatsapp' as const;
  /** The gap behind the last "not found" per chat and user, read by `certain` right after `isMember`. */
  private readonly gaps = new Map<string, RosterGap | null>();

  constructor(
    /** Metadata no older than `maxAgeMs`, or undefined when it cannot be had (`GroupMetaCache.fresh`). */
    private readonly metadata: (chatId: string, maxAgeMs: number) => Promise<GroupMetadata | undefined>,
    private readonly lids: WaLidMap,
  ) {}

  /** `userId` is the member's phone JID (or LID). False means "not in the list"; `certain` says whether that proves a leave. */
  async isMember(chatId: string, userId: string, opts: { maxAgeMs?: number } = {}): Promise<boolean | undefined> {
    const meta = await this.metadata(chatId, opts.maxAgeMs ?? MEMBERSHIP_MAX_AGE_MS);
    if (!meta) return undefined;
    const v = judgeRoster(meta, this.handlesOf(userId), this.lids);
    this.gaps.set(`${chatId}|${userId}`, v.gap ?? null);
    if (this.gaps.size > 5000) this.gaps.delete(this.gaps.keys().next().value as string);
    return v.found;
  }

  /** Whether the last "not found" for this user in this chat proves a leave (see `judgeRoster`). */
  certain(chatId: string, userId?: string): boolean {
    return !this.gap(chatId, userId);
  }

  /** Why the last "not found" for this user in this chat proves nothing, if it does not. */
  gap(chatId: string, userId?: string): RosterGap | undefined {
    if (userId === undefined) return undefined;
    return this.gaps.get(`${chatId}|${userId}`) ?? undefined;
  }

  /** Every JID the user may appear under: as given, its LID or phone from the learned map. */
  private handlesOf(userId: string): Set<string> {
    const id = jidNormalizedUser(userId);
    const other = id.endsWith('@lid') ? this.lids.pnForLid(id) : this.lids.lidForPn(id);
    return new Set([id, ...(other ? [other] : [])]);
  }
}
