import 'server-only';
import { buildDocumentIndex, type DocumentIndex } from '@/lib/anchoring/document-text';
import { db } from '../db';

// Document versions never change once imported, so their block index is cached in
// memory: validating a new annotation's target then costs no query.
const MAX_CACHED = 50;
const cache = new Map<string, Promise<VersionIndex>>();

export interface VersionIndex {
  versionId: string;
  number: number;
  index: DocumentIndex;
  kinds: Map<string, string>;
}

async function loadVersionIndex(versionId: string): Promise<VersionIndex> {
  const version = await db.documentVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      number: true,
      blocks: { orderBy: { index: 'asc' }, select: { anchor: true, text: true, kind: true } },
    },
  });
  return {
    versionId,
    number: version.number,
    index: buildDocumentIndex(version.blocks.map((b) => ({ anchor: b.anchor, text: b.text }))),
    kinds: new Map(version.blocks.map((b) => [b.anchor, b.kind])),
  };
}

export function getVersionIndex(versionId: string): Promise<VersionIndex> {
  let entry = cache.get(versionId);
  if (!entry) {
    entry = loadVersionIndex(versionId);
    entry.catch(() => cache.delete(versionId));
    cache.set(versionId, entry);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return entry;
}

/** The current version of a document, or null when the document does not exist. */
export async function currentVersionOf(documentId: string): Promise<{ versionId: string } | null> {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { currentVersionId: true } });
  return doc?.currentVersionId ? { versionId: doc.currentVersionId } : null;
}
