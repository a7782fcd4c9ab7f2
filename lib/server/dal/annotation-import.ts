import 'server-only';
import { randomUUID } from 'node:crypto';
import { codePointMapping } from '@/lib/anchoring/code-points';
import { importWarnings } from '@/lib/import/import-warnings';
import {
  checkedNote,
  indexItems,
  planAnnotations,
  recordInserted,
  type ImportItem,
  type ImportReplyRow,
  type ImportReportItem,
  type PriorImport,
} from '@/lib/import/plan-annotations';
import type { ImportQuery, ImportReport } from '@/lib/openapi/transfer-schemas';
import { readImportFile } from '@/lib/w3c/parse-import';
import { db } from '../db';
import { invalid, notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope, canSee, groupToShareWith, type AnnotationScope } from './annotation-access';
import { existingBySource, insertAnnotations, insertReplies, tagResolver } from './annotation-import-rows';
import { resolveDocumentId } from './documents';
import { readerMemberships } from './memberships';
import { currentVersionOf, getVersionIndex } from './version-index';

// Import of W3C Web Annotations and Hypothesis annotations (J9). Every item is placed by
// its quote in the current version; what cannot be placed is kept as an orphan, never
// dropped. Idempotent: an annotation's id in the file is stored as `sourceId`, unique per
// document, so importing the same file again adds nothing. The steps: check the request,
// plan (pure, lib/import), write, report.

/** What the request names, checked: the document, the group to share with, the tags. */
async function checkImport(reader: Reader, documentIdOrSlug: string, options: ImportQuery) {
  const documentId = await resolveDocumentId(reader, documentIdOrSlug);
  const [doc, current] = await Promise.all([
    db.document.findUnique({ where: { id: documentId }, select: { slug: true } }),
    currentVersionOf(documentId),
  ]);
  if (!doc || !current) throw notFound('The document');
  const groupId = options.groupId ? groupToShareWith(await readerMemberships(reader), options.groupId) : null;
  const tagId = await tagResolver(groupId);
  const defaultTagId = tagId(options.defaultTag);
  if (!defaultTagId)
    throw invalid(`Unknown tag: ${options.defaultTag}.`, {
      defaultTag: `Unknown tag: ${options.defaultTag}.`,
    });
  return { documentId, slug: doc.slug, versionId: current.versionId, groupId, tagId, defaultTagId };
}

export async function importAnnotations(
  reader: Reader,
  documentIdOrSlug: string,
  fileText: string,
  options: ImportQuery,
): Promise<ImportReport> {
  const checked = await checkImport(reader, documentIdOrSlug, options);
  const file = readImportFile(fileText);
  if (!file.ok) {
    const reason = `the file is not valid JSON: ${file.detail}`;
    throw invalid(`The file could not be read: it is not valid JSON: ${file.detail}.`, { file: reason });
  }
  const items = indexItems(file.parsed.items, file.parsed.rejected);
  const { index } = await getVersionIndex(checked.versionId);
  if (index.blocks.length === 0) throw invalid('This document has no text to place annotations in.');
  const scope = await annotationScope(reader, checked.documentId);
  const annotationItems = items.filter((i) => !i.replyTo);
  const prior = await existingBySource(
    checked.documentId,
    annotationItems.flatMap((i) => (i.sourceId ? [i.sourceId] : [])),
  );
  const now = new Date();

  const plan = planAnnotations({
    items: annotationItems,
    prior,
    visible: (before) => canSee(scope, before),
    readerId: reader.id,
    documentId: checked.documentId,
    documentSlug: checked.slug,
    versionId: checked.versionId,
    groupId: checked.groupId,
    index,
    fromCodePoints: codePointMapping(index.text).fromCodePoints,
    tagId: checked.tagId,
    defaultTagId: checked.defaultTagId,
    now,
    newId: randomUUID,
  });
  const { imported, orphaned, newIdBySource } = recordInserted(plan, await insertAnnotations(plan.toInsert));
  const replies = await prepareReplies({
    replyItems: items.filter((i) => i.replyTo),
    items,
    existing: prior,
    newIdBySource,
    scope,
    reader,
    now,
    skip: (item, reason) => plan.skipped.push({ index: item.index, id: item.sourceId, reason }),
    reportItems: plan.reportItems,
  });
  await insertReplies(replies);

  return {
    imported,
    orphaned,
    replies: replies.length,
    alreadyImported: plan.reportItems.filter((i) => i.status === 'ALREADY_IMPORTED').length,
    skipped: plan.skipped.sort((a, b) => a.index - b.index),
    rejected: file.parsed.rejected,
    items: plan.reportItems.sort((a, b) => a.index - b.index),
    tags: { defaultTag: options.defaultTag, unknown: [...plan.unknownTags] },
    warnings: importWarnings({
      ...plan,
      imported,
      orphaned,
      defaultTag: options.defaultTag,
      groupId: checked.groupId,
    }),
  };
}

