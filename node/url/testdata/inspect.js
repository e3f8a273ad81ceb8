const { URL, URLSearchParams } = require('url');
const u = new URL('https://user:pa ss@EXAMPLE.com:8080/a/./b/../c d?x=1&y=a b#frag');
console.log(u);
console.log(new URLSearchParams('a=1&b=2&a=3'));
console.log(new URLSearchParams(''));
try { new URL('foo'); } catch (e) { console.log(e.name, e.code, e.message, e.input, Object.keys(e)); }
try { new URL('foo', 'bar'); } catch (e) { console.log(e.name, e.code, e.message, e.input, e.base); }
try { new URL(); } catch (e) { console.log(e.name, e.code, e.message); }
try { new URLSearchParams([[1]]); } catch (e) { console.log(e.name, e.code, e.message); }
try { new URLSearchParams().get(); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(Object.keys(require('url')).join());
const url = require('url');
console.log(url.parse('http://user:pw@host.com:8080/p/a/t/h?query=string#hash'));
console.log(url.format({protocol: 'https', hostname: 'ex.com', pathname: '/x', query: {a: 1, b: 'c d'}}));
console.log(url.fileURLToPath('file:///tmp/a%20b.txt'), url.pathToFileURL('/tmp/a b#?.txt').href);
try { url.fileURLToPath('http://x'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(url.resolve('http://a/b/c', '../d'), url.format(new URL('http://a/b?c#d'), {fragment: false}));
