'use strict';
// setOf(list) is new Set(list) without Set.prototype.add, which the Set
// constructor calls and user code may have replaced.
function setOf(list) {
  const s = new Set();
  for (let i = 0; i < list.length; i++) MethodAdd(s, list[i]);
  return s;
}
// jsvm's fetch: the globals fetch, Headers, Request, Response and
// FormData, as Node's undici shapes them (names, validation messages,
// default request headers, inspection), over the http and https
// builtins. Bodies are web ReadableStreams; responses are decoded
// (gzip, deflate, br) and redirects followed as undici does.

const { Buffer, Blob, File } = require('buffer');
const { ReadableStream } = require('stream/web');
const webInternals = ObjectGetOwnPropertyDescriptor(require('stream/web'), 'internals').value;
const kState = Symbol('state');
const kHeaders = Symbol('headers');
const inspectSym = SymbolFor('nodejs.util.inspect.custom');

function isObj(v) { return (typeof v === 'object' && v !== null) || typeof v === 'function'; }
function webidlType(ctx, msg) { return new TypeError(`${ctx}: ${msg}`); }

// ---- Headers

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function normalizeValue(v) { return MethodReplace(String(v), /^[\t\n\r ]+|[\t\n\r ]+$/g, ''); }
function validName(ctx, name) {
  if (!tokenRe.test(name)) throw webidlType(ctx, `"${name}" is an invalid header name.`);
}
function validValue(ctx, name, value) {
  if (/[\0\r\n]/.test(value)) throw webidlType(ctx, `"${value}" is an invalid header value.`);
}

class Headers {
  constructor(init = undefined) {
    this[kHeaders] = { list: new Map(), cookies: [], guard: 'none' };
    if (init !== undefined) fillHeaders(this, init, 'Headers constructor');
  }
  append(name, value) {
    checkHeaders(this, 'append');
    if (arguments.length < 2) throw new TypeError(`Headers.append: 2 arguments required, but only ${arguments.length} found.`);
    appendHeader(this, String(name), String(value), 'Headers.append');
  }
  delete(name) {
    checkHeaders(this, 'delete');
    if (arguments.length < 1) throw new TypeError('Headers.delete: 1 argument required, but 0 found.');
    name = String(name);
    validName('Headers.delete', name);
    guardCheck(this);
    const k = MethodToLowerCase(name);
    MethodDelete(this[kHeaders].list, k);
    if (k === 'set-cookie') this[kHeaders].cookies = [];
  }
  get(name) {
    checkHeaders(this, 'get');
    if (arguments.length < 1) throw new TypeError('Headers.get: 1 argument required, but 0 found.');
    name = String(name);
    validName('Headers.get', name);
    const e = MethodGet(this[kHeaders].list, MethodToLowerCase(name));
    return e === undefined ? null : e.value;
  }
  getSetCookie() {
    checkHeaders(this, 'getSetCookie');
    return MethodSlice(this[kHeaders].cookies);
  }
  has(name) {
    checkHeaders(this, 'has');
    if (arguments.length < 1) throw new TypeError('Headers.has: 1 argument required, but 0 found.');
    name = String(name);
    validName('Headers.has', name);
    return MethodHas(this[kHeaders].list, MethodToLowerCase(name));
  }
  set(name, value) {
    checkHeaders(this, 'set');
    if (arguments.length < 2) throw new TypeError(`Headers.set: 2 arguments required, but only ${arguments.length} found.`);
    name = String(name);
    value = normalizeValue(value);
    validName('Headers.set', name);
    validValue('Headers.set', name, value);
    guardCheck(this);
    const k = MethodToLowerCase(name);
    MethodSet(this[kHeaders].list, k, { name, value });
    if (k === 'set-cookie') this[kHeaders].cookies = [value];
  }
  forEach(callback, thisArg = undefined) {
    checkHeaders(this, 'forEach');
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    for (const [k, v] of SafeIterable(sortedPairs(this))) FunctionPrototypeCall(callback, thisArg, v, k, this);
  }
  keys() { checkHeaders(this, 'keys'); return makeIterator(MethodMap(sortedPairs(this), (p) => p[0]), 'Headers'); }
  values() { checkHeaders(this, 'values'); return makeIterator(MethodMap(sortedPairs(this), (p) => p[1]), 'Headers'); }
  entries() { checkHeaders(this, 'entries'); return makeIterator(sortedPairs(this), 'Headers'); }
  [Symbol.iterator]() { return this.entries(); }
  [inspectSym](depth, options, inspect) {
    const o = {};
    for (const [k, e] of SafeIterable(this[kHeaders].list)) o[k] = e.value;
    return `Headers ${inspect(o, options)}`;
  }
}
ObjectDefineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });
ObjectDefineProperty(Headers.prototype, inspectSym, { enumerable: false });