interface ReplyContext {
  replyItems: ImportItem[];
  items: ImportItem[];
  existing: Map<string, PriorImport>;
  newIdBySource: Map<string, string>;
  scope: AnnotationScope;
  reader: Reader;
  now: Date;
  skip: (item: ImportItem, reason: string) => void;
  reportItems: ImportReportItem[];
}

/** Replies hang under the thread's root annotation (Marginalia threads are flat). A reply
 * to an annotation imported earlier is recognised by its text and date, having no id column. */
async function prepareReplies(ctx: ReplyContext): Promise<ImportReplyRow[]> {
  const bySource = new Map(ctx.items.filter((i) => i.sourceId).map((i) => [i.sourceId!, i]));
  const rootOf = (item: ImportItem): string | null => {
    let parent = item.replyTo ?? null;
    for (let hops = 0; parent && hops < 100; hops++) {
      const up = bySource.get(parent);
      if (!up?.replyTo) return parent;
      parent = up.replyTo;
    }
    return null;
  };
  const parentIdOf = (root: string) => {
    const fresh = ctx.newIdBySource.get(root);
    if (fresh) return { id: fresh, fresh: true };
    const before = ctx.existing.get(root);
    if (before && before.deletedAt === null && canSee(ctx.scope, before))
      return { id: before.id, fresh: false };
    return null;
  };
  const parents = ctx.replyItems.map((item) => {
    const root = rootOf(item);
    return { item, parent: root ? parentIdOf(root) : null };
  });
  const oldParents = [...new Set(parents.flatMap((p) => (p.parent && !p.parent.fresh ? [p.parent.id] : [])))];
  const known = new Map<string, string>();
  if (oldParents.length > 0) {
    const rows = await db.reply.findMany({
      where: { annotationId: { in: oldParents }, deletedAt: null },
      select: { id: true, annotationId: true, bodyText: true, createdAt: true },
    });
    for (const r of rows) {
      known.set(`${r.annotationId}\u0000${r.bodyText}`, r.id);
      known.set(`${r.annotationId}\u0000${r.bodyText}\u0000${r.createdAt.toISOString()}`, r.id);
    }
  }
  const out: ImportReplyRow[] = [];
  const seen = new Set<string>();
  for (const { item, parent } of parents) {
    if (item.sourceId && seen.has(item.sourceId)) {
      ctx.skip(item, 'the same id appears earlier in the file');
      continue;
    }
    if (item.sourceId) seen.add(item.sourceId);
    if (!parent) {
      ctx.skip(item, 'it replies to an annotation that is not in this file and was not imported before');
      continue;
    }
    const note = checkedNote(item.noteText);
    if (!note.ok || !note.doc) {
      ctx.skip(item, note.ok ? 'the reply has no text' : `reply: ${note.reason}`);
      continue;
    }
    const key = `${parent.id}\u0000${note.text}${item.created ? `\u0000${item.created.toISOString()}` : ''}`;
    const earlier = known.get(key);
    if (earlier && !parent.fresh) {
      ctx.skip(item, 'already imported');
      ctx.reportItems.push({
        index: item.index,
        sourceId: item.sourceId,
        id: earlier,
        kind: 'reply',
        status: 'ALREADY_IMPORTED',
      });
      continue;
    }
    const created = item.created ?? ctx.now;
    const id = randomUUID();
    known.set(key, id);
    out.push({
      id,
      annotationId: parent.id,
      authorId: ctx.reader.id,
      bodyJson: note.doc,
      bodyText: note.text,
      createdAt: created,
      updatedAt: item.modified && item.modified > created ? item.modified : created,
    });
    ctx.reportItems.push({
      index: item.index,
      sourceId: item.sourceId,
      id,
      kind: 'reply',
      status: 'ATTACHED',
    });
  }
  return out;
}
