/**
 * Albums: several photos or documents sent at once arrive as separate messages sharing one group id (Telegram's
 * `media_group_id`; on WhatsApp the key of the album's `albumMessage` header, which each picture names in its
 * `messageContextInfo.messageAssociation.parentMessageKey`), each its own update. To the bot an album is ONE message: it is answered once, with every
 * file in it (one self-report, one receipt; or one step of an open guided report), and the flood guard counts it
 * once, so a ten-picture album is never refused halfway. The collector gathers an album's messages until none has
 * come for ALBUM_QUIET_MS (Telegram sends them together, but over one or more polls or webhook calls), then hands
 * them over in one call. It never blocks the message that brought an item: telegraf fetches the next updates only
 * when a batch's handlers are done (telegraf/lib/core/network/polling.js, `loop`), so waiting there would cut
 * an album in two. What the album stands for is decided by the caller with the use cases of report-flow.ts.
 * Gathered in memory for at most ALBUM_MAX_WAIT_MS; both adapters also write each message to the database as it
 * comes (store/pending-pictures.ts) and give their albums back with `resume` after a restart or a crash.
 */

/** An album is complete when none of its messages came for this long. */
export const ALBUM_QUIET_MS = 1_500;
/** An album is answered at the latest this long after its first message, however its messages trickle in. */
export const ALBUM_MAX_WAIT_MS = 10_000;

/**
 * WhatsApp: a phone sends an album as a header (`albumMessage` with expectedImageCount / expectedVideoCount) and
 * then each picture as its own message, uploading one after another, so on a slow line the gap between two
 * pictures can be seconds. With the header seen, the album is complete when that many pictures came (or at
 * WA_ALBUM_MAX_WAIT_MS); without it, when none came for WA_ALBUM_QUIET_MS.
 */
export const WA_ALBUM_QUIET_MS = 5_000;
/** WhatsApp: an album is answered at the latest this long after its first picture (or its header). */
export const WA_ALBUM_MAX_WAIT_MS = 30_000;

/**
 * An album kept in the database (store/pending-pictures.ts) and still unanswered this long after its first picture is
 * dropped by the retention job: an album is answered within its window whenever the bot is connected, and after a
 * restart at the first connection, so one still waiting a week later belongs to a platform the bot no longer
 * connects to (WhatsApp unlinked, Telegram turned off). A week covers a long outage or a re-link (such an album is
 * still answered when the bot comes back), as the OCR's resume window does (app/ocr/screenshots.ts); after that a
 * receipt would come too late to mean anything to the ASN, who has reported another way or not at all, while the rows
 * keep media keys, URLs, file ids and captions. RETENTION_DAYS, when shorter, wins.
 */
export const UNFINISHED_ALBUM_DROP_MS = 7 * 86_400_000;

/**
 * Items gathered in one album, at most. Telegram sends ten at most; a WhatsApp phone sends its albums as a header and
 * pictures naming it, and nothing but the sender's client bounds how many name one header: a crafted client could
 * send thousands, each held in memory and written to the database until the album is answered, all counted once by
 * the flood guard. A report keeps ten files and names the rest as beyond the cap; past this many the album's other
 * messages are not gathered at all (they stay in the event log, as any message past the flood limits).
 */
export const ALBUM_MAX_ITEMS = 100;

/** Album headers remembered at once, at most. */
const MAX_EXPECTED = 10_000;

interface Open<T> {
  items: T[];
  ids: Set<string>;
  admitted: boolean;
  quiet: NodeJS.Timeout;
  deadline: NodeJS.Timeout;
}

/**
 * What `add` did with one message: `taken` when it joined its album (false: the same message was in it already, or the
 * album holds ALBUM_MAX_ITEMS), and whether the album is admitted (the flood guard's answer for its first message).
 * A caller keeps a message (store/pending-pictures.ts) only when it was taken into an admitted album.
 */
export interface AlbumAdd {
  taken: boolean;
  admitted: boolean;
}