function checkHeaders(h, m) {
  if (!isObj(h) || !h[kHeaders]) throw new TypeError('Illegal invocation');
}
function guardCheck(h) {
  if (h[kHeaders].guard === 'immutable') throw new TypeError('immutable');
}
function appendHeader(h, name, value, ctx) {
  value = normalizeValue(value);
  validName(ctx, name);
  validValue(ctx, name, value);
  guardCheck(h);
  const k = MethodToLowerCase(name);
  const list = h[kHeaders].list;
  const e = MethodGet(list, k);
  if (e) e.value += (k === 'cookie' ? '; ' : ', ') + value;
  else MethodSet(list, k, { name, value });
  if (k === 'set-cookie') MethodPush(h[kHeaders].cookies, value);
}
function sortedPairs(h) {
  const out = [];
  const names = MethodSort([...SafeIterable(MethodKeys(h[kHeaders].list))]);
  for (const k of SafeIterable(names)) {
    if (k === 'set-cookie') for (const c of SafeIterable(h[kHeaders].cookies)) MethodPush(out, [k, c]);
    else MethodPush(out, [k, MethodGet(h[kHeaders].list, k).value]);
  }
  return out;
}
function fillHeaders(h, init, ctx) {
  if (!isObj(init)) {
    throw new TypeError(`${ctx}: Argument 1 could not be converted to one of: sequence<sequence<ByteString>>, record<ByteString, ByteString>.`);
  }
  if (init instanceof Headers) {
    for (const [k, e] of SafeIterable(init[kHeaders].list)) {
      if (k === 'set-cookie') for (const c of SafeIterable(init[kHeaders].cookies)) appendHeader(h, e.name, c, 'Headers.append');
      else appendHeader(h, e.name, e.value, 'Headers.append');
    }
    return;
  }
  if (typeof init[Symbol.iterator] === 'function') {
    for (const pair of SafeIterable(init)) {
      const p = [...SafeIterable(pair)];
      if (p.length !== 2) throw new TypeError(`${ctx}: expected name/value pair to be length 2, found ${p.length}.`);
      appendHeader(h, String(p[0]), String(p[1]), 'Headers.append');
    }
    return;
  }
  for (const k of SafeIterable(ReflectOwnKeys(init))) {
    if (typeof k === 'symbol') continue;
    const d = ReflectGetOwnPropertyDescriptor(init, k);
    if (!d || !d.enumerable) continue;
    appendHeader(h, k, String(init[k]), 'Headers.append');
  }
}
function makeIterator(items, name) {
  let i = 0;
  const it = {
    next() { return i < items.length ? { value: items[i++], done: false } : { value: undefined, done: true }; },
    [Symbol.iterator]() { return this; },
  };
  ObjectDefineProperty(it, Symbol.toStringTag, { value: `${name} Iterator` });
  return it;
}

// ---- FormData

