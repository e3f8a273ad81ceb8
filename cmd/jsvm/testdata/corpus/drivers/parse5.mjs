// parse5, sanitize-html and turndown: HTML parse/serialize, sanitise, HTML to Markdown
import * as parse5 from 'parse5';
import sanitizeHtml from 'sanitize-html';
import TurndownService from 'turndown';
const doc = parse5.parse('<!DOCTYPE html><p>Hi <b>there<i>mis</b>nested</i><table><td>cell</table>');
console.log(parse5.serialize(doc));
const frag = parse5.parseFragment('<ul><li>a<li>b</ul>');
console.log(frag.childNodes[0].childNodes.map((n) => n.nodeName), parse5.serialize(frag));
console.log(sanitizeHtml('<p onclick="x()">ok <script>bad()</script><a href="javascript:1">l</a><a href="https://e.example/" target="_blank">g</a><img src=x></p>'));
console.log(sanitizeHtml('<h1>t</h1><em>e</em>', { allowedTags: ['em'] }));
const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced' });
console.log(td.turndown('<h2>Title</h2><p>Some <strong>bold</strong> and <a href="https://x.example">link</a></p><ul><li>one</li><li>two</li></ul><pre><code>code()</code></pre>'));
