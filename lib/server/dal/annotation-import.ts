import 'server-only';
import { randomUUID } from 'node:crypto';
import { codePointMapping } from '@/lib/anchoring/code-points';
import { importWarnings } from '@/lib/import/import-warnings';
import { indexItems, planAnnotations, recordInserted } from '@/lib/import/plan-annotations';
import { planReplies, replyParents } from '@/lib/import/plan-replies';
import type { ImportQuery, ImportReport } from '@/lib/openapi/transfer-schemas';
import { readImportFile } from '@/lib/w3c/parse-import';
import { db } from '../db';
import { invalid, notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope, canSee, groupToShareWith } from './annotation-access';
import {
  existingBySource,
  insertAnnotations,
  insertReplies,
  repliesByKey,
  tagResolver,
} from './annotation-import-rows';
import { resolveDocumentId } from './documents';
import { importLinks, visiblePrior } from './link-import';
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
  const parents = replyParents({
    replyItems: items.filter((i) => i.replyTo),
    items,
    newIdBySource,
    prior,
    visible: (before) => canSee(scope, before),
  });
  const earlierParents = parents.flatMap((p) => (p.parent && !p.parent.fresh ? [p.parent.id] : []));
  const replies = planReplies({
    parents,
    known: await repliesByKey(earlierParents),
    plan,
    readerId: reader.id,
    now,
    newId: randomUUID,
  });
  await insertReplies(replies);
  const seen = visiblePrior(scope, prior); // argument links between the file's annotations
  const links = await importLinks(scope, checked, fileText, {
    resolve: (s) => newIdBySource.get(s) ?? seen(s),
  });

  return {
    imported,
    orphaned,
    replies: replies.length,
    alreadyImported: plan.reportItems.filter((i) => i.status === 'ALREADY_IMPORTED').length,
    skipped: plan.skipped.sort((a, b) => a.index - b.index),
    rejected: file.parsed.rejected.filter((r) => !links?.sourceIds.has(r.id ?? '')),
    ...(links ? { links: links.summary } : {}),
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
