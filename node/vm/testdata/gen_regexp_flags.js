// Issue #13: the d (hasIndices) and v (unicodeSets) RegExp flags, which
// sobek refuses: match.indices (with groups), the flags and getters,
// literals and the constructor, the Symbol methods, invalid patterns and
// flags with V8's SyntaxErrors, in a new context and in the main realm.
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestRegExpFlagCases
const vm = require('vm');
const code = String.raw`
var out = [];
function t(f) { try { out.push(JSON.stringify(f())); } catch (e) { out.push('throw ' + (e instanceof Error ? e.name + ': ' + e.message : String(e))); } }
function idx(m) { return m === null ? null : [m.indices, m.indices.groups, Object.keys(m).filter(k => k !== 'input' && k !== 'index')]; }
// d
t(() => idx(new RegExp('a(b)', 'd').exec('xab')));
t(() => idx(new RegExp('a(?<n>b)|(c)', 'd').exec('xab')));
t(() => idx(/a(?<n>b)|(?<o>c)/d.exec('zc')));
t(() => [...'a\u{1F600}Bc\u{10400}x'.matchAll(new RegExp('(\\p{Lu})(.)', 'dgu'))].map(m => m.indices));
t(() => [...'a\u{1F600}Bc\u{10400}x'.matchAll(/(\p{Lu})(.)/dgu)].map(m => m.indices));
t(() => [...'\uD800\uDC00x\uD800'.matchAll(/(.)/dg)].map(m => m.indices));
t(() => ['xab'.match(new RegExp('a(b)', 'd')).indices, new RegExp('a', 'dg').flags, new RegExp('a', 'd').hasIndices, /a/.hasIndices, new RegExp(new RegExp('a', 'd')).hasIndices, new RegExp(new RegExp('a', 'd'), 'g').hasIndices, String(new RegExp('a/', 'dy'))]);
t(() => [/a(b)/d.exec('xab').indices, /a\/b/dg.source, String(/[/]x/d), /a/dgimsy.flags, /(?<y>\d+)-(?<m>\d+)/d.exec('on 2024-05').indices.groups, 'ab'.match(/\p{Ll}/dgu)]);
t(() => { var a = []; for (var i = 0; i < 3; i++) a.push(/x/d); return [a[0] === a[1], a[0].hasIndices, a[2].flags]; });
t(() => [eval('/q(.)/d.exec("aqz").indices'), new Function('return /q(.)/d.exec("aqz").indices[1]')(), (0, eval)('/q/d.hasIndices')]);
t(() => new RegExp('a', 'dd'));
t(() => new RegExp('(', 'd'));
t(() => new RegExp('a', 'dx'));
t(() => idx(new RegExp('(?<=a)(b)', 'd').exec('ab')));
t(() => { var r = new RegExp('b', 'dg'); r.lastIndex = 2; var m = r.exec('abab'); return [m.indices, r.lastIndex]; });
t(() => { var r = /b/dy; r.lastIndex = 1; return [idx(r.exec('abab')), r.lastIndex, r.exec('abab')]; });
t(() => 'x1y22'.replace(new RegExp('\\d+', 'dg'), m => '[' + m + ']'));
t(() => ['a,b'.split(/,/d), 'a1b2c'.split(/(\d)/d), 'x'.search(/x/d), 'aXbX'.replace(/(?<c>X)/dg, '<$<c>>'), 'aXbX'.replaceAll(/X/dg, (m, i) => i)]);
t(() => { var r = /(a)|(b)/d; return r.exec('b').indices; });
t(() => [Object.getOwnPropertyDescriptor(RegExp.prototype, 'hasIndices').get.name, RegExp.prototype.hasIndices, RegExp.prototype.flags]);
t(() => Object.getOwnPropertyDescriptor(RegExp.prototype, 'hasIndices').get.call({}));
t(() => Object.getOwnPropertyDescriptor(RegExp.prototype, 'hasIndices').get.call(1));
t(() => Object.getOwnPropertyDescriptor(RegExp.prototype, 'unicodeSets').get.call('x'));
t(() => Object.getOwnPropertyDescriptor(RegExp.prototype, 'unicode').get.call({}));
t(() => [RegExp.prototype.unicode, RegExp.prototype.unicodeSets, /a/u.unicode, /a/.unicode]);
t(() => { var r = /a/d; return [RegExp(r) === r, new RegExp(r) === r, new RegExp(r).hasIndices, RegExp(r, 'g').flags]; });
t(() => new RegExp('a', { toString() { return 'dg'; } }).flags);
t(() => new RegExp('a', { toString() { return 'g'; } }).flags);
t(() => { class R extends RegExp {} var r = new R('a(.)', 'd'); return [r instanceof R, r.exec('ab').indices, r.hasIndices]; });
t(() => { var m = /(?<a>x)(?<b>y)?/d.exec('x'); return [m.indices.groups, Object.getPrototypeOf(m.indices.groups), m.indices.length, 'groups' in m.indices]; });
t(() => /a/d.exec('b'));
t(() => 'aaa'.match(/a/dg));
t(() => { var r = /(a)/d; r.exec = function (s) { return { 0: 'z', index: 0, input: s, length: 1 }; }; return 'a'.match(r); });
t(() => { var r = /a/dg; var log = []; Object.defineProperty(r, 'flags', { get() { log.push('flags'); return 'dg'; } }); [...'aa'.matchAll(r)].length; return log; });
t(() => RegExp.prototype.exec.call(/(b)/d, 'ab').indices);
t(() => [/\u{61}/du.exec('a').indices, /[\u{1F600}]/du.test('\u{1F600}'), /./dsu.exec('\n').indices]);
// v
var subj = 'aAbB09_ -x\u00e9\u0391\u03b1\u{1F600}\u{1F1FA}\u{1F1F8}abcxyz\n\t\u2028\uD800\uDC00\u00A0\u017F\u212A';
['[\\p{L}--[a-z]]', '[\\p{L}&&\\p{ASCII}]', '[[a-z]--[aeiou]]', '[\\w--\\d]', '[\\d\\s]', '[^\\d\\s]', '[\\q{abc|x}]', '[\\q{abc|xy}a]+', '[\\q{ab|a}&&\\q{ab}]', '[\\q{a|bc}--\\q{bc}]', '[[^a]&&[a-c]]', '[\\p{Lu}&&[\\p{Script=Greek}]]', '[^[a-z]--[b]]', '[\\q{}]', '^[\\q{}]$', '[\\u{1F600}-\\u{1F64F}]', '[\\uD83D\\uDE00]', '.', '[^]', '[]', '[\\p{ASCII}--\\p{L}--\\d]', '[[a-f]&&[d-z]&&[a-e]]', '[\\x41-\\x43\\-]', '(?<x>[ab])\\k<x>', '[\\q{\\u{1F1FA}\\u{1F1F8}}]', '\\p{Lu}+', '[\\S&&\\p{Zs}]', '[\\q{a\\|b}]', '[\\w&&[k\\u212A]]', '[^\\W]', 'a{2}|[b]{1,}', '(?<n>[\\q{xy}])\\k<n>', '\\P{L}+'].forEach(p => ['v', 'gv', 'giv', 'gsv'].forEach(fl => t(() => { var r = new RegExp(p, fl); return [p, fl, r.flags, r.unicode, r.unicodeSets, r.source, fl.includes('g') ? subj.match(r) : r.exec(subj)]; })));
['[a--b', '[a--]', '[--a]', '[a&&]', '[a&&b--c]', '[ab&&c]', '[a&&bc]', '[a-z&&b]', '[(]', '[)]', '[{]', '[}]', '[/]', '[-]', '[|]', '[a&&&b]', '[&&a]', '[!!]', '[a!!b]', '[##]', '[^\\q{ab}]', '[^\\q{a}]', '[^[\\q{ab}]]', '[z-a]', '[\\p{Foo}]', '\\p{Foo}', '[\\q{]', '[\\q{a}', '[a-\\d]', '[\\d-a]', '[[a]-b]', '[a-[b]]', '[\\c]', '[\\z]', '[\\01]', '(', '[a]]', ']', '{', '}', 'a{', '\\k<x>', '[\\q{abc|}]', '[\\b]', '[\\0]', '[a^]', '[_&&_]', '[a&&\\q{a|bb}]'].forEach(p => t(() => { var r = new RegExp(p, 'v'); return [r.source, r.test('a')]; }));
t(() => [/[\p{L}--[a-z]]/v.test('A'), /[\p{L}--[a-z]]/v.test('a'), /[\q{abc}]/v.exec('xabc'), String(/[a&&b]/v), /x/v.flags, /x/gimsvy.flags, /[\q{ab}]/dv.exec('zab').indices]);
t(() => ['aXbbX'.replace(/[\q{bb|X}]/gv, '_'), 'a1b2'.split(/[\d--[2]]/v), [...'abc'.matchAll(/[\q{ab|c}]/gv)].map(m => [m[0], m.index]), '\uD800\uDC00x'.split(/(?:)/v), '\uD800\uDC00'.replace(/(?:)/gv, '-'), '\uD800\uDC00\uD800\uDC00'.match(/(?:)/gv).length]);
t(() => { var r = /(?:)/gv; r.lastIndex = 1; return [r.exec('\uD800\uDC00').index, r.lastIndex]; });
t(() => new RegExp('[a--b]', 'uv'));
t(() => [new RegExp(/[a--b]/v).flags, new RegExp(/[a-c]/v, 'g').test('b')]);
t(() => new RegExp(/[a--b]/v, 'g'));
t(() => [eval('/[\\w--_]/v.test("_")'), new Function('return /[\\q{ab}]/v.exec("ab")[0]')()]);
t(() => eval('/[(]/v'));
t(() => new Function('return /[a&&&b]/v'));
t(() => eval('/\\p{Foo}/u'));
t(() => eval('/a/vu'));
t(() => eval('/a/gg'));
t(() => eval('/a/dd'));
t(() => eval('function f() { return /\\p{Nope}/u; } 1'));
t(() => eval('/\\p{Foo}/'));
out.join('\n');
`;
console.log(vm.runInNewContext(code));
console.log((0, eval)(code));
const ctxRe = vm.runInNewContext('/a(b)/d');
const out = [];
function t(f) { try { out.push(JSON.stringify(f())); } catch (e) { out.push('throw ' + e.name + ': ' + e.message); } }
t(() => [RegExp.prototype.exec.call(ctxRe, 'ab').indices, ctxRe.hasIndices, ctxRe.flags, Object.getOwnPropertyDescriptor(RegExp.prototype, 'hasIndices').get.call(ctxRe)]);
t(() => vm.runInNewContext('RegExp.prototype.exec.call(r, "ab").indices', { r: /(b)/d }));
t(() => [vm.runInNewContext('/[\\p{L}--[a-z]]/gv').test('B'), vm.runInNewContext('/[\\p{L}--[a-z]]/gv').unicodeSets, 'aBc'.replace(vm.runInNewContext('/[\\p{L}--[a-z]]/gv'), '_')]);
for (const src of ['/\\p{Foo}/u', 'x = 1;\n  /[a&&&b]/v', '/a/vu', 'function f() { return /[(]/v; } 1']) t(() => vm.runInNewContext(src));
// hostile sizes: deep class nesting (V8 runs out of stack past ~6250),
// many operands, long subjects with many matches (each exec of a d RegExp
// must not redo the whole subject)
function tail(f) { try { return JSON.stringify(f()); } catch (e) { return 'throw ' + e.name + ': ' + e.message.slice(-45); } }
out.push(tail(() => new RegExp('['.repeat(5000) + ']'.repeat(5000), 'v').test('a')));
out.push(tail(() => new RegExp('['.repeat(100000) + ']'.repeat(100000), 'v').test('a')));
out.push(tail(() => [new RegExp('[' + '\\q{ab}'.repeat(10000) + ']', 'v').test('ab'), new RegExp('[' + 'a&&'.repeat(10000) + 'a]', 'v').test('a'), new RegExp('[^\\p{L}]', 'iv').test('1'), new RegExp('[\\P{Any}--\\p{L}]', 'iv').test('1')]));
out.push(tail(() => { var s = 'ab'.repeat(20000), u = '\u{1F600}a'.repeat(10000); return [s.match(/a/dg).length, [...s.matchAll(/(a)(b)/dg)].length, [...s.matchAll(/(a)(b)/dg)][19999].indices, [...u.matchAll(/a/dgu)].length, [...u.matchAll(/[\q{a}]/dgv)][9999].indices]; }));
console.log(out.join('\n'));
