// Array methods over holey arrays longer than jsvm's holeyMin (2**16):
// jsvm walks them element to element (internal/engine/holes.go). The
// result is an expression; node's is in holey.node, recorded with
//   node -e "process.stdout.write(String(require('vm').runInNewContext(require('fs').readFileSync('testdata/holey.js', 'utf8'))) + '\n')" > testdata/holey.node
const N = 2**17;
function mk(...pairs) { const a = []; a.length = N; for (let i = 0; i < pairs.length; i += 2) a[pairs[i]] = pairs[i+1]; return a; }
const show = v => { try { if (Array.isArray(v)) return 'A' + v.length + ':' + JSON.stringify(Object.entries(v).slice(0, 8)); return typeof v + ':' + String(v); } catch (e) { return 'showerr ' + e.message; } };
const cases = {
  joinBasic: () => mk(3, 'a', 70000, 'b').join('').length,
  joinSep: () => mk(3, 'a', 70000, 'b').join('-').slice(0, 8),
  joinDefault: () => mk(0, 1, N-1, 2).join().length,
  joinNull: () => mk(0, null, 5, undefined, 9, 'z').join('').length,
  joinProtoIdx: () => { Array.prototype[100] = 'P'; try { return mk(5, 'a').join(''); } finally { delete Array.prototype[100]; } },
  joinObjProtoIdx: () => { Object.prototype[200] = 'O'; try { return mk(5, 'a').join(''); } finally { delete Object.prototype[200]; } },
  joinGetterAdds: () => { const a = mk(); Object.defineProperty(a, 10, { get() { a[20] = 'late'; return 'g'; }, configurable: true }); return a.join(''); },
  joinGetterProto: () => { const a = mk(); Object.defineProperty(a, 10, { get() { Array.prototype[30] = 'p'; return 'g'; }, configurable: true }); try { return a.join(''); } finally { delete Array.prototype[30]; } },
  joinToStringMut: () => { const a = mk(1, { toString() { a[50] = 'x'; a.length = 60; return 'T'; } }); return a.join('').length + a.join(''); },
  joinCycle: () => { const a = mk(); a[3] = a; a[5] = 'q'; return a.join(''); },
  joinCycleNested: () => { const a = mk(); a[3] = [1, a, 2]; return a.join(''); },
  joinSetProtoProxy: () => { const a = mk(1, { toString() { Object.setPrototypeOf(a, new Proxy([], { get(t, k) { return k === '70' ? 'PX' : Reflect.get(t, k); } })); return 't'; } }); return a.join(''); },
  joinThrow: () => { try { mk(4, { toString() { throw new Error('boom'); } }).join(''); } catch (e) { return e.message; } },
  joinSymbol: () => { try { mk(4, Symbol('s')).join(''); } catch (e) { return e.constructor.name + e.message; } },
  toStr: () => mk(0, 1).toString().length,
  concat1: () => show(mk(5, 'a').concat([1, 2], 3, mk(1, 'b'))),
  concatLen: () => mk(5, 'a').concat([1, , 2]).length,
  concatHoleKept: () => { const r = mk(5, 'a').concat([1, , 2]); return (N+1 in r) + ':' + (N in r); },
  concatSpreadable: () => { const o = { length: 3, 0: 'x', 2: 'z', [Symbol.isConcatSpreadable]: true }; return show(mk(1, 1).concat(o)); },
  concatNotSpreadable: () => { const a = mk(1, 1); a[Symbol.isConcatSpreadable] = false; const r = a.concat(5); return r.length + ':' + (r[0] === a); },
  concatSpecies: () => { class M extends Array {} const a = new M(); a.length = N; a[4] = 4; const r = a.concat([1]); return (r instanceof M) + ':' + r.length + ':' + r[4]; },
  concatSpeciesNull: () => { const a = mk(4, 4); a.constructor = { [Symbol.species]: null }; const r = a.concat([1]); return Array.isArray(r) + ':' + r.length; },
  concatSpeciesBad: () => { const a = mk(4, 4); a.constructor = { [Symbol.species]: 5 }; try { a.concat([1]); } catch (e) { return e.constructor.name; } },
  concatProxyArg: () => { const p = new Proxy([7, 8], {}); return show(mk(0, 1).concat(p)).slice(0, 40); },
  concatRevoked: () => { const { proxy, revoke } = Proxy.revocable([], {}); revoke(); try { mk(0, 1).concat(proxy); } catch (e) { return e.constructor.name; } },
  concatGetter: () => { const a = mk(); let n = 0; Object.defineProperty(a, 9, { get() { n++; return 'g'; }, enumerable: true, configurable: true }); const r = a.concat(); return n + ':' + r[9]; },
  concatTooLong: () => { try { const a = []; a.length = 2**32 - 1; a[5] = 1; a.concat([1]); } catch (e) { return e.constructor.name + ':' + e.message; } },
  concatTooLongScalar: () => { try { const a = []; a.length = 2**32 - 1; a[5] = 1; a.concat(1); } catch (e) { return e.constructor.name + ':' + e.message; } },
  indexOf: () => [mk(7, 'x', 90000, 'y').indexOf('y'), mk(7, 'x').indexOf('x', 8), mk(7, 'x').indexOf('x', -N), mk(7, 'x').indexOf('x', -1), mk(7, NaN).indexOf(NaN), mk(7, -0).indexOf(0), mk(7, 1).indexOf(1, Infinity), mk(7,1).indexOf(1, -Infinity)].join(),
  indexOfUndef: () => [mk(7, undefined).indexOf(undefined), mk().indexOf(undefined)].join(),
  indexOfProto: () => { Array.prototype[40] = 'P'; try { return mk().indexOf('P'); } finally { delete Array.prototype[40]; } },
  indexOfFromValueOf: () => { const a = mk(7, 'x'); return a.indexOf('y', { valueOf() { a[9] = 'y'; return 0; } }); },
  indexOfGetterAdds: () => { const a = mk(); Object.defineProperty(a, 10, { get() { a[80000] = 'z'; return 1; }, configurable: true }); return a.indexOf('z'); },
  lastIndexOf: () => [mk(7, 'x', 90000, 'x').lastIndexOf('x'), mk(7, 'x', 90000, 'x').lastIndexOf('x', 9000), mk(7, 'x').lastIndexOf('x', -N), mk(7, 'x').lastIndexOf('x', -N-1), mk(7, 'x').lastIndexOf('x', undefined), mk(N-1, 3).lastIndexOf(3, Infinity), mk(7,1).lastIndexOf(1,-Infinity)].join(),
  includes: () => [mk(7, 'x').includes('x'), mk(7, 'x').includes(undefined), mk(7, NaN).includes(NaN), mk(7, 'x').includes('x', 8), mk(7,'x').includes(undefined, N - 1), mk(N - 1, 'x').includes(undefined, N - 1)].join(),
  includesProto: () => { Object.prototype[300] = 'O'; try { return mk().includes('O'); } finally { delete Object.prototype[300]; } },
  reverse: () => { const a = mk(0, 'a', 3, 'b', N - 1, 'c'); const r = a.reverse(); return (r === a) + ':' + JSON.stringify(Object.entries(a)); },
  reverseOdd: () => { const a = []; a.length = N + 1; a[N / 2] = 'm'; a[1] = 'x'; a.reverse(); return JSON.stringify(Object.entries(a)); },
  reverseFrozenish: () => { const a = mk(2, 'x'); Object.defineProperty(a, 2, { value: 'x', writable: false, configurable: false }); try { a.reverse(); } catch (e) { return e.constructor.name; } },
  reverseProto: () => { Array.prototype[5] = 'P'; try { const a = mk(0, 'a'); a.reverse(); return JSON.stringify(Object.entries(a)); } finally { delete Array.prototype[5]; } },
  flat: () => show(mk(3, [1, [2, [3]]], 9, 'z').flat()),
  flatDepth: () => show(mk(3, [1, [2, [3]]]).flat(Infinity)),
  flatUndef: () => show(mk(3, [1, [2, [3]]]).flat(undefined)),
  flat0: () => show(mk(3, [1, [2]]).flat(0)),
  flatHolesInner: () => show(mk(3, [1, , 3]).flat()),
  flatProxyInner: () => show(mk(3, new Proxy([1, 2], {})).flat()),
  flatSpecies: () => { class M extends Array {} const a = new M(); a.length = N; a[4] = [4]; return a.flat() instanceof M; },
  forEach: () => { const seen = []; mk(4, 'a', 99999, 'b').forEach(function (v, i, arr) { seen.push(v, i, arr.length, this.t); }, { t: 'T' }); return seen.join(); },
  forEachBadCb: () => { try { mk(1, 1).forEach(5); } catch (e) { return e.constructor.name + ':' + e.message; } },
  forEachDelete: () => { const a = mk(1, 'a', 2, 'b', 3, 'c'); const s = []; a.forEach((v, i) => { s.push(v); delete a[i + 1]; }); return s.join(); },
  forEachAppend: () => { const a = mk(1, 'a'); const s = []; a.forEach((v, i) => { s.push(v); if (i < 100) a[i + 50] = 'n' + i; }); return s.length; },
  some: () => [mk(4, 1).some(x => x === 1), mk(4, 1).some(x => x === 2)].join(),
  every: () => [mk(4, 1).every(x => x === 1), mk(4, 1).every(x => x === 2)].join(),
  filter: () => show(mk(4, 1, 6, 2, 8, 3).filter(x => x > 1)),
  reduce: () => mk(4, 1, 6, 2, 8, 3).reduce((a, b) => a + ',' + b),
  reduceInit: () => mk(4, 1, 6, 2).reduce((a, b, i) => a + ',' + b + '@' + i, 'I'),
  reduceEmpty: () => { try { mk().reduce((a, b) => a); } catch (e) { return e.constructor.name + ':' + e.message; } },
  reduceRight: () => mk(4, 1, 6, 2, 8, 3).reduceRight((a, b, i) => a + ',' + b + '@' + i),
  reduceRightEmpty: () => { try { mk().reduceRight((a, b) => a); } catch (e) { return e.constructor.name + ':' + e.message; } },
  reduceRightInitUndef: () => String(mk(4, 1).reduceRight((a, b) => a + b, undefined)),
  fnProps: () => ['join', 'concat', 'indexOf', 'lastIndexOf', 'includes', 'reverse', 'flat', 'forEach', 'some', 'every', 'filter', 'reduce', 'reduceRight'].map(n => Array.prototype[n].name + Array.prototype[n].length).join(),
  sparseDense: () => { const a = []; for (let i = 0; i < 1000; i++) a[i * 200] = i; return [a.indexOf(999), a.lastIndexOf(3), a.includes(500), a.join('').length, a.concat().length, a.flat().length].join(); },
  nonArrayLike: () => Array.prototype.indexOf.call({ length: 5, 3: 'x' }, 'x'),
};
const out = [];
for (const [k, f] of Object.entries(cases)) {
  let r; try { r = show(f()); } catch (e) { r = 'THROW ' + (e && e.constructor && e.constructor.name) + ': ' + (e && e.message); }
  out.push(k + ' => ' + r);
}
out.join('\n');