/** Collects albums per key (platform, sender, group id) and hands each over once, complete. */
export class AlbumCollector<T> {
  private readonly open = new Map<string, Open<T>>();
  /** How many items albums announced (WhatsApp's album header), by key; forgotten after the maximum wait. */
  private readonly expected = new Map<string, { count: number; timer: NodeJS.Timeout }>();

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
   * the others share that answer. Says whether the message was taken, and whether the album is admitted.
   */
  add(key: string, item: T, admit: () => boolean, id?: string): AlbumAdd {
    const quietMs = this.o.quietMs ?? ALBUM_QUIET_MS;
    const found = this.open.get(key);
    if (found) {
      // The same message delivered twice while the album is gathered counts once.
      if (id !== undefined && found.ids.has(id)) return { taken: false, admitted: found.admitted };
      // A full album takes no more (and its quiet gap is not prolonged by them).
      if (found.items.length >= ALBUM_MAX_ITEMS) return { taken: false, admitted: found.admitted };
      found.items.push(item);
      if (id !== undefined) found.ids.add(id);
      found.quiet.refresh();
      this.completeIfAll(key);
      return { taken: true, admitted: found.admitted };
    }
    const admitted = admit();
    const a: Open<T> = {
      items: [item],
      ids: new Set(id !== undefined ? [id] : []),
      admitted,
      quiet: setTimeout(() => this.onQuiet(key), quietMs),
      deadline: setTimeout(() => this.finish(key), this.o.maxWaitMs ?? ALBUM_MAX_WAIT_MS),
    };
    this.open.set(key, a);
    this.completeIfAll(key);
    return { taken: true, admitted };
  }

  /**
   * The album announces how many items it has (WhatsApp's `albumMessage` header, which comes before its pictures,
   * or late): it is complete as soon as that many distinct items came, and no quiet gap cuts it before (only the
   * maximum wait does). Works whether the album is open yet or not.
   */
  expect(key: string, count: number): boolean {
    if (!(count > 0)) return false;
    const old = this.expected.get(key);
    // Headers carry no picture and are not counted by the flood guard: past this many waiting, a new one is ignored
    // (its album is then gathered as one without a header). Returns whether it was taken.
    if (!old && this.expected.size >= MAX_EXPECTED) return false;
    if (old) clearTimeout(old.timer);
    const timer = setTimeout(() => this.expected.delete(key), this.o.maxWaitMs ?? ALBUM_MAX_WAIT_MS);
    timer.unref?.();
    this.expected.set(key, { count, timer });
    this.completeIfAll(key);
    return true;
  }

  private completeIfAll(key: string): void {
    const a = this.open.get(key);
    const want = this.expected.get(key)?.count;
    // A full album whose header announced more waits for its deadline (not cut at ALBUM_MAX_ITEMS, so the rest are
    // not gathered as a second, late album): an oversized album is a crafted one, and waits as long as any may.
    if (a && want !== undefined && a.items.length >= want) this.finish(key);
  }

  private onQuiet(key: string): void {
    // An announced album is not cut by a pause between its pictures: it waits for the rest until the deadline.
    if (this.expected.has(key)) return;
    this.finish(key);
  }

  /**
   * Takes back an album gathered before a restart (its items were kept in the database), admitted already. Its
   * deadline counts from its first item (`elapsedMs` ago), but an album whose window has passed still waits one
   * quiet gap, for pictures the platform delivers again after the reconnect; then it is handed over with what came.
   * Items already in an album gathered since the restart are not added twice.
   */
  resume(key: string, items: readonly { item: T; id: string }[], elapsedMs: number): void {
    const quietMs = this.o.quietMs ?? ALBUM_QUIET_MS;
    const found = this.open.get(key);
    if (found) {
      for (const x of items) {
        if (found.ids.has(x.id)) continue;
        found.items.push(x.item);
        found.ids.add(x.id);
      }
      this.completeIfAll(key);
      return;
    }
    if (!items.length) return;
    const left = Math.max((this.o.maxWaitMs ?? ALBUM_MAX_WAIT_MS) - Math.max(0, elapsedMs), quietMs);
    const a: Open<T> = {
      items: items.map((x) => x.item),
      ids: new Set(items.map((x) => x.id)),
      admitted: true,
      quiet: setTimeout(() => this.onQuiet(key), quietMs),
      deadline: setTimeout(() => this.finish(key), left),
    };
    this.open.set(key, a);
    this.completeIfAll(key);
  }

  /** Forgets every album being gathered without handing it over (the bot is stopping and kept them elsewhere). */
  drop(): void {
    for (const a of this.open.values()) {
      clearTimeout(a.quiet);
      clearTimeout(a.deadline);
    }
    this.open.clear();
    for (const e of this.expected.values()) clearTimeout(e.timer);
    this.expected.clear();
  }

  /** Albums being gathered (health, tests). */
  get pending(): number {
    return this.open.size;
  }

  /** Hands over every album gathered so far at once (the bot is stopping). */
  flush(): void {
    for (const key of [...this.open.keys()]) this.finish(key);
    for (const e of this.expected.values()) clearTimeout(e.timer);
    this.expected.clear();
  }

  private finish(key: string): void {
    const a = this.open.get(key);
    if (!a) return;
    this.open.delete(key);
    const e = this.expected.get(key);
    if (e) {
      clearTimeout(e.timer);
      this.expected.delete(key);
    }
    clearTimeout(a.quiet);
    clearTimeout(a.deadline);
    if (a.admitted) this.complete(a.items);
  }
}
