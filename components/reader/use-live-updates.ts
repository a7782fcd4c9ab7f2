'use client';
// Live updates on the reader: an EventSource on the document's events stream. The
// stream carries ids only; the page fetches what changed through the API (which
// checks access again). A burst of changes is gathered into one update, and after a
// lost connection the page resyncs: it may have missed changes meanwhile.
import { useEffect, useRef, useState } from 'react';

export const LIVE_BATCH_MS = 150;
/** More changed annotations than this at once and a full reload of the list is cheaper. */
export const LIVE_MAX_IDS = 25;
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;

export interface ChangeBatch {
  /** annotations to fetch again (404 = gone or no longer visible) */
  annotationIds: string[];
  /** annotations whose thread changed */
  replyAnnotationIds: string[];
  /** reload the whole list instead of single annotations */
  resync: boolean;
  /** an argument link was created, changed or deleted (the stream gives its id only) */
  links: boolean;
}

interface Timers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Gathers changes for `delayMs` after the first one, then flushes them at once. */
export function createChangeBatcher(
  flush: (batch: ChangeBatch) => void,
  opts: { delayMs?: number; maxIds?: number; timers?: Timers } = {},
) {
  const { delayMs = LIVE_BATCH_MS, maxIds = LIVE_MAX_IDS, timers = realTimers } = opts;
  let annotationIds = new Set<string>();
  let replyAnnotationIds = new Set<string>();
  let resync = false;
  let links = false;
  let timer: unknown = null;

  const run = () => {
    timer = null;
    const batch: ChangeBatch = {
      annotationIds: resync || annotationIds.size > maxIds ? [] : [...annotationIds],
      replyAnnotationIds: [...replyAnnotationIds],
      resync: resync || annotationIds.size > maxIds,
      links,
    };
    annotationIds = new Set();
    replyAnnotationIds = new Set();
    resync = false;
    links = false;
    flush(batch);
  };
  const schedule = () => {
    timer ??= timers.set(run, delayMs);
  };

  return {
    annotation(id: string) {
      annotationIds.add(id);
      schedule();
    },
    reply(annotationId: string) {
      replyAnnotationIds.add(annotationId);
      schedule();
    },
    link() {
      links = true;
      schedule();
    },
    resync() {
      resync = true;
      schedule();
    },
    dispose() {
      if (timer !== null) timers.clear(timer);
      timer = null;
    },
  };
}

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LiveUpdateOptions {
  /** the document's id or slug */
  documentId: string;
  onAnnotationChanged: (ids: string[]) => void;
  onReplyChanged: (annotationId: string) => void;
  /** reload the list (and open threads): changes may have been missed */
  onResync: () => void;
  /** argument links changed (or may have: after a resync); reload the links shown */
  onLinkChanged?: () => void;
  /** the stream is open for the first time: a page rendered on the server before it opened
   * may lack what changed in between (the stream has no history to replay) */
  onFirstOpen?: () => void;
  /** false pauses the stream (e.g. reading an earlier, read-only version) */
  enabled?: boolean;
}

function parseData(event: Event): Record<string, unknown> | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data);
  } catch {
    return null;
  }
}

export function useLiveUpdates(options: LiveUpdateOptions): { status: LiveStatus } {
  const { documentId, enabled = true } = options;
  const handlers = useRef(options);
  // The status belongs to one stream: a new document or re-enabling starts at 'connecting'.
  const streamKey = enabled ? documentId : null;
  const [reported, setReported] = useState<{ key: string | null; status: LiveStatus }>({
    key: null,
    status: 'connecting',
  });
  const status = reported.key === streamKey ? reported.status : 'connecting';

  useEffect(() => {
    handlers.current = options;
  });

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const url = `/api/v1/documents/${encodeURIComponent(documentId)}/events`;
    const setStatus = (next: LiveStatus) => setReported({ key: documentId, status: next });
    const batcher = createChangeBatcher((batch) => {
      const h = handlers.current;
      if (batch.resync) h.onResync();
      else if (batch.annotationIds.length > 0) h.onAnnotationChanged(batch.annotationIds);
      for (const id of batch.replyAnnotationIds) h.onReplyChanged(id);
      if (batch.links || batch.resync) h.onLinkChanged?.();
    });
    let source: EventSource | null = null;
    let opened = false;
    let missedSome = false;
    let retryDelay = RETRY_FIRST_MS;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;

    const connect = () => {
      retryTimer = null;
      const current = new EventSource(url);
      source = current;
      current.addEventListener('open', () => {
        setStatus('live');
        retryDelay = RETRY_FIRST_MS;
        if (!opened) {
          opened = true;
          handlers.current.onFirstOpen?.();
        }
        if (missedSome) {
          missedSome = false;
          batcher.resync();
        }
      });
      current.addEventListener('annotation', (event) => {
        const data = parseData(event);
        if (typeof data?.id === 'string') batcher.annotation(data.id);
      });
      current.addEventListener('reply', (event) => {
        const data = parseData(event);
        if (typeof data?.annotationId === 'string') batcher.reply(data.annotationId);
      });
      current.addEventListener('link', () => batcher.link());
      current.addEventListener('resync', () => batcher.resync());
      current.addEventListener('error', () => {
        missedSome = true;
        if (current.readyState !== EventSource.CLOSED) {
          setStatus('reconnecting');
          return;
        }
        // The browser gave up (an error answer such as 401 or 503): try again later ourselves.
        current.close();
        setStatus('offline');
        retryTimer = setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
      });
    };

    connect();
    return () => {
      if (retryTimer) clearTimeout(retryTimer);
      source?.close();
      batcher.dispose();
    };
  }, [documentId, enabled]);

  return { status };
}
