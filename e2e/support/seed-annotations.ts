// Many annotations at once, straight into the e2e database (the API would take minutes for
// thousands): group annotations of the given readers on the sample article, every target
// valid. Only members of that group see them, so other specs are not disturbed.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface SeededAnnotation {
  id: string;
  authorId: string;
  tags: string[];
  start: { block: string; offset: number };
  end: { block: string; offset: number };
}

const TAG_SLUGS = ['claim', 'evidence', 'framing'];

/** A seeded generator (mulberry32), so that every run seeds the same passages. */
function seededRandom(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedAnnotations(opts: {
  count: number;
  authorIds: string[];
  groupId: string;
  blocks: { anchor: string; text: string }[];
}): Promise<SeededAnnotation[]> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set (run the specs through npm test -- e2e)');
  const next = seededRandom(11);
  const candidates = opts.blocks.map((b, i) => ({ ...b, i })).filter((b) => b.text.length > 40);
  const rows = Array.from({ length: opts.count }, () => {
    const block = candidates[Math.floor(next() * candidates.length)];
    const words = [...block.text.matchAll(/\S+/g)].map((m) => [m.index!, m.index! + m[0].length]);
    const first = Math.floor(next() * words.length);
    const following = opts.blocks[block.i + 1];
    const across = next() < 0.05 && following && following.text.length > 0;
    const endBlock = across ? following : block;
    const endOffset = across
      ? Math.min(following.text.length, 1 + Math.floor(next() * 60))
      : words[Math.min(words.length - 1, first + Math.floor(next() * 12))][1];
    const firstTag = TAG_SLUGS[Math.floor(next() * TAG_SLUGS.length)];
    const tags = next() < 0.15 ? [firstTag, TAG_SLUGS[(TAG_SLUGS.indexOf(firstTag) + 1) % 3]] : [firstTag];
    return {
      id: randomUUID(),
      authorId: opts.authorIds[Math.floor(next() * opts.authorIds.length)],
      tags,
      start: { block: block.anchor, offset: words[first][0] },
      end: { block: endBlock.anchor, offset: endOffset },
      startIndex: block.i,
      endIndex: across ? block.i + 1 : block.i,
      exact: across ? block.text.slice(words[first][0]) : block.text.slice(words[first][0], endOffset),
    };
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "annotations" ("id","documentId","versionId","authorId","visibility","groupId","noteText",
         "startBlock","startIndex","startOffset","endBlock","endIndex","endOffset","exact","status")
       SELECT r."id", d."id", d."currentVersionId", r."authorId", 'GROUP', $2::uuid, '',
         r."startBlock", r."startIndex", r."startOffset", r."endBlock", r."endIndex", r."endOffset", r."exact", 'ANCHORED'
       FROM json_to_recordset($1::json) AS r("id" uuid, "authorId" text, "startBlock" text, "startIndex" int,
         "startOffset" int, "endBlock" text, "endIndex" int, "endOffset" int, "exact" text)
       CROSS JOIN (SELECT "id", "currentVersionId" FROM "documents" WHERE "slug" = 'face-time') d`,
      [
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            authorId: r.authorId,
            startBlock: r.start.block,
            startIndex: r.startIndex,
            startOffset: r.start.offset,
            endBlock: r.end.block,
            endIndex: r.endIndex,
            endOffset: r.end.offset,
            exact: r.exact,
          })),
        ),
        opts.groupId,
      ],
    );
    await client.query(
      `INSERT INTO "annotation_tags" ("annotationId","tagId")
       SELECT r."annotationId", t."id" FROM json_to_recordset($1::json) AS r("annotationId" uuid, "slug" text)
       JOIN "tags" t ON t."slug" = r."slug" AND t."groupId" IS NULL`,
      [JSON.stringify(rows.flatMap((r) => r.tags.map((slug) => ({ annotationId: r.id, slug }))))],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return rows.map(({ id, authorId, tags, start, end }) => ({ id, authorId, tags, start, end }));
}
