// Exercises the util builtin. Globals: util, out(...strings).
const t = util.types;
out('types', t.isPromise(Promise.resolve()), t.isPromise({}), t.isProxy(new Proxy({}, {})), t.isProxy({}),
  t.isRegExp(/x/), t.isDate(new Date()), t.isNativeError(new TypeError()), t.isNativeError({}),
  t.isMap(new Map()), t.isSet(new Set()), t.isSet([]), t.isTypedArray(new Int8Array(1)), t.isTypedArray([]),
  t.isUint8Array(new Uint8Array(1)), t.isUint8Array(new Int8Array(1)), t.isArrayBuffer(new ArrayBuffer(1)),
  t.isAsyncFunction(async () => {}), t.isAsyncFunction(() => {}), t.isGeneratorFunction(function* () {}),
  t.isGeneratorFunction(function () {}), t.isBoxedPrimitive(Object(1)), t.isBoxedPrimitive(1),
  t.isNumberObject(new Number(1)), t.isStringObject(new String('')), t.isSymbolObject(Object(Symbol())),
  t.isBigIntObject(Object(1n)), t.isWeakMap(new WeakMap()), t.isWeakSet(new WeakSet()), t.isWeakMap(new Map()),
  t.isDataView(new DataView(new ArrayBuffer(1))), t.isArgumentsObject((function () { return arguments })()),
  t.isMapIterator(new Map().keys()), t.isSetIterator(new Set().values()), t.isMapIterator([].keys()),
  t.isGeneratorObject((function* () {})()), t.isArrayBufferView(new DataView(new ArrayBuffer(1))),
  t.isDate(new Proxy(new Date(), {})));
out('isArray', util.isArray([]), util.isArray({}));
out('isDeepStrictEqual', util.isDeepStrictEqual({ a: [1] }, { a: [1] }), util.isDeepStrictEqual({ a: 1 }, { a: '1' }));
out('format', util.format('%s=%d', 'x', 5, 'extra', { y: 1 }));
out('formatWithOptions', util.formatWithOptions({ compact: false }, '%O', { a: 1 }));
try { util.formatWithOptions(null, 'x') } catch (e) { out('fwo error', e.code, e.message) }
out('inspect opts', util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 }), util.inspect({ a: { b: { c: { d: {} } } } }, { depth: null }));
out('inspect legacy', util.inspect({ a: { b: { c: {} } } }, false, 0));
out('inspect.custom', util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
out('custom inspect gets util.inspect', util.inspect({ [util.inspect.custom](d, o, i) { return String(i === util.inspect) } }));
out('defaultOptions', util.inspect.defaultOptions.depth, util.inspect.defaultOptions.breakLength);
util.inspect.defaultOptions = { depth: 0 };
out('after defaultOptions', util.inspect({ a: { b: 1 } }));
util.inspect.defaultOptions = { depth: 2 };
out('colors', util.inspect.colors.red.join(','), util.inspect.styles.number);
out('inspect name', util.inspect.name, util.format.name);
try { util.promisify(1) } catch (e) { out('promisify error', e.code, e.message) }
function cbFn(a, cb) { cb(null, a * 2) }
const p = util.promisify(cbFn);
out('promisify', typeof p, p.name, util.promisify(cbFn) !== p, util.promisify(p) === p);
function withCustom() {}
withCustom[util.promisify.custom] = () => 'custom';
out('promisify.custom', util.promisify(withCustom)(), util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
function Parent() {}
Parent.prototype.hi = function () { return 'hi' };
function Child() {}
util.inherits(Child, Parent);
out('inherits', new Child().hi(), Child.super_ === Parent);
try { util.inherits(Child, null) } catch (e) { out('inherits error', e.code, e.message) }
try { util.inherits(Child, {}) } catch (e) { out('inherits error2', e.code, e.message) }
out('legacy', util.isString('x'), util.isNumber(1), util.isPrimitive({}), util.isFunction(() => {}), util.isError(new Error()));
out('strip', JSON.stringify(util.stripVTControlCharacters('\u001b[31mred\u001b[39m')));
const dep = util.deprecate(() => 'ran', 'old thing', 'DEP0999');
out('deprecate', dep(), dep());
p(21).then((v) => out('promisify result', v));
util.promisify((cb) => cb(new Error('fail')))().catch((e) => out('promisify reject', e.message));
util.callbackify(async (x) => x + 1)(1, (err, v) => out('callbackify', err, v));
util.callbackify(async () => { throw null })((err) => out('callbackify falsy', err.code, err.message, err.reason));
