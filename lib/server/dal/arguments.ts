import 'server-only';
import { toDocumentPosition } from '@/lib/anchoring/document-text';
import { computeAgreement, type Agreement } from '@/lib/arguments/agreement';
import {
  buildArgumentView,
  type ArgumentAnnotation,
  type ArgumentView,
} from '@/lib/arguments/build-argument-view';
import {
  DEFAULT_OVERLAP,
  findSharedPassages,
  rankDisagreements,
  ratingsOf,
  type Passage,
  type ReaderHighlight,
} from '@/lib/arguments/disagreements';
import type { LinkQuery, LinkView, RelationView } from '@/lib/links/schemas';
import { labelBlocks } from '@/lib/reader/block-labels';
import { db } from '../db';
import { notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope } from './annotation-access';
import { filterWhere } from './annotations';
import { annotationSelect, toAnnotationView } from './annotation-view';
import { resolveVisibleDocument } from './document-access';
import { visibleLinks } from './links';
import { getVersionIndex } from './version-index';

// The argument view and the disagreement view of one document: built by the pure modules of
// lib/arguments from exactly what the reader sees (annotations through annotation-access.ts,
// links through link-access.ts), optionally one seminar's only (`group`).

interface Material {
  document: { id: string; slug: string; title: string };
  annotations: (ArgumentAnnotation & ReaderHighlight)[];
  links: LinkView[];
  relations: RelationView[];
}

async function loadMaterial(reader: Reader, idOrSlug: string, query: LinkQuery): Promise<Material> {
  const doc = await resolveVisibleDocument(reader, idOrSlug);
  if (!doc.currentVersionId) throw notFound('The document');
  const scope = await annotationScope(reader, doc.id);
  const [rows, version, meta, linked] = await Promise.all([
    db.annotation.findMany({
      where: await filterWhere(scope, {
        tag: [],
        reader: [],
        mine: undefined,
        group: query.group,
        status: 'anchored',
      }),
      orderBy: [{ startIndex: 'asc' }, { startOffset: 'asc' }, { createdAt: 'asc' }],
      select: annotationSelect,
    }),
    getVersionIndex(doc.currentVersionId),
    db.document.findUniqueOrThrow({ where: { id: doc.id }, select: { slug: true, title: true } }),
    visibleLinks(scope, query),
  ]);
  const labels = labelBlocks(
    version.index.blocks.map((b) => ({ anchor: b.anchor, kind: version.kinds.get(b.anchor) ?? '' })),
  );
  const annotations = rows.flatMap((row) => {
    const view = toAnnotationView(row, scope);
    if (view.documentVersion !== version.number) return [];
    const start = toDocumentPosition(version.index, view.target.start);
    const end = toDocumentPosition(version.index, view.target.end);
    if (start === null || end === null) return [];
    const label = labels.get(view.target.start.block) ?? '';
    return [
      {
        id: view.id,
        tags: view.tags,
        exact: view.target.exact,
        paragraph: label.startsWith('¶') ? Number(label.slice(1)) : null,
        anchor: view.target.start.block,
        authorName: view.author.name,
        readerId: view.author.id,
        readerName: view.author.name,
        start,
        end,
        note: view.noteText,
      },
    ];
  });
  return { document: { id: doc.id, ...meta }, annotations, ...linked };
}

export interface ArgumentPage {
  document: Material['document'];
  view: ArgumentView;
  relations: RelationView[];
  /** every link shown, as the API returns links (author, note, audience) */
  links: LinkView[];
}

export async function getArgumentView(
  reader: Reader,
  idOrSlug: string,
  query: LinkQuery,
): Promise<ArgumentPage> {
  const material = await loadMaterial(reader, idOrSlug, query);
  const view = buildArgumentView(
    material.annotations.map(({ id, tags, exact, paragraph, anchor, authorName }) => ({
      id,
      tags,
      exact,
      paragraph,
      anchor,
      authorName,
    })),
    material.links.map(({ id, fromId, toId, relation, note }) => ({ id, fromId, toId, relation, note })),
  );
  const kept = new Set(view.links.map((l) => l.id));
  return {
    document: material.document,
    view,
    relations: material.relations,
    links: material.links.filter((l) => kept.has(l.id)),
  };
}

export interface DisagreementPage {
  document: Material['document'];
  /** passages readers tagged differently, most split first */
  disagreements: Passage[];
  /** passages at least two readers highlighted */
  sharedPassages: number;
  agreement: Agreement;
  threshold: number;
}

export async function getDisagreements(
  reader: Reader,
  idOrSlug: string,
  query: LinkQuery,
): Promise<DisagreementPage> {
  const material = await loadMaterial(reader, idOrSlug, query);
  const highlights = material.annotations.map(
    ({ id, tags, exact, paragraph, anchor, readerId, readerName, start, end, note }) => ({
      id,
      tags,
      exact,
      paragraph,
      anchor,
      readerId,
      readerName,
      start,
      end,
      note,
    }),
  );
  const shared = findSharedPassages(highlights, DEFAULT_OVERLAP);
  return {
    document: material.document,
    disagreements: rankDisagreements(shared),
    sharedPassages: shared.length,
    agreement: computeAgreement(ratingsOf(shared)),
    threshold: DEFAULT_OVERLAP,
  };
}
