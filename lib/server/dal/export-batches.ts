import 'server-only';

// How an export's batches reach the response (export-cursor.ts): written two at a time by
// PostgreSQL, each asked for before the caller has finished with the one before.

/** Batches from a source, the next one already requested while the caller formats the
 * current one: PostgreSQL writes batch n+1 while this process sends batch n, instead of
 * each waiting for the other. */
export async function* readAhead<T, U>(
  source: AsyncIterable<T>,
  onArrival: (batch: T) => U,
): AsyncGenerator<U> {
  const iterator = source[Symbol.asyncIterator]();
  // Promise.resolve: an async iterator's next() may answer with a plain value.
  const request = () =>
    Promise.resolve(iterator.next()).then((r) => (r.done ? null : { value: onArrival(r.value) }));
  let pending: Promise<{ value: U } | null> | null = request();
  let done = false;
  try {
    for (;;) {
      const current: { value: U } | null = await pending;
      pending = null;
      if (current === null) {
        done = true;
        return;
      }
      pending = request();
      yield current.value;
    }
  } finally {
    // Stopped early (a cancelled download): let the batch in flight arrive, then close the
    // source (writeInTurns waits for its queries), so the connections go back to the pool
    // with no query running.
    const last = pending ? await pending.catch(() => null) : undefined;
    if (!done && last !== null) await iterator.return?.();
  }
}

/**
 * The sorted keys (two uuids a row: 15 MB at 100,000), then their rows written a batch at
 * a time, two batches at once on two connections. PostgreSQL writing the rows is what
 * bounds an export (one backend at 95 % of a core while this process used 10–25 %), so two
 * backends share it: 9–25 % less time on 2 cores (docs/benchmarks.md, "Exports written two
 * batches at once"). Batches come out in order; at most two are held besides the one being
 * consumed.
 */
export async function* writeInTurns<K, R>(
  all: K[],
  batchSize: number,
  write: (batch: K[], turn: number) => Promise<R>,
): AsyncGenerator<R> {
  const count = Math.ceil(all.length / batchSize);
  const running = new Map<number, Promise<R>>();
  const start = (turn: number) => {
    if (turn >= count) return;
    const rows = write(all.slice(turn * batchSize, (turn + 1) * batchSize), turn);
    rows.catch(() => undefined); // awaited in its turn; a cancelled export never does
    running.set(turn, rows);
  };
  start(0);
  start(1);
  try {
    for (let turn = 0; turn < count; turn++) {
      const rows = await running.get(turn)!;
      running.delete(turn);
      // The next batch on the connection this one has just freed.
      start(turn + 2);
      yield rows;
    }
  } finally {
    // Stopped early (a cancelled download): the export's connection goes back to the pool
    // with no query running.
    await Promise.allSettled(running.values());
  }
}
