// The punycode builtin (node 20: punycode.js 2.1.0): encode/decode, IDNA helpers, ucs2, errors.
const p = require('punycode');
console.log(p.version, Object.keys(p), Object.keys(p.ucs2));
for (const s of ['mañana', 'bücher', '日本語', 'ü', 'abc', '💩', 'Hello-Another-Way-それぞれの場所', '']) console.log(JSON.stringify(s), p.encode(s), p.decode(p.encode(s)) === s);
console.log(p.toASCII('mañana.com'), p.toASCII('☃-⌘.com'), p.toUnicode('xn----dqo34k.com'), p.toUnicode('xn--maana-pta.com'), p.toASCII('foo@bücher.de'), p.toUnicode('EXAMPLE.com'), p.toASCII('a\u3002b'));
console.log(p.ucs2.decode('𝌆a\ud800'), p.ucs2.encode([0x1d306, 97]), p.decode('maana-pta'));
for (const bad of ['\u0080-', 'a-b_', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz']) { try { console.log(p.decode(bad)); } catch (e) { console.log(e.name, e.message); } }
