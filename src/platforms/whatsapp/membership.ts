/**
 * Membership checks on WhatsApp: is this phone still in that group? Answered
 * from fresh group metadata (one fetch per group per few minutes, then the
 * SQLite cache), matching the member by phone JID or by its LID.
 */
import { jidNormalizedUser } from '@whiskeysockets/baileys';
import type { MembershipChecker } from '../../app/ports.js';
import type { Db } from '../../store/db.js';
import { readGroupMeta, writeGroupMeta, type WaSocketLike } from './connection.js';
import type { WaLidMap } from './identities.js';

/** How long fetched metadata answers checks before it is fetched again. */
export const MEMBERSHIP_MAX_AGE_MS = 5 * 60_000;

/** `MembershipChecker` for WhatsApp groups; undefined when it cannot tell (no connection, fetch failed). */
export class WhatsAppMembershipChecker implements MembershipChecker {
  readonly platform = 'whatsapp' as const;
  private readonly fetchedAt = new Map<string, number>();

  constructor(
    private readonly socket: () => WaSocketLike | undefined,
    private readonly db: Db,
    private readonly lids: WaLidMap,
    private readonly clock: () => number,
  ) {}

  /** `userId` is the member's phone JID (or LID). */
  async isMember(chatId: string, userId: string): Promise<boolean | undefined> {
    const fresh = await this.refresh(chatId);
    if (!fresh) return undefined;
    const meta = readGroupMeta(this.db, chatId);
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

  /** Fetches the group's metadata unless it was fetched recently; false when it could not be. */
  private async refresh(chatId: string): Promise<boolean> {
    const now = this.clock();
    const last = this.fetchedAt.get(chatId);
    if (last !== undefined && now - last < MEMBERSHIP_MAX_AGE_MS) return true;
    const sock = this.socket();
    if (!sock) return false;
    try {
      writeGroupMeta(this.db, await sock.groupMetadata(chatId), now);
      this.fetchedAt.set(chatId, now);
      return true;
    } catch {
      return false;
    }
  }
}
