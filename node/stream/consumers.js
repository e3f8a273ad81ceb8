// jsvm's `stream/consumers`: the whole of a stream (any async iterable of
// strings or byte chunks) as text, JSON, a Buffer, an ArrayBuffer or a Blob.
// Wrapped by stream.go in (function(module, exports, require) { ... }).
'use strict';
const { Buffer, Blob } = require('buffer');

const bytesOf = (c) => (typeof c === 'string' ? Buffer.from(c) :
  Buffer.isBuffer(c) ? c : ArrayBufferIsView(c) ? Buffer.from(c.buffer, c.byteOffset, c.byteLength) : Buffer.from(c));

// each calls fn with every chunk (sobek has no for await in builtins).
async function each(stream, fn) {
  const it = typeof stream[Symbol.asyncIterator] === 'function' ? stream[Symbol.asyncIterator]() : stream[Symbol.iterator]();
  for (;;) {
    const r = await it.next();
    if (r.done) return;
    fn(r.value);
  }
}

async function buffer(stream) {
  const chunks = [];
  await each(stream, (c) => MethodPush(chunks, bytesOf(c)));
  return MethodConcat(Buffer, chunks);
}

async function arrayBuffer(stream) {
  const b = await buffer(stream);
  return MethodSlice(b.buffer, b.byteOffset, b.byteOffset + b.byteLength);
}

async function blob(stream) {
  const chunks = [];
  await each(stream, (c) => MethodPush(chunks, typeof c === 'string' ? c : bytesOf(c)));
  return new Blob(chunks);
}

async function text(stream) {
  const dec = new TextDecoder();
  let s = '';
  await each(stream, (c) => { s += typeof c === 'string' ? c : dec.decode(bytesOf(c), { stream: true }); });
  return s + dec.decode();
}

async function json(stream) {
  return JSONParse(await text(stream));
}

module.exports = { arrayBuffer, blob, buffer, text, json };
