// Realms (issue #13): Buffers and typed arrays crossing contexts keep
// their realm's prototype (V8's same-object semantics), their bytes
// shared; brand-checking methods accept another realm's objects.
//   UPDATE_SNAPSHOTS=1 go test ./node/vm -run TestRealmCases
const vm = require('vm');
const { Buffer } = require('buffer');
const ctx = vm.createContext({ Buffer });
const lines = [];
const run = (f) => { try { lines.push(String(f())); } catch (e) { lines.push(`throw ${e.name} ${e.message}`); } };
run(() => vm.runInContext("Buffer.from('hi').toString('hex')", ctx));
run(() => vm.runInContext("typeof Buffer.from('hi').readUInt8 + ' ' + Buffer.from('hi').readUInt8(1)", ctx));
run(() => vm.runInContext("const b = Buffer.alloc(3); b.writeUInt16BE(0x1234, 1); [b.length, b[1], b[2], Buffer.isBuffer(b), b instanceof Uint8Array].join()", ctx));
run(() => { const t = vm.runInContext('new Float64Array([1.5, 2])', ctx); return [t instanceof Float64Array, ArrayBuffer.isView(t), t.length, t[0], Object.prototype.toString.call(t)].join(); });
run(() => { const u = new Uint8Array(4); vm.runInContext('u => { u[2] = 9 }', ctx)(u); return [u.join(), vm.runInContext('u => u instanceof Uint8Array', ctx)(u)].join(' '); });
run(() => vm.runInContext('b => b.toString("base64") + " " + b.length', ctx)(Buffer.from('abc')));
run(() => Buffer.from(vm.runInContext('new Uint8Array([104, 105])', ctx)).toString());
run(() => { const ab = vm.runInContext('new ArrayBuffer(8)', ctx); return [ab instanceof ArrayBuffer, ab.byteLength, new Uint8Array(ab).length, ab.slice(2).byteLength].join(); });
run(() => vm.runInContext('(m) => [Map.prototype.get.call(m, 1), Map.prototype.has.call(m, 2), m.size].join()', ctx)(new Map([[1, 'one']])));
run(() => { const d = vm.runInContext('new Date(0)', ctx); return [Date.prototype.getTime.call(d), d instanceof Date, Object.prototype.toString.call(d), JSON.stringify(d)].join(); });
run(() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return vm.runInContext('(p) => { try { p.x } catch (e) { return [e instanceof TypeError, e.message].join() } }', ctx)(proxy); });
run(() => { const e = vm.runInContext('new RangeError("r")', ctx); return [Object.prototype.toString.call(e), e instanceof Error, String(e)].join(); });
run(() => Buffer.concat([Buffer.from('a'), vm.runInContext('new Uint8Array([104, 105])', ctx)]).toString());
run(() => Buffer.from(vm.runInContext('new Uint8Array([104, 105]).buffer', ctx)).toString());
run(() => vm.runInContext('Buffer.concat([Buffer.from("x"), new Uint8Array([121])]).toString()', ctx));
run(() => Map.prototype.get.call(vm.runInNewContext('delete Map.prototype.get; new Map([[1, 2]])'), 1));
run(() => vm.runInContext('try { Error.captureStackTrace(new Proxy({}, {})) } catch (e) { [e instanceof TypeError, e.message].join() }', ctx));
run(() => { try { Set.prototype.forEach.call(vm.runInContext('new Set([1])', ctx), () => { throw new RangeError('cb') }) } catch (e) { return [e instanceof RangeError, e.message].join() } });
run(() => vm.runInContext('(m) => { try { Map.prototype.get.call(m, 1) } catch (e) { return [e instanceof TypeError, e.message].join() } }', ctx)(new Set()));
run(() => vm.runInNewContext("JSON.stringify([Symbol.for.name, Object.getOwnPropertyDescriptor(Symbol.for, 'name'), Object.getOwnPropertyDescriptor(Symbol.keyFor, 'length'), Object.keys(Symbol.for).length])"));
for (const [i, l] of lines.entries()) console.log(`${i}: ${l}`);
