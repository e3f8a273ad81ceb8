// Buffer.from(typed array): one copy, each element as ToUint8 (wide and
// BigInt array's TypeError, an own length that says less or more than the
// array holds, and a large array (copied at once, not element by element).
'use strict';
const t = (name, f) => { try { console.log(name, f()); } catch (e) { console.log(name, 'threw', e.name); } };
t('u16', () => [...Buffer.from(new Uint16Array([256, 257, 65535]))]);
t('f32', () => [...Buffer.from(new Float32Array([1.7, -2, 1e10, NaN]))]);
t('i8', () => [...Buffer.from(new Int8Array([-1, -128, 127]))]);
t('empty bigint', () => [...Buffer.from(new BigInt64Array(0))]);
t('bigint', () => Buffer.from(new BigInt64Array([1n])));
t('subarray', () => Buffer.from(new Uint8Array([1, 2, 3, 4]).subarray(1, 3)));
t('shorter length', () => { const y = new Uint8Array([1, 2, 3]); Object.defineProperty(y, 'length', { value: 2 }); return Buffer.from(y); });
t('longer length', () => { const y = new Uint8Array([1, 2, 3]); Object.defineProperty(y, 'length', { value: 5 }); return Buffer.from(y); });
t('copy is a copy', () => { const u = new Uint8Array([9]); const b = Buffer.from(u); u[0] = 1; return b[0]; });
t('array', () => [...Buffer.from([1, 256, -1, 1.5, 'x'])]);
const big = new Uint8Array(16 * 1024 * 1024);
for (let i = 0; i < big.length; i += 4096) big[i] = i >> 12;
t('16 MiB', () => { const b = Buffer.from(big); return [b.length, b[4096 * 77], b.equals(big)]; });
// ArrayBuffer brand checks ask nothing of the value (no toString run)
t('ab', () => Buffer.from(new ArrayBuffer(3)));
t('proxy ab', () => Buffer.from(new Proxy(new ArrayBuffer(2), {})));
t('fake ab', () => Buffer.from(Object.create(ArrayBuffer.prototype)));
t('toString not run', () => Buffer.from({ length: 1, 0: 7, toString() { console.log('toString ran'); return 'x'; } }));
t('byteLength ab', () => Buffer.byteLength(new ArrayBuffer(5)));
t('equals big', () => { const a = Buffer.alloc(8 << 20, 1); const b = Buffer.alloc(8 << 20, 1); b[b.length - 1] = 2; return [a.equals(b), a.compare(b), Buffer.compare(b, a), a.subarray(0, 9).equals(b.subarray(0, 9))]; });
t('compare ranges', () => { const a = Buffer.from([1, 2, 3, 4, 5]), b = Buffer.from([0, 2, 3, 9]); return [a.compare(b, 1, 3, 1, 3), a.compare(b), a.compare(b, 1, 2, 1, 3), Buffer.compare(new Uint8Array([1, 2, 3]).subarray(1), Buffer.from([2, 3]))]; });
