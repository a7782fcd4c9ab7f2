import 'server-only';
import { randomUUID } from 'node:crypto';
import { db, rawSql } from './db';
import type { Reader } from './session';
import {
  annotationScope,
  hearsChange,
  visibleGroupsByReader,
  type ChangeNotice,
  type Standing,
} from './dal/annotation-access';
import { hearsLinkChange, type LinkNotice } from './dal/link-access';

// The fan-out behind the live stream (events.ts). Triggers on annotations and replies
// NOTIFY one channel; each app process holds ONE LISTEN on it and hands each change to
// the subscribers that may see its annotation (the rules of annotation-access.ts).
//
// Memberships are NOT cached: every batch of changes looks up, in one query for all
// the subscribers of a document, who belongs to the groups it touches (plus one for
// "reveal after you annotate" counts when a group uses it). A removed member therefore
// stops hearing of the group's changes with the very next one; their page is told to
// resync, which drops what they may no longer see.

export const EVENTS_CHANNEL = 'marginalia_events';
const WATCHDOG_MS = 30_000;
/** More changes than this at once (an import, say) and a page is told to resync instead. */
const MAX_EVENTS_PER_BATCH = 50;

type Op = ChangeNotice['op'];
/** An annotation, reply or argument link change (link-access.ts decides who hears a link). */
type Notice = ChangeNotice | LinkNotice;

export type LiveEvent =
  | { type: 'annotation'; data: { op: Op; id: string } }
  | { type: 'reply'; data: { op: Op; id: string; annotationId: string } }
  | { type: 'link'; data: { op: Op; id: string } }
  | { type: 'resync'; data: { reason: 'access-changed' | 'too-many-changes' | 'missed-changes' } };

interface Subscriber {
  reader: Reader;
  documentId: string;
  /** groups whose annotations by others this reader sees on the document, as last known */
  visibleGroups: Set<string>;
  send: (events: LiveEvent[]) => void;
}

const unique = <T>(items: T[]) => [...new Set(items)];

/** For each reader, their role in each of `groupIds` and which of those groups show them
 * others' annotations on the document (annotation-access.ts decides; this only asks for
 * many readers at once). */
async function standingsOf(documentId: string, groupIds: string[], readerIds: string[]) {
  const roles = new Map<string, Standing['memberships'][number][]>();
  if (groupIds.length === 0 || readerIds.length === 0)
    return { roles, visible: new Map<string, Set<string>>() };
  const memberships = await db.membership.findMany({
    where: { groupId: { in: groupIds }, userId: { in: readerIds } },
    select: { groupId: true, userId: true, role: true, group: { select: { revealAfter: true } } },
  });
  for (const m of memberships) {
    if (!roles.has(m.userId)) roles.set(m.userId, []);
    roles.get(m.userId)!.push({ groupId: m.groupId, role: m.role });
  }
  const visible = await visibleGroupsByReader(
    documentId,
    memberships.map((m) => ({
      userId: m.userId,
      groupId: m.groupId,
      role: m.role,
      revealAfter: m.group.revealAfter,
    })),
  );
  return { roles, visible };
}

function toEvents(notices: Notice[]): LiveEvent[] {
  // One event per changed row, in order of its last change.
  const last = new Map<string, Notice>();
  for (const n of notices) {
    const key = `${n.kind}:${n.id}`;
    last.delete(key);
    last.set(key, n);
  }
  return [...last.values()].map((n) =>
    n.kind === 'link'
      ? { type: 'link', data: { op: n.op, id: n.id } }
      : n.kind === 'reply'
        ? { type: 'reply', data: { op: n.op, id: n.id, annotationId: n.annotationId! } }
        : { type: 'annotation', data: { op: n.op, id: n.id } },
  );
}

class LiveHub {
  private byDocument = new Map<string, Set<Subscriber>>();
  private listening: Promise<{ unlisten: () => Promise<void> }> | null = null;
  private queue: Notice[] = [];
  private draining = false;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private pendingPing: string | null = null;

  /** Starts delivering to `send` once the LISTEN is in place; returns the unsubscribe. */
  async subscribe(reader: Reader, documentId: string, send: Subscriber['send']): Promise<() => void> {
    const scope = await annotationScope(reader, documentId);
    const subscriber: Subscriber = {
      reader,
      documentId,
      visibleGroups: new Set(scope.visibleGroupIds),
      send,
    };
    if (!this.byDocument.has(documentId)) this.byDocument.set(documentId, new Set());
    this.byDocument.get(documentId)!.add(subscriber);
    try {
      await this.listen();
    } catch (error) {
      this.remove(subscriber);
      throw error;
    }
    this.watchdog ??= unref(setInterval(() => this.checkListening(), WATCHDOG_MS));
    return () => this.remove(subscriber);
  }

  private get subscriberCount() {
    let count = 0;
    for (const set of this.byDocument.values()) count += set.size;
    return count;
  }

