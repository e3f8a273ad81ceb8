// Class fields whose arrows use `this`, in a CommonJS module (a function
// called with five arguments: sobek read `this` from the wrong stack slot
// there, engine/fieldthis.go), in nested functions of three or more
// arguments, in vm contexts and compileFunction bodies.
class H {
  #p = 1;
  x = () => this.#p;
  static s = () => this.name;
  y = function () { return this; };
  z = { a: () => this.#p + 1 };
  w = this;
  q = () => () => [this.#p, typeof this];
  'k-1' = () => this;
  #m = () => this;
  get m() { return this.#m; }
  n = class { v = () => this; };
  c = class Named {};
}
function run(a, b, c, d, e) {
  const h = new H();
  return [h.x(), H.s(), h.y() === h, h.z.a(), h.w === h, h.q()().join(), h['k-1']() === h, h.m() === h,
    new h.n().v() instanceof h.n, h.x.name, H.s.name, h.y.name, h['k-1'].name, h.m.name, h.n.name, h.q.name,
    h.c.name, String(h.q), Object.keys(h).join()];
}
console.log(run(1, 2, 3, 4, 5));
class B { hi() { return 'b'; } }
class D extends B { g = () => this instanceof D; k = this.hi(); }
console.log((function (a, b, c) { const d = new D(); return [d.g(), d.k]; })(1, 2, 3));
class C { constructor(a, b, c) { this.sum = a + b + c; } f = () => this.sum; }
console.log(new C(1, 2, 3).f(), new C(1, 2, 3, 4, 5).f());
const vm = require('vm');
console.log(vm.runInNewContext('(function(a,b,c){ class Q { x = () => this }; const q = new Q(); return q.x() === q })(1,2,3)'));
console.log(vm.compileFunction('class Q { x = () => this; static y = () => this }; const q = new Q(); return [q.x() === q, Q.y() === Q]', ['a', 'b', 'c'])(1, 2, 3));
try {
  (function (a, b, c) { class E { x = () => this.nope.deeper; } new E().x(); })(1, 2, 3);
} catch (e) {
  console.log(e.message, e.stack.split('\n')[1].replace(/.*\//, ''));
}
