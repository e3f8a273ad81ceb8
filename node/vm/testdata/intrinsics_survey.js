// The shape of every intrinsic reachable from a realm's global and of the
// hidden ones (%TypedArray%, %GeneratorFunction%, ...): for each object,
// its prototype and extensibility, then each own property (sorted) with
// its kind, typeof, function length and name, and attributes. Run as a
// script's completion value (in a context, or by indirect eval in the
// main realm); node's output is the oracle (gen_intrinsics.js).
// Enumerates the shape of every intrinsic reachable from the global.
(function () {
'use strict';
const seen = new Map();
const out = [];
const skipGlobals = new Set(['process','Buffer','global','console','require','module','exports','__filename','__dirname',
 'setTimeout','setInterval','clearTimeout','clearInterval','setImmediate','clearImmediate','queueMicrotask',
 'URL','URLSearchParams','TextEncoder','TextDecoder','AbortController','AbortSignal','EventTarget','Event',
 'MessageChannel','MessagePort','MessageEvent','Blob','BroadcastChannel','DOMException','performance','fetch','Headers','Request','Response','FormData','crypto','Crypto','CryptoKey','SubtleCrypto','CustomEvent','File','navigator','Navigator','PerformanceEntry','PerformanceMark','PerformanceMeasure','PerformanceObserver','PerformanceObserverEntryList','PerformanceResourceTiming','ReadableStream','ReadableStreamDefaultReader','ReadableStreamBYOBReader','ReadableStreamBYOBRequest','ReadableByteStreamController','ReadableStreamDefaultController','TransformStream','TransformStreamDefaultController','WritableStream','WritableStreamDefaultWriter','WritableStreamDefaultController','ByteLengthQueuingStrategy','CountQueuingStrategy','TextEncoderStream','TextDecoderStream','CompressionStream','DecompressionStream','WebSocket','EventSource','structuredClone','atob','btoa','WebAssembly','Intl','Performance','PerformanceTiming','gc','_','_error']);
function keyName(k) { return typeof k === 'symbol' ? `[${k.description}]` : k; }
function descStr(d) {
  if ('value' in d) {
    const v = d.value;
    let t = typeof v;
    let extra = '';
    if (t === 'function') extra = ` len=${v.length} name=${JSON.stringify(v.name)}`;
    else if (t === 'number' || t === 'boolean' || t === 'undefined') extra = ' ' + String(v);
    else if (t === 'string') extra = ' ' + JSON.stringify(v.length > 40 ? v.slice(0, 40) : v);
    else if (t === 'symbol') extra = ' ' + String(v);
    return `data ${t}${extra} ${d.writable ? 'w' : '-'}${d.enumerable ? 'e' : '-'}${d.configurable ? 'c' : '-'}`;
  }
  const g = d.get ? `get(len=${d.get.length} name=${JSON.stringify(d.get.name)})` : 'noget';
  const s = d.set ? `set(len=${d.set.length} name=${JSON.stringify(d.set.name)})` : 'noset';
  return `accessor ${g} ${s} ${d.enumerable ? 'e' : '-'}${d.configurable ? 'c' : '-'}`;
}
const queue = [];
function enqueue(path, o) {
  if (o === null || (typeof o !== 'object' && typeof o !== 'function')) return;
  if (seen.has(o)) return;
  seen.set(o, path);
  queue.push([path, o]);
}
function visit(path, o) {
  let keys;
  try { keys = Reflect.ownKeys(o); } catch (e) { out.push(`${path} !ownKeys ${e}`); return; }
  const proto = Object.getPrototypeOf(o);
  if (proto && !seen.has(proto)) enqueue(`${path}.[[Prototype]]`, proto);
  out.push(`${path} [[Prototype]]=${proto === null ? 'null' : seen.get(proto)} ext=${Object.isExtensible(o)} typeof=${typeof o}`);
  const rows = [];
  for (const k of keys) rows.push([keyName(k), Reflect.getOwnPropertyDescriptor(o, k)]);
  rows.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  for (const [k, d] of rows) {
    if (path === 'globalThis' && skipGlobals.has(k)) continue;
    if (typeof o === 'function' && (k === 'caller' || k === 'arguments')) { out.push(`${path}.${k} ${d.get ? 'accessor' : 'data'}`); continue; }
    if (typeof o === 'function' && (k === 'length' || k === 'name')) { out.push(`${path}.${k} ${descStr(d)}`); continue; }
    out.push(`${path}.${k} ${descStr(d)}`);
    const sub = (v) => {
      if (typeof v === 'function') {
        const ks = Reflect.ownKeys(v).filter(x => x !== 'length' && x !== 'name');
        if (ks.length === 0 && Object.getPrototypeOf(v) === Function.prototype) return;
      }
      if (k === 'constructor' && path !== 'globalThis') return;
      enqueue(`${path}.${k}`, v);
    };
    if ('value' in d) sub(d.value); else { if (d.get) sub(d.get); if (d.set) sub(d.set); }
  }
}
// seed well-known hidden intrinsics first so paths are stable
const hidden = {
  '%ArrayIteratorPrototype%': Object.getPrototypeOf([][Symbol.iterator]()),
  '%MapIteratorPrototype%': Object.getPrototypeOf(new Map()[Symbol.iterator]()),
  '%SetIteratorPrototype%': Object.getPrototypeOf(new Set()[Symbol.iterator]()),
  '%StringIteratorPrototype%': Object.getPrototypeOf(''[Symbol.iterator]()),
  '%RegExpStringIteratorPrototype%': Object.getPrototypeOf(/a/[Symbol.matchAll]('')),
  '%IteratorPrototype%': Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
  '%GeneratorFunction%': Object.getPrototypeOf(function*(){}).constructor,
  '%AsyncFunction%': Object.getPrototypeOf(async function(){}).constructor,
  '%TypedArray%': Object.getPrototypeOf(Int8Array),
  '%ThrowTypeError%': (function(){ 'use strict'; return Object.getOwnPropertyDescriptor(arguments, 'callee').get; })(),
};
let agf; try { agf = (0, eval)('(async function*(){})'); } catch (e) {}
if (agf) {
  hidden['%AsyncGeneratorFunction%'] = Object.getPrototypeOf(agf).constructor;
  hidden['%AsyncIteratorPrototype%'] = Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(agf())));
}
enqueue('globalThis', globalThis);
for (const k of ['Object','Function','Array','String','Number','Boolean','Symbol','Error','Promise','RegExp','Map','Set','Date','ArrayBuffer','BigInt']) enqueue(k, globalThis[k]), enqueue(k + '.prototype', globalThis[k].prototype);
for (const k of Object.keys(hidden)) enqueue(k, hidden[k]);
for (let i = 0; i < queue.length; i++) visit(queue[i][0], queue[i][1]);
return out.join("\n");
})()
