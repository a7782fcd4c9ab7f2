import { guardInput } from './guard-input';
import { parseTextDrafts } from './parse-text';
import { parseHtmlDrafts } from './parse-html';
import { parseMarkdownDrafts } from './parse-markdown';
import { classifyBlocks } from './classify-blocks';
import { assignAnchors } from './assign-anchors';
const inputs: [string, string, 'text'|'html'|'markdown'][] = [
 ['paras', 'Para text here.\n\n'.repeat(Math.floor(2*1024*1024/17)), 'text'],
 ['p', '<p>y'.repeat(100000), 'html'],
 ['table', '<table>' + '<tr><td>a</td><td>b</td></tr>'.repeat(50000), 'html'],
 ['list', '- item\n'.repeat(100000), 'markdown'],
 ['md mixed', '# T\n\n' + 'Some *em* and **strong** and [link](http://x) `code`.\n\n'.repeat(30000), 'markdown'],
];
for (const [k, v, f] of inputs) {
  let t = performance.now();
  const text = guardInput(v, 2*1024*1024); const t1 = performance.now();
  const d = f === 'text' ? parseTextDrafts(text) : f === 'html' ? parseHtmlDrafts(text) : parseMarkdownDrafts(text); const t2 = performance.now();
  const c = classifyBlocks(d, f); const t3 = performance.now();
  assignAnchors(null, c.blocks); const t4 = performance.now();
  console.log(k, 'guard', (t1-t).toFixed(1), 'drafts', (t2-t1).toFixed(1), 'classify', (t3-t2).toFixed(1), 'anchors', (t4-t3).toFixed(1));
}
