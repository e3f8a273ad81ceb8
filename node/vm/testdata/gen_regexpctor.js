// Patterns built at run time get what regexp literals get (issue #13):
// named groups (.groups, $<name>, replacer groups, matchAll, \k<name>),
// \p{..} with the u flag, classes of surrogates, in every realm; V8's
// SyntaxError words for invalid patterns.
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestRegExpCtorCases
const vm = require('vm');
const code = `
var out = [];
function t(f) { try { out.push(String(f())); } catch (e) { out.push('throw ' + e.name + ': ' + e.message); } }
t(() => JSON.stringify(new RegExp('(?<y>\\\\d{4})-(?<m>\\\\d{2})').exec('on 2024-05 x').groups));
t(() => JSON.stringify(RegExp('(?<y>\\\\d{4})').exec('1999').groups));
t(() => '2024-05'.replace(new RegExp('(?<y>\\\\d{4})-(?<m>\\\\d{2})'), '$<m>/$<y>'));
t(() => '2024-05'.replace(new RegExp('(?<y>\\\\d{4})-(?<m>\\\\d{2})', 'g'), (...a) => JSON.stringify(a[a.length - 1])));
t(() => new RegExp('\\\\p{Lu}+', 'u').exec('abcDEFg')[0]);
t(() => new RegExp('\\\\P{L}+', 'u').test('123'));
t(() => new RegExp('^[\\\\uD800-\\\\uDBFF][\\\\uDC00-\\\\uDFFF]$').test('\\u{1F600}'));
t(() => 'a\\u{1F600}b\\u{1F601}'.replace(new RegExp('[\\\\uD800-\\\\uDBFF][\\\\uDC00-\\\\uDFFF]', 'g'), '_'));
t(() => new RegExp('(?<a>x)\\\\k<a>').test('xx'));
t(() => new RegExp('(?<a>x)').source);
t(() => String(new RegExp('(?<a>x)', 'g')));
t(() => new RegExp('(?<a>x)', 'gi').flags);
t(() => [...'xaxb'.matchAll(new RegExp('x(?<c>.)', 'g'))].map(m => m.groups.c).join());
t(() => new RegExp('(?<a>x'));
t(() => new RegExp('(?<a>x)(?<a>y)'));
t(() => new RegExp('('));
t(() => new RegExp('[', 'u'));
t(() => new RegExp('a**'));
t(() => new RegExp('x', 'gg'));
t(() => new RegExp(/(?<w>k)/).exec('k').groups.w);
t(() => new RegExp(/(?<w>k)/, 'g').flags);
t(() => new RegExp('(?<a>x)') instanceof RegExp);
t(() => Object.prototype.toString.call(RegExp('(?<a>x)')));
t(() => new RegExp('\\\\p{Script=Greek}', 'u').test('α'));
t(() => new RegExp('(?<a>x)', { toString() { throw new Error('flags getter') } }));
t(() => new RegExp(new Proxy(/(?<p>q)/, {})).test('q'));
t(() => new RegExp('(?<' + 'n'.repeat(5000) + '>z)').exec('z').groups['n'.repeat(5000)]);
t(() => new RegExp('(?<a>.)'.repeat(3)));
t(() => new RegExp('(a)(?<b>b)(c)').exec('abc').groups.b + new RegExp('(a)(?<b>b)(c)').exec('abc')[3]);
t(() => RegExp.prototype.exec.call(new RegExp('(?<z>z)'), 'z').groups.z);
t(() => [new RegExp('[_$\\\\p{ID_Start}]', 'u').test('v'), new RegExp('^\\\\p{ID_Start}\\\\p{ID_Continue}*$', 'u').test('abc1_'), new RegExp('\\\\p{ID_Start}', 'u').test('1')].join());
t(() => [new RegExp('\\\\p{XID_Start}', 'u').test('\u00fc'), new RegExp('\\\\p{ID_Continue}', 'u').test('\u00b7'), new RegExp('\\\\P{ID_Start}', 'u').test('-')].join());
t(() => new RegExp('[_$\\\\u200c\\\\u200d\\\\p{ID_Continue}]+', 'u').exec('ab-c')[0]);
out.join('\\n')`;
const lines = [...vm.runInNewContext(code).split('\n'), ...eval(code).split('\n')];
lines.forEach((l, i) => console.log(`${i}: ${l}`));