  private remove(subscriber: Subscriber) {
    const set = this.byDocument.get(subscriber.documentId);
    set?.delete(subscriber);
    if (set?.size === 0) this.byDocument.delete(subscriber.documentId);
    if (this.subscriberCount > 0) return;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.pendingPing = null;
    this.stopListening();
  }

  private listen() {
    if (!this.listening) {
      let established = false;
      const attempt = rawSql().listen(
        EVENTS_CHANNEL,
        (payload) => this.receive(payload),
        // postgres.js listens again by itself after a lost connection; what changed
        // meanwhile was not heard, so every page catches up.
        () => {
          if (established) this.resyncAll();
          established = true;
        },
      );
      this.listening = attempt;
      attempt.catch(() => {
        if (this.listening === attempt) this.listening = null;
      });
    }
    return this.listening;
  }

  private stopListening() {
    const current = this.listening;
    this.listening = null;
    current?.then((handle) => handle.unlisten()).catch(() => undefined);
  }

  /** postgres.js gives up listening again if the database is still down when it tries;
   * a ping through the channel that never comes back reveals that, and we listen anew. */
  private checkListening() {
    if (this.pendingPing) {
      this.pendingPing = null;
      this.stopListening();
      this.listen().then(
        () => this.resyncAll(),
        () => undefined,
      );
      return;
    }
    const nonce = randomUUID();
    this.pendingPing = nonce;
    rawSql()`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ kind: 'ping', nonce })})`.catch(() => {
      if (this.pendingPing === nonce) this.pendingPing = null;
    });
  }

  private receive(payload: string) {
    let notice: Notice & { nonce?: string };
    try {
      notice = JSON.parse(payload);
    } catch {
      return;
    }
    if ((notice.kind as string) === 'ping') {
      if (notice.nonce === this.pendingPing) this.pendingPing = null;
      return;
    }
    if (notice.kind !== 'annotation' && notice.kind !== 'reply' && notice.kind !== 'link') return;
    if (!this.byDocument.has(notice.documentId)) return;
    this.queue.push(notice);
    if (!this.draining) void this.drain();
  }

  /** Changes are handled in arrival order; whatever arrives meanwhile forms the next batch. */
  private async drain() {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, 1000);
        const byDocument = new Map<string, Notice[]>();
        for (const n of batch) {
          if (!byDocument.has(n.documentId)) byDocument.set(n.documentId, []);
          byDocument.get(n.documentId)!.push(n);
        }
        for (const [documentId, notices] of byDocument) {
          try {
            await this.deliver(documentId, notices);
          } catch (error) {
            console.error('[events] could not check who may see a change', error);
            for (const s of this.byDocument.get(documentId) ?? [])
              s.send([{ type: 'resync', data: { reason: 'missed-changes' } }]);
          }
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async deliver(documentId: string, notices: Notice[]) {
    const subscribers = [...(this.byDocument.get(documentId) ?? [])];
    if (subscribers.length === 0) return;
    const groupIds = unique(
      notices
        .flatMap((n) => [
          n.groupId,
          n.previousGroupId,
          ...(n.kind === 'link' ? n.ends.map((e) => e.groupId) : []),
        ])
        .filter((g): g is string => !!g),
    );
    const { roles, visible } = await standingsOf(
      documentId,
      groupIds,
      unique(subscribers.map((s) => s.reader.id)),
    );
    for (const s of subscribers) {
      if (!this.byDocument.get(documentId)?.has(s)) continue;
      const now = visible.get(s.reader.id) ?? new Set<string>();
      let accessChanged = false;
      for (const g of groupIds) {
        if (now.has(g) === s.visibleGroups.has(g)) continue;
        accessChanged = true;
        if (now.has(g)) s.visibleGroups.add(g);
        else s.visibleGroups.delete(g);
      }
      // Joined, left, removed, or past a "reveal after" threshold: the page reloads its
      // list, which shows (or drops) the group's annotations.
      if (accessChanged) {
        s.send([{ type: 'resync', data: { reason: 'access-changed' } }]);
        continue;
      }
      const viewer = {
        reader: s.reader,
        visibleGroupIds: [...s.visibleGroups],
        memberships: roles.get(s.reader.id) ?? [],
      };
      const events = toEvents(
        notices.filter((n) => (n.kind === 'link' ? hearsLinkChange(viewer, n) : hearsChange(viewer, n))),
      );
      if (events.length > MAX_EVENTS_PER_BATCH)
        s.send([{ type: 'resync', data: { reason: 'too-many-changes' } }]);
      else if (events.length > 0) s.send(events);
    }
  }

  private resyncAll() {
    for (const set of this.byDocument.values())
      for (const s of set) s.send([{ type: 'resync', data: { reason: 'missed-changes' } }]);
  }
}

export function unref<T extends ReturnType<typeof setInterval>>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

export function liveHub(): LiveHub {
  // One per process, also across Next's dev reloads.
  const holder = globalThis as unknown as { marginaliaLiveHub?: LiveHub };
  holder.marginaliaLiveHub ??= new LiveHub();
  return holder.marginaliaLiveHub;
}
