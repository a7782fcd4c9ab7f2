import 'server-only';
import pg from 'pg';

// What lets an app process cache sessions, memberships, documents, reading lists and tags
// (docs/adr/0011): triggers on those tables NOTIFY `marginalia_cache` with the kind and key of
// every changed row, and each process holds ONE LISTEN on it (a pg client of its own). A cache
// is used only while that LISTEN is in place: before it is, and from the moment its connection
// is lost until it is back, every lookup goes to PostgreSQL and nothing is stored. Losing it
// also empties every cache, since what changed meanwhile was not heard.
//
// Writes made by this process drop what they touch at once, without waiting for their own
// notification (db.ts reports every statement that writes one of these tables), so a
// reader's next request to the same process never sees the state before their write.

export const CACHE_CHANNEL = 'marginalia_cache';
const RETRY_MS = 1_000;
/** A LISTEN connection that stopped answering is replaced: its notifications may be lost. */
const WATCHDOG_MS = 10_000;

export type ChangeKind = 'session' | 'user' | 'member' | 'group' | 'document' | 'reading' | 'tag';
/** `key` null: every entry of that kind. */
export type Invalidation = (kind: ChangeKind, key: string | null) => void;

const TABLE_KINDS: Record<string, ChangeKind> = {
  sessions: 'session',
  users: 'user',
  memberships: 'member',
  groups: 'group',
  documents: 'document',
  readings: 'reading',
  tags: 'tag',
};
const WRITE = /^\s*(INSERT|UPDATE|DELETE|WITH|MERGE)\b/i;
const WATCHED_TABLE = /"(sessions|users|memberships|groups|documents|readings|tags)"/g;

/** The cached kinds a statement may change (by table name; more is harmless, fewer is not). */
export function kindsWrittenBy(text: string): ChangeKind[] {
  if (!WRITE.test(text)) return [];
  const kinds = new Set<ChangeKind>();
  for (const match of text.matchAll(WATCHED_TABLE)) kinds.add(TABLE_KINDS[match[1]!]!);
  return [...kinds];
}

class ChangeFeed {
  /** true while the LISTEN is in place: only then may a cache answer or store */
  live = false;
  /** bumped by every invalidation: a value read before a change is not stored after it */
  epoch = 0;
  private client: pg.Client | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private invalidations = new Set<Invalidation>();
  private closed = false;

  /** the PostgreSQL backend holding the LISTEN (tests cut it to prove the fallback) */
  get backendPid(): number | null {
    return this.live ? ((this.client as unknown as { processID?: number } | null)?.processID ?? null) : null;
  }

  onInvalidate(handler: Invalidation) {
    this.invalidations.add(handler);
  }

  invalidate(kind: ChangeKind, key: string | null) {
    this.epoch++;
    for (const handler of this.invalidations) handler(kind, key);
  }

  private invalidateAll() {
    for (const kind of Object.values(TABLE_KINDS)) this.invalidate(kind, null);
  }

  /** Starts listening if it is not already (called by every cache lookup; cheap). */
  ensure() {
    if (this.client || this.retry || this.closed) return;
    const url = process.env.DATABASE_URL;
    if (!url) return;
    const client = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 5_000 });
    this.client = client;
    client.on('notification', (message) => this.receive(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client
      .connect()
      .then(() => client.query(`LISTEN ${CACHE_CHANNEL}`))
      .then(() => {
        if (this.client !== client) return;
        this.live = true;
        this.watchdog = unref(setInterval(() => this.check(client), WATCHDOG_MS));
      })
      .catch((error: Error) => this.lost(client, error));
  }

  private check(client: pg.Client) {
    const timeout = unref(setTimeout(() => this.lost(client, new Error('no answer within 5 s')), 5_000));
    client.query('SELECT 1').then(
      () => clearTimeout(timeout),
      (error: Error) => {
        clearTimeout(timeout);
        this.lost(client, error);
      },
    );
  }

  private receive(payload: string | undefined) {
    let notice: { t?: string; k?: string | null };
    try {
      notice = JSON.parse(payload ?? '');
    } catch {
      return;
    }
    if (!notice.t || !Object.values(TABLE_KINDS).includes(notice.t as ChangeKind)) return;
    this.invalidate(notice.t as ChangeKind, notice.k ?? null);
  }

  private lost(client: pg.Client, error?: Error) {
    if (this.client !== client) return;
    if (this.live && !this.closed)
      console.error(
        `[cache] change feed lost${error ? ` (${error.message})` : ''}; caches off until it is back`,
      );
    this.client = null;
    this.live = false;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.invalidateAll();
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.retry = unref(
      setTimeout(() => {
        this.retry = null;
        this.ensure();
      }, RETRY_MS),
    );
  }

  /** Stops listening for good (tests, before their database is dropped). */
  async close() {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    if (client) this.lost(client);
  }
}

function unref<T extends ReturnType<typeof setTimeout>>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

/** One per process, also across Next's dev reloads and its separate route bundles. */
export function changeFeed(): ChangeFeed {
  const holder = globalThis as unknown as { marginaliaChangeFeed?: ChangeFeed };
  holder.marginaliaChangeFeed ??= new ChangeFeed();
  return holder.marginaliaChangeFeed;
}

/**
 * A per-process cache of values read from PostgreSQL, dropped through the change feed.
 * `drop` says which entries a change of a kind (and key) makes stale.
 */
export class SharedCache<V> {
  private entries = new Map<string, V>();

  constructor(
    private readonly max: number,
    drop: (entries: Map<string, V>, kind: ChangeKind, key: string | null) => void,
  ) {
    changeFeed().onInvalidate((kind, key) => drop(this.entries, kind, key));
  }

  /** The cached value, or `load()`'s, stored only if nothing changed while it was read
   * (null, "not found", is never stored). */
  async get<L extends V | null>(key: string, load: () => Promise<L>): Promise<L> {
    const feed = changeFeed();
    feed.ensure();
    if (!feed.live) return load();
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit as L;
    const epoch = feed.epoch;
    const value = await load();
    if (value !== null && feed.live && feed.epoch === epoch) {
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, value);
    }
    return value;
  }

  delete(key: string) {
    this.entries.delete(key);
  }
}

/** A named cache, one per process (see `changeFeed`). */
export function sharedCache<V>(
  name: string,
  max: number,
  drop: (entries: Map<string, V>, kind: ChangeKind, key: string | null) => void,
): SharedCache<V> {
  const holder = globalThis as unknown as { marginaliaCaches?: Map<string, SharedCache<unknown>> };
  holder.marginaliaCaches ??= new Map();
  let cache = holder.marginaliaCaches.get(name) as SharedCache<V> | undefined;
  if (!cache) {
    cache = new SharedCache<V>(max, drop);
    holder.marginaliaCaches.set(name, cache as SharedCache<unknown>);
  }
  return cache;
}
