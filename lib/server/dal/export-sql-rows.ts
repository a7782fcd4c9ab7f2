import 'server-only';
import type postgres from 'postgres';
import { CONTEXT_LENGTH } from '@/lib/anchoring/types';
import { csvCell } from '@/lib/export/csv';
import { annotationIri, blockPermalink, documentIri, groupIri, userIri } from '@/lib/export/iris';
import { jsonLdConstants } from '@/lib/export/jsonld';
import { STATUS_LINES } from '@/lib/export/markdown';
import { escapeMarkdownInline, JS_WHITESPACE } from '@/lib/export/markdown-escape';
import type { ExportContext } from '@/lib/export/types';
import type { ExportFormat } from '@/lib/openapi/transfer-schemas';
import type { AnnotationScope } from './annotation-access';
import type { DocumentInfo, VersionInfo } from './export-annotation';

// An export's rows written by PostgreSQL (docs/adr/0022): for each annotation the query
// returns its finished CSV record, Markdown entry or JSON-LD items, so this process only
// joins text. The expressions below are the SQL spelling of csv.ts, markdown.ts and
// jsonld.ts for the common case: a target inside one block of its version, that block
// without characters outside the BMP (so UTF-16 offsets are PostgreSQL's character
// offsets), the note's and replies' export forms stored (note-forms.ts), plain dates. Any
// other row is `fast = false` and goes through the formatters as before; the tests compare
// both ways byte for byte (export-sql-rows.test.ts).

type Sql = postgres.Sql;
type Fragment = postgres.PendingQuery<postgres.Row[]>;
/** A string constant to concatenate (a parameter's type is otherwise unknown). */
const lit = (sql: Sql, s: string): Fragment => sql`${s}::text`;

const MD_INLINE = '[\\\\`*_\\[\\]<>|~&!]';
// encodeURIComponent leaves these alone: an author id made of them is its own IRI segment.
const URI_SAFE = "^[A-Za-z0-9_.!~*'()-]+$";
// A block anchor that is its own CSV cell (as "p-7:12") and its own IRI fragment.
const PLAIN_ANCHOR = /^[A-Za-z0-9][A-Za-z0-9_.~-]*$/;
const ASTRAL = /[\uD800-\uDFFF]/;

// PostgreSQL's regular expressions cost microseconds even when anchored (2.3 µs for
// `^[=+…]` on a quote, measured): first characters are tested with ascii() and the need
// for quotes with strpos().

/** csv.ts's csvCell: the formula guard, then RFC 4180 quoting. `e` is evaluated several times: pass a cheap expression. */
function cell(sql: Sql, e: Fragment): Fragment {
  const guard = sql`(CASE WHEN ascii(${e}) IN (61, 43, 45, 64, 9, 13) THEN '''' ELSE '' END)`;
  return sql`(CASE WHEN strpos(${e}, '"') > 0 OR strpos(${e}, ',') > 0 OR strpos(${e}, E'\n') > 0 OR strpos(${e}, E'\r') > 0
    THEN '"' || ${guard} || replace(${e}, '"', '""') || '"' ELSE ${guard} || ${e} END)`;
}

/** markdown-escape.ts's escapeMarkdownInline. Of the line-start markers only ">" is also
 * escaped inline (and then no longer starts the line), so the marker is read before. */
function mdInline(sql: Sql, e: Fragment): Fragment {
  const t = sql`ltrim(${e}, ${JS_WHITESPACE})`;
  const inline = sql`regexp_replace(${t}, ${MD_INLINE}, ${'\\\\\\&'}, 'g')`;
  return sql`(CASE WHEN ascii(${t}) IN (35, 43, 45, 61) THEN '\\' || ${inline}
    WHEN ascii(${t}) BETWEEN 48 AND 57 THEN regexp_replace(${inline}, '^([0-9]+)([.)])', ${'\\1\\\\\\2'})
    ELSE ${inline} END)`;
}

