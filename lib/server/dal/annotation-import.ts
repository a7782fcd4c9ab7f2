import 'server-only';
import { targetColumns } from '@/lib/annotations/target-columns';
import { randomUUID } from 'node:crypto';
import type { ImportQuery, ImportReport } from '@/lib/openapi/transfer-schemas';
import { parseW3CImportText } from '@/lib/w3c/parse-import';
import { db } from '../db';
import { invalid, notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope, canSee } from './annotation-access';
import {
  checkedNote,
  existingBySource,
  indexItems,
  insertAnnotations,
  insertReplies,
  placeQuote,
  tagResolver,
  type AnnotationRow,
  type ExistingAnnotation,
  type Item,
  type ReplyRow,
} from './annotation-import-rows';
import { resolveDocumentId } from './documents';
import { codePointMapping } from '@/lib/anchoring/code-points';
import { readerMemberships } from './memberships';
import { currentVersionOf, getVersionIndex } from './version-index';

// Import of W3C Web Annotations and Hypothesis annotations (J9). Every item is placed by
// its quote in the current version; what cannot be placed is kept as an orphan, never
// dropped. Idempotent: an annotation's id in the file is stored as `sourceId`, unique per
// document, so importing the same file again adds nothing.

const MAX_QUOTE = 20_000;
const MAX_CONTEXT = 200;
const MAX_TAGS = 10;

type Issue = ImportReport['skipped'][number];
type ReportItem = ImportReport['items'][number];

