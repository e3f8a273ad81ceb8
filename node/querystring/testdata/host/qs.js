const qs = require('querystring');
const cases = ['a=1&b=2', 'a=1&a=2&a=3', 'a', 'a=', '=b', '&&a=1&&', 'a+b=c+d', 'x=%20%41%zz', 'é=ü', 'a=%E2%82%AC', 'a=%E2%82', '__proto__=1&constructor=2', 'a:1;b:2', 'k=v=w', '%', 'a[]=1&a[]=2'];
for (const c of cases) console.log(JSON.stringify(c), JSON.stringify(qs.parse(c)), JSON.stringify(qs.parse(c, ';', ':')));
console.log(JSON.stringify(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })));
const objs = [{ a: 1, b: 'x y', c: [1, 2], d: true, e: null, f: undefined, g: NaN, h: 1e21, i: 10n, j: {} }, { 'é': '€😀', "!'()*~": '-_.' }, 'str', null, [1, 2]];
for (const o of objs) console.log(qs.stringify(o), qs.stringify(o, ';', ':'));
console.log(qs.escape('a b&c/é'), qs.unescape('a%20b%zz+c'), qs.unescapeBuffer('a%41+').toString(), qs.encode === qs.stringify, qs.decode === qs.parse);
try { qs.escape('\ud800'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(qs.stringify({ a: 'b c' }, null, null, { encodeURIComponent: (s) => s.toUpperCase() }));
