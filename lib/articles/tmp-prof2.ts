import { parseHtmlDrafts } from './parse-html';
import { parseMarkdownDrafts } from './parse-markdown';
const t = '<table>' + '<tr><td>a</td><td>b</td></tr>'.repeat(50000);
const m = '# T\n\n' + 'Some *em* and **strong** and [link](http://x) `code`.\n\n'.repeat(30000);
for (let i = 0; i < 3; i++) { let s = performance.now(); parseHtmlDrafts(t); const a = performance.now() - s; s = performance.now(); parseMarkdownDrafts(m); console.log(a.toFixed(1), (performance.now() - s).toFixed(1)); }
