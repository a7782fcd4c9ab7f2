import { describe, expect, it } from 'vitest';
import { createChangeBatcher, type ChangeBatch } from './use-live-updates';

/** Timers driven by hand: `fire()` runs what is due, as if the delay had passed. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    timers: {
      set: (fn: () => void) => {
        pending.set(next, fn);
        return next++;
      },
      clear: (h: unknown) => void pending.delete(h as number),
    },
    fire() {
      const due = [...pending.values()];
      pending.clear();
      due.forEach((fn) => fn());
    },
    get pending() {
      return pending.size;
    },
  };
}

function setup(maxIds = 25) {
  const clock = manualTimers();
  const flushed: ChangeBatch[] = [];
  const batcher = createChangeBatcher((b) => flushed.push(b), { timers: clock.timers, maxIds });
  return { clock, flushed, batcher };
}

describe('createChangeBatcher', () => {
  it('turns a burst of changes into one update, each annotation once', () => {
    const { clock, flushed, batcher } = setup();
    batcher.annotation('a');
    batcher.annotation('b');
    batcher.annotation('a');
    batcher.reply('a');
    batcher.reply('a');
    expect(flushed).toEqual([]);
    expect(clock.pending).toBe(1);
    clock.fire();
    expect(flushed).toEqual([
      { annotationIds: ['a', 'b'], replyAnnotationIds: ['a'], resync: false, links: false },
    ]);
    batcher.annotation('c');
    clock.fire();
    expect(flushed[1]).toEqual({ annotationIds: ['c'], replyAnnotationIds: [], resync: false, links: false });
  });

  it('asks for a full reload instead of many single fetches, or when the server says so', () => {
    const { clock, flushed, batcher } = setup(3);
    for (const id of ['a', 'b', 'c', 'd']) batcher.annotation(id);
    batcher.reply('a');
    clock.fire();
    expect(flushed[0]).toEqual({ annotationIds: [], replyAnnotationIds: ['a'], resync: true, links: false });
    batcher.annotation('e');
    batcher.resync();
    clock.fire();
    expect(flushed[1]).toEqual({ annotationIds: [], replyAnnotationIds: [], resync: true, links: false });
  });

  it('gathers link changes into the same update', () => {
    const { clock, flushed, batcher } = setup();
    batcher.link();
    batcher.annotation('a');
    batcher.link();
    expect(clock.pending).toBe(1);
    clock.fire();
    expect(flushed).toEqual([{ annotationIds: ['a'], replyAnnotationIds: [], resync: false, links: true }]);
    batcher.annotation('b');
    clock.fire();
    expect(flushed[1].links).toBe(false);
  });

  it('drops what is pending once disposed (the page has gone)', () => {
    const { clock, flushed, batcher } = setup();
    batcher.annotation('a');
    batcher.dispose();
    clock.fire();
    expect(flushed).toEqual([]);
  });
});