const json = (sql: Sql, e: Fragment) => sql`to_json(${e})::text`;
const iso = (sql: Sql, e: Fragment) => sql`to_char(${e}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const day = (sql: Sql, e: Fragment) => sql`to_char(${e}, 'YYYY-MM-DD')`;
const jsTrimmed = (sql: Sql, e: Fragment) => sql`(btrim(${e}, ${JS_WHITESPACE}) <> '')`;
/** Dates that toISOString writes with four year digits, as to_char does. */
const plainDate = (sql: Sql, e: Fragment) => sql`(${e} >= '0001-01-01' AND ${e} < '10000-01-01')`;

/** The blocks rows may take the SQL path in: first of their anchor, plain anchor, BMP only. */
export function blockParams(versions: VersionInfo[], ctx: ExportContext, doc: DocumentInfo) {
  const p = {
    v: [] as string[],
    anchor: [] as string[],
    len: [] as number[],
    text: [] as string[],
    cp: [] as number[],
    num: [] as number[],
    csvLabel: [] as string[],
    mdLabel: [] as string[],
    link: [] as string[],
  };
  for (const version of versions) {
    const { page } = version;
    page.blocks.forEach((block, i) => {
      if (page.indexByAnchor.get(block.anchor) !== i || !PLAIN_ANCHOR.test(block.anchor)) return;
      if (ASTRAL.test(block.text)) return;
      const label = version.labels.get(block.anchor) ?? block.anchor;
      p.v.push(version.id);
      p.anchor.push(block.anchor);
      p.len.push(block.text.length);
      p.text.push(block.text);
      p.cp.push(page.toCodePoints(page.starts[i]));
      p.num.push(version.number);
      p.csvLabel.push(csvCell(label));
      p.mdLabel.push(escapeMarkdownInline(label));
      p.link.push(blockPermalink(ctx.baseUrl, doc.slug, block.anchor));
    });
  }
  return p;
}

export function blocksCte(sql: Sql, p: ReturnType<typeof blockParams>): Fragment {
  return sql`pb AS (SELECT * FROM unnest(${p.v}::uuid[], ${p.anchor}::text[], ${p.len}::int[], ${p.text}::text[],
    ${p.cp}::int[], ${p.num}::int[], ${p.csvLabel}::text[], ${p.mdLabel}::text[], ${p.link}::text[])
    AS pb(v, anchor, len, text, cp, num, csv_label, md_label, link))`;
}

export interface RowSql {
  /** joins after `annotations a` (users u, groups g and pb are joined by the caller) */
  joins: Fragment;
  /** true where `line` is the row's finished text */
  fast: Fragment;
  line: Fragment;
}

/** The row's text in one format, and when it can be written in SQL. */
export function rowSql(
  sql: Sql,
  format: ExportFormat,
  scope: AnnotationScope,
  ctx: ExportContext,
  doc: DocumentInfo,
): RowSql {
  const facilitated = scope.memberships.filter((m) => m.role === 'FACILITATOR').map((m) => m.groupId);
  const reader = scope.reader.id;
  // annotation-access.ts's withholdsText, for the note and for each reply.
  const noteWithheld = sql`(a."hiddenAt" IS NOT NULL AND a."authorId" <> ${reader}
    AND NOT COALESCE(a."groupId" = ANY(${facilitated}::uuid[]), false))`;
  const replyWithheld = sql`(r."hiddenAt" IS NOT NULL AND r."authorId" <> ${reader}
    AND NOT COALESCE(a."groupId" = ANY(${facilitated}::uuid[]), false))`;
  // Values used several times are computed once per row in a fenced subquery (OFFSET 0
  // keeps the planner from copying the expression into each use).
  const exact = sql`e."exact"`;
  const once = sql`LEFT JOIN LATERAL (SELECT substr(pb.text, a."startOffset" + 1, greatest(0, a."endOffset" - a."startOffset")) AS "exact" OFFSET 0) e ON true`;
  const tagOrder = sql`ORDER BY t."position", t."slug"`;
  const replyOrder = sql`ORDER BY r."createdAt", r."id"`;
  const replyName = sql`coalesce(r."attribution", ru."name", '')`;
  const replies = (columns: Fragment) => sql`LEFT JOIN LATERAL (
      SELECT count(*)::int AS n, coalesce(bool_and(r."bodyCsv" IS NOT NULL
               AND ${plainDate(sql, sql`r."createdAt"`)} AND ${plainDate(sql, sql`r."updatedAt"`)}), true) AS ok, ${columns}
      FROM "replies" r LEFT JOIN "users" ru ON ru."id" = r."authorId"
      WHERE r."annotationId" = a."id" AND r."deletedAt" IS NULL) rp ON true`;
  const tags = (columns: Fragment) => sql`LEFT JOIN LATERAL (
      SELECT ${columns} FROM "annotation_tags" x JOIN "tags" t ON t."id" = x."tagId" WHERE x."annotationId" = a."id") tg ON true`;
  const common = sql`pb.v IS NOT NULL AND a."startBlock" = a."endBlock" AND a."startOffset" <= a."endOffset"
    AND a."endOffset" <= pb.len AND a."noteCsv" IS NOT NULL AND rp.ok
    AND ${plainDate(sql, sql`a."createdAt"`)} AND ${plainDate(sql, sql`a."updatedAt"`)}`;

  if (format === 'csv') {
    const body = sql`(CASE WHEN ${replyWithheld} THEN '' ELSE r."bodyCsv" END)`;
    const head = sql`${replyName} || ', ' || ${day(sql, sql`r."createdAt"`)}`;
    const line = sql`(CASE WHEN r."hiddenAt" IS NULL THEN ${head} || ': ' || ${body}
      WHEN ${body} <> '' THEN ${head} || ' (hidden by a facilitator): ' || ${body}
      ELSE ${head} || ': [hidden by a facilitator]' END)`;
    const note = sql`(CASE WHEN ${noteWithheld} THEN '' ELSE a."noteCsv" END)`;
    return {
      joins: sql`${once} ${replies(sql`coalesce(string_agg(${line}, E'\n\n' ${replyOrder}), '') AS thread`)}
        ${tags(sql`coalesce(string_agg(t."slug", '; ' ${tagOrder}), '') AS list`)}`,
      fast: common,
      line: sql`${lit(sql, csvCell(doc.title))} || ',' || pb.csv_label || ',' || a."startBlock" || ':' || a."startOffset" || ','
        || a."endBlock" || ':' || a."endOffset" || ',' || ${cell(sql, sql`tg.list`)} || ',' || ${cell(sql, exact)}
        || ',' || ${cell(sql, note)} || ',' || ${cell(sql, sql`coalesce(u."name", '')`)}
        || ',' || (CASE WHEN a."groupId" IS NULL THEN '' ELSE ${cell(sql, sql`coalesce(g."name", '')`)} END)
        || ',' || lower(a."visibility"::text) || ',' || a."status" || ',' || ${iso(sql, sql`a."createdAt"`)}
        || ',' || ${iso(sql, sql`a."updatedAt"`)} || ',' || rp.n || ',' || ${cell(sql, sql`rp.thread`)} || E'\r\n'`,
    };
  }

  if (format === 'markdown') {
    const body = sql`(CASE WHEN ${replyWithheld} THEN '' ELSE r."bodyMarkdown" END)`;
    const head = sql`'- **' || ${mdInline(sql, replyName)} || '** · ' || ${day(sql, sql`r."createdAt"`)}
      || (CASE WHEN r."hiddenAt" IS NULL THEN '' ELSE ' · _hidden by a facilitator_' END)`;
    const reply = sql`(CASE WHEN ${body} = '' THEN ${head}
      ELSE ${head} || E'\n\n' || regexp_replace(${body}, '^(.)', '  \\1', 'gn') END)`;
    const note = sql`(CASE WHEN ${noteWithheld} THEN '' ELSE a."noteMarkdown" END)`;
    const quoteOnce = sql`LEFT JOIN LATERAL (SELECT (CASE WHEN t0.t = '' THEN '…' ELSE ${mdInline(sql, sql`t0.t`)} END) AS "md"
        FROM (SELECT btrim(${exact}, ${JS_WHITESPACE}) AS t OFFSET 0) t0 OFFSET 0) q ON true
      LEFT JOIN LATERAL (SELECT ${mdInline(sql, sql`coalesce(u."name", '')`)} AS "author",
        (CASE WHEN a."groupId" IS NULL THEN 'private' ELSE ${mdInline(sql, sql`coalesce(g."name", '')`)} END) AS "group" OFFSET 0) nm ON true`;
    return {
      joins: sql`${once} ${quoteOnce} ${replies(sql`string_agg(${reply}, E'\n\n' ${replyOrder}) AS list`)}
        ${tags(sql`coalesce(string_agg(${mdInline(sql, sql`t."slug"`)}, ', ' ${tagOrder}), '') AS list`)}`,
      // plainTextToMarkdown of a quote on one line is its escaped trimmed text.
      fast: sql`${common} AND strpos(${exact}, E'\n') = 0 AND strpos(${exact}, E'\r') = 0`,
      line: sql`'> ' || q."md"
        || E'\n>\n> — [' || pb.md_label || '](<' || pb.link || '>)'
        || (CASE WHEN ${note} = '' THEN '' ELSE E'\n\n' || ${note} END)
        || E'\n\n**' || nm."author" || '** · ' || ${day(sql, sql`a."createdAt"`)} || ' · ' || nm."group"
        || ' · tags: ' || tg.list
        || (CASE a."status" WHEN 'REANCHORED' THEN E'\n\n' || ${lit(sql, STATUS_LINES.REANCHORED)}
             WHEN 'ORPHANED' THEN E'\n\n' || ${lit(sql, STATUS_LINES.ORPHANED)} ELSE '' END)
        || (CASE WHEN rp.n = 0 THEN '' ELSE E'\n\n' || rp.n || (CASE WHEN rp.n = 1 THEN ' reply' ELSE ' replies' END)
             || E':\n\n' || rp.list END)
        || E'\n\n---\n\n'`,
    };
  }

  const c = jsonLdConstants(ctx);
  // JSON strings of the IRIs without their closing quote: ids (uuids, URI-safe author ids)
  // need neither percent- nor JSON-escaping.
  const open = (iri: string) => JSON.stringify(iri).slice(0, -1);
  const annotationOpen = open(annotationIri(ctx.baseUrl, doc.id, ''));
  const noteBody = (text: Fragment, html: Fragment, purpose: string) => {
    const p = purpose ? `,"purpose":"${purpose}"` : '';
    const plain = sql`'{"type":"TextualBody","value":' || ${json(sql, text)} || ${lit(sql, `,"format":"text/plain"${p}}`)}`;
    return sql`(CASE WHEN ${html} = '' THEN ${plain} ELSE '{"type":"Choice","items":[' || ${plain}
      || ',{"type":"TextualBody","value":' || ${json(sql, html)} || ${lit(sql, `,"format":"text/html"${p}}]}`)} END)`;
  };
  const replyText = sql`(CASE WHEN ${replyWithheld} THEN '' ELSE r."bodyText" END)`;
  const reply = sql`${lit(sql, `,\n      {"@context":${c.context},"id":`)} || ${lit(sql, annotationOpen)} || a."id" || '/replies/' || r."id"
    || '","type":"Annotation","motivation":"replying","created":"' || ${iso(sql, sql`r."createdAt"`)}
    || '","modified":"' || ${iso(sql, sql`r."updatedAt"`)} || '","creator":{"type":"Person","name":' || ${json(sql, replyName)} || '}'
    || (CASE WHEN ${jsTrimmed(sql, replyText)} THEN ',"body":' || ${noteBody(replyText, sql`r."bodyHtml"`, '')} ELSE '' END)
    || ',"target":' || ${lit(sql, annotationOpen)} || a."id" || '"' || (CASE WHEN r."hiddenAt" IS NULL THEN '' ELSE ',"mg:hidden":true' END) || '}'`;
  const noteText = sql`(CASE WHEN ${noteWithheld} THEN '' ELSE a."noteText" END)`;
  const hasNote = jsTrimmed(sql, noteText);
  const quote = sql`'{"type":"TextQuoteSelector","exact":' || ${json(sql, exact)}
    || (CASE WHEN a."startOffset" = 0 THEN '' ELSE ',"prefix":' || ${json(
      sql,
      sql`substr(pb.text, greatest(0, a."startOffset" - ${CONTEXT_LENGTH}) + 1, a."startOffset" - greatest(0, a."startOffset" - ${CONTEXT_LENGTH}))`,
    )} END)
    || (CASE WHEN a."endOffset" = pb.len THEN '' ELSE ',"suffix":' || ${json(sql, sql`substr(pb.text, a."endOffset" + 1, ${CONTEXT_LENGTH})`)} END) || '}'`;
  const tagBodies = sql`string_agg('{"type":"TextualBody","purpose":"tagging","value":' || ${json(sql, sql`t."slug"`)} || '}', ',' ${tagOrder})`;
  return {
    joins: sql`${once} ${replies(sql`coalesce(string_agg(${reply}, '' ${replyOrder}), '') AS list`)}
      ${tags(sql`count(*)::int AS n, ${tagBodies} AS list`)}`,
    fast: sql`${common} AND a."authorId" ~ ${URI_SAFE}`,
    line: sql`${lit(sql, `,\n      {"@context":${c.context},"id":`)} || ${lit(sql, annotationOpen)} || a."id" || '","type":"Annotation","motivation":"'
      || (CASE WHEN ${hasNote} THEN 'commenting' WHEN tg.n > 0 THEN 'tagging' ELSE 'highlighting' END)
      || '","created":"' || ${iso(sql, sql`a."createdAt"`)} || '","modified":"' || ${iso(sql, sql`a."updatedAt"`)}
      || '","creator":{"id":' || ${lit(sql, open(userIri(ctx.baseUrl, '')))} || a."authorId" || '","type":"Person","name":'
      || ${json(sql, sql`coalesce(u."name", '')`)} || ${lit(sql, `},"generator":${c.generator},"generated":${c.generated}`)}
      || (CASE WHEN ${hasNote} OR tg.n > 0 THEN ',"body":[' || concat_ws(',',
           CASE WHEN ${hasNote} THEN ${noteBody(noteText, sql`a."noteHtml"`, 'commenting')} END, tg.list) || ']' ELSE '' END)
      || ${lit(sql, `,"target":{"source":${JSON.stringify(documentIri(ctx.baseUrl, doc.slug))},"selector":[{"type":"FragmentSelector","conformsTo":"http://tools.ietf.org/rfc/rfc3986","value":`)}
      || ${json(sql, sql`a."startBlock"`)} || ',"refinedBy":' || ${quote}
      || '},{"type":"TextPositionSelector","start":' || (pb.cp + a."startOffset") || ',"end":' || (pb.cp + a."endOffset")
      || '}],"mg:documentVersion":' || pb.num || ',"mg:startBlock":' || ${json(sql, sql`a."startBlock"`)}
      || ',"mg:startOffset":' || a."startOffset" || ',"mg:endBlock":' || ${json(sql, sql`a."endBlock"`)}
      || ',"mg:endOffset":' || a."endOffset" || '},"mg:visibility":"' || (CASE WHEN a."visibility" = 'GROUP' THEN 'group' ELSE 'private' END) || '"'
      || (CASE WHEN a."groupId" IS NULL THEN '' ELSE ',"mg:group":{"id":' || ${lit(sql, open(groupIri(ctx.baseUrl, '')))} || a."groupId"
           || '","name":' || ${json(sql, sql`coalesce(g."name", '')`)} || '}' END)
      || ',"mg:anchorStatus":"' || a."status" || '"}' || rp.list`,
  };
}