class FormData {
  constructor(form = undefined) {
    if (form !== undefined) {
      throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
    }
    this[kState] = [];
  }
  append(name, value, filename = undefined) {
    checkForm(this);
    if (arguments.length < 2) throw new TypeError(`FormData.append: 2 arguments required, but only ${arguments.length} found.`);
    if (arguments.length === 3 && !(value instanceof Blob)) {
      throw new TypeError("Failed to execute 'append' on 'FormData': parameter 2 is not of type 'Blob'");
    }
    MethodPush(this[kState], entry(name, value, filename));
  }
  delete(name) { checkForm(this); name = String(name); this[kState] = MethodFilter(this[kState], (e) => e.name !== name); }
  get(name) {
    checkForm(this);
    name = String(name);
    const e = MethodFind(this[kState], (x) => x.name === name);
    return e === undefined ? null : e.value;
  }
  getAll(name) { checkForm(this); name = String(name); return MethodMap(MethodFilter(this[kState], (e) => e.name === name), (e) => e.value); }
  has(name) { checkForm(this); name = String(name); return MethodSome(this[kState], (e) => e.name === name); }
  set(name, value, filename = undefined) {
    checkForm(this);
    if (arguments.length < 2) throw new TypeError(`FormData.set: 2 arguments required, but only ${arguments.length} found.`);
    if (arguments.length === 3 && !(value instanceof Blob)) {
      throw new TypeError("Failed to execute 'set' on 'FormData': parameter 2 is not of type 'Blob'");
    }
    const e = entry(name, value, filename);
    const i = MethodFindIndex(this[kState], (x) => x.name === e.name);
    if (i === -1) { MethodPush(this[kState], e); return; }
    this[kState] = [...SafeIterable(MethodSlice(this[kState], 0, i)), e, ...SafeIterable(MethodFilter(MethodSlice(this[kState], i + 1), (x) => x.name !== e.name))];
  }
  entries() { checkForm(this); return makeIterator(MethodMap(this[kState], (e) => [e.name, e.value]), 'FormData'); }
  keys() { checkForm(this); return makeIterator(MethodMap(this[kState], (e) => e.name), 'FormData'); }
  values() { checkForm(this); return makeIterator(MethodMap(this[kState], (e) => e.value), 'FormData'); }
  forEach(callback, thisArg = undefined) {
    checkForm(this);
    if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
    for (const e of SafeIterable(this[kState])) FunctionPrototypeCall(callback, thisArg, e.value, e.name, this);
  }
  [Symbol.iterator]() { return this.entries(); }
  [inspectSym](depth, options, inspect) {
    return `FormData ${inspect(MethodMap(this[kState], (e) => ({ name: e.name, value: e.value })), options)}`;
  }
}
ObjectDefineProperty(FormData.prototype, Symbol.toStringTag, { value: 'FormData', configurable: true });
ObjectDefineProperty(FormData.prototype, inspectSym, { enumerable: false });
function checkForm(f) { if (!isObj(f) || !ArrayIsArray(f[kState])) throw new TypeError('Illegal invocation'); }
function entry(name, value, filename) {
  name = String(name);
  if (value instanceof Blob) {
    if (!(value instanceof File) || filename !== undefined) {
      const n = filename !== undefined ? String(filename) : value instanceof File ? value.name : 'blob';
      value = new File([value], n, { type: value.type, lastModified: value instanceof File ? value.lastModified : undefined });
    }
  } else {
    value = String(value);
  }
  return { name, value };
}

// ---- bodies

function extractBody(object, keepalive) {
  // -> { stream, source, length, type }
  let source = null;
  let type = null;
  let length = null;
  let stream = null;
  if (typeof object === 'string') {
    source = Buffer.from(object);
    type = 'text/plain;charset=UTF-8';
  } else if (object instanceof URLSearchParams) {
    source = Buffer.from(object.toString());
    type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (object instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && object instanceof SharedArrayBuffer)) {
    source = Buffer.from(new Uint8Array(MethodSlice(object, 0)));
  } else if (ArrayBufferIsView(object)) {
    source = Buffer.from(new Uint8Array(MethodSlice(object.buffer, object.byteOffset, object.byteOffset + object.byteLength)));
  } else if (object instanceof FormData) {
    const boundary = `----formdata-undici-0${MethodPadStart(`${MathFloor(MathRandom() * 1e11)}`, 11, '0')}`;
    const parts = [];
    const esc = (s) => MethodReplace(MethodReplace(MethodReplace(s, /\n/g, '%0A'), /\r/g, '%0D'), /"/g, '%22');
    const norm = (s) => MethodReplace(s, /\r(?!\n)|(?<!\r)\n/g, '\r\n');
    for (const e of SafeIterable(object[kState])) {
      if (typeof e.value === 'string') {
        MethodPush(parts, Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(norm(e.name))}"\r\n\r\n${norm(e.value)}\r\n`));
      } else {
        MethodPush(parts, Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(norm(e.name))}"` +
          (e.value.name ? `; filename="${esc(e.value.name)}"` : '') + '\r\n' +
          `Content-Type: ${e.value.type || 'application/octet-stream'}\r\n\r\n`));
        MethodPush(parts, { blob: e.value });
        MethodPush(parts, Buffer.from('\r\n'));
      }
    }
    MethodPush(parts, Buffer.from(`--${boundary}--\r\n`));
    type = `multipart/form-data; boundary=${boundary}`;
    let n = 0;
    for (const p of SafeIterable(parts)) n += p.blob ? p.blob.size : p.length;
    length = n;
    stream = new ReadableStream({
      async pull(c) {
        const p = MethodShift(parts);
        if (p === undefined) { c.close(); return; }
        c.enqueue(p.blob ? new Uint8Array(await p.blob.arrayBuffer()) : new Uint8Array(p.buffer, p.byteOffset, p.length));
        if (parts.length === 0) c.close();
      },
      type: 'bytes',
    });
    return { stream, source: object, length, type };
  } else if (object instanceof Blob) {
    source = object;
    length = object.size;
    if (object.type) type = object.type;
    return { stream: object.stream(), source, length, type };
  } else if (webInternals.isReadableStream(object)) {
    if (keepalive) throw new TypeError('keepalive');
    if (object.locked || isDisturbed(object)) throw new TypeError('Response body object should not be disturbed or locked');
    return { stream: object, source: null, length: null, type: null };
  } else if (object != null && typeof object[Symbol.asyncIterator] === 'function') {
    stream = ReadableStream.from(object);
    return { stream, source: null, length: null, type: null };
  } else {
    source = Buffer.from(String(object));
    type = 'text/plain;charset=UTF-8';
  }
  length = source.length;
  const bytes = source;
  stream = new ReadableStream({
    pull(c) {
      if (bytes.length) c.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
      c.close();
    },
    type: 'bytes',
  });
  return { stream, source: bytes, length, type };
}
function isDisturbed(stream) { return stream[webInternals.kState].disturbed; }