export async function importAnnotations(
  reader: Reader,
  documentIdOrSlug: string,
  fileText: string,
  options: ImportQuery,
): Promise<ImportReport> {
  const documentId = await resolveDocumentId(reader, documentIdOrSlug);
  const [doc, current] = await Promise.all([
    db.document.findUnique({ where: { id: documentId }, select: { slug: true } }),
    currentVersionOf(documentId),
  ]);
  if (!doc || !current) throw notFound('The document');
  const groupId = options.groupId ?? null;
  if (groupId && !(await readerMemberships(reader)).some((m) => m.groupId === groupId)) {
    throw invalid('You can only share with a group you belong to.', {
      groupId: 'You are not a member of this group.',
    });
  }
  const tagId = await tagResolver(groupId);
  const defaultTagId = tagId(options.defaultTag);
  if (!defaultTagId)
    throw invalid(`Unknown tag: ${options.defaultTag}.`, {
      defaultTag: `Unknown tag: ${options.defaultTag}.`,
    });

  const parsed = parseW3CImportText(fileText);
  if (
    parsed.items.length === 0 &&
    parsed.rejected.length === 1 &&
    parsed.rejected[0].reason.startsWith('the file is not valid JSON')
  ) {
    throw invalid(
      `The file could not be read: ${parsed.rejected[0].reason.replace(/^the file is /, 'it is ')}.`,
      { file: parsed.rejected[0].reason },
    );
  }
  const items = indexItems(parsed.items, parsed.rejected);
  const { index } = await getVersionIndex(current.versionId);
  if (index.blocks.length === 0) throw invalid('This document has no text to place annotations in.');
  const { fromCodePoints } = codePointMapping(index.text);
  const scope = await annotationScope(reader, documentId);
  const now = new Date();

  const skipped: Issue[] = [];
  const reportItems: ReportItem[] = [];
  const warnings: string[] = [];
  const unknownTags = new Set<string>();
  let defaulted = 0;
  let foreign = 0;
  let foreignExample = '';
  let withoutId = 0;
  const skip = (item: Item, reason: string) => skipped.push({ index: item.index, id: item.sourceId, reason });

  const annotationItems = items.filter((i) => !i.replyTo);
  const replyItems = items.filter((i) => i.replyTo);
  const existing = await existingBySource(
    documentId,
    annotationItems.flatMap((i) => (i.sourceId ? [i.sourceId] : [])),
  );
  const seen = new Set<string>();
  const toInsert: { item: Item; row: AnnotationRow; tagIds: string[] }[] = [];
  const ownIri = `/documents/${encodeURIComponent(doc.slug)}`;

  for (const item of annotationItems) {
    if (item.sourceId) {
      if (seen.has(item.sourceId)) {
        skip(item, 'the same id appears earlier in the file');
        continue;
      }
      seen.add(item.sourceId);
      const before = existing.get(item.sourceId);
      if (before) {
        skip(
          item,
          before.deletedAt && before.authorId === reader.id
            ? 'already imported (and deleted since)'
            : 'already imported',
        );
        const visible = before.deletedAt === null && canSee(scope, before);
        reportItems.push({
          index: item.index,
          sourceId: item.sourceId,
          id: visible ? before.id : null,
          kind: 'annotation',
          status: 'ALREADY_IMPORTED',
        });
        continue;
      }
    } else withoutId++;
    if (item.exact.length > MAX_QUOTE) {
      skip(item, `the quote is longer than ${MAX_QUOTE.toLocaleString('en')} characters`);
      continue;
    }
    const note = checkedNote(item.noteText);
    if (!note.ok) {
      skip(item, `note: ${note.reason}`);
      continue;
    }
    const mapped = new Set<string>();
    for (const slug of item.tags) {
      const id = tagId(slug);
      if (id) mapped.add(id);
      else unknownTags.add(slug);
    }
    if (mapped.size === 0) {
      mapped.add(defaultTagId);
      defaulted++;
    }
    if (item.targetSource && !item.targetSource.split(/[?#]/)[0].endsWith(ownIri)) {
      foreign++;
      foreignExample ||= item.targetSource;
    }
    const placed = placeQuote(index, fromCodePoints, item);
    const first = index.blocks[0];
    // An orphan keeps its quote; the first block at 0..0 only satisfies the constraints.
    const target = placed?.target ?? {
      start: { block: first.anchor, offset: 0 },
      end: { block: first.anchor, offset: 0 },
      exact: item.exact,
      prefix: item.prefix ?? '',
      suffix: item.suffix ?? '',
    };
    const created = item.created ?? now;
    toInsert.push({
      item,
      tagIds: [...mapped].slice(0, MAX_TAGS),
      row: {
        id: randomUUID(),
        documentId,
        versionId: current.versionId,
        authorId: reader.id,
        groupId,
        visibility: groupId ? 'GROUP' : 'PRIVATE',
        noteJson: note.doc,
        noteText: note.text,
        ...targetColumns(index, target),
        prefix: target.prefix.slice(-MAX_CONTEXT),
        suffix: target.suffix.slice(0, MAX_CONTEXT),
        status: placed?.status ?? 'ORPHANED',
        sourceId: item.sourceId,
        createdAt: created,
        updatedAt: item.modified && item.modified > created ? item.modified : created,
      },
    });
  }

  const inserted = await insertAnnotations(toInsert);
  const newIdBySource = new Map<string, string>();
  let imported = 0;
  let orphaned = 0;
  for (const { item, row } of toInsert) {
    if (!inserted.has(row.id)) {
      skip(item, 'already imported');
      reportItems.push({
        index: item.index,
        sourceId: item.sourceId,
        id: null,
        kind: 'annotation',
        status: 'ALREADY_IMPORTED',
      });
      continue;
    }
    imported++;
    if (row.status === 'ORPHANED') orphaned++;
    if (item.sourceId) newIdBySource.set(item.sourceId, row.id);
    reportItems.push({
      index: item.index,
      sourceId: item.sourceId,
      id: row.id,
      kind: 'annotation',
      status: row.status,
    });
  }

  const replies = await prepareReplies({
    replyItems,
    items,
    existing,
    newIdBySource,
    scope,
    reader,
    now,
    skip,
    reportItems,
  });
  await insertReplies(replies);

  const alreadyImported = reportItems.filter((i) => i.status === 'ALREADY_IMPORTED').length;
  if (defaulted > 0)
    warnings.push(
      `${defaulted} ${defaulted === 1 ? 'annotation had' : 'annotations had'} no tag Marginalia knows and ${defaulted === 1 ? 'was' : 'were'} tagged “${options.defaultTag}”.`,
    );
  if (unknownTags.size > 0)
    warnings.push(
      `Tags not found in ${groupId ? 'this group' : 'the default tags'} were left out: ${[...unknownTags].slice(0, 20).join(', ')}${unknownTags.size > 20 ? ', …' : ''}.`,
    );
  if (foreign > 0)
    warnings.push(
      `${foreign} ${foreign === 1 ? 'annotation was' : 'annotations were'} made on another page (e.g. ${foreignExample}); ${foreign === 1 ? 'it was' : 'they were'} placed by the quoted text.`,
    );
  if (orphaned > 0)
    warnings.push(
      `${orphaned} ${orphaned === 1 ? 'quote was' : 'quotes were'} not found in this document: listed as orphans, ready to re-attach.`,
    );
  if (withoutId > 0)
    warnings.push(
      `${withoutId} ${withoutId === 1 ? 'annotation has' : 'annotations have'} no id in the file: importing it again would add ${withoutId === 1 ? 'it' : 'them'} again.`,
    );
  if (!groupId && imported > 0) warnings.push('The imported annotations are private: only you can see them.');

  return {
    imported,
    orphaned,
    replies: replies.length,
    alreadyImported,
    skipped: skipped.sort((a, b) => a.index - b.index),
    rejected: parsed.rejected,
    items: reportItems.sort((a, b) => a.index - b.index),
    tags: { defaultTag: options.defaultTag, unknown: [...unknownTags] },
    warnings,
  };
}

interface ReplyContext {
  replyItems: Item[];
  items: Item[];
  existing: Map<string, ExistingAnnotation>;
  newIdBySource: Map<string, string>;
  scope: Awaited<ReturnType<typeof annotationScope>>;
  reader: Reader;
  now: Date;
  skip: (item: Item, reason: string) => void;
  reportItems: ReportItem[];
}

/** Replies hang under the thread's root annotation (Marginalia threads are flat). A reply
 * to an annotation imported earlier is recognised by its text and date, having no id column. */
async function prepareReplies(ctx: ReplyContext): Promise<ReplyRow[]> {
  const bySource = new Map(ctx.items.filter((i) => i.sourceId).map((i) => [i.sourceId!, i]));
  const rootOf = (item: Item): string | null => {
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
  const out: ReplyRow[] = [];
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
