import 'server-only';
import { randomUUID } from 'node:crypto';
import { codePointMapping } from '@/lib/anchoring/code-points';
import { quoteAligner } from '@/lib/import/align-quote';
import { importWarnings } from '@/lib/import/import-warnings';
import { ownIds } from '@/lib/import/own-ids';
import { indexItems, planAnnotations, recordInserted } from '@/lib/import/plan-annotations';
import { planReplies, replyParents } from '@/lib/import/plan-replies';
import { MAX_REPORT_LINES, type ImportQuery, type ImportReport } from '@/lib/import/schemas';
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
  stillHere,
  tagResolver,
} from './annotation-import-rows';
import { resolveDocumentId } from './documents';
import { importLinks, visiblePrior } from './link-import';
import { readerMemberships } from './memberships';
import { currentVersionOf, getVersionIndex } from './version-index';

// Import of W3C Web Annotations and Hypothesis annotations (J9). Every item is placed by
// its quote in the current version; what cannot be placed is kept as an orphan, never
// dropped. Idempotent: an annotation's id in the file is stored as `sourceId`, unique per
// reader and document, so importing the same file again adds nothing, while every reader of
// a seminar may import its shared file. An item whose id is this server's own annotation or
// reply, still here and visible, is "already here" (docs/adr/0013). The steps: check the
// request, plan (pure, lib/import), write, report.

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

/** The report's lists, each cut to its bound; `omitted` says how many lines were left out. */
function bounded(lists: {
  skipped: ImportReport['skipped'];
  rejected: ImportReport['rejected'];
  items: ImportReport['items'];
}) {
  const cut = <T extends { index: number }>(list: T[]) =>
    list.sort((a, b) => a.index - b.index).slice(0, MAX_REPORT_LINES);
  const omitted = Object.values(lists).reduce(
    (n, list) => n + Math.max(0, list.length - MAX_REPORT_LINES),
    0,
  );
  return { skipped: cut(lists.skipped), rejected: cut(lists.rejected), items: cut(lists.items), omitted };
}

/**
 * Imports a file's annotations into a document. `origins` are the origins this server
 * answers on: the file's URLs there name annotations that may still be here.
 */
export async function importAnnotations(
  reader: Reader,
  documentIdOrSlug: string,
  fileText: string,
  options: ImportQuery,
  origins: ReadonlySet<string> = new Set(),
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
  const sourceIds = items.flatMap((i) => (i.sourceId ? [i.sourceId] : []));
  const [prior, here] = await Promise.all([
    existingBySource(
      checked.documentId,
      reader.id,
      annotationItems.flatMap((i) => (i.sourceId ? [i.sourceId] : [])),
    ),
    stillHere(scope, checked.documentId, ownIds(sourceIds, origins)),
  ]);
  const now = new Date();
  const visible = (before: { authorId: string; groupId: string | null }) => canSee(scope, before);

  const plan = planAnnotations({
    items: annotationItems,
    prior,
    here: here.annotations,
    align: quoteAligner(index).align,
    visible,
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
    here: here.annotations,
    visible,
  });
  const earlierParents = parents.flatMap((p) => (p.parent && !p.parent.fresh ? [p.parent.id] : []));
  const replies = planReplies({
    parents,
    known: await repliesByKey(earlierParents),
    hereReplies: here.replies,
    plan,
    readerId: reader.id,
    readerName: reader.name,
    now,
    newId: randomUUID,
  });
  await insertReplies(replies);
  const seen = visiblePrior(scope, prior); // argument links between the file's annotations
  const links = await importLinks(scope, checked, fileText, {
    resolve: (s) => newIdBySource.get(s) ?? here.annotations.get(s) ?? seen(s),
  });

  const count = (status: string) => plan.reportItems.filter((i) => i.status === status).length;
  return {
    imported,
    orphaned,
    replies: replies.length,
    alreadyImported: count('ALREADY_IMPORTED'),
    alreadyHere: count('ALREADY_HERE'),
    // Linking items were read as links (link-import.ts), not rejected.
    ...bounded({
      skipped: plan.skipped,
      rejected: file.parsed.rejected.filter((r) => !links?.sourceIds.has(r.id ?? '')),
      items: plan.reportItems,
    }),
    ...(links ? { links: links.summary } : {}),
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
