// htmlparser2: streaming callbacks and a DOM through domhandler/domutils
const htmlparser2 = require('htmlparser2');
const out = [];
const parser = new htmlparser2.Parser({
  onopentag(name, attribs) { out.push(`open ${name} ${JSON.stringify(attribs)}`); },
  ontext(t) { if (t.trim()) out.push(`text ${t}`); },
  onclosetag(name) { out.push(`close ${name}`); },
  oncomment(c) { out.push(`comment ${c}`); },
}, { decodeEntities: true });
parser.write('<div class="a">Hello <b>wor');
parser.write('ld</b> &amp; more<!-- c --><img src=x></div>');
parser.end();
console.log(out);
const dom = htmlparser2.parseDocument('<html><body><p id="p1">One</p><p>Two</p></body></html>');
console.log(htmlparser2.DomUtils.getElementsByTagName('p', dom).map((e) => htmlparser2.DomUtils.textContent(e)));
console.log(htmlparser2.DomUtils.getElementById('p1', dom).attribs);
const feed = htmlparser2.parseFeed('<rss version="2.0"><channel><title>T</title><item><title>I1</title><link>http://x/1</link></item></channel></rss>');
console.log(feed.type, feed.title, feed.items.map((i) => i.title));
