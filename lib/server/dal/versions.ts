import 'server-only';
import { targetColumnSelect, targetColumns } from '@/lib/annotations/target-columns';
import { assignAnchors, type ArticleFormat, type BlockKind } from '@/lib/articles';
import { buildDocumentIndex, type DocumentIndex, type Target } from '@/lib/anchoring';
import { placeInRevision } from '@/lib/anchoring/place-in-revision';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '../db';
import { conflict, forbidden, notFound } from '../errors';
import type { Reader } from '../session';
import { annotationScope, canSee } from './annotation-access';
import { finalBlocks, formatOf, type ArticleInput } from './document-import';
import { hashSource, parseOrExplain, resolveDocumentId, type DocumentSummary } from './documents';
import { getVersionIndex } from './version-index';

// Revised versions (J8): a new DocumentVersion becomes current, and every annotation
// follows its text into it, or is kept as an orphan in the version it was last found in.

export interface VersionSummary {
  number: number;
  title: string;
  format: ArticleFormat;
  importedAt: string;
  paragraphs: number;
  current: boolean;
}

/** What happened to the annotations the reviser can see (others' private notes do not
 * exist for them, not even as a count). */
export interface ReanchorSummary {
  anchored: number;
  reanchored: number;
  orphaned: number;
}

export interface RevisionResult {
  document: DocumentSummary;
  version: VersionSummary;
  summary: ReanchorSummary;
}

export type RevisePermission = { allowed: true } | { allowed: false; reason: string };

/**
 * Who may upload a revision. A revision rewrites where everyone's annotations point, so
 * it is not open to every reader: the reader who imported an article may revise it. The
 * sample article (and any article whose importer deleted their account) has no owner;
 * there the facilitators, who run seminars on it, may, being the readers trusted to
 * manage what a group reads.
 */
export async function revisePermission(reader: Reader, documentId: string): Promise<RevisePermission> {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { createdById: true } });
  if (!doc) throw notFound('The document');
  if (doc.createdById === reader.id) return { allowed: true };
  if (doc.createdById === null) {
    const facilitator = await db.membership.findFirst({
      where: { userId: reader.id, role: 'FACILITATOR' },
      select: { id: true },
    });
    if (facilitator) return { allowed: true };
    return {
      allowed: false,
      reason: 'Only a group facilitator can upload a revised version of this article.',
    };
  }
  return {
    allowed: false,
    reason: 'Only the reader who imported this article can upload a revised version of it.',
  };
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
type NewBlock = { kind: BlockKind; anchor: string; text: string };

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
  const visible = (row: RevisionRow) => canSee(scope, row);

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

const rowSelect = {
  id: true,
  versionId: true,
  authorId: true,
  groupId: true,
  status: true,
  rev: true,
  ...targetColumnSelect,
} as const satisfies Prisma.AnnotationSelect;
/** An annotation as a revision reads it: where it is, and who may count it. */
type RevisionRow = Prisma.AnnotationGetPayload<{ select: typeof rowSelect }>;

/** Where an annotation goes: its row as it will be written back. */
type Placement = Omit<RevisionRow, 'authorId' | 'groupId'>;

function placementIn(
  row: RevisionRow,
  versionId: string,
  index: DocumentIndex,
  target: Target,
  status: Placement['status'],
): Placement {
  return {
    id: row.id,
    rev: row.rev,
    versionId,
    ...targetColumns(index, target),
    status,
  };
}

function targetOf(row: RevisionRow): Target {
  return {
    start: { block: row.startBlock, offset: row.startOffset },
    end: { block: row.endBlock, offset: row.endOffset },
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
  };
}

/** Where one annotation goes in the new version (placeInRevision decides); null when it
 * stays as it is. */
function place(
  row: RevisionRow,
  oldIndex: DocumentIndex | null,
  next: { id: string; index: DocumentIndex },
): { placement: Placement | null; outcome: keyof ReanchorSummary } {
  const decided = placeInRevision({ status: row.status, target: targetOf(row) }, oldIndex, next.index);
  if (decided.outcome === 'orphaned') {
    const { authorId: _author, groupId: _group, ...kept } = row;
    return { placement: decided.orphanInPlace ? { ...kept, status: 'ORPHANED' } : null, outcome: 'orphaned' };
  }
  return {
    placement: placementIn(row, next.id, next.index, decided.move.target, decided.move.status),
    outcome: decided.outcome,
  };
}

