// The IRIs that exported annotations use for Marginalia's resources. They must stay stable:
// a re-import recognises its own annotations and replies by them.

export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

const seg = encodeURIComponent;

export function annotationIri(baseUrl: string, annotationId: string): string {
  return `${trimBaseUrl(baseUrl)}/api/v1/annotations/${seg(annotationId)}`;
}

export function replyIri(baseUrl: string, annotationId: string, replyId: string): string {
  return `${annotationIri(baseUrl, annotationId)}/replies/${seg(replyId)}`;
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
