// Stand-in for Node's test/common/globals.js (cmd/nodetest): the names of
// the globals a test may expect, by where they come from.
'use strict';

// ECMAScript's global names (and V8's), as a fresh V8 context has them
const intrinsics = new Set([
  'Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt',
  'Infinity', 'NaN', 'undefined', 'Boolean', 'String', 'Symbol', 'Date',
  'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError',
  'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'globalThis',
  'JSON', 'Math', 'Intl', 'ArrayBuffer', 'Uint8Array', 'Int8Array',
  'Uint16Array', 'Int16Array', 'Float16Array', 'Uint32Array', 'Int32Array',
  'Float32Array', 'Float64Array', 'Uint8ClampedArray', 'BigUint64Array',
  'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet',
  'Proxy', 'Reflect', 'ShadowRealm', 'FinalizationRegistry', 'WeakRef',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent',
  'escape', 'unescape', 'eval', 'isFinite', 'isNaN', 'SharedArrayBuffer',
  'Atomics', 'WebAssembly', 'Iterator', 'SuppressedError', 'DisposableStack',
  'AsyncDisposableStack',
]);
if (globalThis.gc) intrinsics.add('gc');
intrinsics.add('console'); // V8's own console is a global of every context

// Web IDL interfaces exposed everywhere ([Exposed=*])
const webIdlExposedWildcard = new Set([
  'DOMException', 'QuotaExceededError', 'TextEncoder', 'TextDecoder',
  'AbortController', 'AbortSignal', 'CustomEvent', 'EventTarget', 'Event',
  'URL', 'URLSearchParams', 'ReadableStream', 'ReadableStreamDefaultReader',
  'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
  'ReadableByteStreamController', 'ReadableStreamDefaultController',
  'TransformStream', 'TransformStreamDefaultController', 'WritableStream',
  'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream',
  'TextDecoderStream', 'CompressionStream', 'DecompressionStream',
]);

// those exposed on Window ([Exposed=Window])
const webIdlExposedWindow = new Set([
  'console', 'BroadcastChannel', 'queueMicrotask', 'structuredClone',
  'MessageChannel', 'MessagePort', 'MessageEvent', 'clearInterval',
  'clearTimeout', 'setInterval', 'setTimeout', 'atob', 'btoa', 'Blob',
  'Performance', 'performance', 'fetch', 'FormData', 'Headers', 'Request',
  'Response', 'WebSocket', 'EventSource', 'CloseEvent', 'ErrorEvent',
]);

// Node's own
const nodeGlobals = new Set(['process', 'global', 'Buffer', 'clearImmediate', 'setImmediate']);

module.exports = { intrinsics, webIdlExposedWildcard, webIdlExposedWindow, nodeGlobals };
