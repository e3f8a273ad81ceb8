const url = require('url'); const { URL } = url;
const show = (o) => console.log(JSON.stringify(o));
show(url.parse('http://user:pw@Host.com:8080/p/a/t/h?query=string#hash'));
show(url.parse('/just/a/path?x=1'));
show(url.parse('https://example.com'));
show(url.parse('http://x.com/a?b=1&b=2&c', true).query);
show(url.parse('mailto:a@b.com'));
console.log(url.format({protocol: 'https', hostname: 'ex.com', pathname: '/x', query: {a: 1, b: 'c d'}}));
console.log(url.format({protocol: 'http:', host: 'a.com:80', pathname: 'x', search: 'q=1', hash: 'h'}));
console.log(url.format('http://a.com/x?y#z'));
console.log(url.format(new URL('http://u:p@a.com/b?c#d'), {fragment: false, auth: false, search: false}));
console.log(url.fileURLToPath('file:///tmp/a%20b.txt'), url.fileURLToPath(new URL('file:///x/%C3%A9')), url.pathToFileURL('/tmp/a b#?%.txt').href);
try { url.fileURLToPath('http://x'); } catch (e) { console.log(e.name, e.code, e.message); }
try { url.fileURLToPath('file://host/x'); } catch (e) { console.log(e.name, e.code, e.message); }
try { url.fileURLToPath('file:///a%2fb'); } catch (e) { console.log(e.name, e.code, e.message); }
try { url.fileURLToPath(5); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(url.resolve('http://a/b/c', '../d'), url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two'));
console.log(url.domainToASCII('español.com'), url.domainToASCII('xn--iñvalid.com'), url.domainToUnicode('xn--espaol-zwa.com'));
show(url.urlToHttpOptions(new URL('https://a:b@x.com:8443/p?q')));
