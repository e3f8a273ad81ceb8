// Each case: [a, b] built by a function so both engines build fresh values.
var sym = Symbol('s');
var cyc1 = {a: 1}; cyc1.self = cyc1;
var cyc2 = {a: 1}; cyc2.self = cyc2;
var cyc3 = {a: 2}; cyc3.self = cyc3;
function F() { this.a = 1; }
var cases = [
  () => [1, 1], () => [1, '1'], () => [NaN, NaN], () => [0, -0], () => [null, undefined],
  () => [null, null], () => ['a', 'a'], () => [true, 1], () => [1n, 1n], () => [sym, sym],
  () => [{}, {}], () => [{a: 1}, {a: 1}], () => [{a: 1}, {a: '1'}], () => [{a: 1}, {a: 1, b: 2}],
  () => [{a: 1, b: 2}, {b: 2, a: 1}], () => [{a: undefined}, {}], () => [{a: {b: [1, 2]}}, {a: {b: [1, 2]}}],
  () => [{a: {b: [1, 2]}}, {a: {b: [1, 3]}}],
  () => [[1, 2, 3], [1, 2, 3]], () => [[1, 2], [1, 2, 3]], () => [[1, , 3], [1, undefined, 3]],
  () => [[1], {0: 1, length: 1}], () => { var x = [1]; x.foo = 2; return [x, [1]]; },
  () => [new Date(0), new Date(0)], () => [new Date(0), new Date(1)], () => [new Date(NaN), new Date(NaN)],
  () => [/a/g, /a/g], () => [/a/g, /a/i], () => [/a/, /b/], () => { var r = /a/g; r.lastIndex = 3; return [r, /a/g]; },
  () => [new Number(1), new Number(1)], () => [new Number(1), new Number(2)], () => [new String('ab'), new String('ab')],
  () => [new String('ab'), new String('ac')], () => [new Boolean(true), new Boolean(false)], () => [new Number(1), 1],
  () => [Object(1n), Object(1n)], () => [Object(sym), Object(sym)],
  () => [new Map([[1, 2]]), new Map([[1, 2]])], () => [new Map([[1, 2]]), new Map([[1, 3]])],
  () => [new Map([[{a: 1}, 2]]), new Map([[{a: 1}, 2]])], () => [new Map([[{a: 1}, 2]]), new Map([[{a: 2}, 2]])],
  () => [new Map([[1, 'a'], [2, 'b']]), new Map([[2, 'b'], [1, 'a']])], () => [new Map(), new Set()],
  () => [new Set([1, 2]), new Set([2, 1])], () => [new Set([1, 2]), new Set([1, 3])], () => [new Set([{a: 1}]), new Set([{a: 1}])],
  () => [new Set([{a: 1}, {a: 2}]), new Set([{a: 2}, {a: 1}])], () => [new Set([[1]]), new Set([[2]])],
  () => [new Uint8Array([1, 2]), new Uint8Array([1, 2])], () => [new Uint8Array([1, 2]), new Uint8Array([1, 3])],
  () => [new Uint8Array([1]), new Int8Array([1])], () => [new Float64Array([0]), new Float64Array([-0])],
  () => [new Float64Array([NaN]), new Float64Array([NaN])], () => [new ArrayBuffer(2), new ArrayBuffer(2)],
  () => { var a = new ArrayBuffer(2); new Uint8Array(a)[0] = 1; return [a, new ArrayBuffer(2)]; },
  () => [new Uint8Array(new ArrayBuffer(4), 1, 2), new Uint8Array(2)],
  () => [new Error('x'), new Error('x')], () => [new Error('x'), new Error('y')], () => [new Error('x'), new TypeError('x')],
  () => [cyc1, cyc2], () => [cyc1, cyc3], () => [new F(), {a: 1}], () => [Object.create(null), {}],
  () => [{[sym]: 1}, {[sym]: 1}], () => [{[sym]: 1}, {[sym]: 2}], () => [{[sym]: 1}, {}],
  () => [function f() {}, function f() {}], () => { var f = function () {}; return [f, f]; },
  () => [[1, [2, [3]]], [1, [2, [3]]]], () => [{a: NaN}, {a: NaN}], () => [[0], [-0]],
  () => [(function () { return arguments; })(1), [1]], () => [{}, []], () => [new Map([[1, {a: 1}]]), new Map([[1, {a: 1}]])],
  () => [{a: 1}, Object.assign(Object.create({x: 1}), {a: 1})], () => [Promise.resolve(), Promise.resolve()],
  () => [new WeakMap(), new WeakMap()], () => [[1, 2], ['1', '2']], () => [{a: [1]}, {a: {0: 1}}],
];
var out = [];
for (var i = 0; i < cases.length; i++) {
  var p = cases[i]();
  out.push(i + ' ' + cmp(p[0], p[1], false) + ' ' + cmp(p[0], p[1], true));
}
out.join('\n');