async function consumeBody(holder, ctx) {
  const st = holder[kState];
  if (st.body && (st.body.stream.locked || isDisturbed(st.body.stream))) {
    throw new TypeError('Body is unusable: Body has already been read');
  }
  if (st.body === null) return Buffer.alloc(0);
  const reader = st.body.stream.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
    MethodPush(chunks, Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
  return MethodConcat(Buffer, chunks);
}
function bodyMixin(C, name) {
  ObjectDefineProperty(C.prototype, 'body', {
    get() { const b = this[kState].body; return b ? b.stream : null; }, configurable: true, enumerable: true,
  });
  ObjectDefineProperty(C.prototype, 'bodyUsed', {
    get() { const b = this[kState].body; return !!b && isDisturbed(b.stream); }, configurable: true, enumerable: true,
  });
  const methods = {
    async arrayBuffer() { const b = await consumeBody(this, name); return MethodSlice(b.buffer, b.byteOffset, b.byteOffset + b.byteLength); },
    async blob() {
      const b = await consumeBody(this, name);
      const t = MethodGet(this[kState].headers, 'content-type');
      return new Blob([b], { type: t || '' });
    },
    async bytes() { return new Uint8Array(await this.arrayBuffer()); },
    async formData() {
      const t = MethodGet(this[kState].headers, 'content-type') || '';
      const b = await consumeBody(this, name);
      if (/^application\/x-www-form-urlencoded/i.test(t)) {
        const fd = new FormData();
        for (const [k, v] of SafeIterable(new URLSearchParams(b.toString()))) fd.append(k, v);
        return fd;
      }
      const m = /^multipart\/form-data;\s*boundary=("?)([^";]+)\1/i.exec(t);
      if (!m) throw new TypeError('Response.formData: Could not parse content as FormData.');
      return parseMultipart(b, m[2]);
    },
    async json() { return JSONParse((await consumeBody(this, name)).toString()); },
    async text() { return new TextDecoder().decode(await consumeBody(this, name)); },
  };
  for (const k of SafeIterable(ObjectKeys(methods))) {
    ObjectDefineProperty(C.prototype, k, { value: methods[k], writable: true, configurable: true, enumerable: true });
  }
}
function parseMultipart(buf, boundary) {
  const fd = new FormData();
  const delim = Buffer.from(`--${boundary}`);
  let pos = MethodIndexOf(buf, delim);
  while (pos !== -1) {
    pos += delim.length;
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) break;
    pos += 2; // CRLF
    const headEnd = MethodIndexOf(buf, '\r\n\r\n', pos);
    if (headEnd === -1) break;
    const head = buf.subarray(pos, headEnd).toString();
    const next = MethodIndexOf(buf, delim, headEnd + 4);
    if (next === -1) break;
    const body = buf.subarray(headEnd + 4, next - 2);
    const name = /name="([^"]*)"/i.exec(head);
    const file = /filename="([^"]*)"/i.exec(head);
    const ctype = /content-type:\s*([^\r\n]+)/i.exec(head);
    if (name) {
      if (file) fd.append(name[1], new File([body], file[1], { type: ctype ? ctype[1] : '' }));
      else fd.append(name[1], body.toString());
    }
    pos = next;
  }
  return fd;
}

