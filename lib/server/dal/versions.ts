import 'server-only';
import { assignAnchors } from '@/lib/articles';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '../db';
import { conflict, forbidden, notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope, canSee } from './annotation-access';
import { manageRefusal, resolveVisibleDocument } from './document-access';
import { finalBlocks, formatOf, type ArticleInput } from './document-import';
import { hashSource, parseOrExplain, resolveDocumentId } from './documents';
import { reanchorDocument } from './reanchor-document';
import type { RevisionResult, VersionSummary } from '@/lib/documents/types';

export { reanchorDocument };

// Revised versions (J8): a new DocumentVersion becomes current, and every annotation
// follows its text into it, or is kept as an orphan in the version it was last found in.

// Response shapes are the contract's (lib/documents/schemas.ts); re-exported for callers.
export type { ReanchorSummary, RevisionResult, VersionSummary } from '@/lib/documents/types';

export type RevisePermission = { allowed: true } | { allowed: false; reason: string };

/**
 * Who may upload a revision. A revision rewrites where everyone's annotations point, so
 * it is not open to every reader: the article's owner may; a public article (the sample
 * one, say) only an administrator, never whoever happens to facilitate some group
 * (document-access.ts, `manageRefusal`).
 */
export async function revisePermission(reader: Reader, documentIdOrSlug: string): Promise<RevisePermission> {
  const doc = await resolveVisibleDocument(reader, documentIdOrSlug);
  const refusal = manageRefusal(reader, doc);
  return refusal ? { allowed: false, reason: refusal } : { allowed: true };
}

export async function listVersions(reader: Reader, idOrSlug: string): Promise<VersionSummary[]> {
  const documentId = await resolveDocumentId(reader, idOrSlug);
  const doc = await db.document.findUniqueOrThrow({
    where: { id: documentId },
    select: {
      currentVersionId: true,
      versions: {
        orderBy: { number: 'asc' },
        select: {
          id: true,
          number: true,
          title: true,
          format: true,
          importedAt: true,
          _count: { select: { blocks: { where: { kind: 'PARAGRAPH' } } } },
        },
      },
    },
  });
  return doc.versions.map((v) => ({
    number: v.number,
    title: v.title,
    format: v.format,
    importedAt: v.importedAt.toISOString(),
    paragraphs: v._count.blocks,
    current: v.id === doc.currentVersionId,
  }));
}

type Tx = Prisma.TransactionClient;

async function lockDocument(tx: Tx, documentId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "documents" WHERE "id" = ${documentId}::uuid FOR UPDATE`;
}

const IDENTICAL = 'This version is identical to the current one.';

function sameBlocks(a: { kind: string; text: string }[], b: { kind: string; text: string }[]): boolean {
  return a.length === b.length && a.every((block, i) => block.kind === b[i].kind && block.text === b[i].text);
}

/** Uploads a revised version, makes it current and re-anchors the document's annotations. */
export async function reviseDocument(
  reader: Reader,
  idOrSlug: string,
  input: ArticleInput,
): Promise<RevisionResult> {
  const documentId = await resolveDocumentId(reader, idOrSlug);
  const permission = await revisePermission(reader, documentId);
  if (!permission.allowed) throw forbidden(permission.reason);

  const format = formatOf(input);
  const { title, blocks: drafts } = finalBlocks(parseOrExplain(input.text, format, input.title), input);
  const sourceHash = hashSource(input.text);
  const scope = await annotationScope(reader, documentId);
  const visible = (row: { authorId: string; groupId: string | null }) => canSee(scope, row);

  const result = await db.$transaction(
    async (tx) => {
      // Revisions of one document queue up here, so version numbers and anchors are
      // assigned against the version that is really current.
      await lockDocument(tx, documentId);
      const doc = await tx.document.findUniqueOrThrow({
        where: { id: documentId },
        select: {
          currentVersion: {
            select: {
              number: true,
              sourceHash: true,
              blocks: { orderBy: { index: 'asc' }, select: { kind: true, anchor: true, text: true } },
            },
          },
          versions: { orderBy: { number: 'desc' }, take: 1, select: { number: true } },
        },
      });
      const current = doc.currentVersion;
      if (!current) throw notFound('The document');
      if (current.sourceHash === sourceHash || sameBlocks(current.blocks, drafts)) throw conflict(IDENTICAL);

      // Anchors of every earlier version: a new paragraph must never take a number an old
      // permalink or an orphaned annotation still points to.
      const used = await tx.block.findMany({
        where: { version: { documentId } },
        distinct: ['anchor'],
        select: { anchor: true },
      });
      const blocks = assignAnchors(
        current.blocks,
        drafts,
        used.map((b) => b.anchor),
      );
      const number = (doc.versions[0]?.number ?? current.number) + 1;
      const version = await tx.documentVersion.create({
        data: { documentId, number, title, format, sourceHash },
        select: { id: true, number: true, title: true, format: true, importedAt: true },
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
      const document = await tx.document.update({
        where: { id: documentId },
        data: { currentVersionId: version.id, title },
        select: { id: true, slug: true, title: true, updatedAt: true },
      });
      const summary = await reanchorDocument(tx, documentId, { id: version.id, blocks }, visible);
      return { document, version, blocks, summary };
    },
    { maxWait: 10_000, timeout: 120_000 },
  );

  // An annotation saved on the old version while this transaction ran was not seen by it.
  const late = await db.$transaction(
    async (tx) => {
      await lockDocument(tx, documentId);
      const still = await tx.document.findUnique({
        where: { id: documentId },
        select: { currentVersionId: true },
      });
      if (still?.currentVersionId !== result.version.id) return null; // a later revision took over
      return reanchorDocument(tx, documentId, { id: result.version.id, blocks: result.blocks }, visible, {
        retryOrphans: false,
      });
    },
    { maxWait: 10_000, timeout: 120_000 },
  );

  const paragraphs = result.blocks.filter((b) => b.kind === 'PARAGRAPH').length;
  const summary = { ...result.summary };
  if (late) for (const key of ['anchored', 'reanchored', 'orphaned'] as const) summary[key] += late[key];
  return {
    document: {
      ...result.document,
      updatedAt: result.document.updatedAt.toISOString(),
      version: result.version.number,
      paragraphs,
    },
    version: {
      ...result.version,
      importedAt: result.version.importedAt.toISOString(),
      paragraphs,
      current: true,
    },
    summary,
  };
}
