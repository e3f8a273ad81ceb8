// instanceof with classes that extend Error (the global Error is a
// Proxy in jsvm): each subclass answers by its own prototype
class A extends Error {}
class B extends Error { constructor() { super('b'); this.name = 'B'; } }
class C extends TypeError {}
class D extends A {}
const a = new A(), b = new B(), c = new C(), d = new D();
console.log(b instanceof A, a instanceof B, a instanceof A, b instanceof B);
console.log(a instanceof Error, c instanceof Error, c instanceof TypeError, c instanceof A);
console.log(d instanceof A, d instanceof D, a instanceof D, d instanceof Error);
console.log({} instanceof A, Error[Symbol.hasInstance].call(A, b), Error[Symbol.hasInstance].call(A, d));
console.log(Object.create(A.prototype) instanceof A, A[Symbol.hasInstance](a), Error[Symbol.hasInstance](b));
