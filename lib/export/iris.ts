// The IRIs that exported annotations use for Marginalia's resources. They must stay stable:
// a re-import recognises its own annotations and replies by them (lib/import/own-ids.ts reads
// the id at the end of any of this server's URLs, so older files keep being recognised).

export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

const seg = encodeURIComponent;

/** A document's W3C Web Annotation Protocol container; it ends in "/" (proxy.ts). */
export function annotationContainerIri(baseUrl: string, documentId: string): string {
  return `${trimBaseUrl(baseUrl)}/api/v1/w3c/documents/${seg(documentId)}/`;
}

/** An annotation's IRI: under its document's container, as the protocol expects of the ids
 * a container mints (docs/adr/0012). */
export function annotationIri(baseUrl: string, documentId: string, annotationId: string): string {
  return `${annotationContainerIri(baseUrl, documentId)}${seg(annotationId)}`;
}

/** The app's own address of an annotation; it also answers the W3C annotation to a JSON-LD
 * Accept, as an alias of annotationIri (the id files exported before had). */
export function annotationAppUrl(baseUrl: string, annotationId: string): string {
  return `${trimBaseUrl(baseUrl)}/api/v1/annotations/${seg(annotationId)}`;
}

export function replyIri(baseUrl: string, documentId: string, annotationId: string, replyId: string): string {
  return `${annotationIri(baseUrl, documentId, annotationId)}/replies/${seg(replyId)}`;
}

export function userIri(baseUrl: string, userId: string): string {
  return `${trimBaseUrl(baseUrl)}/users/${seg(userId)}`;
}

export function groupIri(baseUrl: string, groupId: string): string {
  return `${trimBaseUrl(baseUrl)}/groups/${seg(groupId)}`;
}

export function documentIri(baseUrl: string, slug: string): string {
  return `${trimBaseUrl(baseUrl)}/documents/${seg(slug)}`;
}

/** Permalink of a block in the reader, e.g. https://host/documents/face-time#p-7. */
export function blockPermalink(baseUrl: string, slug: string, anchor: string): string {
  return `${documentIri(baseUrl, slug)}#${seg(anchor)}`;
}

/** Marginalia's own JSON-LD terms ("mg:"), a context document served by the app at /ns. */
export function vocabularyIri(baseUrl: string): string {
  return `${trimBaseUrl(baseUrl)}/ns#`;
}
