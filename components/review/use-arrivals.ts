'use client';
import { useEffect, useRef, useState } from 'react';

const MARKED_FOR_MS = 8000;

/** Ids that appeared after the page loaded (a live arrival, one's own new note), for a few
 * seconds, so the panel can mark where they landed. */
export function useArrivals(ids: readonly string[]): ReadonlySet<string> {
  const known = useRef<Set<string> | null>(null);
  const timers = useRef<number[]>([]);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());

  useEffect(() => {
    if (!known.current) {
      known.current = new Set(ids);
      return;
    }
    const seen = known.current;
    const arrived = ids.filter((id) => !seen.has(id));
    if (arrived.length === 0) return;
    for (const id of arrived) seen.add(id);
    const update = (fn: (next: Set<string>) => void) =>
      setFresh((prev) => {
        const next = new Set(prev);
        fn(next);
        return next;
      });
    // Marked now, unmarked a little later; both from callbacks, not during rendering.
    queueMicrotask(() => update((next) => arrived.forEach((id) => next.add(id))));
    timers.current.push(
      window.setTimeout(() => update((next) => arrived.forEach((id) => next.delete(id))), MARKED_FOR_MS),
    );
  }, [ids]);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => window.clearTimeout(t));
  }, []);

  return fresh;
}
