import 'server-only';
import { createHash } from 'node:crypto';
import {
  assignAnchors,
  parseArticle,
  ArticleParseError,
  type ArticleFormat,
  type ParsedBlock,
} from '@/lib/articles';
import { db } from '../db';
import { documentScope, resolveVisibleDocument } from './document-access';
import { AppError, invalid, notFound } from '../errors';
import type { Reader } from '../session';
import type { DocumentSummary, DocumentView } from '@/lib/documents/types';

// Who sees a document is decided in document-access.ts; every lookup here goes through it.

// Response shapes are the contract's (lib/documents/schemas.ts); re-exported for callers.
export type { BlockView, DocumentSummary, DocumentView } from '@/lib/documents/types';

/** Every article in the reader's library (not archived), oldest first. */
export async function listDocuments(reader: Reader): Promise<DocumentSummary[]> {
  const rows = await db.document.findMany({
    where: { AND: [documentScope(reader), { archivedAt: null }] },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      slug: true,
      title: true,
      updatedAt: true,
      currentVersion: {
        select: { number: true, _count: { select: { blocks: { where: { kind: 'PARAGRAPH' } } } } },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    version: row.currentVersion?.number ?? 0,
    paragraphs: row.currentVersion?._count.blocks ?? 0,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** Resolves an id or a slug to the id of a document the reader sees, or throws 404
 * (document-access.ts decides). */
export async function resolveDocumentId(reader: Reader, idOrSlug: string): Promise<string> {
  return (await resolveVisibleDocument(reader, idOrSlug)).id;
}

/** A document the reader sees and its current version, or 404. */
export async function findDocumentWithVersion(
  reader: Reader,
  idOrSlug: string,
): Promise<{ id: string; versionId: string }> {
  const row = await resolveVisibleDocument(reader, idOrSlug);
  if (!row.currentVersionId) throw notFound('The document');
  return { id: row.id, versionId: row.currentVersionId };
}

export async function getDocument(
  reader: Reader,
  idOrSlug: string,
  opts: { version?: number } = {},
): Promise<DocumentView> {
  const id = await resolveDocumentId(reader, idOrSlug);
  const doc = await db.document.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      updatedAt: true,
      currentVersion: { select: { number: true } },
      versions: { orderBy: { number: 'asc' }, select: { id: true, number: true, importedAt: true } },
    },
  });
  if (!doc || !doc.currentVersion) throw notFound('The document');
  const wanted = opts.version ?? doc.currentVersion.number;
  const version = doc.versions.find((v) => v.number === wanted);
  if (!version) throw notFound(`Version ${wanted} of this document`);
  const blocks = await db.block.findMany({
    where: { versionId: version.id },
    orderBy: { index: 'asc' },
    select: { anchor: true, kind: true, index: true, text: true },
  });
  return {
    document: {
      id: doc.id,
      slug: doc.slug,
      title: doc.title,
      version: version.number,
      versionId: version.id,
      currentVersion: doc.currentVersion.number,
      paragraphs: blocks.filter((b) => b.kind === 'PARAGRAPH').length,
      updatedAt: doc.updatedAt.toISOString(),
      versions: doc.versions.map((v) => ({ number: v.number, importedAt: v.importedAt.toISOString() })),
    },
    blocks,
  };
}

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'article';
}

export function hashSource(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function parseOrExplain(text: string, format: ArticleFormat, title?: string) {
  try {
    return parseArticle(text, format, { title });
  } catch (error) {
    if (error instanceof ArticleParseError) throw invalid(error.message, { text: error.message });
    throw error;
  }
}

export interface CreateDocumentInput {
  text: string;
  format: ArticleFormat;
  title?: string;
  slug?: string;
  blocks?: { kind: ParsedBlock['kind']; text: string }[];
  /** public for the sample article; an import is private to its importer */
  audience?: 'PRIVATE' | 'PUBLIC';
}

/** Imports an article as a new document (version 1). `actor` is null for the
 * sample article shipped with the app. */
export async function createDocument(
  actor: Reader | null,
  input: CreateDocumentInput,
): Promise<DocumentSummary> {
  const parsed = parseOrExplain(input.text, input.format, input.title);
  // Blocks edited in the import preview arrive without anchors.
  const blocks = input.blocks
    ? assignAnchors(
        null,
        input.blocks.filter((b) => b.text.trim() !== ''),
      )
    : parsed.blocks;
  const title = input.title?.trim() || parsed.title;
  const base = input.slug ?? slugify(title);
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
    const taken = await db.document.findUnique({ where: { slug }, select: { id: true } });
    if (taken) continue;
    try {
      const created = await db.$transaction(async (tx) => {
        const document = await tx.document.create({
          data: {
            slug,
            title,
            createdById: actor?.id ?? null,
            ownerId: actor?.id ?? null,
            audience: input.audience ?? 'PRIVATE',
          },
          select: { id: true },
        });
        const version = await tx.documentVersion.create({
          data: {
            documentId: document.id,
            number: 1,
            title,
            format: input.format,
            sourceHash: hashSource(input.text),
          },
          select: { id: true },
        });
        await tx.block.createMany({
          data: blocks.map((b, index) => ({
            versionId: version.id,
            index,
            kind: b.kind,
            anchor: b.anchor,
            text: b.text,
          })),
        });
        return tx.document.update({
          where: { id: document.id },
          data: { currentVersionId: version.id },
          select: { id: true, slug: true, title: true, updatedAt: true },
        });
      });
      return {
        ...created,
        updatedAt: created.updatedAt.toISOString(),
        version: 1,
        paragraphs: blocks.filter((b) => b.kind === 'PARAGRAPH').length,
      };
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') continue; // slug taken concurrently
      throw error;
    }
  }
  throw new AppError('CONFLICT', 'Could not find a free address for this document; change its title.');
}
