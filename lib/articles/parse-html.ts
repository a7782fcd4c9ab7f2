import { Parser } from 'htmlparser2';
import { ArticleParseError, type BlockKind, type DraftBlock } from './types';

// Only text leaves this module: tags, attributes (event handlers included), scripts and
// styles never reach a block.

/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'script',
  'style',
  'nav',
  'footer',
  'aside',
  'form',
  'noscript',
  'iframe',
  'svg',
  'math',
  'template',
  'button',
  'select',
  'textarea',
  'object',
  'embed',
  'canvas',
  'dialog',
  'audio',
  'video',
  'map',
]);

const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul', // cells are not blocks: a table row reads as one line
]);

// htmlparser2 keeps open elements in an array it unshifts, so nesting costs depth² time;
// real pages stay far below this, hostile ones are cut off early.
const MAX_DEPTH = 512;
const CHUNK_CHARS = 8192;

const HEADING_KINDS = new Map<string, BlockKind | 'H1'>([
  ['h1', 'H1'],
  ['h2', 'HEADING'],
  ['h3', 'HEADING'],
  ['h4', 'HEADING'],
  ['h5', 'HEADING'],
  ['h6', 'HEADING'],
  ['figcaption', 'CAPTION'],
  ['caption', 'CAPTION'],
]);

const BYLINE_HINT = /(?:^|[\s_-])(?:byline|by-line|author|authors|writer|contributor)(?:$|[\s_-])/i;
const STANDFIRST_HINT = /(?:^|[\s_-])(?:standfirst|dek|deck|subtitle|subheadline|strapline)(?:$|[\s_-])/i;

// Everything a text node needs is inherited into its frame, so no lookup walks the stack
// (deeply nested hostile markup stays linear).
interface Frame {
  name: string;
  kind: BlockKind | 'H1';
  hint?: 'byline' | 'standfirst';
  skip: boolean;
  pre: boolean;
  article: number; // id of the <article> it is in, or 0
  main: boolean;
}

interface HtmlDraft extends DraftBlock {
  kind: BlockKind;
  h1: boolean;
  article: number;
  main: boolean;
}

/**
 * HTML → drafts. When the page has <article> elements, only the one with the most text is
 * read (the rest is teasers and chrome); failing that <main>; failing that the whole body.
 * The first <h1> is the title, else <title> without its " | Site" suffix.
 */
export function parseHtmlDrafts(html: string): DraftBlock[] {
  const drafts: HtmlDraft[] = [];
  const root: Frame = { name: '#root', kind: 'PARAGRAPH', skip: false, pre: false, article: 0, main: false };
  const stack: Frame[] = [root];
  let buffer: string[] = [];
  let bufferHasText = false;
  let titleText = '';
  let inTitle = false;
  let articles = 0;
  let pendingBreak = false;
  let tooDeep = false;

  const top = () => stack[stack.length - 1];
  const flush = () => {
    pendingBreak = false;
    if (buffer.length === 0) return;
    const frame = top();
    const raw = buffer.join('');
    buffer = [];
    bufferHasText = false;
    // Only ASCII whitespace collapses, as in HTML; a no-break space is text.
    const text = frame.pre ? tidyPreformatted(raw) : raw.replace(/[ \t\n\f\r]+/g, ' ').trim();
    if (text === '') return;
    drafts.push({
      kind: frame.kind === 'H1' ? 'HEADING' : frame.kind,
      h1: frame.kind === 'H1',
      text,
      hint: frame.hint,
      article: frame.article,
      main: frame.main,
    });
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const parent = top();
        if (name === 'title' && !parent.skip && titleText === '') inTitle = stack.length <= 3;
        if (name === 'br') {
          if (parent.skip) return;
          if (pendingBreak) flush();
          else buffer.push(' ');
          pendingBreak = true;
          return;
        }
        if (stack.length > MAX_DEPTH) tooDeep = true;
        if (BLOCKS.has(name)) flush();
        if ((name === 'td' || name === 'th') && bufferHasText) buffer.push(' | ');
        const hidden = 'hidden' in attribs || attribs['aria-hidden'] === 'true';
        // A <header> inside <article> or <main> holds the headline and byline; elsewhere it
        // is the site's banner.
        const banner = name === 'header' && parent.article === 0 && !parent.main;
        const hint = hintOf(name, attribs);
        stack.push({
          name,
          // Other elements inherit: a <p> inside a <figcaption> is still caption text.
          kind: HEADING_KINDS.get(name) ?? parent.kind,
          hint: hint ?? parent.hint,
          skip: parent.skip || hidden || banner || SKIPPED.has(name),
          pre: parent.pre || name === 'pre',
          article: name === 'article' ? ++articles : parent.article,
          main: parent.main || name === 'main' || attribs.role === 'main',
        });
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'br') return;
        if (BLOCKS.has(name)) flush();
        if (stack.length > 1 && top().name === name) {
          stack.pop();
          return;
        }
        let at = stack.length - 1;
        while (at > 0 && stack[at].name !== name) at--;
        if (at > 0) {
          if (!BLOCKS.has(name) && stack.slice(at + 1).some((f) => BLOCKS.has(f.name))) flush();
          stack.length = at;
        }
      },
      ontext(data) {
        if (inTitle) {
          titleText += data;
          return;
        }
        if (top().skip) return;
        if (/\S/.test(data)) {
          pendingBreak = false;
          bufferHasText = true;
        }
        buffer.push(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  for (let i = 0; i < html.length && !tooDeep; i += CHUNK_CHARS) parser.write(html.slice(i, i + CHUNK_CHARS));
  if (tooDeep) {
    throw new ArticleParseError(
      'NO_TEXT',
      'The HTML is nested too deeply to read. Import the page as plain text instead.',
    );
  }
  parser.end();
  flush();

  return chooseContent(drafts, cleanTitle(titleText));
}

function hintOf(name: string, attribs: Record<string, string>): Frame['hint'] {
  if (name === 'address' || attribs.rel === 'author') return 'byline';
  const label = `${attribs.class ?? ''} ${attribs.id ?? ''} ${attribs.itemprop ?? ''}`;
  if (label.length <= 2) return undefined;
  if (BYLINE_HINT.test(label)) return 'byline';
  return STANDFIRST_HINT.test(label) ? 'standfirst' : undefined;
}

function tidyPreformatted(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n')
    .trim();
}

function cleanTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  const bar = title.lastIndexOf(' | ');
  return bar > 0 ? title.slice(0, bar).trim() : title;
}

function chooseContent(drafts: HtmlDraft[], pageTitle: string): DraftBlock[] {
  let chosen = drafts;
  if (drafts.some((d) => d.article > 0)) {
    const size = new Map<number, number>();
    for (const d of drafts)
      if (d.article > 0) size.set(d.article, (size.get(d.article) ?? 0) + d.text.length);
    const best = [...size.entries()].sort((a, b) => b[1] - a[1])[0][0];
    chosen = drafts.filter((d) => d.article === best);
  } else if (drafts.some((d) => d.main)) {
    chosen = drafts.filter((d) => d.main);
  }
  const titleIndex = chosen.findIndex((d) => d.h1);
  const result: DraftBlock[] = chosen.map((d, i) => ({
    kind: i === titleIndex ? 'TITLE' : d.kind,
    text: d.text,
    ...(d.hint && (d.kind === 'PARAGRAPH' || d.kind === 'HEADING') ? { hint: d.hint } : {}),
  }));
  if (titleIndex < 0 && pageTitle !== '') result.unshift({ kind: 'TITLE', text: pageTitle });
  return result;
}
