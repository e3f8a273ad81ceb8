// Issue #13: builtins sobek lacks (String HTML methods, isWellFormed,
// toWellFormed, Date getYear/setYear/toGMTString, Object.prototype's
// __defineGetter__ family, Array.prototype[Symbol.unscopables],
// BigInt.prototype's keys): behaviour, receivers, conversions' order and
// messages, in a new context and in the main realm.
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestLangCases
const vm = require('vm');
const code = String.raw`
var out = [];
function t(f) { try { out.push(JSON.stringify(f())); } catch (e) { out.push('throw ' + (e instanceof Error ? e.name + ': ' + e.message : String(e))); } }
// HTML methods
t(() => String.prototype.anchor.call(null));
t(() => String.prototype.anchor.call(undefined, 'x'));
t(() => String.prototype.big.call(Symbol()));
t(() => 'a'.anchor(Symbol()));
t(() => ['a'.anchor('"x"'), 'a'.fontcolor(), 'a'.link(1), 'a'.fontsize({ toString() { return 'q'; } }), 'x'.sub(), String.prototype.bold.call(5), 'a'.anchor('""\u{1F600}"\uD800')]);
t(() => ['big', 'blink', 'bold', 'fixed', 'italics', 'small', 'strike', 'sub', 'sup', 'anchor', 'fontcolor', 'fontsize', 'link'].map(m => [m, String.prototype[m].length, String.prototype[m].name, 'x'[m]('y'), Object.getOwnPropertyDescriptor(String.prototype, m).enumerable, String.prototype.hasOwnProperty.call(String.prototype[m], 'prototype')].join()));
t(() => { var log = []; String.prototype.anchor.call({ toString() { log.push('this'); return 't'; } }, { toString() { log.push('arg'); return 'a'; } }); return log; });
t(() => String.prototype.anchor.call({ toString() { throw new Error('ts'); } }, { toString() { throw new Error('arg'); } }));
t(() => new String.prototype.big());
t(() => 'a'.link({ [Symbol.toPrimitive]() { return 'p'; } }));
// isWellFormed / toWellFormed
t(() => String.prototype.isWellFormed.call(null));
t(() => String.prototype.toWellFormed.call(undefined));
t(() => String.prototype.toWellFormed.call(Symbol()));
t(() => ['a\uD800'.isWellFormed(), 'a\uD800b\uDC00'.toWellFormed().split('').map(c => c.charCodeAt(0)), '\u{1F600}'.isWellFormed(), ''.toWellFormed(), '\uDC00\uD800'.toWellFormed().length, '\uD800\uDC00\uDC00'.toWellFormed().charCodeAt(2), 'abc'.isWellFormed(), '\uDBFF'.isWellFormed()]);
t(() => [String.prototype.isWellFormed.length, String.prototype.toWellFormed.name, String.prototype.isWellFormed.call(12), String.prototype.toWellFormed.call({ toString() { return '\uD800x'; } }).charCodeAt(0)]);
t(() => { var s = 'x'; return s.toWellFormed() === s; });
// Date
t(() => Date.prototype.getYear.call({}));
t(() => Date.prototype.setYear.call({}, 1));
t(() => Date.prototype.getYear.call(1));
t(() => [new Date(2000, 0).getYear(), new Date(NaN).getYear(), new Date(2000, 0).setYear(99), new Date(NaN).setYear(5), new Date(2000, 0).setYear(NaN), new Date(2000, 0).setYear(2020.7), new Date(2000, 5, 3).setYear(-1), new Date(2000, 0).setYear(99.9), new Date(2000, 0).setYear(Infinity), new Date(2000, 0).setYear(100), new Date(1850, 0).getYear()]);
t(() => [Date.prototype.toGMTString === Date.prototype.toUTCString, Date.prototype.toGMTString.name, Date.prototype.getYear.length, Date.prototype.setYear.length, new Date(0).toGMTString()]);
t(() => { var log = []; try { Date.prototype.setYear.call({}, { valueOf() { log.push('v'); return 1; } }); } catch (e) { log.push(e.name); } return log; });
t(() => { var d = new Date(2000, 0); d.setYear({ valueOf() { d.setTime(NaN); return 50; } }); return d.getTime(); });
t(() => { var d = new Date(NaN); d.setYear(1); return [d.getFullYear(), d.getMonth(), d.getDate()]; });
// Annex B Object.prototype
t(() => Object.prototype.__defineGetter__.call(null, 'x', () => 1));
t(() => Object.prototype.__defineSetter__.call(undefined, 'x', () => 1));
t(() => ({}).__defineGetter__('x', 1));
t(() => ({}).__defineSetter__('x', {}));
t(() => Object.prototype.__lookupGetter__.call(null, 'x'));
t(() => Object.prototype.__lookupSetter__.call(undefined, 'x'));
t(() => Object.freeze({}).__defineGetter__('x', () => 1));
t(() => { var o = {}; Object.defineProperty(o, 'x', { value: 1 }); o.__defineGetter__('x', () => 1); });
t(() => { var o = {}; o.__defineGetter__('x', function g() { return 5; }); var d = Object.getOwnPropertyDescriptor(o, 'x'); return [o.x, d.enumerable, d.configurable, typeof d.set, o.__lookupGetter__('x').name, o.__lookupSetter__('x') === undefined]; });
t(() => { var o = Object.create({ get y() { return 1; } }); return [typeof o.__lookupGetter__('y'), o.__lookupGetter__('toString') === undefined, o.__lookupGetter__('zz') === undefined]; });
t(() => { var log = []; var p = new Proxy({}, { getOwnPropertyDescriptor(t, k) { log.push('gopd ' + String(k)); return undefined; }, getPrototypeOf(t) { log.push('gpo'); return null; }, defineProperty(t, k, d) { log.push('dp ' + String(k) + ' ' + Object.keys(d)); return Reflect.defineProperty(t, k, d); } }); p.__lookupGetter__('a'); Object.prototype.__defineGetter__.call(p, 'b', () => 1); return log; });
t(() => { var log = []; ({}).__defineGetter__({ toString() { log.push('key'); return 'k'; } }, 5); return log; });
t(() => { var log = []; ({}).__lookupGetter__({ toString() { log.push('key'); return 'k'; } }); return log; });
t(() => { var s = Symbol('s'); var o = {}; o.__defineSetter__(s, function (v) { this.v = v; }); o[s] = 3; return [o.v, typeof o.__lookupSetter__(s)]; });
t(() => [Object.prototype.__defineGetter__.length, Object.prototype.__lookupGetter__.length, Object.prototype.__defineSetter__.name, Object.prototype.__lookupSetter__.name, Object.keys(Object.prototype).length]);
t(() => [Object.prototype.__lookupGetter__.call(1, 'x') === undefined, typeof Object.prototype.__lookupGetter__.call('ab', 'length'), Object.prototype.__defineGetter__.call(1, 'x', () => 1) === undefined]);
t(() => { var o = { set x(v) { this.s = v; } }; o.__defineGetter__('x', () => 7); o.x = 2; return [o.x, o.s]; });
t(() => { var o = {}; Object.prototype.get = function () { return 'bad'; }; try { o.__defineSetter__('q', function (v) { this.w = v; }); o.q = 1; return [o.w, typeof Object.getOwnPropertyDescriptor(o, 'q').get]; } finally { delete Object.prototype.get; } });
t(() => { var saved = Object.getOwnPropertyDescriptor; Object.getOwnPropertyDescriptor = () => ({ get: 'fake' }); try { return typeof ({ get a() { return 1; } }).__lookupGetter__('a'); } finally { Object.getOwnPropertyDescriptor = saved; } });
t(() => ({}).__lookupGetter__({ toString() { throw new Error('key'); } }));
// unscopables, BigInt.prototype
t(() => Object.getOwnPropertyNames(Array.prototype[Symbol.unscopables]));
t(() => [Object.getPrototypeOf(Array.prototype[Symbol.unscopables]), Array.prototype[Symbol.unscopables] === Array.prototype[Symbol.unscopables], Object.getOwnPropertyDescriptor(Array.prototype, Symbol.unscopables).writable]);
t(() => { var at = 'outer', groupBy = 'outer2'; with ([]) { return [typeof at, typeof groupBy, typeof push]; } });
t(() => [BigInt.prototype.hasOwnProperty('length'), BigInt.prototype.hasOwnProperty('name'), Object.getOwnPropertyNames(BigInt.prototype), BigInt.prototype.name]);
// normalize on code units, with V8's RangeError; Array.prototype.with's RangeError
t(() => ['\u0041\u030A'.normalize().length, 'a\uD800\u0301'.normalize('NFD').split('').map(c => c.charCodeAt(0)), '\uFB01'.normalize('NFKD'), 'e\u0301\uDC00e\u0301'.normalize().length, 'abc'.normalize('NFKC'), String.prototype.normalize.length, String.prototype.normalize.name]);
t(() => 'a'.normalize('x'));
t(() => String.prototype.normalize.call(null));
t(() => 'a'.normalize(Symbol()));
t(() => String.prototype.normalize.call({ toString() { return '\u00C5'; } }, { toString() { return 'NFD'; } }).length);
t(() => [1, 2, 3].with(3, 9));
t(() => [1, 2, 3].with(-4, 9));
t(() => [1, 2, 3].with(1.5, 9));
t(() => [Array.prototype.with.length, Array.prototype.with.name, [1, 2].with(0, 5)]);
t(() => Array.prototype.with.call(null, 0, 1));
out.join('\n');
`;
console.log(vm.runInNewContext(code));
console.log((0, eval)(code.replace('with (', 'with (').replace(/^/, '')));
