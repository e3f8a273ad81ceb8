// RegExp and String fidelity (issue #13): String.prototype.split on code
// units, RegExp.prototype.source escaping (V8's EscapeRegExpSource) and
// the original text of rewritten patterns, flags (V8's order), toString,
// in a new context and in the main realm (a script, and eval).
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestRegExpCases
const vm = require('vm');
const code = String.raw`
var out = [];
function t(f) { try { out.push(JSON.stringify(f())); } catch (e) { out.push('throw ' + e.name + ': ' + e.message); } }
var srcGet = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
var flagsGet = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get;
// split
t(() => 'a\u{1F600}b\uD800c'.split('').map(c => c.charCodeAt(0)));
t(() => ['xundefinedy'.split(), 'xundefinedy'.split(undefined, 0), 'a,b,,c'.split(',', 2), 'a,b'.split(',', -1)]);
t(() => ['aaa'.split('aa'), ''.split(''), ''.split('a'), 'abab'.split('ab'), 'aabaabaab'.split('aab'), 'ababcabab'.split('abab')]);
t(() => ['a\u{1F600}b'.split('\uDE00').map(x => x.length), 'x'.split('', { valueOf() { return 1; } }), 'abc'.split('', 2 ** 32 + 1), 'abc'.split('', -1), 'abc'.split('', NaN)]);
t(() => [String.prototype.split.name, String.prototype.split.length, '1,2'.split(1), new String('a,b').split(','), 'a1b'.split(1n), 'atrueb'.split(true)]);
t(() => 'a'.split(Symbol()));
t(() => String.prototype.split.call(null, ''));
t(() => { var order = []; 'ab'.split({ [Symbol.split]: undefined, toString() { order.push('sep'); return ''; } }, { valueOf() { order.push('lim'); return 5; } }); return order; });
t(() => 'a-b'.split({ [Symbol.split](s, l) { return [s, l]; } }, 3));
t(() => ['\u{1F600}\u{1F601}'.split('\uD83D').map(x => x.length), [...'a\u{1F600}\uD800'].map(x => x.length), Array.from('\u{1F600}x').length]);
// source
for (var p of ['/', '[/]', '\\/', 'a\nb', '\\\n', '[\n]', '\r', '\u2028\u2029', '\\\u2028', '', '[\\]/]/', 'a/b/c', '\\\\/', '[[/]/]', '(?:)', '\\']) t(() => { var r = new RegExp(p); return [r.source, String(r)]; });
t(() => [/a\/b/.source, /[/]/.source, String(/x/gimsuy), /(?:)/.source]);
t(() => [/\p{L}/u.source, /[\p{XID_Start}_]/u.source, String(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g), new RegExp('\\p{Lu}', 'u').source, new RegExp(/\p{Lu}/u, 'g').source]);
t(() => [new RegExp(new RegExp('\\p{Lu}', 'u'), 'gu').test('A'), new RegExp(/\p{Lu}/u).test('A'), new RegExp(/\p{Lu}/u, 'gu').flags, String(new RegExp(/[\p{XID_Start}_]/u, 'i'))]);
t(() => [new RegExp('(?<a>/)').source, /(?<n>x)\/(?<m>y)/.source, String(new RegExp('(?<a>x)\n', 'g'))]);
t(() => new RegExp(String(/[\p{XID_Start}_]\p{XID_Continue}*/u) + '|').exec('').length);
t(() => [srcGet.call(RegExp.prototype), srcGet.name, srcGet.length]);
t(() => srcGet.call({}));
t(() => srcGet.call(1));
t(() => srcGet.call(Object.create(/a/)));
t(() => new RegExp(new Proxy(/q/, {})).source);
// flags
t(() => [/a/gimsuy.flags, new RegExp('a', 'yusmig').flags, RegExp.prototype.flags, flagsGet.name]);
t(() => flagsGet.call({ global: 1, sticky: 'x', hasIndices: true, unicodeSets: 1 }));
t(() => { var order = [], o = {}; ['hasIndices', 'global', 'ignoreCase', 'multiline', 'dotAll', 'unicode', 'unicodeSets', 'sticky'].forEach(k => Object.defineProperty(o, k, { get() { order.push(k); return true; } })); return [flagsGet.call(o), order]; });
t(() => flagsGet.call(1));
t(() => flagsGet.call(undefined));
t(() => flagsGet.call({ get global() { throw new Error('global getter'); } }));
// toString
t(() => [RegExp.prototype.toString.call({ source: 'a', flags: 'q' }), RegExp.prototype.toString.call(RegExp.prototype), RegExp.prototype.toString.name]);
t(() => RegExp.prototype.toString.call('s'));
t(() => RegExp.prototype.toString.call({ get source() { throw new Error('s'); } }));
t(() => RegExp.prototype.toString.call({ source: { toString() { return 'o'; } }, flags: 7 }));
t(() => { var r = /a/g; Object.defineProperty(r, 'source', { value: 'zz' }); return String(r); });
t(() => { class R extends RegExp { get source() { return 'sub'; } } return [String(new R('x', 'g')), new R('/').flags]; });
// \p{..}: a table of properties by code points
var cps = [0x0, 0x24, 0x30, 0x41, 0x5f, 0x61, 0x7f, 0xa9, 0xaa, 0xb7, 0xdf, 0x1c5, 0x300, 0x37e, 0x3b1, 0x600, 0x966, 0x2028, 0x200d, 0x2764, 0x3000, 0x30a2, 0x4e00, 0xd800, 0xe000, 0xfe0f, 0xfffd, 0x10d40, 0x1f1e6, 0x1f3fb, 0x1f600, 0x2ebf0, 0x31350, 0xe0100, 0x10ffff];
['L', 'Lu', 'Letter', 'gc=Nd', 'digit', 'General_Category=Other', 'C', 'Cn', 'LC', 'P', 'S', 'Emoji', 'Emoji_Presentation', 'Extended_Pictographic', 'EComp', 'EMod', 'EBase', 'XID_Start', 'XIDC', 'ID_Start', 'IDC', 'Alphabetic', 'White_Space', 'space', 'Any', 'ASCII', 'Assigned', 'sc=Latin', 'sc=Grek', 'Script=Han', 'scx=Deva', 'Script_Extensions=Arabic', 'sc=Garay', 'scx=Hira', 'Cased', 'CI', 'CWCF', 'CWKCF', 'Math', 'DI', 'Gr_Base', 'Gr_Ext', 'RI', 'Ideo', 'UIdeo', 'VS', 'Dash', 'Lower', 'Upper'].forEach(p => t(() => p + ' ' + cps.map(c => new RegExp('^\\p{' + p + '}$', 'u').test(String.fromCodePoint(c)) ? 1 : 0).join('') + ' ' + cps.map(c => new RegExp('^[^\\P{' + p + '}]$', 'u').test(String.fromCodePoint(c)) ? 1 : 0).join('')));
t(() => [/\p{Emoji}/u.test('\u{1F600}'), /^\p{XID_Start}\p{XID_Continue}*$/u.test('\u00fcber_1'), /[\p{Lu}\d]+/u.exec('abC9De')[0], /\P{L}+/u.exec('ab12-c')[0], /\p{sc=Cyrl}/u.test('\u0434'), /\p{Lu}/iu.test('a')]);
['\\p{Foo}', '\\p{Hyphen}', '\\p{Script=Foo}', '\\p{gc=Latin}', '\\p{L', '[\\p{Foo}]', '\\p{lu}', '\\p{Other_Alphabetic}', '\\p{RGI_Emoji}', '\\p{ Lu}', '\\p{ID_Start=Yes}', '\\p', '[\\P{Nope}a]'].forEach(p => t(() => new RegExp(p, 'u').test('a')));
t(() => new RegExp('\\p{Foo}', 'uu'));
t(() => new RegExp('\\p{Foo}').test('p{Foo}'));
// eval and Function code gets the rewrites
t(() => [eval('/(?<y>\\d{4})/.exec("in 2024").groups.y'), new Function('s', 'return /\\p{Lu}+/u.exec(s)[0]')('abCDe'), eval('/\\p{Emoji}/u.source'), (0, eval)('/[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]/.test("\\u{1F600}")'), eval('"2024-05".replace(/(?<y>\\d+)-(?<m>\\d+)/, "$<m>/$<y>")')]);
t(() => [Function('return String(/[\\p{XID_Start}_]/u)')(), eval('(function () { return /(?<a>.)\\k<a>/.test("xx"); })()'), eval('[/\\p{L}/u.source].join()')]);
// legacy static properties
t(() => [/t/.test(true), /1/.exec(1)[0], RegExp.prototype[Symbol.replace].call(/t/, true, 'T'), 'x'.replace(/x/, 1), RegExp.prototype[Symbol.split].call(/1/, 213), RegExp.prototype[Symbol.match].call(/(2)/g, 123), RegExp.prototype[Symbol.search].call(/u/, undefined), 'a'.replace(/(a)/, null), RegExp.$1]);
var S = () => [RegExp.input, RegExp.lastMatch, RegExp.lastParen, RegExp.leftContext, RegExp.rightContext, RegExp.$1, RegExp.$2, RegExp['$&'], RegExp['$+'], RegExp['$' + String.fromCharCode(96)], RegExp["$'"], RegExp.$_];
t(() => { /(a)(b)?/.test('xaby'); return S(); });
t(() => { /(a)(b)?/.exec('xaz'); return S(); });
t(() => { /q/.exec('zzz'); /q/.test('zzz'); 'zzz'.replace(/q/g, 'r'); 'zzz'.match(/q/); 'zzz'.search(/q/); return S(); });
t(() => { 'x1y2z'.replace(/(\d)/g, 'N'); return S(); });
t(() => { var seen = []; 'x1y2z'.replace(/(\d)/g, (m) => { seen.push(RegExp.$1 + RegExp.lastMatch + RegExp.input); return m; }); return [seen, S()]; });
t(() => { 'a1b22'.match(/(\d)+/g); return S(); });
t(() => { 'a1b22'.match(/(\d)/); return S(); });
t(() => { 'a,b;c'.split(/([,;])/); return S(); });
t(() => { 'hello'.split(/(l)/, 1); return S(); });
t(() => { 'a1b2c3'.split(/\d/, 2); return S(); });
t(() => { 'abc'.split(/(?:)/); return S(); });
t(() => { 'abcabc'.search(/(b)c/); return S(); });
t(() => { [...'x1y2'.matchAll(/(\d)/g)]; return S(); });
t(() => { RegExp.input = 'set'; return [S(), RegExp.$_]; });
t(() => { RegExp.lastMatch = 'q'; RegExp.$1 = 'z'; RegExp['$' + String.fromCharCode(96)] = 'w'; return S(); });
t(() => { 'q'.replace('q', 'r'); 'qq'.split('q'); return S(); });
t(() => { class R extends RegExp {} new R('(k)').test('ak'); return S(); });
t(() => { class R extends RegExp { exec(s) { return super.exec(s); } } 'x1y'.replace(new R('(\\d)', 'g'), 'N'); return S(); });
t(() => { var r = /(m)/g; r.exec('m m'); r.exec('m m'); return S(); });
t(() => { var r = /(x)/y; r.lastIndex = 1; r.test('ax'); return S(); });
t(() => { var r = /(x)/y; r.lastIndex = 1; 'ax'.replace(r, '-'); return [S(), r.lastIndex]; });
t(() => { /(a)|(b)/.test('b'); return [S(), RegExp.$3, RegExp.$9]; });
t(() => { /(?<n>a)(b)/.exec('ab'); return S(); });
t(() => { /(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/.exec('abcdefghijk'); return [S(), RegExp.$9]; });
t(() => { 'aaa'.replace(/a/gy, 'b'); return S(); });
t(() => { 'aXbX'.replaceAll(/(X)/g, '-'); return S(); });
t(() => { 'abc'.replace(/(?:)/g, '-'); return S(); });
t(() => { 'abab'.replace(/(b)/g, '$1'); return S(); });
t(() => { 'zz'.replace(/(c)/g, 'c'); return S(); });
t(() => { RegExp.prototype.exec.call(/(z)/, 'zz'); return S(); });
t(() => { RegExp.prototype[Symbol.replace].call(/(w)/, 'awb', 'W'); return S(); });
t(() => { var r = /(o)/; r.exec = function (s) { return null; }; return [r.test('o'), S()]; });
t(() => { var r = /(p)/; r.exec = function (s) { return { length: 1, 0: 'fake', index: 0 }; }; return [r.test('zzz'), 'zzz'.replace(r, '!'), S()]; });
t(() => { var r = /(p)/; r[Symbol.replace] = () => 'own'; return ['p'.replace(r, 'x'), S()]; });
t(() => { /\u{1F600}(.)/u.test('\u{1F600}x'); return S(); });
t(() => { var n = 0, r = /(y)/y; r.lastIndex = { valueOf() { n++; return 1; } }; return [r.test('xy'), n, S()]; });
t(() => { var r = /(y)/g; r.lastIndex = { valueOf() { throw new Error('lastIndex'); } }; return r.exec('y'); });
t(() => { var r = /(y)/g; r.lastIndex = { valueOf() { throw new Error('lastIndex'); } }; return ['yy'.replace(r, 'z'), S()]; });
t(() => { var r = /(r)/; r.compile('(s)'); r.test('s'); return S(); });
t(() => { var r = /(r)/g; 'rr'.replace(r, 'x'); r.compile('(s)'); return S(); });
t(() => { var s = 'ab'.repeat(50000); s.replace(/(b)/g, ''); return [RegExp.$1, RegExp.leftContext.length, RegExp.rightContext.length, RegExp.input.length]; });
t(() => { var d = Object.getOwnPropertyDescriptor(RegExp, '$1'); return [typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name, d.set.name, d.get.call({})]; });
t(() => Object.getOwnPropertyNames(RegExp));
out.join('\n')`;
const lines = [vm.runInNewContext('JSON.stringify([RegExp.$1, RegExp.input, RegExp.lastMatch, RegExp.leftContext, RegExp.lastParen])'), ...vm.runInNewContext(code).split('\n'), ...vm.runInThisContext(code).split('\n'), ...eval(code).split('\n')];
lines.forEach((l, i) => console.log(`${i}: ${l}`));
