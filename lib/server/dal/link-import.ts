import 'server-only';
import { randomUUID } from 'node:crypto';
import { LINK_NOTE_MAX } from '@/lib/limits';
import { parseLenientJson } from '@/lib/w3c/lenient-json';
import { collectLinkingAnnotations } from '@/lib/w3c/links';
import { rawSql } from '../db';
import { canSee, type AnnotationScope } from './annotation-access';
import { resolveRelationId } from './relation-types';

// Argument links read back from an import file (lib/w3c/links.ts): each `linking` annotation
// whose two ends are annotations of the same file (or of an earlier import of it) becomes a
// link of the importing reader, shared like the imported annotations. A link's id in the
// file is its `sourceId`, unique per document, so importing the file again adds nothing.

export interface LinkImportSummary {
  imported: number;
  alreadyImported: number;
  skipped: number;
}

export interface LinkImport {
  summary: LinkImportSummary;
  /** the file ids of the linking annotations read (not rejections of the annotation import) */
  sourceIds: Set<string>;
}

interface Ends {
  /** the annotation a file id (IRI) became, if the reader sees it */
  resolve: (sourceId: string) => string | undefined;
}

/** `prior` rows the reader still sees, by source id, for `resolve`. */
export function visiblePrior(
  scope: AnnotationScope,
  prior: ReadonlyMap<
    string,
    { id: string; authorId: string; groupId: string | null; deletedAt: Date | null }
  >,
) {
  return (sourceId: string) => {
    const row = prior.get(sourceId);
    return row && !row.deletedAt && canSee(scope, row) ? row.id : undefined;
  };
}

export async function importLinks(
  scope: AnnotationScope,
  target: { documentId: string; groupId: string | null },
  fileText: string,
  ends: Ends,
): Promise<LinkImport | undefined> {
  // Most files carry no links: skip the second parse for them.
  if (!fileText.includes('linking')) return undefined;
  let links;
  try {
    links = collectLinkingAnnotations(parseLenientJson(fileText.replace(/^\uFEFF/, '')));
  } catch {
    return undefined;
  }
  if (links.length === 0) return undefined;
  const summary: LinkImportSummary = { imported: 0, alreadyImported: 0, skipped: 0 };
  const sql = rawSql();
  for (const link of links) {
    const fromId = ends.resolve(link.from);
    const toId = ends.resolve(link.to);
    const relationId = await resolveRelationId(link.relation, target.groupId).catch(() => undefined);
    if (!fromId || !toId || fromId === toId || !relationId) {
      summary.skipped++;
      continue;
    }
    const inserted = await sql`
      INSERT INTO "annotation_links" ("id", "documentId", "fromId", "toId", "relationId", "note", "authorId",
        "visibility", "groupId", "sourceId")
      VALUES (${randomUUID()}::uuid, ${target.documentId}::uuid, ${fromId}::uuid, ${toId}::uuid, ${relationId}::uuid,
        ${link.note.slice(0, LINK_NOTE_MAX)}, ${scope.reader.id}, ${target.groupId ? 'GROUP' : 'PRIVATE'}::"Visibility",
        ${target.groupId}::uuid, ${link.sourceId})
      ON CONFLICT ("documentId", "sourceId") DO NOTHING`;
    if (inserted.count > 0) summary.imported++;
    else summary.alreadyImported++;
  }
  return { summary, sourceIds: new Set(links.map((l) => l.sourceId)) };
}
