// Issue #13: resizable ArrayBuffers (new ArrayBuffer(n, { maxByteLength }),
// resize, resizable, maxByteLength), length-tracking and out-of-bounds
// typed arrays and DataViews, in a new context and in the main realm; then
// cross-realm use, Proxy receivers, wrong types, huge sizes, detached
// buffers and resizes from inside builtins' callbacks (main realm).
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestResizableCases
const vm = require('vm');
const code = String.raw`
var out = [];
function t(f) { try { out.push(JSON.stringify(f())); } catch (e) { out.push('throw ' + (e instanceof Error ? e.name + ': ' + e.message : String(e))); } }
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); return [b.byteLength, b.resizable, b.maxByteLength, new ArrayBuffer(3).resizable, new ArrayBuffer(3).maxByteLength]; });
t(() => new ArrayBuffer(8, { maxByteLength: 4 }));
t(() => new ArrayBuffer(8, { maxByteLength: -1 }));
t(() => new ArrayBuffer(8, { maxByteLength: 2**53 }));
t(() => new ArrayBuffer(0, { maxByteLength: 2**40 }).maxByteLength);
t(() => new ArrayBuffer(0, { maxByteLength: 2**33 }).maxByteLength);
t(() => new ArrayBuffer(8, { maxByteLength: undefined }).resizable);
t(() => new ArrayBuffer(8, { get maxByteLength() { throw new Error('mbl'); } }));
t(() => new ArrayBuffer(8, 5).resizable);
t(() => new ArrayBuffer(8, { maxByteLength: '12' }).maxByteLength);
t(() => { var log = []; new ArrayBuffer({ valueOf() { log.push('len'); return 1; } }, { get maxByteLength() { log.push('get'); return { valueOf() { log.push('mbl'); return 2; } }; } }); return log; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b); u.set([1,2,3,4]); b.resize(8); var r1 = [u.length, Array.from(u)]; b.resize(2); var r2 = [u.length, Array.from(u)]; b.resize(6); return [r1, r2, u.length, Array.from(u), b.byteLength]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var f = new Uint8Array(b, 2, 4); var r = [f.length, f.byteOffset, f.byteLength]; b.resize(5); var r2 = [f.length, f.byteOffset, f.byteLength, f[0], 0 in f, Object.keys(f)]; b.resize(6); return [r, r2, f.length, f.byteOffset]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var f = new Uint16Array(b, 4); b.resize(3); return [f.length, f.byteOffset, f.byteLength, f[0]]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var f = new Uint16Array(b, 4); b.resize(3); return f.fill(1); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var f = new Uint16Array(b, 4); b.resize(3); return [...f]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var f = new Uint16Array(b, 4, 2); b.resize(7); return f.slice(); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var f = new Uint16Array(b, 4, 2); b.resize(7); f[0] = 5; return f[0]; });
t(() => { var b = new ArrayBuffer(7, { maxByteLength: 16 }); var f = new Uint16Array(b); return [f.length]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var f = new Uint16Array(b); b.resize(7); return [f.length, f.byteLength]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); b.resize(17); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); b.resize(-1); });
t(() => { var b = new ArrayBuffer(8); b.resize(4); });
t(() => ArrayBuffer.prototype.resize.call({}, 4));
t(() => Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'resizable').get.call(1));
t(() => Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'maxByteLength').get.call({}));
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var r = b.resize({ valueOf() { return 3; } }); return [r, b.byteLength]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); b.resize(); return b.byteLength; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); new Uint8Array(b).fill(9); b.resize(2); b.resize(8); return Array.from(new Uint8Array(b)); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var d = new DataView(b); var d2 = new DataView(b, 2, 4); b.resize(12); var r = [d.byteLength, d2.byteLength, d.getUint8(11)]; b.resize(4); return [r, d.byteLength, d2.byteOffset]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var d2 = new DataView(b, 2, 4); b.resize(4); return d2.byteLength; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var d2 = new DataView(b, 2, 4); b.resize(4); return d2.getUint8(0); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var d = new DataView(b); b.resize(4); return d.getUint32(1); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var d = new DataView(b, 6); b.resize(4); return d.byteOffset; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var s = b.slice(2); return [s.byteLength, s.resizable, s.maxByteLength]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var u = new Uint8Array(b); var s = u.subarray(2); b.resize(12); var s2 = u.subarray(2, 4); b.resize(3); return [u.length, s.length, s2.length]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var u = new Uint8Array(b); b.resize(12); return [ArrayBuffer.isView(u), u.buffer === b, Object.prototype.toString.call(b)]; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b); var i = 0; var r = u.map(x => { if (i++ == 0) b.resize(1); return 1; }); return [r.length, u.length]; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b); u.set([1, 2, 3, 4]); var n = 0; u.sort(() => { if (!n++) b.resize(1); return 0; }); return [u.length, Array.from(u)]; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b); u.set({ length: 4, get 0() { b.resize(0); return 1; }, 1: 2, 2: 3, 3: 4 }); b.resize(4); return Array.from(u); });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b); u.fill({ valueOf() { b.resize(2); return 7; } }); b.resize(4); return Array.from(u); });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b, 0, 4); b.resize(2); return [u.length, u.byteLength, u.at(0), u.includes(undefined)]; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b, 0, 4); b.resize(2); return u.join(); });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b); b.resize(0); return [u.length, u.join(), u.byteOffset]; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b, 4); b.resize(3); return [u.length, u.byteOffset]; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b, 4); b.resize(3); return u.join(); });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); new Uint8Array(b, 5); });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); new Uint8Array(b, 2, 4); });
t(() => [ArrayBuffer.prototype.resize.length, ArrayBuffer.prototype.resize.name, Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'resizable').get.name, Object.getOwnPropertyNames(ArrayBuffer.prototype).join()]);
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); return structuredClone(b).resizable; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b); var c = new Uint8Array(u); b.resize(8); return [c.length, c.buffer.resizable]; });
t(() => { class B extends ArrayBuffer {}; var b = new B(4, { maxByteLength: 8 }); b.resize(8); return [b instanceof B, b.byteLength, b.resizable]; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); return Reflect.construct(Uint8Array, [b], Object).length; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b); b.resize(16); u[15] = 3; b.resize(4); b.resize(16); return u[15]; });
t(() => { var s = new SharedArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(s); s.grow(8); return [s.byteLength, u.length, s.growable, s.maxByteLength]; });
t(() => { var s = new SharedArrayBuffer(4, { maxByteLength: 16 }); s.grow(2); });
t(() => { var s = new SharedArrayBuffer(4, { maxByteLength: 16 }); s.grow(17); });
t(() => ArrayBuffer.prototype.resize.call(new SharedArrayBuffer(4, { maxByteLength: 16 }), 8));
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); return [typeof b.transfer, typeof b.detached, typeof ArrayBuffer.prototype.transferToFixedLength]; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var p = new Proxy(b, {}); return ArrayBuffer.prototype.resize.call(p, 2); });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(b); b.resize(8); return [Atomics.add(new Int32Array(b), 1, 2), Atomics.load(new Int32Array(b), 1)]; });
out.join('\n');
`;
console.log(vm.runInNewContext(code, { structuredClone }));
console.log((0, eval)(code));
var out = [];
function t(f) { try { out.push(JSON.stringify(f())); } catch (e) { out.push('throw ' + (e instanceof Error ? e.name + ': ' + e.message : String(e))); } }
// cross-realm
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 64 }); var r = vm.runInNewContext('var u = new Uint8Array(b); var f = new Uint8Array(b, 0, 2); b.resize(10); u[9] = 5; [u.length, b.byteLength, b.resizable, b.maxByteLength, f.length]', { b }); return [r, b.byteLength, new Uint8Array(b)[9]]; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 64 }); var u = new Uint8Array(b); var ctx = vm.createContext({ u, b }); vm.runInContext('b.resize(32)', ctx); return [u.length, b.byteLength, vm.runInContext('u.length', ctx)]; });
t(() => { var ctx = vm.createContext({}); var b = vm.runInContext('var b = new ArrayBuffer(4, { maxByteLength: 64 }); var u = new Uint8Array(b); b', ctx); b.resize(40); new Uint8Array(b)[39] = 1; return [b.resizable, vm.runInContext('[u.length, u[39], b.byteLength]', ctx)]; });
t(() => { var ctx = vm.createContext({}); var b = vm.runInContext('new ArrayBuffer(4, { maxByteLength: 64 })', ctx); return ArrayBuffer.prototype.resize.call(b, 8); });
t(() => { var ctx = vm.createContext({}); var rz = vm.runInContext('ArrayBuffer.prototype.resize', ctx); var b = new ArrayBuffer(4, { maxByteLength: 8 }); rz.call(b, 8); return b.byteLength; });
t(() => { var ctx = vm.createContext({}); var u = vm.runInContext('var b = new ArrayBuffer(8, { maxByteLength: 64 }); new Uint16Array(b, 2)', ctx); vm.runInContext('b.resize(1)', ctx); return [u.length, u.byteOffset, u[0]]; });
t(() => { var ctx = vm.createContext({}); var u = vm.runInContext('var b = new ArrayBuffer(8, { maxByteLength: 64 }); new Uint16Array(b, 2)', ctx); vm.runInContext('b.resize(1)', ctx); return u.fill(1); });
// Proxy receivers / wrong types
t(() => ArrayBuffer.prototype.resize.call(new Proxy(new ArrayBuffer(1, { maxByteLength: 4 }), {}), 2));
t(() => Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'resizable').get.call(new Proxy(new ArrayBuffer(1), {})));
t(() => new ArrayBuffer(1, new Proxy({}, { get(t, k) { return k === 'maxByteLength' ? 3 : undefined; } })).maxByteLength);
t(() => new ArrayBuffer(1, { maxByteLength: Symbol() }));
t(() => new ArrayBuffer(1, { maxByteLength: 2n }));
t(() => new ArrayBuffer(1, { maxByteLength: NaN }).maxByteLength);
t(() => new ArrayBuffer(0, { maxByteLength: 2**32 }).resize(2**32 + 1));
t(() => { var b = new ArrayBuffer(0, { maxByteLength: 2**32 }); b.resize(1e20); });
t(() => { var b = new ArrayBuffer(0, { maxByteLength: 2**32 }); b.resize(Infinity); });
t(() => { var b = new ArrayBuffer(0, { maxByteLength: 2**32 }); b.resize(-0.5); return b.byteLength; });
t(() => { var b = new ArrayBuffer(2, { maxByteLength: 8 }); b.resize({ valueOf() { throw new Error('v'); } }); });
t(() => { var b = new ArrayBuffer(2, { maxByteLength: 8 }); b.resize({ valueOf() { b.resize(8); return 1; } }); return b.byteLength; });
// detached
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 8 }); var u = new Uint8Array(b); structuredClone(b, { transfer: [b] }); return [b.byteLength, u.length, b.resizable, b.maxByteLength]; });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 8 }); structuredClone(b, { transfer: [b] }); b.resize(2); });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 8 }); var c = structuredClone(b, { transfer: [b] }); return [c.byteLength, c.resizable]; });
// views over a resized buffer in natives
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var u = new Uint8Array(b); u.set([1,2,3,4,5,6,7,8]); var r = u.filter((x, i) => { if (i == 2) b.resize(1); return true; }); return [Array.from(r), u.length]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var u = new Uint8Array(b); u.set([1,2,3,4,5,6,7,8]); u.copyWithin(0, { valueOf() { b.resize(2); return 4; } }); return Array.from(u); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var u = new Uint8Array(b); u.set([1,2,3,4,5,6,7,8]); return Array.from(u.subarray(1, { valueOf() { b.resize(2); return 6; } })); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var d = new DataView(b); d.setFloat64(0, 1.5); d.setUint32({ valueOf() { b.resize(2); return 0; } }, 1); return d.byteLength; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 2048 }); var u = new Uint8Array(b); u.set([1,2,3,4,5,6,7,8]); u.fill(1, { valueOf() { b.resize(2048); return 0; } }); return [u.length, u[2047], u[7]]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 2048 }); var u = new Uint8Array(b); var r = []; for (let i = 0; i < 200; i++) { b.resize(i * 10); r.push(u.length); } return r.reduce((a, b) => a + b); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 2048 }); var u = new Float64Array(b); u[0] = 1.25; b.resize(2048); b.resize(7); b.resize(8); return [u[0], new Uint8Array(b).join()]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 2048 }); var u = new Uint8Array(b, 4); b.resize(2); var s = u.subarray(0); return s.length; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 2048 }); var u = new Uint8Array(b); delete Uint8Array.prototype.constructor; try { var s = u.subarray(2); b.resize(4); return [s.length, u.length]; } finally { Uint8Array.prototype.constructor = Uint8Array; } });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var u = new Uint8Array(b); return [Buffer.from(b).length, (b.resize(12), Buffer.from(b).length)]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var u = new Uint8Array(b); b.resize(0); return [u.length, JSON.stringify(u), Object.keys(u).length, u.toString()]; });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var t8 = new Uint8Array(b); new Uint8Array(4).set(t8.subarray(0, 4)); b.resize(2); return new Uint8Array(4).set(new Uint8Array(b, 0, 2)); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var t8 = new Uint8Array(b, 4, 4); b.resize(2); return new Uint8Array(8).set(t8); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var t8 = new Uint8Array(b, 4, 4); b.resize(2); return new Uint8Array(t8); });
t(() => { var b = new ArrayBuffer(8, { maxByteLength: 16 }); var t8 = new Uint8Array(b, 4, 4); b.resize(2); return Atomics.load(t8, 0); });
t(() => { var b = new ArrayBuffer(4, { maxByteLength: 64 }); var u = new Uint8Array(b); var f = new Uint8Array(b, 0, 2); var ctx = vm.createContext({ u, f }); var r = [vm.runInContext('[u.length, f.length]', ctx)]; b.resize(32); r.push(vm.runInContext('[u.length, f.length, u.buffer.byteLength, u.buffer.resizable, u.buffer === f.buffer]', ctx)); b.resize(1); r.push(vm.runInContext('[u.length, f.length, f.byteOffset]', ctx)); return r; });
t(() => { var ctx = vm.createContext({}); var d = vm.runInContext('var b = new ArrayBuffer(8, { maxByteLength: 64 }); new DataView(b, 2)', ctx); vm.runInContext('b.resize(40)', ctx); return [d.byteLength, d.setUint8(37, 1), vm.runInContext('new Uint8Array(b)[39]', ctx)]; });
t(() => { var s = new SharedArrayBuffer(4, { maxByteLength: 16 }); var u = new Uint8Array(s); var f = new Uint8Array(s, 0, 2); u[3] = 9; s.grow(8); u[7] = 1; s.grow(8); return [s.byteLength, u.length, f.length, u[3], u[7], s.growable, s.maxByteLength, new DataView(s).byteLength]; });
t(() => { var s = new SharedArrayBuffer(4, { maxByteLength: 16 }); s.grow(2); });
t(() => { var s = new SharedArrayBuffer(4, { maxByteLength: 16 }); s.grow(17); });
t(() => { var s = new SharedArrayBuffer(4); s.grow(4); });
t(() => { var s = new SharedArrayBuffer(4, { maxByteLength: 16 }); s.grow(16); return [s.slice(10).byteLength, s.slice(-2).byteLength, Atomics.add(new Int32Array(s), 3, 5), Atomics.load(new Int32Array(s), 3)]; });
t(() => { var s = new SharedArrayBuffer(4, { maxByteLength: 16 }); var d = new DataView(s, 2); s.grow(12); d.setUint32(6, 0x01020304); return [d.byteLength, new Uint8Array(s)[11]]; });
t(() => { var s = new SharedArrayBuffer(4, { maxByteLength: 16 }); s.grow(10); var c = structuredClone(s); c.grow(12); return [c.byteLength, s.byteLength, c.growable]; });
t(() => Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'growable').get.call(new ArrayBuffer(1)));
t(() => SharedArrayBuffer.prototype.grow.call(new ArrayBuffer(1, { maxByteLength: 4 }), 2));
t(() => new SharedArrayBuffer(0, { maxByteLength: 2 ** 33 }));
t(() => { var s = new SharedArrayBuffer(0, { maxByteLength: 64 }); var u = new Uint8Array(s); s.grow({ valueOf() { return 40; } }); return [u.length, s.byteLength]; });
console.log(out.join('\n'));
