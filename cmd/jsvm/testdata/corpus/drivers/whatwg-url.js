// whatwg-url: the userland URL standard implementation (punycode, tr46)
const { URL, URLSearchParams, parseURL, serializeURL } = require('whatwg-url');
const u = new URL('https://user:pw@EXAMPLE.com:8080/a/../b/./c?x=1&y=2#frag');
console.log(u.href, u.host, u.pathname, u.searchParams.get('y'), u.origin);
console.log(new URL('http://xn--nxasmq6b.com/').hostname, new URL('http://ñandú.com/').hostname, new URL('../x', 'http://a/b/c/d').href);
console.log(serializeURL(parseURL('HTTP://[::1]:80/%7e?q#h')), new URLSearchParams('a=1&b=2&a=3').getAll('a'));
try { new URL('nope'); } catch (e) { console.log(e.name, e.message); }
