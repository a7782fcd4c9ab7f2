// Heuristics shared by the format parsers. Every check bounds the text it looks at, and no
// regex here can backtrack over an unbounded run, so hostile input stays linear.

export const TITLE_MAX_CHARS = 120;

/** Page furniture a copy from a news page carries before the title and after the last block. */
const FURNITURE = new Set([
  'old version',
  'new version',
  'classic version',
  'mobile version',
  'desktop version',
  'home',
  'homepage',
  'home page',
  'menu',
  'search',
  'subscribe',
  'sign in',
  'sign up',
  'log in',
  'login',
  'log out',
  'register',
  'print',
  'print this',
  'print this article',
  'print article',
  'share',
  'share this',
  'share this article',
  'share this story',
  'email',
  'e-mail',
  'mail',
  'tweet',
  'facebook',
  'twitter',
  'x',
  'linkedin',
  'whatsapp',
  'weibo',
  'wechat',
  'copy link',
  'save',
  'listen',
  'back',
  'back to top',
  'top',
  'next',
  'previous',
  'next article',
  'previous article',
  'related',
  'related articles',
  'related stories',
  'comments',
  'comment',
  'close',
  'more',
  'read more',
  'skip to content',
  'skip to main content',
  'advertisement',
  'english',
  '中文',
  // Section labels ("kickers") that precede a headline.
  'international',
  'world',
  'nation',
  'china',
  'opinion',
  'business',
  'economy',
  'politics',
  'culture',
  'sports',
  'science',
  'technology',
  'tech',
  'lifestyle',
  'editorial',
  'commentary',
  'analysis',
  'news',
  'features',
  'columns',
  'world news',
  'latest news',
]);

/** Standalone lines that interrupt an article anywhere. */
const INTERRUPTIONS = new Set([
  'advertisement',
  'skip advertisement',
  'continue reading the main story',
  'story continues below advertisement',
  'scroll to continue with content',
  'article continues below',
  'ad',
  'sponsored',
]);

const TERMINAL = '.!?;:,…';
const CLOSERS = '"\'”’»›)]}*_';

function normalizeLabel(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** "Print", "Share | Email", "© 2023 Beijing Review": navigation, not article text. */
export function isFurnitureLine(text: string): boolean {
  if (text.length > 200) return false;
  if (/^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))|^all rights reserved\b/i.test(text)) return true;
  if (text.length > 80) return false;
  const parts = normalizeLabel(text)
    .split(/\s*[|•·›»/]\s*/)
    .filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => FURNITURE.has(p.replace(/[:.]$/, '')));
}

export function isInterruption(text: string): boolean {
  return text.length <= 60 && INTERRUPTIONS.has(normalizeLabel(text));
}

/** A section break such as "* * *" or "—": no letters or digits at all. */
export function isOrnament(text: string): boolean {
  return text.length <= 20 && !/[\p{L}\p{N}]/u.test(text);
}

/** The last character that is not a closing quote, bracket or space. */
function lastMeaningfulChar(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && (CLOSERS.includes(text[i]) || /\s/.test(text[i]))) i--;
  return i >= 0 ? text[i] : '';
}

export function endsWithTerminalPunctuation(text: string): boolean {
  const last = lastMeaningfulChar(text);
  return last !== '' && TERMINAL.includes(last);
}

export function countWords(text: string, stopAfter = Number.POSITIVE_INFINITY): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\u00A0';
    if (!space && !inWord && ++words > stopAfter) return words;
    inWord = !space;
  }
  return words;
}

function startsWithLowercase(text: string): boolean {
  const first = /\p{L}/u.exec(text.slice(0, 20));
  return first !== null && /\p{Ll}/u.test(first[0]);
}

/** A short line without terminal punctuation that does not start in lower case. */
export function isHeadingLike(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= 100 &&
    !text.includes('\n') &&
    countWords(text, 12) <= 12 &&
    !endsWithTerminalPunctuation(text) &&
    !startsWithLowercase(text) &&
    !isBylineText(text) &&
    !isCaptionText(text)
  );
}

/** Could be a headline: one short line that is not a sentence ending in a full stop. */
export function isTitleLike(text: string): boolean {
  return (
    text.length <= 200 &&
    !text.includes('\n') &&
    countWords(text, 30) <= 30 &&
    lastMeaningfulChar(text) !== '.' &&
    !isBylineText(text) &&
    !isCaptionText(text)
  );
}

/** Short, unpunctuated label: a breadcrumb or kicker seen before an explicit title. */
export function isNavLike(text: string): boolean {
  return text.length <= 60 && countWords(text, 8) <= 8 && !endsWithTerminalPunctuation(text);
}

const BYLINE_LEAD = /^(?:by|written by|words by|text by|reporting by|authors?:)\s+/i;

/**
 * "By Hu Bo Updated Dec.1". The two words after "By" must not start in lower case, which
 * keeps "By Friday, the troops had left" a paragraph.
 */
export function isBylineText(text: string): boolean {
  if (text.length > 150) return false;
  const lead = BYLINE_LEAD.exec(text);
  if (!lead) return false;
  const words = text.slice(lead[0].length).split(/\s+/, 2);
  return (
    words.every((w) => w === '' || (/^[\p{L}\p{N}]/u.test(w) && !/^[\p{Ll}\p{N}]/u.test(w))) &&
    words[0] !== ''
  );
}

const CAPTION_START =
  /^(?:photos?|photograph|picture|image|illustration|caption)(?:\s+(?:by|credit)\b|\s*:)/i;
const CAPTION_CREDIT_END = /\((?:photos?|photograph|picture|image|illustration|credit)\b[^()]{0,80}\)$/i;
const CAPTION_LABEL_END =
  /(?:[.!?]\s+|\s[|/–—-]\s)(?:Photos?|Photograph|Picture|Image|Illustration)(?:\s+by|\s*:|\s+credit:?)\s*[^.!?]{1,60}$/;

/** A photo caption: starts with "Photo:" or ends with a credit such as "(Photo by VCG)". */
export function isCaptionText(text: string): boolean {
  if (text.length > 600) return false;
  const tail = text.slice(-160).trimEnd();
  return (
    CAPTION_START.test(text.slice(0, 40)) || CAPTION_CREDIT_END.test(tail) || CAPTION_LABEL_END.test(tail)
  );
}

/** The first line, cut at a word boundary so it fits a title. */
export function truncateTitle(text: string, max = TITLE_MAX_CHARS): string {
  const newline = text.indexOf('\n');
  const line = (newline >= 0 ? text.slice(0, newline) : text).trim();
  if (line.length <= max) return line;
  let cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
