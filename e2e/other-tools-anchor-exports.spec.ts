import { build } from 'esbuild';
import { expect, test, type Page } from './support/test';
import { apiJson, signUpViaApi } from './support/session';

// Another W3C tool anchors Marginalia's exported selectors on Marginalia's own page: Apache
// Annotator's matchers, run in Chromium over the reader's <article>, must find every exported
// quote exactly once, where it was annotated, and the TextPositionSelector the same range.

type Block = { anchor: string; kind: string; text: string };
type Selector = {
  type: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
};
type Item = {
  id: string;
  motivation: string;
  target: { selector: (Selector & { refinedBy?: Selector })[] };
};

const ARTICLE = `<!doctype html><html><head><title>Anchors</title></head><body><article>
<h1>Anchors for other tools 🧭</h1>
<p class="standfirst">A standfirst with combining marks that NFC keeps: q\u0307 and Spin\u0308al Tap.</p>
<p class="byline">By Zoë Quill</p>
<h2>First heading</h2>
<p>Opening paragraph: the committee met on Tuesday and argued about 🐢 turtles.</p>
<p>Second paragraph with the word turtles again, and a flag 🇫🇷 to finish.</p>
<figure><img src="x.png" alt=""><figcaption>Caption: a photo of the committee (Photo: archive)</figcaption></figure>
<h2>Second heading</h2>
<p>Closing paragraph, where the 👩‍👩‍👧 family sits, then the end.</p>
</article></body></html>`;

/** Apache Annotator's two matchers as one script for the page, built here (no network). */
async function annotatorScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        "export { createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher } from '@apache-annotator/dom';",
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'iife',
    globalName: 'ApacheAnnotator',
    platform: 'browser',
    write: false,
  });
  return `${result.outputFiles[0].text}\nwindow.ApacheAnnotator = ApacheAnnotator;`;
}

interface Placed {
  start: number;
  end: number;
  text: string;
}

/** Every range each matcher finds in the <article>, as UTF-16 offsets in its text. */
async function matchInPage(page: Page, selectors: { quote: Selector; position: Selector }[]) {
  return page.evaluate(async (items) => {
    type Matcher = (scope: Node) => AsyncIterable<Range>;
    const annotator = (
      window as unknown as {
        ApacheAnnotator: {
          createTextQuoteSelectorMatcher: (selector: unknown) => Matcher;
          createTextPositionSelectorMatcher: (selector: unknown) => Matcher;
        };
      }
    ).ApacheAnnotator;
    const article = document.querySelector('article')!;
    const offsetOf = (node: Node, offset: number) => {
      const range = document.createRange();
      range.setStart(article, 0);
      range.setEnd(node, offset);
      return range.toString().length;
    };
    const all = async (matches: AsyncIterable<Range>) => {
      const found: Placed[] = [];
      for await (const range of matches) {
        found.push({
          start: offsetOf(range.startContainer, range.startOffset),
          end: offsetOf(range.endContainer, range.endOffset),
          text: range.toString(),
        });
      }
      return found;
    };
    const out = [];
    for (const { quote, position } of items) {
      out.push({
        quotes: await all(annotator.createTextQuoteSelectorMatcher(quote)(article)),
        positions: await all(annotator.createTextPositionSelectorMatcher(position)(article)),
      });
    }
    return out;
  }, selectors);
}

