/**
 * The album collector's timing (src/app/albums.ts), on fake timers: Telegram's quiet gap, and WhatsApp's album header
 * (`albumMessage.expectedImageCount`, lib/Utils/messages.js generateWAMessageContent in Baileys rc14), which makes an
 * album complete as soon as the announced pictures came and keeps a pause between pictures from cutting it.
 * The real path (Baileys messages through the fake socket) is in tests/selfreport/whatsapp-album.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALBUM_MAX_ITEMS, AlbumCollector } from '../../src/app/albums.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const collector = (o = { quietMs: 1_000, maxWaitMs: 10_000 }) => {
  const done: string[][] = [];
  const c = new AlbumCollector<string>((items) => done.push(items), o);
  return { c, done };
};

describe('AlbumCollector', () => {
  it('without a header: complete after the quiet gap; the admit answer of the first item holds for the album', () => {
    const { c, done } = collector();
    let asked = 0;
    expect(c.add('k', 'a', () => (++asked, true))).toEqual({ taken: true, admitted: true });
    vi.advanceTimersByTime(900);
    expect(c.add('k', 'b', () => (++asked, false))).toEqual({ taken: true, admitted: true });
    vi.advanceTimersByTime(900);
    expect(done).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(done).toEqual([['a', 'b']]);
    expect(asked).toBe(1);
  });

  it('with a header (before or after the first item): complete the moment the announced count came, a redelivered item counted once', () => {
    const { c, done } = collector();
    c.expect('k', 3);
    c.add('k', 'a', () => true, 'id1');
    expect(c.add('k', 'a again', () => true, 'id1')).toEqual({ taken: false, admitted: true });
    c.add('k', 'b', () => true, 'id2');
    expect(done).toEqual([]);
    c.add('k', 'c', () => true, 'id3');
    expect(done).toEqual([['a', 'b', 'c']]);
    expect(c.pending).toBe(0);

    c.add('j', 'x', () => true, 'x1');
    c.expect('j', 1);
    expect(done.at(-1)).toEqual(['x']);
  });

  it('with a header: a pause longer than the quiet gap does not cut the album; the deadline answers with what came', () => {
    const { c, done } = collector();
    c.expect('k', 3);
    c.add('k', 'a', () => true, 'id1');
    vi.advanceTimersByTime(5_000);
    c.add('k', 'b', () => true, 'id2');
    vi.advanceTimersByTime(4_999);
    expect(done).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(done).toEqual([['a', 'b']]);
    // The header is forgotten with its album: a late picture is a new album, gathered until quiet.
    c.add('k', 'c', () => true, 'id3');
    vi.advanceTimersByTime(1_000);
    expect(done.at(-1)).toEqual(['c']);
  });

  it('a refused album is never handed over; flush hands over the rest at once', () => {
    const { c, done } = collector();
    expect(c.add('no', 'a', () => false)).toEqual({ taken: true, admitted: false });
    // A refused album still takes its messages (so they count once), and says it is refused for each.
    expect(c.add('no', 'a2', () => true)).toEqual({ taken: true, admitted: false });
    c.add('yes', 'b', () => true);
    c.expect('other', 2);
    c.flush();
    expect(done).toEqual([['b']]);
    vi.advanceTimersByTime(20_000);
    expect(done).toEqual([['b']]);
  });

  it('resume (after a restart): admitted without asking; a window that passed waits one quiet gap, one still running keeps its deadline; items gathered since are merged once', () => {
    const { c, done } = collector();
    // Its window passed long ago: one quiet gap for redelivered pictures, then handed over.
    c.resume('old', [{ item: 'a', id: '1' }, { item: 'b', id: '2' }], 60_000);
    c.add('old', 'b again', () => false, '2');
    c.add('old', 'c', () => false, '3');
    vi.advanceTimersByTime(999);
    expect(done).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(done).toEqual([['a', 'b', 'c']]);
    // 4 s into its 10: with its header it waits out the remaining 6 s, not a fresh 10.
    c.expect('run', 3);
    c.resume('run', [{ item: 'x', id: 'x' }], 4_000);
    vi.advanceTimersByTime(5_999);
    expect(done).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(done.at(-1)).toEqual(['x']);
    // A picture that came after the restart opened the album first: the kept ones join it, none twice; the header completes it.
    c.expect('both', 3);
    c.add('both', 'q', () => true, 'q');
    c.resume('both', [{ item: 'p', id: 'p' }, { item: 'q kept', id: 'q' }, { item: 'r', id: 'r' }], 2_000);
    expect(done.at(-1)).toEqual(['q', 'p', 'r']);
    // drop forgets without handing over.
    c.resume('gone', [{ item: 'z', id: 'z' }], 0);
    c.drop();
    vi.advanceTimersByTime(20_000);
    expect(done).toHaveLength(3);
    expect(c.pending).toBe(0);
  });

  it('an album takes ALBUM_MAX_ITEMS and no more; past them add says it did not take the item, and one announcing more waits for its deadline', () => {
    const { c, done } = collector();
    c.expect('k', ALBUM_MAX_ITEMS + 50);
    for (let i = 0; i < ALBUM_MAX_ITEMS + 20; i++) {
      expect(c.add('k', `p${i}`, () => true, `id${i}`)).toEqual({ taken: i < ALBUM_MAX_ITEMS, admitted: true });
      vi.advanceTimersByTime(10);
    }
    expect(done).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(done).toHaveLength(1);
    expect(done[0]).toHaveLength(ALBUM_MAX_ITEMS);
    expect(done[0]!.at(-1)).toBe(`p${ALBUM_MAX_ITEMS - 1}`);
    // Handed over: the key starts a new album, which takes its first item.
    expect(c.add('k', 'again', () => true, 'id0')).toEqual({ taken: true, admitted: true });
  });
});
