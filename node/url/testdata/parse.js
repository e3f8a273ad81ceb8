const { URL, URLSearchParams } = require('url');
const show = (u) => console.log([u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash].join(' | '));
const cases = [
  ['http://example.com'], ['HTTPS://User@Example.COM:443/a/b?c=d#e'], ['http://[::1]:8080/'], ['http://[2001:db8:0:0:1:0:0:1]/'],
  ['http://0x7f.1/'], ['http://192.168.0.257/'], ['http://example.com/a/../../b/./c'], ['http://example.com/%2e%2E/x'],
  ['file:///tmp/a b'], ['file://localhost/etc/passwd'], ['file:///C:/x/y'], ['mailto:someone@example.com'], ['javascript:alert(1)'],
  ['data:text/plain,hi there'], ['git+ssh://git@github.com/x/y.git'], ['foo://host/path?q#f'], ['foo:/path/../x'],
  ['blob:https://example.com/uuid'], ['ws://a.com:80/'], ['wss://a.com:443/x'], ['ftp://a.com:21/'],
  ['http://münchen.de/straße'], ['http://a.com/?q=\'"<>`'], ['http://a.com/#frag ment<>'], ['http://a.com/p{}|^'],
  ['  http://a.com/ \t'], ['http://a\tb.com/'], ['http:\\\\a.com\\b\\c'], ['http://user:p@ss@a.com/'],
  ['../x', 'http://a.com/b/c/d'], ['/x', 'http://a.com/b/c'], ['//other.com/x', 'https://a.com/'], ['?q', 'http://a.com/b?old#h'],
  ['#h2', 'http://a.com/b?q'], ['', 'http://a.com/b?q#h'], ['x', 'file:///a/b'], ['http:x', 'http://a.com/b/c'], ['https:x', 'http://a.com/b/c'],
  ['g;x?y#s', 'http://a/b/c/d;p?q'], ['../../../g', 'http://a/b/c/d;p?q'], ['http://a.com:65535/'], ['http://EXAMPLE.com./'],
];
for (const c of cases) {
  try { show(new URL(...c)); } catch (e) { console.log('error', e.code, e.message, e.input); }
}
for (const bad of [['http://a.com:65536/'], ['http://'], ['http://a b.com/'], ['x', 'mailto:y'], ['http://[::1/'], ['http://a.com:8a/'], ['//x'], ['http://1.2.3.4.5/']]) {
  try { show(new URL(...bad)); } catch (e) { console.log('error', e.code, e.message, e.input, e.base); }
}
console.log(URL.canParse('http://x'), URL.canParse('nope'), URL.canParse('x', 'http://y'));
const u = new URL('http://a.com/p?x=1');
u.pathname = '/a b?#'; u.search = 'y=2 3'; u.hash = 'h i'; show(u);
u.host = 'b.com:99'; show(u); u.hostname = 'c.com'; show(u); u.port = '80'; show(u); u.port = '8080x'; show(u); u.port = ''; show(u);
u.protocol = 'https'; show(u); u.protocol = 'foo'; show(u); u.username = 'me@x'; u.password = 'p:w'; show(u);
u.href = 'http://z.com/'; show(u);
try { u.href = 'bad'; } catch (e) { console.log(e.code, e.message); }
const sp = u.searchParams; sp.append('a', '1 2'); sp.append('b', 'é&='); show(u); console.log(sp.toString(), sp.size);
u.search = '?k=v&k=w'; console.log(sp.getAll('k').join(), sp.get('a'), sp.has('k'), sp.has('k', 'w'), sp.has('k', 'z'));
sp.set('k', 'x'); sp.delete('nothing'); show(u); sp.sort(); console.log(u.search);
console.log(JSON.stringify({u}), String(u), u.toJSON() === u.href);
const p = new URLSearchParams('?a=1&b=2&a=3&c=%20x+y&d');
console.log([...p].map(String).join(';'), [...p.keys()].join(), [...p.values()].join(), p.get('c'), p.get('d'), p.get('zz'));
p.forEach((v, k, o) => console.log(k, v, o === p));
console.log(new URLSearchParams({x: 1, y: 'two'}).toString(), new URLSearchParams([['a', 'b'], ['c', 'd']]).toString(), new URLSearchParams(new Map([['m', 'n']])).toString());
const q = new URLSearchParams('z=1&a=2&z=0&b=3'); q.sort(); console.log(q.toString()); q.delete('z', '0'); console.log(q.toString());
console.log(new URLSearchParams('a=~!*()\'').toString(), new URLSearchParams({'k y': 'v\u00e9\ud83d\ude00'}).toString());
console.log(Object.prototype.toString.call(u), Object.prototype.toString.call(p), Object.prototype.toString.call(p.entries()));
try { new URLSearchParams([['a']]); } catch (e) { console.log(e.code, e.message); }
try { p.append('x'); } catch (e) { console.log(e.code, e.message); }
