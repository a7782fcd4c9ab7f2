import 'server-only';
import { buildDocumentIndex, type DocumentIndex, type Target } from '@/lib/anchoring';
import { placeInRevision } from '@/lib/anchoring/place-in-revision';
import { targetColumnSelect, targetColumns } from '@/lib/annotations/target-columns';
import type { BlockKind } from '@/lib/articles';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ReanchorSummary } from '@/lib/documents/types';
import { getVersionIndex } from './version-index';

// Re-anchoring after a revision (J8): every live annotation not yet in the new version is
// placed in it (lib/anchoring/place-in-revision.ts decides where) and written back in bulk,
// keeping where it was in the version it leaves.

type Tx = Prisma.TransactionClient;
type NewBlock = { kind: BlockKind; anchor: string; text: string };

// ReanchorSummary counts what happened to the annotations the reviser can see (others'
// private notes do not exist for them, not even as a count).

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
