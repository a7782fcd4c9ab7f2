import { describe, expect, it } from 'vitest';
import { parseArticle } from './index';

const rows = (html: string, title?: string) =>
  parseArticle(html, 'html', { title }).blocks.map((b) => `${b.anchor} ${b.kind} ${b.text}`);

const page = `<!doctype html>
<html><head><title>Face Time | Beijing Review</title>
<style>p { color: red }</style><script>document.write('evil')</script></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="logo">Beijing Review</div></header>
<article>
  <header>
    <p class="kicker">International</p>
    <h1>Face Time</h1>
    <p class="standfirst">Given the military asymmetry &amp; lack of mutual trust</p>
    <p class="byline">By <a rel="author" href="/hu-bo">Hu Bo</a> Updated Dec.1</p>
  </header>
  <p onclick="steal()" onmouseover="alert(1)">On August 3, Senior&nbsp;Colonel   Wu
  Qian confirmed &#8220;the meeting&#8221;.</p>
  <h2>Military Asymmetry</h2>
  <p>Since the end<br>of the Cold War.<br><br>A new paragraph after a double break.</p>
  <ul><li>Item one</li><li>Item <b>two</b></li></ul>
  <blockquote>Quoted text</blockquote>
  <figure><img src="drill.png" alt="ignored alt" onerror="steal()"><figcaption><p>A joint drill (Photo by VCG)</p></figcaption></figure>
  <div>Loose text in a div<p>An inner paragraph</p>and its tail</div>
  <table><tr><th>Year</th><th>Event</th></tr><tr><td>2022</td><td>Visit</td></tr></table>
  <pre>line 1
    line 2</pre>
  <div hidden>hidden text</div><span aria-hidden="true">aria hidden</span>
  <form><label>Subscribe<input name="e"></label><button>Go</button></form>
  <aside>Related: other story</aside>
  <footer><a href="#">Share</a></footer>
</article>
<article><h2>Teaser</h2><p>Short.</p></article>
<footer>Copyright 2023 Beijing Review</footer>
</body></html>`;

describe('HTML import', () => {
  it('reads the main article of a saved news page, text only', () => {
    expect(rows(page)).toEqual([
      'title TITLE Face Time',
      'standfirst STANDFIRST Given the military asymmetry & lack of mutual trust',
      'byline BYLINE By Hu Bo Updated Dec.1',
      'p-1 PARAGRAPH On August 3, Senior\u00A0Colonel Wu Qian confirmed “the meeting”.',
      'h-1 HEADING Military Asymmetry',
      'p-2 PARAGRAPH Since the end of the Cold War.',
      'p-3 PARAGRAPH A new paragraph after a double break.',
      'p-4 PARAGRAPH Item one',
      'p-5 PARAGRAPH Item two',
      'p-6 PARAGRAPH Quoted text',
      'c-1 CAPTION A joint drill (Photo by VCG)',
      'p-7 PARAGRAPH Loose text in a div',
      'p-8 PARAGRAPH An inner paragraph',
      'p-9 PARAGRAPH and its tail',
      'p-10 PARAGRAPH Year | Event',
      'p-11 PARAGRAPH 2022 | Visit',
      'p-12 PARAGRAPH line 1\n    line 2',
    ]);
  });

  it('never lets scripts, styles, handlers or hidden content through', () => {
    const text = parseArticle(page, 'html')
      .blocks.map((b) => b.text)
      .join('\n');
    for (const banned of [
      'evil',
      'steal',
      'alert',
      'color: red',
      'hidden text',
      'aria hidden',
      'Subscribe',
      'Related',
      'Share',
      'Copyright',
      'Teaser',
      'Home',
    ]) {
      expect(text).not.toContain(banned);
    }
  });

  it('uses <title> without its site suffix when there is no <h1>', () => {
    expect(rows('<title>Face Time | Beijing Review</title><p>Body.</p>')).toEqual([
      'title TITLE Face Time',
      'p-1 PARAGRAPH Body.',
    ]);
  });

  it('falls back to opts.title, then to the first line, for a bare fragment', () => {
    expect(rows('<p>Only a paragraph.</p><p>Second.</p>', 'Pasted')).toEqual([
      'title TITLE Pasted',
      'p-1 PARAGRAPH Only a paragraph.',
      'p-2 PARAGRAPH Second.',
    ]);
    expect(parseArticle('<p>Only a paragraph.</p>', 'html').title).toBe('Only a paragraph.');
  });

  it('reads <main> when there is no <article>, skipping the site banner', () => {
    const html =
      '<header><h1>Site name</h1></header><main><h1>Real Title</h1><p>Body.</p></main><p>Outside.</p>';
    expect(rows(html)).toEqual(['title TITLE Real Title', 'p-1 PARAGRAPH Body.']);
  });

  it('copes with unclosed paragraphs and stray closing tags', () => {
    expect(rows('<h1>T</h1><p>One<p>Two</span></div><li>Three')).toEqual([
      'title TITLE T',
      'p-1 PARAGRAPH One',
      'p-2 PARAGRAPH Two',
      'p-3 PARAGRAPH Three',
    ]);
  });

  it('decodes named and numeric entities and keeps no-break spaces inside text', () => {
    expect(rows('<h1>Caf&eacute; &amp; Co</h1><p>A&nbsp;B &lt;tag&gt; &#x2014; &#8217;</p>')).toEqual([
      'title TITLE Café & Co',
      'p-1 PARAGRAPH A\u00A0B <tag> — ’',
    ]);
  });

  it('rejects a page whose text is all rendered by scripts', () => {
    expect(() =>
      parseArticle(
        '<html><head><title>App</title></head><body><div id="root"></div><script>render()</script></body></html>',
        'html',
      ),
    ).toThrow(expect.objectContaining({ code: 'NO_TEXT' }));
  });
});
