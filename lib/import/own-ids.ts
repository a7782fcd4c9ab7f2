// An import file made from this server's own export names its annotations and replies by
// their URLs here (lib/export/iris.ts: …/api/v1/w3c/documents/<doc>/<id>, …/replies/<id>, the
// app's alias …/api/v1/annotations/<id> that older files used, and any other dereferenceable
// form under this origin). Such an item that is still here is the
// same annotation, not a new one: it is recognised by the id its URL ends in.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The origins this server answers on, from its public base URL and the request's URL. */
export function serverOrigins(...urls: (string | undefined)[]): Set<string> {
  const origins = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    try {
      origins.add(new URL(url).origin);
    } catch {
      // not a URL: nothing to recognise
    }
  }
  return origins;
}

/** The id a URL on one of these origins ends in (lowercase), or null. */
export function ownIdOf(sourceId: string, origins: ReadonlySet<string>): string | null {
  if (origins.size === 0 || !/^https?:\/\//i.test(sourceId)) return null;
  let url: URL;
  try {
    url = new URL(sourceId);
  } catch {
    return null;
  }
  if (!origins.has(url.origin)) return null;
  const last = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  let segment: string;
  try {
    segment = decodeURIComponent(last);
  } catch {
    return null;
  }
  return UUID.test(segment) ? segment.toLowerCase() : null;
}

/** The items' own ids, by their source id. */
export function ownIds(sourceIds: Iterable<string>, origins: ReadonlySet<string>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const sourceId of sourceIds) {
    const id = ownIdOf(sourceId, origins);
    if (id) ids.set(sourceId, id);
  }
  return ids;
}
