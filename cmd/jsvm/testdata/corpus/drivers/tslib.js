// tslib: TypeScript's emitted helpers (__awaiter, __generator, __extends, __rest, __decorate...)
const tslib = require('tslib');
function A() { this.a = 1; } A.prototype.hi = function () { return 'hi ' + this.a; };
function B() { A.call(this); this.b = 2; } tslib.__extends(B, A);
console.log(new B().hi(), new B() instanceof A, tslib.__rest({ x: 1, y: 2, z: 3 }, ['x']), tslib.__assign({}, { a: 1 }, { b: 2 }));
const run = () => tslib.__awaiter(void 0, void 0, void 0, function () {
  return tslib.__generator(this, function (_a) {
    switch (_a.label) { case 0: return [4, Promise.resolve(5)]; case 1: return [2, _a.sent() * 2]; }
  });
});
run().then((v) => console.log('awaiter', v));
console.log(tslib.__spreadArray([1], [2, 3], false), tslib.__read(new Set([1, 2]), 1), Object.keys(tslib).length > 20);
const log = [];
const dec = (t, k) => { log.push(k); };
class C { m() {} }
tslib.__decorate([dec], C.prototype, 'm', null);
console.log(log);
