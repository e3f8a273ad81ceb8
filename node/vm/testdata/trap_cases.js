// Which sandbox traps (and getters/setters) the contextified global runs,
// in order, for each kind of global access under Node v20's interceptors
// (no query interceptor): a tracing Proxy sandbox, Proxies with a
// prototype, a plain sandbox whose prototype is a tracing Proxy, accessors,
// read-only and frozen properties. Format of cases.js; Node's output is in
// trap_cases.golden. Each case returns [outcome, trace].
const prelude = `
const key = (k) => (typeof k === 'symbol' ? '@' + k.description : String(k));
const log = [];
const tr = (target, name) => { const L = (s) => log.push((name || '') + s); return new Proxy(target, {
  get(t, k, r) { L('get ' + key(k)); return Reflect.get(t, k, r); },
  set(t, k, v, r) { L('set ' + key(k)); return Reflect.set(t, k, v, r); },
  has(t, k) { L('has ' + key(k)); return Reflect.has(t, k); },
  deleteProperty(t, k) { L('delete ' + key(k)); return Reflect.deleteProperty(t, k); },
  defineProperty(t, k, d) { L('define ' + key(k) + ' ' + Object.keys(d).join('/')); return Reflect.defineProperty(t, k, d); },
  ownKeys(t) { L('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { L('gopd ' + key(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
  getPrototypeOf(t) { L('getPrototypeOf'); return Reflect.getPrototypeOf(t); },
  setPrototypeOf(t, v) { L('setPrototypeOf'); return Reflect.setPrototypeOf(t, v); },
  isExtensible(t) { L('isExtensible'); return Reflect.isExtensible(t); },
  preventExtensions(t) { L('preventExtensions'); return Reflect.preventExtensions(t); },
}); };
const std = { Object, Reflect, JSON };
const show = (v) => Array.isArray(v) ? '[' + v.map(String).join() + ']' : typeof v === 'symbol' ? 'symbol' : typeof v === 'function' ? 'function' : String(v);
`;
const dataX = '{ x: { value: 1, writable: true, enumerable: true, configurable: true } }';
const sandboxes = {
  proxy: `tr(Object.assign({ x: 1 }, std))`,
  'proxy with proto': `tr(Object.assign(Object.create({ p: 1 }, ${dataX}), std))`,
  'proto proxy': `Object.assign(Object.create(tr({ p: 1 }, 'proto.'), ${dataX}), std)`,
  'proxy accessor': `tr(Object.defineProperty(Object.assign({}, std), 'x', { get() { log.push('getter x'); return 1; }, set(v) { log.push('setter x'); }, enumerable: true, configurable: true }))`,
  'plain accessor': `Object.defineProperty(Object.assign({}, std), 'x', { get() { log.push('getter x'); return 1; }, set(v) { log.push('setter x'); }, enumerable: true, configurable: true })`,
  'proxy readonly': `tr(Object.defineProperty(Object.assign({}, std), 'x', { value: 1, writable: false, enumerable: true, configurable: false }))`,
  'proxy frozen': `tr(Object.freeze(Object.assign({ x: 1 }, std)))`,
};
const codes = [
  'x', 'y', 'p', 'typeof x', 'typeof y', 'typeof p', 'x = 2', 'y = 2', 'p = 2', '"use strict"; x = 2', '"use strict"; y = 2',
  'var v = 1', 'var x', 'var x = 3', 'var p', 'var v = 1; v', 'function f() {}', 'function x() {}', 'function f() {} f', 'let l = 1', 'class K {}', 'let x = 4', 'const c = 1; c',
  'delete x', 'delete y', 'delete p', 'delete this.x', 'delete this.y', '"x" in this', '"y" in this', '"p" in this',
  'this.x', 'this.y', 'this.p', 'this.x = 5', 'this.y = 5', 'x++', 'x += 1',
  'Object.keys(this).filter(k => k.length === 1)', 'Object.getOwnPropertyNames(this).filter(k => k.length === 1)',
  '({}).constructor.keys(this).filter(k => k.length === 1)', '({}).constructor.entries(this).filter(e => e[0].length === 1).join()',
  'const r = []; for (const k in this) if (k.length === 1) r.push(k); r', 'Reflect.ownKeys(this).filter(k => k.length === 1)',
  'JSON.stringify(Object.getOwnPropertyDescriptor(this, "x"))', 'JSON.stringify(Object.getOwnPropertyDescriptor(this, "p"))', 'JSON.stringify(Object.getOwnPropertyDescriptor(this, "y"))',
  'Object.defineProperty(this, "x", { value: 3 }); x', 'Object.defineProperty(this, "y", { value: 3 }); y', 'Object.defineProperty(this, "z", { get() { return 9 }, configurable: true }); z',
  'Object.getPrototypeOf(this) === Object.prototype', 'Object.isExtensible(this)', 'Object.preventExtensions(this); 1',
  'Object.prototype.hasOwnProperty.call(this, "x")', 'Object.prototype.hasOwnProperty.call(this, "p")', 'Object.prototype.propertyIsEnumerable.call(this, "x")',
  'this.hasOwnProperty("x")', 'this.hasOwnProperty("p")', 'this.propertyIsEnumerable("x")', 'Object.hasOwn(this, "p")', '({}).constructor.hasOwn(this, "p")', '({}).constructor.hasOwn(this, "x")', '({}).constructor.hasOwn(this, "y")',
  'with (this) x', 'this[Symbol.iterator]', 'this[Symbol.for("s")] = 1', 'Object.assign({}, this).x', 'Object.entries(this).filter(e => e[0].length === 1).join()',
];
module.exports = [];
for (const [name, sb] of Object.entries(sandboxes)) {
  for (const code of codes) {
    module.exports.push(`${prelude}
// ${name} / ${code}
const sb = ${sb};
vm.createContext(sb);
log.length = 0;
let out;
try { out = 'ok ' + show(vm.runInContext(${JSON.stringify(code)}, sb, { displayErrors: false })); } catch (e) { out = 'throw ' + (e && e.name); }
return [${JSON.stringify(name + ' / ' + code)}, out, log.join(', ')];`);
  }
}