/**
 * Moves every live annotation of the document that is not yet in the new version:
 * grouped by the version it is anchored in (annotations may sit in different older
 * versions), then written back in one statement per batch.
 */
export async function reanchorDocument(
  tx: Tx,
  documentId: string,
  next: { id: string; blocks: NewBlock[] },
  counts: (row: RevisionRow) => boolean = () => true,
  { retryOrphans = true }: { retryOrphans?: boolean } = {},
): Promise<ReanchorSummary> {
  const summary: ReanchorSummary = { anchored: 0, reanchored: 0, orphaned: 0 };
  const rows = await tx.annotation.findMany({
    where: {
      documentId,
      deletedAt: null,
      versionId: { not: next.id },
      ...(retryOrphans ? {} : { status: { not: 'ORPHANED' } }),
    },
    select: rowSelect,
  });
  if (rows.length === 0) return summary;
  const nextIndex = {
    id: next.id,
    index: buildDocumentIndex(next.blocks.map((b) => ({ anchor: b.anchor, text: b.text }))),
  };

  const byVersion = new Map<string, RevisionRow[]>();
  for (const row of rows) {
    const group = byVersion.get(row.versionId);
    if (group) group.push(row);
    else byVersion.set(row.versionId, [row]);
  }
  const placements: Placement[] = [];
  for (const [versionId, group] of byVersion) {
    const live = group.some((row) => row.status !== 'ORPHANED');
    const oldIndex = live ? (await getVersionIndex(versionId)).index : null;
    for (const row of group) {
      const { placement, outcome } = place(row, oldIndex, nextIndex);
      if (placement) placements.push(placement);
      if (counts(row)) summary[outcome]++;
    }
  }
  await writePlacements(tx, placements);
  return summary;
}

/** Rows per UPDATE: keeps one statement's JSON parameter to a few MB. */
const WRITE_BATCH = 5_000;

/**
 * One `UPDATE … FROM jsonb_to_recordset(…)` per batch: a single parameter whatever the
 * number of rows (a VALUES list would hit PostgreSQL's 65,535-parameter limit). An
 * annotation edited meanwhile (its rev moved on) is left for the author's edit to win.
 */
async function writePlacements(tx: Tx, placements: Placement[]): Promise<void> {
  for (let from = 0; from < placements.length; from += WRITE_BATCH) {
    const payload = JSON.stringify(placements.slice(from, from + WRITE_BATCH));
    // Keep where each annotation was in the version it leaves (or is orphaned in), so that
    // version still reads with its annotations; rows are locked so the UPDATE moves exactly these.
    await tx.$executeRaw`
      INSERT INTO "annotation_placements" (
        "annotationId", "versionId", "startBlock", "startIndex", "startOffset",
        "endBlock", "endIndex", "endOffset", "exact", "prefix", "suffix", "status")
      SELECT a."id", a."versionId", a."startBlock", a."startIndex", a."startOffset",
        a."endBlock", a."endIndex", a."endOffset", a."exact", a."prefix", a."suffix", a."status"
      FROM "annotations" AS a
      JOIN jsonb_to_recordset(${payload}::jsonb) AS v("id" uuid, "rev" int) ON a."id" = v."id" AND a."rev" = v."rev"
      WHERE a."deletedAt" IS NULL
      FOR UPDATE OF a
      ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`
      UPDATE "annotations" AS a SET
        "versionId" = v."versionId",
        "startBlock" = v."startBlock", "startIndex" = v."startIndex", "startOffset" = v."startOffset",
        "endBlock" = v."endBlock", "endIndex" = v."endIndex", "endOffset" = v."endOffset",
        "exact" = v."exact", "prefix" = v."prefix", "suffix" = v."suffix",
        "status" = v."status"::"AnchorStatus",
        "rev" = a."rev" + 1
      FROM jsonb_to_recordset(${payload}::jsonb) AS v(
        "id" uuid, "rev" int, "versionId" uuid,
        "startBlock" text, "startIndex" int, "startOffset" int,
        "endBlock" text, "endIndex" int, "endOffset" int,
        "exact" text, "prefix" text, "suffix" text, "status" text)
      WHERE a."id" = v."id" AND a."rev" = v."rev" AND a."deletedAt" IS NULL`;
  }
}