test('[EXPORT] another tool’s matchers find every exported quote and position on the reader page', async ({
  page,
}) => {
  await signUpViaApi(page, 'Anchorer');
  const created = await apiJson(page.request, 'POST', '/api/v1/documents', {
    text: ARTICLE,
    format: 'html',
  });
  expect(created.status).toBe(201);
  const documentId: string = created.json.document.id;
  const { json } = await apiJson(page.request, 'GET', `/api/v1/documents/${documentId}`);
  const blocks = json.blocks as Block[];
  const slug: string = json.document.slug;
  expect(new Set(blocks.map((b) => b.kind))).toEqual(
    new Set(['TITLE', 'STANDFIRST', 'BYLINE', 'HEADING', 'PARAGRAPH', 'CAPTION']),
  );
  const pageText = blocks.map((b) => b.text).join('\n');
  const pageStart = (i: number) => blocks.slice(0, i).reduce((n, b) => n + b.text.length + 1, 0);
  const find = (text: string) => {
    const i = blocks.findIndex((b) => b.text.includes(text));
    expect(i, text).toBeGreaterThanOrEqual(0);
    return { i, offset: blocks[i].text.indexOf(text) };
  };

  // [from, to]: a passage from the start of `from` to the end of `to` (often in another block).
  const passages: [string, string][] = [
    ['other tools 🧭', 'other tools 🧭'], // the title, to its end
    ['q\u0307 and Spin\u0308al', 'q\u0307 and Spin\u0308al'], // combining marks
    ['By Zoë Quill', 'By Zoë Quill'], // a whole block: no context at all
    ['First heading', 'First heading'],
    ['argued about 🐢', '🐢 turtles'],
    ['turtles again', 'turtles again'],
    ['🇫🇷', '🇫🇷'],
    ['the committee (', 'the committee ('], // also in ¶1: the block's own context tells them apart
    ['👩‍👩‍👧 family', '👩‍👩‍👧 family'],
    ['tools 🧭', 'A standfirst'], // title → standfirst
    ['Quill', 'Opening paragraph'], // byline → heading → paragraph
    ['to finish.', 'Caption: a photo'], // paragraph → caption
    ['(Photo: archive)', 'Closing'], // caption → heading → paragraph
  ];
  const expected = await Promise.all(
    passages.map(async ([from, to]) => {
      const a = find(from);
      const b = find(to);
      const start = { block: blocks[a.i].anchor, offset: a.offset };
      const end = { block: blocks[b.i].anchor, offset: b.offset + to.length };
      // The API's quote is in the document text (blocks joined by a blank line).
      const exact = [
        blocks[a.i].text.slice(a.offset, a.i === b.i ? end.offset : undefined),
        ...blocks.slice(a.i + 1, b.i).map((x) => x.text),
        ...(a.i === b.i ? [] : [blocks[b.i].text.slice(0, end.offset)]),
      ].join('\n\n');
      const res = await apiJson(page.request, 'POST', `/api/v1/documents/${documentId}/annotations`, {
        target: { start, end, exact },
        tags: ['claim'],
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      const s = pageStart(a.i) + a.offset;
      const e = pageStart(b.i) + end.offset;
      return { id: res.json.annotation.id as string, start: s, end: e, exact: pageText.slice(s, e) };
    }),
  );

  const exported = await page.request.get(`/api/v1/documents/${documentId}/export?format=jsonld`);
  expect(exported.ok()).toBe(true);
  const items = ((await exported.json()).first.items as Item[]).filter((i) => i.motivation !== 'replying');
  expect(items).toHaveLength(passages.length);
  const selectors = expected.map(({ id }) => {
    const item = items.find((i) => i.id.endsWith(`/${id}`))!;
    const [first, position] = item.target.selector;
    return { quote: first.refinedBy ?? first, position };
  });

  await page.goto(`/documents/${slug}`);
  // The article itself, not the review panel's cards (they are articles too).
  const article = page.getByRole('article', { name: 'Anchors for other tools 🧭', exact: true });
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('Anchors for other tools 🧭');
  await expect(page.locator('article mark.hl').first()).toBeVisible();
  // The page shows the blocks' text and nothing else: gutter labels and bars are not text.
  expect(await article.evaluate((el) => el.textContent)).toBe(pageText);

  await page.evaluate(await annotatorScript());
  const found = await matchInPage(page, selectors);
  found.forEach(({ quotes, positions }, k) => {
    const want = { start: expected[k].start, end: expected[k].end, text: expected[k].exact };
    expect(selectors[k].quote.exact, passages[k].join(' … ')).toBe(expected[k].exact);
    expect(quotes, `quote ${passages[k].join(' … ')}`).toEqual([want]);
    expect(positions, `position ${passages[k].join(' … ')}`).toEqual([want]);
  });
});
