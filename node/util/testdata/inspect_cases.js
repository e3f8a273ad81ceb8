//# string
'hello'
//# string with quote
"it's"
//# string with both quotes
`it's "x"`
//# string all quotes
'a\'b"c`d'
//# string escapes
'a\nb\tc\u0001\u007f\\'
//# number
42
//# negative zero
-0
//# float
1.5e-7
//# NaN
NaN
//# Infinity
-Infinity
//# bigint
123n
//# boolean
true
//# undefined
undefined
//# null
null
//# symbol
Symbol('a')
//# symbol no desc
Symbol()
//# empty object
({})
//# simple object
({ a: 1, b: 'two', c: [3], d: { e: null } })
//# nested depth
({ a: { b: { c: { d: 1 } } } })
//# nested depth empty
({ a: { b: { c: {} } } })
//# nested arrays depth
[[[[1]]]]
//# empty array
[]
//# array
[1, 2, 3]
//# array of strings
['a', 'b']
//# array 101
Array.from({ length: 101 }, (_, i) => i)
//# array 102
Array.from({ length: 102 }, (_, i) => i)
//# array 7 short
[1, 2, 3, 4, 5, 6, 7]
//# array 26 numbers
Array.from({ length: 26 }, (_, i) => i * 3)
//# array of words
['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew', 'kiwi']
//# array mixed lengths
[1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 2, 3, 4, 5, 6, 7]
//# array of objects
[{ a: 1 }, { b: 2 }, { c: 3 }]
//# array of long objects
[{ name: 'alpha', value: 1000, enabled: true }, { name: 'beta', value: 2000, enabled: false }]
//# sparse array
[1, , 3]
//# sparse array many holes
[, , , 4, , ]
//# sparse only holes
new Array(5)
//# array extra props
Object.assign([1, 2], { foo: 'bar' })
//# array extra props only
Object.assign([], { foo: 'bar' })
//# long object breaks
({ alpha: 'aaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbb', gamma: 'ccccccccccccccccccc', delta: 1 })
//# object with many keys
({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14, o: 15, p: 16, q: 17, r: 18, s: 19, t: 20, u: 21, v: 22, w: 23, x: 24, y: 25, z: 26 })
//# deep compact 3
({ a: { b: { c: 'x' } }, d: 1 })
//# deep 4 levels depth Infinity @opts {depth: Infinity}
({ a: { b: { c: { d: { e: 1 } } } } })
//# quoted keys
({ 'a-b': 1, '1': 2, 'ok_1': 3, '': 4, 'sp ace': 5, "it's": 6 })
//# symbol keys
({ [Symbol('a')]: 1, [Symbol.iterator]: 2, b: 3 })
//# getters and setters
({ get a() { return 1 }, set b(v) {}, get c() { return 2 }, set c(v) {} })
//# getters shown @opts {getters: true}
({ get a() { return 1 }, get o() { return { x: 1 } }, get n() { return null }, get t() { throw new Error('nope') } })
//# circular
(() => { const o = { name: 'o' }; o.self = o; return o })()
//# circular nested
(() => { const a = { b: {} }; a.b.a = a; a.b.b = a.b; return a })()
//# circular array
(() => { const a = [1]; a.push(a); return a })()
//# null prototype
Object.create(null)
//# null prototype with props
Object.assign(Object.create(null), { a: 1 })
//# class instance
(() => { class Foo { constructor() { this.x = 1 } } return new Foo() })()
//# empty class instance
(() => { class Foo {} return new Foo() })()
//# toStringTag
(() => { class Foo { get [Symbol.toStringTag]() { return 'Bar' } } return new Foo() })()
//# toStringTag on object
({ [Symbol.toStringTag]: 'Tagged', a: 1 })
//# toStringTag non-enumerable
(() => { const o = { a: 1 }; Object.defineProperty(o, Symbol.toStringTag, { value: 'T' }); return o })()
//# subclass of Array
(() => { class MyArr extends Array {} return MyArr.from([1, 2]) })()
//# subclass of Map
(() => { class MyMap extends Map {} return new MyMap([[1, 2]]) })()
//# Map
new Map([['a', 1], [{ b: 2 }, [3]]])
//# empty Map
new Map()
//# Set
new Set([1, 'two', { three: 3 }])
//# empty Set
new Set()
//# Map nested in object
({ m: new Map([[1, { a: { b: 1 } }]]) })
//# Set with props
Object.assign(new Set([1]), { extra: true })
//# Date
new Date(0)
//# Invalid Date
new Date(NaN)
//# Date in object
({ d: new Date(86400000) })
//# Date with prop
Object.assign(new Date(0), { x: 1 })
//# RegExp
/ab+c/gi
//# RegExp with prop
Object.assign(/x/, { y: 1 })
//# function
(function foo() {})
//# anonymous function
(function () {})
//# arrow named by var
(() => { const f = () => {}; return f })()
//# anonymous arrow
[() => {}][0]
//# async function
(async function af() {})
//# async arrow
(async () => {})
//# generator function
(function* gen() {})
//# class
(class Foo {})
//# anonymous class
[class {}][0]
//# class extends
(() => { class A {} class B extends A {} return B })()
//# class extends null
(class N extends null {})
//# function with props
Object.assign(function f() {}, { a: 1 })
//# native function
Math.max
//# method shorthand
({ m() {} }).m
//# async method
({ async am() {} }).am
//# generator method
({ *gm() {} }).gm
//# functions in object
({ f() {}, g: function () {}, h: class {} })
//# Number object
new Number(3)
//# String object
new String('x')
//# Boolean object
new Boolean(false)
//# BigInt object
Object(5n)
//# Symbol object
Object(Symbol('s'))
//# negative zero object
new Number(-0)
//# String object with prop
Object.assign(new String('ab'), { c: 1 })
//# Promise resolved
Promise.resolve(1)
//# Promise pending
new Promise(() => {})
//# Promise rejected
(() => { const p = Promise.reject(3); p.catch(() => {}); return p })()
//# Promise resolved object
Promise.resolve({ a: [1, 2] })
//# Uint8Array
new Uint8Array([1, 2, 3])
//# empty Uint8Array
new Uint8Array(0)
//# Float64Array
new Float64Array([1.5, -0, NaN])
//# Int16Array long
new Int16Array(30)
//# BigInt64Array
new BigInt64Array([1n, -2n])
//# ArrayBuffer
new Uint8Array([1, 2]).buffer
//# ArrayBuffer empty
new ArrayBuffer(0)
//# DataView
new DataView(new ArrayBuffer(4), 1, 2)
//# WeakMap
new WeakMap()
//# WeakSet
new WeakSet()
//# Proxy of object
new Proxy({ a: 1 }, {})
//# Proxy of array
new Proxy([1, 2], {})
//# Proxy showProxy @opts {showProxy: true}
new Proxy({ a: 1 }, {})
//# Revoked proxy
(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy })()
//# custom inspect string
({ [Symbol.for('nodejs.util.inspect.custom')]() { return 'CUSTOM' } })
//# custom inspect object
({ [Symbol.for('nodejs.util.inspect.custom')]() { return { replaced: true } } })
//# custom inspect args
({ [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) { return `d=${depth} t=${typeof opts.stylize} i=${typeof inspect} ${inspect({ x: 1 })}` } })
//# custom inspect nested
({ inner: { [Symbol.for('nodejs.util.inspect.custom')](depth) { return 'depth ' + depth + '\nline2' } } })
//# custom inspect returns this
(() => { const o = { a: 1, [Symbol.for('nodejs.util.inspect.custom')]() { return this } }; return o })()
//# customInspect false @opts {customInspect: false}
({ a: 1, [Symbol.for('nodejs.util.inspect.custom')]() { return 'CUSTOM' } })
//# error plain
mkErr(Error, 'boom', 'Error: boom\n    at foo (/x.js:1:1)\n    at bar (/x.js:2:2)')
//# error no frames
mkErr(Error, 'boom', 'Error: boom')
//# error nested
({ e: mkErr(TypeError, 'bad', 'TypeError: bad\n    at foo (/x.js:1:1)') })
//# error nested no stack
({ e: mkErr(RangeError, 'r', 'RangeError: r') })
//# error with props
Object.assign(mkErr(Error, 'boom', 'Error: boom\n    at foo (/x.js:1:1)'), { code: 'E_X', n: 1 })
//# error subclass
(() => { class MyError extends Error {} return mkErr(MyError, 'm', 'Error: m\n    at foo (/x.js:1:1)') })()
//# error subclass with name
(() => { class MyError extends Error { constructor(m) { super(m); this.name = 'MyError' } } return mkErr(MyError, 'm', 'MyError: m\n    at foo (/x.js:1:1)') })()
//# error empty stack
(() => { const e = new Error('x'); e.stack = ''; return e })()
//# error with cause
mkErr(Error, 'outer', 'Error: outer\n    at a (/x.js:1:1)', ) && Object.defineProperty(mkErr(Error, 'outer', 'Error: outer\n    at a (/x.js:1:1)'), 'cause', { value: mkErr(Error, 'inner', 'Error: inner'), enumerable: false })
//# error null prototype
(() => { const e = mkErr(Error, 'np', 'Error: np\n    at a (/x.js:1:1)'); Object.setPrototypeOf(e, null); return e })()
//# error in array
[mkErr(Error, 'a', 'Error: a\n    at f (/x.js:1:1)')]
//# aggregate error
(() => { const e = new AggregateError([mkErr(Error, 'x', 'Error: x')], 'agg'); Object.defineProperty(e, 'stack', { value: 'AggregateError: agg\n    at f (/x.js:1:1)' }); return e })()
//# arguments
(function () { return arguments })(1, 2)
//# showHidden object @opts {showHidden: true}
(() => { const o = { a: 1 }; Object.defineProperty(o, 'hidden', { value: 2, enumerable: false }); return o })()
//# showHidden array @opts {showHidden: true}
[1, 2]
//# depth 0 @opts {depth: 0}
({ a: { b: 1 }, c: [1], d: 1 })
//# depth null @opts {depth: null}
({ a: { b: { c: { d: { e: {} } } } } })
//# compact false @opts {compact: false}
({ a: 1, b: { c: [1, 2] } })
//# compact true @opts {compact: true}
({ a: 1, b: { c: [1, 2] } })
//# compact 1 @opts {compact: 1}
({ a: 1, b: { c: 2 } })
//# breakLength 20 @opts {breakLength: 20}
({ alpha: 1, beta: 2, gamma: 3 })
//# breakLength Infinity @opts {breakLength: Infinity}
({ alpha: 'aaaaaaaaaaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', gamma: 'ccccccccccccccccccccccc' })
//# sorted @opts {sorted: true}
({ c: 1, a: 2, b: 3 })
//# maxArrayLength 2 @opts {maxArrayLength: 2}
[1, 2, 3, 4]
//# maxArrayLength 0 @opts {maxArrayLength: 0}
[1, 2, 3]
//# maxArrayLength set @opts {maxArrayLength: 1}
new Set([1, 2, 3])
//# maxStringLength @opts {maxStringLength: 4}
'abcdefgh'
//# colors @opts {colors: true}
({ n: 1, s: 'x', b: true, u: undefined, nl: null, sy: Symbol('q'), d: new Date(0), r: /x/, f() {}, big: 2n })
//# long string in object
({ s: 'a'.repeat(100) })
//# long string multiline in object
({ s: 'line one is here\nline two is here and is long enough to break the line\nthree' })
//# long array of strings
Array.from({ length: 30 }, (_, i) => 'item' + i)
//# nested arrays grouped
Array.from({ length: 8 }, (_, i) => [i, i * 2])
//# unicode string
'héllo wörld ✓'
//# wide chars array
['你好', '世界', '你好', '世界', '你好', '世界', '你好']
//# object in array in object
({ list: [{ id: 1, tags: ['a', 'b'] }, { id: 2, tags: [] }] })
//# multiple types
[undefined, null, NaN, -0, 0, 1n, 'x', Symbol('y')]
//# __proto__ key
JSON.parse('{"__proto__": 1}')
//# Object with constructor prop
({ constructor: 'x' })
//# object with null-proto child
({ child: Object.create(null) })
//# instance of null-proto class
(() => { function F() {} F.prototype = Object.create(null); return new F() })()
//# globalThis Math
Math
//# JSON
JSON
//# format basic @format
['%s is %d years', 'Bob', 42]
//# format extra args @format
['a', 1, 'b', { c: 1 }]
//# format %j @format
['%j', { a: [1, 'x'] }]
//# format %j circular @format
['%j', (() => { const o = {}; o.o = o; return o })()]
//# format %o @format
['%o', { a: [1, 2, { b: 3 }] }]
//# format %O @format
['%O', { a: { b: { c: { d: 1 } } } }]
//# format %i %f @format
['%i %f %i', '42.9px', '1.5e3', 3n]
//# format %d object @format
['%d %d', {}, '0x10']
//# format %s object @format
['%s|%s|%s|%s', { a: { b: 1 } }, [1, [2, [3]]], null, undefined]
//# format %s with toString @format
['%s', { toString() { return 'custom!' } }]
//# format %s class toString @format
['%s', new (class X { toString() { return 'X!' } })()]
//# format %s error @format
['%s', mkErr(Error, 'e', 'Error: e\n    at f (/x.js:1:1)')]
//# format %s -0 and symbol @format
['%s %s %s', -0, Symbol('s'), 5n]
//# format %% @format
['100%% %s', 'done']
//# format missing args @format
['%s %s', 'one']
//# format unknown @format
['%x %s', 'a']
//# format %c @format
['%cstyled', 'color: red']
//# format non-string first @format
[1, 'a', 2]
//# format string only @format
['%s %%']
//# format trailing percent @format
['50%', 1]
//# vm object @vm
({ a: 1, b: [1, 2], c: { d: new Map([[1, 2]]) } })
//# vm array @vm
[1, 'x', { y: null }]
//# vm class instance @vm
class Foo { constructor() { this.x = 1 } }; new Foo()
//# vm function @vm
(function named() {})
//# vm error @vm
(() => { const e = new TypeError('vm err'); e.stack = 'TypeError: vm err\n    at vm:1:1'; return e })()
//# vm date regexp promise @vm
[new Date(0), /re/g, Promise.resolve(2)]
//# vm circular @vm
(() => { const o = { n: 1 }; o.o = o; return o })()
//# vm null proto @vm
Object.create(null)
//# vm custom inspect @vm
({ [Symbol.for('nodejs.util.inspect.custom')](d, o) { return 'vm custom ' + typeof o.stylize } })
//# showHidden function @opts {showHidden: true}
(function f(a, b) {})
//# showHidden class instance @opts {showHidden: true}
new (class Foo { bar() {} })()
//# showHidden error @opts {showHidden: true}
mkErr(Error, 'h', 'Error: h\n    at f (/x.js:1:1)')
//# showHidden Map @opts {showHidden: true}
new Map([[1, 2]])
//# showHidden typed array @opts {showHidden: true}
new Uint8Array(2)
//# symbol description escapes
({ [Symbol('a\nb')]: 1, 'x\ny': 2 })
//# numeric keys order
({ b: 1, 2: 'two', a: 3, 1: 'one' })
//# class static members
(() => { class S { static x = 1; static m() {} } return S })()
//# errors in array nested
[[mkErr(Error, 'deep', 'Error: deep\n    at f (/x.js:1:1)\n    at g (/x.js:2:2)')]]
//# error in object with props
({ err: Object.assign(mkErr(Error, 'p', 'Error: p\n    at f (/x.js:1:1)'), { code: 'X' }) })
//# long strings in array
['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(30)]
//# colored array grouping @opts {colors: true}
Array.from({ length: 12 }, (_, i) => i * 100)
//# colored nested @opts {colors: true}
{ x: [ 'a', { b: new Map([[1, null]]) } ] }
//# map of maps
new Map([['a', new Map([['b', new Map([['c', new Map()]])]])]])
//# set of arrays
new Set([[1, 2], [3, 4]])
//# object with function values
({ fn: function () {}, arrow: () => {}, cls: class K {}, async: async () => {} })
//# frozen object
Object.freeze({ a: 1 })
//# object with undefined and holes
({ a: undefined, b: [undefined, , null] })
//# string with only newline long
'first line of text\nsecond line of text\nthird line of text that is rather long, longer than eighty characters in total'
//# array of floats
[1.25, 2.5, 3.75, 4, 5.125, 6, 7.5, 8]
//# array of mixed short
['a', 1, 'b', 2, 'c', 3, 'd', 4]
//# bigint array
[1n, 2n, 3n, 4n, 5n, 6n, 7n]
//# 2D number array
[[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12], [13, 14, 15], [16, 17, 18], [19, 20, 21]]
//# object keys with unicode
({ 'ключ': 1, 'é': 2, $dollar: 3 })
//# getter on class prototype
new (class P { get g() { return 1 } })()
//# Symbol.toStringTag on class
(() => { class T { get [Symbol.toStringTag]() { return 'Tag' } } return [new T(), T] })()
//# object with toString tag Object
({ [Symbol.toStringTag]: 'Object' })
//# Number subclass
(() => { class N extends Number {} return new N(5) })()
//# Promise subclass
(() => { class P extends Promise {} return P.resolve(1) })()
//# Function subclass like
Object.setPrototypeOf(function f() {}, null)
//# array with negative zero
[-0, 0, -1]
//# nested empty arrays and objects
[[], {}, [[]], [{}]]
//# deep array truncation
{ a: [[[[[1]]]]] }
//# depth 1 map @opts {depth: 1}
{ m: new Map([[{ k: 1 }, { v: { w: 1 } }]]) }
//# very long string
'x'.repeat(10005)
//# error cause frames dedup
(() => { const frames = '\n    at a (/x.js:1:1)\n    at b (/x.js:2:1)\n    at c (/x.js:3:1)\n    at d (/x.js:4:1)\n    at e (/x.js:5:1)'; const inner = mkErr(Error, 'inner', 'Error: inner\n    at z (/x.js:9:9)' + frames); const outer = mkErr(Error, 'outer', 'Error: outer\n    at y (/x.js:8:8)' + frames); Object.defineProperty(outer, 'cause', { value: inner, enumerable: false, writable: true, configurable: true }); return outer })()
//# error cause primitive
(() => { const e = mkErr(Error, 'o', 'Error: o\n    at y (/x.js:8:8)'); Object.defineProperty(e, 'cause', { value: 'just a string', enumerable: false, writable: true, configurable: true }); return e })()
//# sorted array extras @opts {sorted: true}
Object.assign([3, 1, 2], { z: 1, a: 2 })
//# map circular
(() => { const m = new Map(); m.set('self', m); return m })()
//# error in map value
new Map([['e', mkErr(Error, 'm', 'Error: m\n    at f (/x.js:1:1)')]])
//# promise rejected error
(() => { const p = Promise.reject(mkErr(Error, 'rej', 'Error: rej\n    at f (/x.js:1:1)')); p.catch(() => {}); return p })()
//# object 3 levels nested long
({ level1: { level2: { level3: 'a string value that is fairly long', other: 12345 }, sibling: [1, 2, 3] }, top: true })
//# array 6 long strings
['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'dddddddddddddddd', 'eeeeeeeeeeeeeeee', 'ffffffffffffffff']
//# array 7 long strings
['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'dddddddddddddddd', 'eeeeeeeeeeeeeeee', 'ffffffffffffffff', 'gggggggggggggggg']
//# array 100 strings
Array.from({ length: 100 }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat(1 + (i % 7)))
//# object of arrays
({ a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], b: ['x', 'y', 'z', 'w', 'v', 'u', 't'] })
//# symbol to string in array
[Symbol.iterator, Symbol.for('reg')]
//# weird property names
({ 'constructor': 1, 'hasOwnProperty': 2, 'a b': 3, '3d': 4, 'd3': 5, '$': 6, 'ä': 7 })
//# accessor property symbols
({ get [Symbol('g')]() { return 1 } })
//# class with name property override
(() => { class A { static name = 'Renamed' } return [A, new A()] })()
//# function name non-string
(() => { function f() {} Object.defineProperty(f, 'name', { value: 42 }); return f })()
//# lone surrogates in strings
['\ud800', 'a\udc00b', '\ud83d\ude00', '\udfff\ud800'.repeat(3) + '\u00e9']
//# lone surrogate cut by maxStringLength @opts { maxStringLength: 2 }
'\ud800\ud800\ud800x'
//# lone surrogate in a key
({ ['\ud800k']: 1, ['\udc00']: { ['x\udbff']: 2 } })
//# lone surrogate in a key, showHidden @opts { showHidden: true }
Object.defineProperty({ ['\ud800']: 1 }, '\udc00', { value: 2 })
