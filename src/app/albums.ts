/**
 * Albums: several photos or documents sent at once arrive as separate messages sharing one group id (Telegram's
 * `media_group_id`), each its own update. To the bot an album is ONE message: it is answered once, with every
 * file in it (one self-report, one receipt; or one step of an open guided report), and the flood guard counts it
 * once, so a ten-picture album is never refused halfway. The collector gathers an album's messages until none has
 * come for ALBUM_QUIET_MS (Telegram sends them together, but over one or more polls or webhook calls), then hands
 * them over in one call. It never blocks the message that brought an item: telegraf fetches the next updates only
 * when a batch's handlers are done (telegraf/lib/core/network/polling.js, `loop`), so waiting there would cut
 * an album in two. What the album stands for is decided by the caller with the use cases of report-flow.ts.
 * Held in memory for at most ALBUM_MAX_WAIT_MS: a crash in that window leaves the album's messages recorded as
 * events but unanswered, as any message whose reply was not yet queued.
 */

/** An album is complete when none of its messages came for this long. */
export const ALBUM_QUIET_MS = 1_500;
/** An album is answered at the latest this long after its first message, however its messages trickle in. */
export const ALBUM_MAX_WAIT_MS = 10_000;

interface Open<T> {
  items: T[];
  admitted: boolean;
  quiet: NodeJS.Timeout;
  deadline: NodeJS.Timeout;
}

/** Collects albums per key (platform, sender, group id) and hands each over once, complete. */
export class AlbumCollector<T> {
  private readonly open = new Map<string, Open<T>>();

  /**
   * @param complete called once per album with its items in arrival order, when it is complete (or flushed);
   *   only for an album whose first message was admitted.
   */
  constructor(
    private readonly complete: (items: T[]) => void,
    private readonly o: { quietMs?: number; maxWaitMs?: number } = {},
  ) {}

  /**
   * Adds one message of an album. The album's first message asks `admit` (the flood guard) for the whole album;
   * the others share that answer. Returns whether the album is admitted.
   */
  add(key: string, item: T, admit: () => boolean): boolean {
    const quietMs = this.o.quietMs ?? ALBUM_QUIET_MS;
    const found = this.open.get(key);
    if (found) {
      found.items.push(item);
      found.quiet.refresh();
      return found.admitted;
    }
    const admitted = admit();
    const a: Open<T> = {
      items: [item],
      admitted,
      quiet: setTimeout(() => this.finish(key), quietMs),
      deadline: setTimeout(() => this.finish(key), this.o.maxWaitMs ?? ALBUM_MAX_WAIT_MS),
    };
    this.open.set(key, a);
    return admitted;
  }

  /** Albums being gathered (health, tests). */
  get pending(): number {
    return this.open.size;
  }

  /** Hands over every album gathered so far at once (the bot is stopping). */
  flush(): void {
    for (const key of [...this.open.keys()]) this.finish(key);
  }

  private finish(key: string): void {
    const a = this.open.get(key);
    if (!a) return;
    this.open.delete(key);
    clearTimeout(a.quiet);
    clearTimeout(a.deadline);
    if (a.admitted) this.complete(a.items);
  }
}
