// Every length limit of the API's input, in one place: the zod request schemas import these
// numbers, the forms use them for maxLength, and the database CHECK constraints repeat them.
// A request over a limit is refused with a field error (400) before anything is stored.

/** Display names (sign-up), group names: what the forms allow. */
export const NAME_MAX = 80;
/** Group tag names (the `tags.name` column is VARCHAR(40)). */
export const TAG_NAME_MAX = 40;
/** Tag slugs (`tags.slug` is VARCHAR(40)). */
export const TAG_SLUG_MAX = 40;
/** Article titles, given or found by the importer. */
export const TITLE_MAX = 300;
/** Full-text search `q`. */
export const SEARCH_MAX = 200;

/** An email address (RFC 5321's path limit). */
export const EMAIL_MAX = 254;
/** Passwords: long passphrases welcome, megabytes not. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** Block anchors (`p-7`; `blocks.anchor` is VARCHAR(32)). */
export const ANCHOR_MAX = 32;
/** The quoted passage of a highlight. */
export const QUOTE_MAX = 20_000;
/** The context kept either side of a quote. */
export const QUOTE_CONTEXT_MAX = 200;
/** Offsets into a block's text (UTF-16 code units). */
export const OFFSET_MAX = 10_000_000;
/** Tags on one annotation. */
export const TAGS_PER_ANNOTATION_MAX = 10;
/** Values of one repeated filter (`tag=…&tag=…`, `reader=a,b`). */
export const FILTER_VALUES_MAX = 50;
/** A reader id or name in the `reader` filter. */
export const READER_FILTER_MAX = 100;
/** An invite code, or a pasted invite link. */
export const INVITE_CODE_MAX = 500;
/** "Reveal after N annotations". */
export const REVEAL_AFTER_MAX = 100;
/** An id in a path or a query (uuids, better-auth ids, document slugs). */
export const ID_MAX = 200;

/** An article's text, in UTF-8 bytes (a character is at least one byte). */
export const ARTICLE_MAX_BYTES = 2 * 1024 * 1024;
/** Blocks of an article sent back from the import preview. */
export const ARTICLE_BLOCKS_MAX = 20_000;
/** An import file (W3C or Hypothesis JSON). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** A JSON request body of the signed-in API (article and import bodies have their own). */
export const JSON_BODY_MAX_BYTES = 256 * 1024;
/** One raw query value (a comma-separated filter list included). */
export const QUERY_VALUE_MAX = 4_000;
/** Counters stored as PostgreSQL `integer` (an annotation's rev, version numbers). */
export const INT_MAX = 2_147_483_647;

/** The note of an argument link (plain text; `annotation_links.note` has a CHECK). */
export const LINK_NOTE_MAX = 2_000;
/** Relation type names (`relation_types.name` is VARCHAR(40)). */
export const RELATION_NAME_MAX = 40;
/** Links one reader may see on one document that the list returns. */
export const LINKS_PER_DOCUMENT_MAX = 5_000;
/** Annotations in one page of a document's list when the request names no `limit`: what the
 * reader page asks for per request (ADR 0023). */
export const ANNOTATION_PAGE_DEFAULT = 500;
/** The most annotations one page of a document's list may hold. */
export const ANNOTATION_PAGE_MAX = 1_000;
/** A list cursor (`next`), as the list hands it out: base64url of a few keys. */
export const LIST_CURSOR_MAX = 300;
