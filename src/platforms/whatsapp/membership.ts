/**
 * Membership checks on WhatsApp: is this phone still in that group? Answered
 * from group metadata no older than a few minutes (fetched through the group
 * metadata cache's limiter, see group-cache.ts), matching the member by phone
 * JID or by its LID.
 */
import { jidNormalizedUser, type GroupMetadata } from '@whiskeysockets/baileys';
import type { MembershipChecker } from '../../app/ports.js';
import type { WaLidMap } from './identities.js';

/** How long fetched metadata answers checks before it is fetched again. */
export const MEMBERSHIP_MAX_AGE_MS = 5 * 60_000;

/** `MembershipChecker` for WhatsApp groups; undefined when it cannot tell (no connection, fetch failed). */
export class WhatsAppMembershipChecker implements MembershipChecker {
  readonly platform = 'whatsapp' as const;

  constructor(
    /** Metadata no older than `maxAgeMs`, or undefined when it cannot be had (`GroupMetaCache.fresh`). */
    private readonly metadata: (chatId: string, maxAgeMs: number) => Promise<GroupMetadata | undefined>,
    private readonly lids: WaLidMap,
  ) {}

  /** `userId` is the member's phone JID (or LID). */
  async isMember(chatId: string, userId: string): Promise<boolean | undefined> {
    const meta = await this.metadata(chatId, MEMBERSHIP_MAX_AGE_MS);
    if (!meta) return undefined;
    const wanted = this.handlesOf(userId);
    return meta.participants.some((p) =>
      [p.id, p.phoneNumber, p.lid].some((h) => typeof h === 'string' && wanted.has(jidNormalizedUser(h))),
    );
  }

  /** Every JID the user may appear under: as given, its LID or phone from the learned map. */
  private handlesOf(userId: string): Set<string> {
    const id = jidNormalizedUser(userId);
    const other = id.endsWith('@lid') ? this.lids.pnForLid(id) : this.lids.lidForPn(id);
    return new Set([id, ...(other ? [other] : [])]);
  }
}