// ---- Request

const forbiddenMethods = setOf(['CONNECT', 'TRACE', 'TRACK']);
const normalMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];
function normalizeMethod(m) {
  const up = MethodToUpperCase(m);
  return MethodIncludes(normalMethods, up) ? up : m;
}

class Request {
  constructor(input, init = {}) {
    if (arguments.length < 1) throw new TypeError('Request constructor: 1 argument required, but 0 found.');
    if (init !== null && init !== undefined && typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError(`Request constructor: Expected ${typeof init === 'symbol' ? 'Symbol()' : String(init)} to be one of: Null, Undefined, Object.`);
    }
    init = init || {};
    let base = null;
    if (input instanceof Request) {
      base = input[kState];
    }
    let url;
    if (base === null) {
      try { url = new URL(String(input)); } catch (e) {
        const err = new TypeError('Failed to parse URL from ' + String(input));
        err.cause = e;
        throw err;
      }
      if (url.username || url.password) throw new TypeError('Request cannot be constructed from a URL that includes credentials: ' + String(input));
    } else {
      url = new URL(base.url);
    }
    let method = base ? base.method : 'GET';
    if (init.method !== undefined) {
      const m = String(init.method);
      if (!tokenRe.test(m)) throw new TypeError(`'${m}' is not a valid HTTP method.`);
      if (MethodHas(forbiddenMethods, MethodToUpperCase(m))) throw new TypeError(`'${m}' HTTP method is unsupported.`);
      method = normalizeMethod(m);
    }
    const signal = init.signal !== undefined ? init.signal : base ? base.signal : undefined;
    if (signal != null && !(isObj(signal) && 'aborted' in signal)) {
      throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
    }
    const redirect = init.redirect !== undefined ? String(init.redirect) : base ? base.redirect : 'follow';
    if (!MethodIncludes(['follow', 'error', 'manual'], redirect)) {
      throw new TypeError(`Request constructor: ${redirect} is not an accepted type. Expected one of follow, manual, error.`);
    }
    const headers = new Headers();
    const src = init.headers !== undefined ? init.headers : base ? base.headers : undefined;
    if (src !== undefined) fillHeaders(headers, src, 'Request constructor');
    let body = base ? base.body : null;
    if ((init.body != null || (base && base.body)) && (method === 'GET' || method === 'HEAD')) {
      if (init.body != null || base.body) throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    if (init.body != null) {
      body = extractBody(init.body, init.keepalive);
      if (body.type && !MethodHas(headers, 'content-type')) headers.append('content-type', body.type);
      if (webInternals.isReadableStream(init.body) && init.duplex !== 'half') {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
    }
    const ac = new AbortController();
    if (signal) {
      if (signal.aborted) ac.abort(signal.reason);
      else signal.addEventListener('abort', () => ac.abort(signal.reason), { once: true });
    }
    this[kState] = {
      url: url.href, method, headers, body, signal: ac.signal, redirect,
      keepalive: !!init.keepalive, cache: init.cache !== undefined ? String(init.cache) : 'default',
      credentials: init.credentials !== undefined ? String(init.credentials) : 'same-origin',
      mode: init.mode !== undefined ? String(init.mode) : 'cors',
      integrity: init.integrity !== undefined ? String(init.integrity) : '',
      referrerPolicy: init.referrerPolicy !== undefined ? String(init.referrerPolicy) : '',
      urlList: [url.href],
    };
  }
  get method() { return this[kState].method; }
  get url() { return this[kState].url; }
  get headers() { return this[kState].headers; }
  get destination() { return ''; }
  get referrer() { return 'about:client'; }
  get referrerPolicy() { return this[kState].referrerPolicy; }
  get mode() { return this[kState].mode; }
  get credentials() { return this[kState].credentials; }
  get cache() { return this[kState].cache; }
  get redirect() { return this[kState].redirect; }
  get integrity() { return this[kState].integrity; }
  get keepalive() { return this[kState].keepalive; }
  get isReloadNavigation() { return false; }
  get isHistoryNavigation() { return false; }
  get signal() { return this[kState].signal; }
  get duplex() { return 'half'; }
  clone() {
    if (this.bodyUsed || (this[kState].body && this[kState].body.stream.locked)) throw new TypeError('Request.clone: Body has already been consumed.');
    const r = new Request(this);
    if (this[kState].body) {
      const [a, b] = SafeIterable(this[kState].body.stream.tee());
      this[kState].body = { ...this[kState].body, stream: a };
      r[kState].body = { ...this[kState].body, stream: b };
    }
    return r;
  }
  [inspectSym](depth, options, inspect) {
    const o = {
      method: this.method, url: this.url, headers: this.headers, destination: this.destination, referrer: this.referrer,
      referrerPolicy: this.referrerPolicy, mode: this.mode, credentials: this.credentials, cache: this.cache,
      redirect: this.redirect, integrity: this.integrity, keepalive: this.keepalive,
      isReloadNavigation: false, isHistoryNavigation: false, signal: this.signal,
    };
    return `Request ${inspect(o, options)}`;
  }
}
bodyMixin(Request, 'Request');
ObjectDefineProperty(Request.prototype, Symbol.toStringTag, { value: 'Request', configurable: true });
ObjectDefineProperty(Request.prototype, inspectSym, { enumerable: false });

// ---- Response

const STATUS = require('http').STATUS_CODES;
const redirectStatuses = setOf([301, 302, 303, 307, 308]);
const nullBodyStatuses = setOf([101, 204, 205, 304]);

class Response {
  constructor(body = null, init = {}) {
    if (init !== null && init !== undefined && typeof init !== 'object' && typeof init !== 'function') {
      // (undici's message names no context here)
      throw new TypeError(`undefined: Expected ${typeof init === 'symbol' ? 'Symbol()' : String(init)} to be one of: Null, Undefined, Object.`);
    }
    init = init || {};
    const status = init.status !== undefined ? Number(init.status) : 200;
    if (!NumberIsInteger(status) || status < 200 || status > 599) {
      throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    }
    const statusText = init.statusText !== undefined ? String(init.statusText) : '';
    if (/[^\t\x20-\x7e\x80-\xff]/.test(statusText)) throw new TypeError('Invalid statusText');
    const headers = new Headers();
    if (init.headers !== undefined) fillHeaders(headers, init.headers, 'Response constructor');
    let b = null;
    if (body !== null && body !== undefined) {
      if (MethodHas(nullBodyStatuses, status)) throw new TypeError('Response constructor: Invalid response status code ' + status);
      b = extractBody(body);
      if (b.type && !MethodHas(headers, 'content-type')) headers.append('content-type', b.type);
    }
    this[kState] = { status, statusText, headers, body: b, type: 'default', urlList: [], redirected: false };
  }
  static error() {
    const r = new Response();
    r[kState].status = 0;
    r[kState].type = 'error';
    r[kState].headers[kHeaders].guard = 'immutable';
    return r;
  }
  static json(data, init = {}) {
    const text = JSONStringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const headers = new Headers(init && init.headers);
    if (!MethodHas(headers, 'content-type')) MethodSet(headers, 'content-type', 'application/json');
    return new Response(text, { ...init, headers });
  }
  static redirect(url, status = 302) {
    let parsed;
    try { parsed = new URL(String(url)); } catch (e) {
      const err = new TypeError('Failed to parse URL from ' + String(url));
      err.cause = e;
      throw err;
    }
    if (!MethodHas(redirectStatuses, status)) throw new RangeError(`Invalid status code ${status}`);
    const r = new Response(null, { status: 200 });
    r[kState].status = status;
    MethodSet(r[kState].headers, 'location', parsed.href);
    r[kState].headers[kHeaders].guard = 'immutable';
    return r;
  }
  get type() { return this[kState].type; }
  get url() { const l = this[kState].urlList; return l.length ? l[l.length - 1] : ''; }
  get redirected() { return this[kState].urlList.length > 1; }
  get status() { return this[kState].status; }
  get ok() { return this[kState].status >= 200 && this[kState].status <= 299; }
  get statusText() { return this[kState].statusText; }
  get headers() { return this[kState].headers; }
  clone() {
    if (this.bodyUsed || (this[kState].body && this[kState].body.stream.locked)) throw new TypeError('Response.clone: Body has already been consumed.');
    const r = new Response(null, { status: 200 });
    const s = this[kState];
    r[kState] = { ...s, headers: new Headers(s.headers), urlList: MethodSlice(s.urlList) };
    r[kState].status = s.status;
    if (s.body) {
      const [a, b] = SafeIterable(s.body.stream.tee());
      s.body = { ...s.body, stream: a };
      r[kState].body = { ...s.body, stream: b };
    }
    return r;
  }
  [inspectSym](depth, options, inspect) {
    const o = {
      status: this.status, statusText: this.statusText, headers: this.headers, body: this.body, bodyUsed: this.bodyUsed,
      ok: this.ok, redirected: this.redirected, type: this.type, url: this.url,
    };
    return `Response ${inspect(o, options)}`;
  }
}
bodyMixin(Response, 'Response');
ObjectDefineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });
ObjectDefineProperty(Response.prototype, inspectSym, { enumerable: false });

// ---- fetch

function fetchFailed(cause) {
  const e = new TypeError('fetch failed');
  if (cause !== undefined) e.cause = cause;
  return e;
}
// SocketError is undici's error for a connection that went away.
class SocketError extends Error {
  constructor(message, socket) {
    super(message);
    this.name = 'SocketError';
    this.code = 'UND_ERR_SOCKET';
    this.socket = socket;
  }
}
function socketInfo(s) {
  s = s || {};
  return {
    localAddress: s.localAddress, localPort: s.localPort, remoteAddress: s.remoteAddress,
    remotePort: s.remotePort, remoteFamily: s.remoteFamily, timeout: undefined,
    bytesWritten: s.bytesWritten, bytesRead: s.bytesRead,
  };
}
// terminated is the error of a body that stopped short: undici's
// TypeError 'terminated', its cause the decoder's error or the socket's.
function terminated(e, res) {
  const err = new TypeError('terminated');
  err.cause = e && e.code === 'ECONNRESET' ? new SocketError('other side closed', socketInfo(res.socket)) : e;
  return err;
}
function abortReason(signal) {
  return signal.reason !== undefined ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}

function fetch(input, init = undefined) {
  let request;
  try {
    request = new Request(input, init);
  } catch (e) {
    return PromiseReject(e);
  }
  const st = request[kState];
  if (st.signal.aborted) return PromiseReject(abortReason(st.signal));
  return new Promise((resolve, reject) => {
    let settled = false;
    let current = null;
    let bodyController = null;
    const onAbort = () => {
      const reason = abortReason(st.signal);
      if (current) current.destroy();
      if (!settled) { settled = true; reject(reason); }
      else if (bodyController) { try { bodyController.error(reason); } catch (e) { /* closed */ } }
    };
    st.signal.addEventListener('abort', onAbort, { once: true });
    const fail = (e) => {
      st.signal.removeEventListener('abort', onAbort);
      if (!settled) { settled = true; reject(e); }
    };
    MethodCatch((async () => {
      const body = st.body ? await consumeBody(request, 'fetch') : null;
      let url = st.url;
      let method = st.method;
      let sendBody = body;
      const urlList = [url];
      for (let hops = 0; ; hops++) {
        const u = new URL(url);
        if (u.protocol === 'data:') {
          resolveData(u);
          return;
        }
        if (u.protocol !== 'http:' && u.protocol !== 'https:') {
          fail(fetchFailed(new Error(u.protocol === 'file:' ? 'not implemented... yet...' : 'unknown scheme')));
          return;
        }
        const res = await send(u, method, sendBody);
        if (MethodHas(redirectStatuses, res.statusCode) && res.headers.location !== undefined && st.redirect !== 'manual') {
          if (st.redirect === 'error') {
            res.resume();
            fail(fetchFailed(new Error('unexpected redirect')));
            return;
          }
          if (hops >= 19) {
            res.resume();
            fail(fetchFailed(new Error('redirect count exceeded')));
            return;
          }
          res.resume();
          let next;
          try { next = new URL(res.headers.location, u); } catch (e) { fail(fetchFailed(e)); return; }
          if (res.statusCode === 303 && method !== 'GET' && method !== 'HEAD') { method = 'GET'; sendBody = null; }
          else if ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST') { method = 'GET'; sendBody = null; }
          url = next.href;
          MethodPush(urlList, url);
          continue;
        }
        respond(res, urlList, method);
        return;
      }
    })(), (e) => fail(e && e.name === 'AbortError' ? e : fetchFailed(e)));

    function send(u, method, body) {
      return new Promise((ok, bad) => {
        const mod = require(u.protocol === 'https:' ? 'https' : 'http');
        const headers = [];
        for (const [k, e] of SafeIterable(st.headers[kHeaders].list)) {
          if (k === 'set-cookie') for (const c of SafeIterable(st.headers[kHeaders].cookies)) MethodPush(headers, e.name, c);
          else MethodPush(headers, e.name, e.value);
        }
        const has = (n) => MethodHas(st.headers, n);
        if (!has('accept')) MethodPush(headers, 'accept', '*/*');
        if (!has('accept-language')) MethodPush(headers, 'accept-language', '*');
        if (!has('sec-fetch-mode')) MethodPush(headers, 'sec-fetch-mode', st.mode);
        if (!has('user-agent')) MethodPush(headers, 'user-agent', 'node');
        if (!has('accept-encoding')) MethodPush(headers, 'accept-encoding', 'gzip, deflate');
        if (body !== null) {
          if (!has('content-length')) MethodPush(headers, 'content-length', String(body.length));
        } else if (method === 'POST' || method === 'PUT') {
          if (!has('content-length')) MethodPush(headers, 'content-length', '0');
        }
        const req = mod.request({
          protocol: u.protocol, hostname: MethodReplace(u.hostname, /^\[|\]$/g, ''), port: u.port || undefined,
          path: u.pathname + u.search, method, headers, agent: false,
        }, ok);
        current = req;
        req.on('error', (e) => bad(e && e.code === 'ECONNRESET' ? new SocketError('other side closed', socketInfo(req.socket)) : e));
        if (body !== null && body.length) req.end(body); else req.end();
      });
    }

    function respond(res, urlList, method) {
      const headers = new Headers();
      const raw = res.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) {
        try { appendHeader(headers, raw[i], raw[i + 1], 'fetch'); } catch (e) { /* skip bad header */ }
      }
      headers[kHeaders].guard = 'immutable';
      const status = res.statusCode;
      let source = res;
      const enc = MethodFilter(MethodMap(MethodSplit(MethodToLowerCase((res.headers['content-encoding'] || '')), ','), (s) => MethodTrim(s)), Boolean);
      const zlib = require('zlib');
      if (method !== 'HEAD' && !MethodHas(nullBodyStatuses, status) && enc.length) {
        for (const e of SafeIterable(MethodReverse(enc))) {
          let d = null;
          if (e === 'gzip' || e === 'x-gzip') d = zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
          else if (e === 'deflate') d = zlib.createInflate();
          else if (e === 'br') d = zlib.createBrotliDecompress();
          else break;
          source.on('error', (err) => d.destroy(err));
          source = source.pipe(d);
        }
      }
      let stream = null;
      if (method !== 'HEAD' && !MethodHas(nullBodyStatuses, status)) {
        stream = new ReadableStream({
          start(c) {
            bodyController = c;
            source.on('data', (chunk) => {
              try { c.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)); } catch (e) { /* cancelled */ }
              if (c.desiredSize !== null && c.desiredSize <= 0) source.pause();
            });
            source.on('end', () => { st.signal.removeEventListener('abort', onAbort); try { c.close(); } catch (e) { /* cancelled */ } });
            source.on('error', (e) => { try { c.error(terminated(e, res)); } catch (x) { /* closed */ } });
            source.pause();
          },
          pull() { source.resume(); },
          cancel() { source.destroy(); if (current) current.destroy(); },
        }, { highWaterMark: 65536, size: (ch) => ch.byteLength });
      } else {
        res.resume();
        st.signal.removeEventListener('abort', onAbort);
      }
      const r = new Response(null, { status: 200 });
      r[kState] = {
        status, statusText: res.statusMessage || '', headers,
        body: stream ? { stream, source: null, length: null, type: null } : null,
        type: 'basic', urlList,
      };
      settled = true;
      resolve(r);
    }

    function resolveData(u) {
      const m = /^([^,]*?)(;base64)?,(.*)$/s.exec(MethodSlice(u.href, 5));
      if (!m) { fail(fetchFailed(new Error('invalid data: URL'))); return; }
      const type = m[1] || 'text/plain;charset=US-ASCII';
      const bytes = m[2] ? Buffer.from(decodeURIComponent(m[3]), 'base64') : Buffer.from(decodeURIComponent(m[3]), 'latin1');
      const r = new Response(bytes, { status: 200, statusText: 'OK', headers: { 'content-type': type } });
      r[kState].urlList = [u.href];
      r[kState].type = 'basic';
      settled = true;
      st.signal.removeEventListener('abort', onAbort);
      resolve(r);
    }
  });
}
void STATUS;

module.exports = { fetch, Headers, Request, Response, FormData };
