// jsvm's `http` builtin, the JavaScript face. Wrapped by http.go in
// (function(module, exports, internals, binding, EventEmitter, Readable,
// require) { ... }). The server is Node's over net; binding.request (the
// client) and binding.listenTLS (an https server's connections) are the
// Go network side.
'use strict';

const net = require('net');
const { Stream } = require('stream');

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
  204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
  208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict',
  410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed',
  413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a Teapot",
  421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
  424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required',
  428: 'Precondition Required', 429: 'Too Many Requests',
  431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded', 510: 'Not Extended', 511: 'Network Authentication Required',
};

const METHODS = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK',
  'LOCK', 'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE',
  'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT',
  'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE',
  'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE',
];

const tokenRE = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const badValueRE = /[^\t\x20-\x7e\x80-\xff]/;

// timerDuration is Node's getTimerDuration: a number, >= 0 and finite.
function timerDuration(msecs, name) {
  if (typeof msecs !== 'number') throw internals.invalidArgType(name, 'of type number', msecs);
  if (msecs < 0 || !Number.isFinite(msecs)) throw internals.outOfRange(name, 'a non-negative finite number', msecs);
  return msecs;
}

function later(fn, ...args) {
  if (typeof process === 'object' && process && typeof process.nextTick === 'function') {
    process.nextTick(fn, ...args);
  } else {
    Promise.resolve().then(() => fn(...args));
  }
}

function validateHeaderName(name) {
  if (typeof name !== 'string' || !name || !tokenRE.test(name)) {
    throw internals.newError('TypeError', 'ERR_INVALID_HTTP_TOKEN',
      `Header name must be a valid HTTP token ["${name}"]`);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) {
    throw internals.newError('TypeError', 'ERR_HTTP_INVALID_HEADER_VALUE',
      `Invalid value "${value}" for header "${name}"`);
  }
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (badValueRE.test(String(v))) {
      throw internals.newError('TypeError', 'ERR_INVALID_CHAR',
        `Invalid character in header content ["${name}"]`);
    }
  }
}

function toBuffer(arrayBuffer) {
  const B = toBuffer.ctor();
  if (B) return B.from(arrayBuffer);
  return new Uint8Array(arrayBuffer);
}

// toBuffer.ctor returns the global Buffer, or undefined when the host has
// no buffer builtin.
toBuffer.ctor = () => {
  try {
    const B = globalThis.Buffer;
    if (typeof B === 'function' && typeof B.from === 'function') return B;
  } catch {
    // no buffer builtin
  }
  return undefined;
};

const urlRE = /^([a-zA-Z][a-zA-Z0-9+.-]*:)\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]*)(?::(\d*))?([^#]*)/;

// isURL is Node's test for a WHATWG URL given as the request's input: a
// legacy url.parse() object (it has auth and path) is options, not a URL.
function isURL(v) {
  return Boolean(v && v.href && v.protocol && v.auth === undefined && v.path === undefined);
}

function parseURL(s) {
  const m = urlRE.exec(s);
  if (!m) {
    const err = internals.newError('TypeError', 'ERR_INVALID_URL', 'Invalid URL');
    err.input = s;
    throw err;
  }
  const hostname = m[2].replace(/^\[|\]$/g, '');
  return { protocol: m[1].toLowerCase(), hostname, port: m[3] || '', path: m[4] || '/' };
}

function decode(u8, encoding) {
  if (typeof u8 === 'string') return u8;
  if (typeof u8.toString === 'function' && u8.toString !== Uint8Array.prototype.toString) {
    return u8.toString(encoding);
  }
  try {
    if (typeof TextDecoder === 'function') return new TextDecoder().decode(u8);
  } catch {
    // no util builtin: decode by hand below
  }
  let s = '';
  for (const b of u8) s += String.fromCharCode(b);
  try {
    return decodeURIComponent(escape(s));
  } catch {
    return s;
  }
}

// chunkOf checks a body chunk: a string or an ArrayBuffer view.
function chunkOf(chunk, encoding) {
  if (typeof chunk === 'string') {
    if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') {
      const B = toBuffer.ctor();
      if (B) return B.from(chunk, encoding);
    }
    return chunk;
  }
  if (ArrayBuffer.isView(chunk)) return chunk;
  throw internals.invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
}


// ---- Socket -----------------------------------------------------------------

// Socket is what req.socket / res.socket are: the connection's addresses
// and the flags and methods packages read (writable, destroyed,
// setTimeout, ...). The bytes themselves go through Go's net/http.
class Socket extends EventEmitter {
  constructor(info) {
    super();
    this.remoteAddress = info.remoteAddress;
    this.remotePort = info.remotePort;
    this.remoteFamily = info.remoteFamily;
    this.localAddress = info.localAddress;
    this.localPort = info.localPort;
    if (info.encrypted === true) this.encrypted = true; // a TLSSocket's flag; a plain socket has none
    this.readable = true;
    this.writable = true;
    this.destroyed = false;
    this.connecting = false;
    this.pending = false;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.timeout = undefined;
  }

  address() {
    if (this.localAddress === undefined) return {};
    return { address: this.localAddress, family: this.localAddress.includes(':') ? 'IPv6' : 'IPv4', port: this.localPort };
  }

  // setTimeout is net.Socket's idle timeout: 'timeout' once ms pass
  // without activity (_activity: the client's response head and body
  // chunks), again after the next activity.
  setTimeout(ms, cb) {
    if (this.destroyed) return this;
    ms = timerDuration(ms, 'msecs');
    if (cb !== undefined && typeof cb !== 'function') throw internals.invalidArgType('callback', 'of type function', cb);
    this.timeout = ms;
    this._clearTimer();
    if (ms === 0) {
      if (cb) this.removeListener('timeout', cb);
    } else {
      this._timer = setTimeout(() => this.emit('timeout'), ms);
      if (this._timer.unref) this._timer.unref();
      if (cb) this.once('timeout', cb);
    }
    return this;
  }

  _activity() {
    if (this._timer) this._timer.refresh();
  }

  _clearTimer() {
    if (this._timer) {
      clearTimeout(this._timer);
      this._timer = null;
    }
  }

  setNoDelay() { return this; }

  setKeepAlive() { return this; }

  ref() { return this; }

  unref() { return this; }

  cork() {}

  uncork() {}

  pause() { return this; }

  resume() { return this; }

  end() {
    this.writable = false;
    return this;
  }

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this._clearTimer();
    this.readable = false;
    this.writable = false;
    // A server-side request's connection: Go drops it (what a client
    // reading the response sees as a connection cut mid-body).
    if (this._abort) this._abort();
    later(() => {
      if (err) this.emit('error', err);
      this.emit('close', !!err);
    });
    return this;
  }
}

// ---- IncomingMessage ------------------------------------------------------

const kHeadersObj = Symbol('kHeaders');
const kTrailersObj = Symbol('kTrailers');

// The fields of which Node keeps only the first of duplicates
// (IncomingMessage's matchKnownFields); set-cookie makes an array, cookie
// joins with '; ', the others with ', '.
const singleFields = new Set(['content-type', 'content-length', 'user-agent', 'referer', 'host',
  'authorization', 'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from',
  'location', 'max-forwards', 'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires']);

function addHeaderLine(field, value, dest) {
  const name = field.toLowerCase();
  if (name === 'set-cookie') {
    if (dest[name] !== undefined) dest[name].push(value);
    else dest[name] = [value];
  } else if (dest[name] === undefined) {
    dest[name] = value;
  } else if (!singleFields.has(name)) {
    dest[name] += (name === 'cookie' ? '; ' : ', ') + value;
  }
}

function headersObject(raw) {
  const headers = {};
  for (let i = 0; i + 1 < raw.length; i += 2) addHeaderLine(raw[i], raw[i + 1], headers);
  return headers;
}

function isStreamLike(v) {
  return v !== null && typeof v === 'object' && typeof v.on === 'function' && typeof v.emit === 'function';
}

// IncomingMessage is Node's: a Readable over a connection's bytes (the
// server's parser pushes a request's body, the client's Go side a
// response's), headers made from rawHeaders when first read. Built from a
// socket (Node's signature) or, by the client, from the response's head.
class IncomingMessage extends Readable {
  constructor(socket) {
    let info = null;
    if (socket && !isStreamLike(socket)) {
      info = socket;
      socket = null;
    }
    super(socket && socket.readableHighWaterMark ? { highWaterMark: socket.readableHighWaterMark } : {});
    this._readableState.readingMore = true;
    this.socket = socket;
    this.httpVersionMajor = null;
    this.httpVersionMinor = null;
    this.httpVersion = null;
    this.complete = false;
    this.rawHeaders = [];
    this.rawTrailers = [];
    this.joinDuplicateHeaders = false;
    this.aborted = false;
    this.upgrade = null;
    this.url = '';
    this.method = null;
    this.statusCode = null;
    this.statusMessage = null;
    this.client = socket;
    this._consuming = false;
    this._dumped = false;
    if (info) this._fromInfo(info);
  }

  // _fromInfo fills a client response (or an upgraded request) from the
  // head the Go side read; its socket is the addresses-only one.
  _fromInfo(info) {
    this.method = info.method === undefined ? null : info.method;
    this.url = info.url === undefined ? '' : info.url;
    this.statusCode = info.statusCode === undefined ? null : info.statusCode;
    this.statusMessage = info.statusMessage === undefined ? null : info.statusMessage;
    this.httpVersionMajor = info.httpVersionMajor || 1;
    this.httpVersionMinor = info.httpVersionMinor === undefined ? 1 : info.httpVersionMinor;
    this.httpVersion = `${this.httpVersionMajor}.${this.httpVersionMinor}`;
    this.rawHeaders = info.rawHeaders ? Array.from(info.rawHeaders) : [];
    this.socket = new Socket(info);
    this.client = this.socket;
    this._goBody = true;
  }

  get connection() { return this.socket; }

  set connection(v) { this.socket = v; }

  get headers() {
    if (!this[kHeadersObj]) this[kHeadersObj] = headersObject(this.rawHeaders);
    return this[kHeadersObj];
  }

  set headers(v) { this[kHeadersObj] = v; }

  get headersDistinct() {
    const out = {};
    for (let i = 0; i + 1 < this.rawHeaders.length; i += 2) {
      const k = this.rawHeaders[i].toLowerCase();
      (out[k] || (out[k] = [])).push(this.rawHeaders[i + 1]);
    }
    return out;
  }

  get trailers() {
    if (!this[kTrailersObj]) this[kTrailersObj] = headersObject(this.rawTrailers);
    return this[kTrailersObj];
  }

  set trailers(v) { this[kTrailersObj] = v; }

  setTimeout(msecs, callback) {
    if (callback) this.on('timeout', callback);
    if (this.socket && typeof this.socket.setTimeout === 'function') this.socket.setTimeout(msecs);
    return this;
  }

  _read() {
    if (!this._consuming) {
      this._readableState.readingMore = false;
      this._consuming = true;
    }
    if (this._goBody) {
      if (this._conn) this._conn.resume();
      return;
    }
    const s = this.socket;
    if (s && s.readable && !s._httpPaused) s.resume();
  }

  // push takes the Go side's ArrayBuffers too; null ends the body.
  push(chunk, encoding) {
    if (chunk === null) {
      if (this._goBody) this.complete = true;
      return super.push(null);
    }
    return super.push(chunk instanceof ArrayBuffer ? toBuffer(chunk) : chunk, encoding);
  }

  _dump() {
    if (!this._dumped) {
      this._dumped = true;
      this.removeAllListeners('data');
      this.resume();
    }
  }

  _aborted() {
    if (this.complete) return;
    this.aborted = true;
    this.emit('aborted');
    this.destroy();
  }

  // As Node's: a message destroyed before its end is aborted (and takes
  // its connection down); its error is emitted only if someone listens
  // (node-fetch aborts a redirect's response and listens for nothing).
  _destroy(err, cb) {
    if ((!this.readableEnded || !this.complete) && !this.aborted) {
      this.aborted = true;
      this.emit('aborted');
    }
    const done = () => process.nextTick(() => cb(this.listenerCount('error') === 0 ? null : err));
    if (!this._goBody && this.socket && !this.socket.destroyed && this.aborted) {
      this.socket.destroy(err);
    }
    done();
  }
}

// ---- OutgoingMessage / ServerResponse ------------------------------------------

const kHeaders = Symbol('kOutHeaders');
const kCorked = Symbol('corked');
const kHighWaterMark = Symbol('kHighWaterMark');
const kNeedDrain = Symbol('kNeedDrain');
const kErrored = Symbol('errored');
const crlf = '\r\n';
const RE_CONN_CLOSE = /(?:^|\W)close(?:$|\W)/i;
const RE_TE_CHUNKED = /(?:^|\W)chunked(?:$|\W)/i;
const chunkExpression = /(?:^|\W)chunked(?:$|\W)/i;
const continueExpression = /(?:^|\W)100-continue(?:$|\W)/i;

function nop() {}

let dateCache;
function utcDate() {
  if (!dateCache) {
    dateCache = new Date().toUTCString();
    setTimeout(() => { dateCache = undefined; }, 1000 - new Date().getMilliseconds()).unref();
  }
  return dateCache;
}

function byteLength(chunk, encoding) {
  if (typeof chunk !== 'string') return chunk.byteLength;
  const B = toBuffer.ctor();
  return B ? B.byteLength(chunk, encoding) : chunk.length;
}

function headersSentError(what) {
  return internals.newError('Error', 'ERR_HTTP_HEADERS_SENT', `Cannot ${what} headers after they are sent to the client`);
}

// OutgoingMessage is Node's (lib/_http_outgoing.js): the head is made
// into _header on writeHead (or the first write), then header and body
// go to this.socket as HTTP/1.1 bytes (chunked unless a length is known),
// or wait in outputData until a socket is assigned.
class OutgoingMessage extends Stream {
  constructor(options) {
    super();
    this.outputData = [];
    this.outputSize = 0;
    this.writable = true;
    this.destroyed = false;
    this._last = false;
    this.chunkedEncoding = false;
    this.shouldKeepAlive = true;
    this.maxRequestsOnConnectionReached = false;
    this._defaultKeepAlive = true;
    this.useChunkedEncodingByDefault = true;
    this.sendDate = false;
    this._removedConnection = false;
    this._removedContLen = false;
    this._removedTE = false;
    this.strictContentLength = false;
    this._contentLength = null;
    this._hasBody = true;
    this._trailer = '';
    this[kNeedDrain] = false;
    this.finished = false;
    this._headerSent = false;
    this[kCorked] = 0;
    this._closed = false;
    this.socket = null;
    this._header = null;
    this[kHeaders] = null;
    this._keepAliveTimeout = 0;
    this._onPendingData = nop;
    this[kErrored] = null;
    this[kHighWaterMark] = options && options.highWaterMark !== undefined ? options.highWaterMark : 16384;
  }

  get connection() { return this.socket; }

  set connection(v) { this.socket = v; }

  get headersSent() { return !!this._header; }

  get writableEnded() { return this.finished; }

  get writableFinished() {
    return this.finished && this.outputSize === 0 && (!this.socket || this.socket.writableLength === 0);
  }

  get writableObjectMode() { return false; }

  get writableLength() { return this.outputSize + (this.socket ? this.socket.writableLength : 0); }

  get writableHighWaterMark() { return this.socket ? this.socket.writableHighWaterMark : this[kHighWaterMark]; }

  get writableCorked() { return this.socket ? this.socket.writableCorked : this[kCorked]; }

  get writableNeedDrain() { return !this.destroyed && !this.finished && this[kNeedDrain]; }

  get errored() { return this[kErrored]; }

  get closed() { return this._closed; }

  cork() {
    if (this.socket) this.socket.cork();
    else this[kCorked]++;
  }

  uncork() {
    if (this.socket) this.socket.uncork();
    else if (this[kCorked]) this[kCorked]--;
  }

  setTimeout(msecs, callback) {
    if (callback) this.on('timeout', callback);
    if (!this.socket) {
      this.once('socket', (socket) => socket.setTimeout(msecs));
    } else {
      this.socket.setTimeout(msecs);
    }
    return this;
  }

  destroy(error) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this[kErrored] = error;
    if (this.socket) {
      this.socket.destroy(error);
    } else {
      this.once('socket', (socket) => socket.destroy(error));
    }
    return this;
  }

  _send(data, encoding, callback, len) {
    if (!this._headerSent && this._header !== null) {
      const header = this._header;
      if (typeof data === 'string' && (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
        data = header + data;
      } else {
        this.outputData.unshift({ data: header, encoding: 'latin1', callback: null });
        this.outputSize += header.length;
        this._onPendingData(header.length);
      }
      this._headerSent = true;
    }
    return this._writeRaw(data, encoding, callback, len);
  }

  _writeRaw(data, encoding, callback) {
    const conn = this.socket;
    if (conn && conn.destroyed) return false;
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = null;
    }
    if (conn && conn._httpMessage === this && conn.writable) {
      if (this.outputData.length) this._flushOutput(conn);
      return conn.write(data, encoding, callback);
    }
    this.outputData.push({ data, encoding, callback });
    this.outputSize += data.length;
    this._onPendingData(data.length);
    return this.outputSize < this[kHighWaterMark];
  }

  _storeHeader(firstLine, headers) {
    const state = { connection: false, contLen: false, te: false, date: false, expect: false, trailer: false, header: firstLine };
    if (headers) {
      if (headers === this[kHeaders]) {
        for (const key in headers) {
          const entry = headers[key];
          processHeader(this, state, entry[0], entry[1], false);
        }
      } else if (Array.isArray(headers)) {
        if (headers.length && Array.isArray(headers[0])) {
          for (const entry of headers) processHeader(this, state, entry[0], entry[1], true);
        } else {
          if (headers.length % 2 !== 0) throw internals.invalidArgValue('headers', headers);
          for (let n = 0; n < headers.length; n += 2) processHeader(this, state, headers[n], headers[n + 1], true);
        }
      } else {
        for (const key in headers) {
          if (Object.prototype.hasOwnProperty.call(headers, key)) processHeader(this, state, key, headers[key], true);
        }
      }
    }
    let { header } = state;
    if (this.sendDate && !state.date) header += 'Date: ' + utcDate() + crlf;
    if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
      this.chunkedEncoding = false;
      this.shouldKeepAlive = false;
    }
    if (this._removedConnection) {
      this._last = !this.shouldKeepAlive;
    } else if (!state.connection) {
      const shouldSendKeepAlive = this.shouldKeepAlive && (state.contLen || this.useChunkedEncodingByDefault || this.agent);
      if (shouldSendKeepAlive && this.maxRequestsOnConnectionReached) {
        header += 'Connection: close\r\n';
      } else if (shouldSendKeepAlive) {
        header += 'Connection: keep-alive\r\n';
        if (this._keepAliveTimeout && this._defaultKeepAlive) {
          const timeoutSeconds = Math.floor(this._keepAliveTimeout / 1000);
          let max = '';
          if (~~this._maxRequestsPerSocket > 0) max = `, max=${this._maxRequestsPerSocket}`;
          header += `Keep-Alive: timeout=${timeoutSeconds}${max}\r\n`;
        }
      } else {
        this._last = true;
        header += 'Connection: close\r\n';
      }
    }
    if (!state.contLen && !state.te) {
      if (!this._hasBody) {
        this.chunkedEncoding = false;
      } else if (!this.useChunkedEncodingByDefault) {
        this._last = true;
      } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
        header += 'Content-Length: ' + this._contentLength + crlf;
      } else if (!this._removedTE) {
        header += 'Transfer-Encoding: chunked\r\n';
        this.chunkedEncoding = true;
      } else {
        this._last = true;
      }
    }
    if (this.chunkedEncoding !== true && state.trailer) {
      throw internals.newError('TypeError', 'ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding');
    }
    this._header = header + crlf;
    this._headerSent = false;
    if (state.expect) this._send('');
  }

  setHeader(name, value) {
    if (this._header) throw headersSentError('set');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    let headers = this[kHeaders];
    if (headers === null) this[kHeaders] = headers = { __proto__: null };
    headers[name.toLowerCase()] = [name, value];
    return this;
  }

  setHeaders(headers) {
    if (this._header) throw headersSentError('set');
    if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' || typeof headers.get !== 'function') {
      throw internals.invalidArgType('headers', 'an instance of Headers or Map', headers);
    }
    for (const key of headers.keys()) this.setHeader(key, headers.get(key));
    return this;
  }

  appendHeader(name, value) {
    if (this._header) throw headersSentError('append');
    validateHeaderName(name);
    validateHeaderValue(name, value);
    const field = name.toLowerCase();
    let headers = this[kHeaders];
    if (headers === null) this[kHeaders] = headers = { __proto__: null };
    if (headers[field] === undefined) {
      headers[field] = [name, value];
      return this;
    }
    const existing = headers[field][1];
    headers[field][1] = Array.isArray(existing) ? existing.concat(value) : [existing].concat(value);
    return this;
  }

  getHeader(name) {
    if (typeof name !== 'string') throw internals.invalidArgType('name', 'of type string', name);
    const headers = this[kHeaders];
    if (headers === null) return undefined;
    const entry = headers[name.toLowerCase()];
    return entry && entry[1];
  }

  hasHeader(name) {
    if (typeof name !== 'string') throw internals.invalidArgType('name', 'of type string', name);
    return this[kHeaders] !== null && !!this[kHeaders][name.toLowerCase()];
  }

  removeHeader(name) {
    if (typeof name !== 'string') throw internals.invalidArgType('name', 'of type string', name);
    if (this._header) throw headersSentError('remove');
    const key = name.toLowerCase();
    switch (key) {
      case 'connection': this._removedConnection = true; break;
      case 'content-length': this._removedContLen = true; break;
      case 'transfer-encoding': this._removedTE = true; break;
      case 'date': this.sendDate = false; break;
    }
    if (this[kHeaders] !== null) delete this[kHeaders][key];
  }

  getHeaderNames() { return this[kHeaders] !== null ? Object.keys(this[kHeaders]) : []; }

  getRawHeaderNames() {
    const headers = this[kHeaders];
    if (headers === null) return [];
    return Object.values(headers).map((e) => e[0]);
  }

  getHeaders() {
    const headers = this[kHeaders];
    const ret = { __proto__: null };
    if (headers) {
      for (const key of Object.keys(headers)) ret[key] = headers[key][1];
    }
    return ret;
  }

  // flatHeaders lists the headers as name, value, ... (the Go client's form).
  flatHeaders() {
    const flat = [];
    const headers = this[kHeaders];
    if (!headers) return flat;
    for (const key of Object.keys(headers)) {
      const [name, value] = headers[key];
      if (Array.isArray(value)) {
        for (const v of value) flat.push(name, String(v));
      } else {
        flat.push(name, String(value));
      }
    }
    return flat;
  }

  _implicitHeader() {
    throw internals.newError('Error', 'ERR_METHOD_NOT_IMPLEMENTED', 'The _implicitHeader() method is not implemented');
  }

  addTrailers(headers) {
    this._trailer = '';
    const keys = Object.keys(headers);
    const isArray = Array.isArray(headers);
    for (let i = 0, l = keys.length; i < l; i++) {
      let field;
      let value;
      const key = keys[i];
      if (isArray) {
        field = headers[key][0];
        value = headers[key][1];
      } else {
        field = key;
        value = headers[key];
      }
      validateHeaderName(field);
      validateHeaderValue(field, value);
      this._trailer += field + ': ' + value + crlf;
    }
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = null;
    }
    const ret = writeOut(this, chunk, encoding, callback, false);
    if (!ret) this[kNeedDrain] = true;
    return ret;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = null;
      encoding = null;
    } else if (typeof encoding === 'function') {
      callback = encoding;
      encoding = null;
    }
    if (chunk) {
      if (this.finished) {
        onWriteError(this, internals.newError('Error', 'ERR_STREAM_WRITE_AFTER_END', 'write after end'),
          typeof callback !== 'function' ? nop : callback);
        return this;
      }
      if (this.socket) this.socket.cork();
      writeOut(this, chunk, encoding, null, true);
    } else if (this.finished) {
      if (typeof callback === 'function') {
        if (!this.writableFinished) {
          this.on('finish', callback);
        } else {
          callback(internals.newError('Error', 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished'));
        }
      }
      return this;
    } else if (!this._header) {
      if (this.socket) this.socket.cork();
      this._contentLength = 0;
      this._implicitHeader();
    }
    if (typeof callback === 'function') this.once('finish', callback);
    const finish = () => onFinish(this);
    if (this._hasBody && this.chunkedEncoding) {
      this._send('0\r\n' + this._trailer + crlf, 'latin1', finish);
    } else if (!this._headerSent || this.writableLength || chunk) {
      this._send('', 'latin1', finish);
    } else {
      process.nextTick(finish);
    }
    if (this.socket) {
      this.socket._writableState.corked = 1;
      this.socket.uncork();
    }
    this[kCorked] = 0;
    this.finished = true;
    if (this.outputData.length === 0 && this.socket && this.socket._httpMessage === this) this._finish();
    return this;
  }

  _finish() { this.emit('prefinish'); }

  _flush() {
    const socket = this.socket;
    if (socket && socket.writable) {
      const ret = this._flushOutput(socket);
      if (this.finished) {
        this._finish();
      } else if (ret && this[kNeedDrain]) {
        this[kNeedDrain] = false;
        this.emit('drain');
      }
    }
  }

  _flushOutput(socket) {
    while (this[kCorked]) {
      this[kCorked]--;
      socket.cork();
    }
    const outputLength = this.outputData.length;
    if (outputLength <= 0) return undefined;
    const outputData = this.outputData;
    socket.cork();
    let ret;
    for (let i = 0; i < outputLength; i++) {
      const { data, encoding, callback } = outputData[i];
      outputData[i].data = null;
      ret = socket.write(data, encoding, callback);
    }
    socket.uncork();
    this.outputData = [];
    this._onPendingData(-this.outputSize);
    this.outputSize = 0;
    return ret;
  }

  flushHeaders() {
    if (!this._header) this._implicitHeader();
    this._send('');
  }

  pipe() {
    this.emit('error', internals.newError('Error', 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'));
  }
}

function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  if (Array.isArray(value)) {
    if (value.length < 2 || key.toLowerCase() !== 'cookie') {
      for (let i = 0; i < value.length; i++) storeHeader(self, state, key, value[i], validate);
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate);
}

function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  state.header += key + ': ' + value + crlf;
  matchHeader(self, state, key, value);
}

function matchHeader(self, state, field, value) {
  if (field.length < 4 || field.length > 17) return;
  field = field.toLowerCase();
  switch (field) {
    case 'connection':
      state.connection = true;
      self._removedConnection = false;
      if (RE_CONN_CLOSE.test(value)) self._last = true;
      else self.shouldKeepAlive = true;
      break;
    case 'transfer-encoding':
      state.te = true;
      self._removedTE = false;
      if (RE_TE_CHUNKED.test(value)) self.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      self._contentLength = +value;
      self._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[field] = true;
      break;
    case 'keep-alive':
      self._defaultKeepAlive = false;
      break;
  }
}

function onWriteError(msg, err, callback) {
  if (msg.destroyed) return;
  process.nextTick(() => {
    callback(err);
    if (typeof msg.emit === 'function' && !msg.destroyed) msg.emit('error', err);
  });
}

function writeOut(msg, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = nop;
  if (chunk === null) {
    throw internals.newError('TypeError', 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  } else if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw internals.invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
  }
  let err;
  if (msg.finished) {
    err = internals.newError('Error', 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
  } else if (msg.destroyed) {
    err = internals.newError('Error', 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
  }
  if (err) {
    if (!msg.destroyed) onWriteError(msg, err, callback);
    else process.nextTick(callback, err);
    return false;
  }
  let len;
  if (!msg._header) {
    if (fromEnd) {
      len = byteLength(chunk, encoding);
      msg._contentLength = len;
    }
    msg._implicitHeader();
  }
  if (!msg._hasBody) {
    process.nextTick(callback);
    return true;
  }
  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    msg.socket.cork();
    const s = msg.socket;
    process.nextTick(() => s.uncork());
  }
  let ret;
  if (msg.chunkedEncoding && chunk.length !== 0) {
    if (len === undefined) len = byteLength(chunk, encoding);
    msg._send(len.toString(16), 'latin1', null);
    msg._send(crlf, null, null);
    msg._send(chunk, encoding, null, len);
    ret = msg._send(crlf, null, callback);
  } else {
    ret = msg._send(chunk, encoding, callback, len);
  }
  return ret;
}

function onFinish(outmsg) {
  if (outmsg && outmsg.socket && outmsg.socket._hadError) return;
  outmsg.emit('finish');
}

class ServerResponse extends OutgoingMessage {
  constructor(req, options) {
    super(options);
    if (req && req.method === 'HEAD') this._hasBody = false;
    this.req = req;
    this.sendDate = true;
    this._sent100 = false;
    this._expect_continue = false;
    this.statusCode = 200;
    this.statusMessage = undefined;
    if (req && (req.httpVersionMajor < 1 || req.httpVersionMinor < 1)) {
      this.useChunkedEncodingByDefault = chunkExpression.test(req.headers.te || '');
      this.shouldKeepAlive = false;
    }
  }

  _finish() { super._finish(); }

  assignSocket(socket) {
    if (socket._httpMessage) {
      throw internals.newError('Error', 'ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket');
    }
    socket._httpMessage = this;
    socket.on('close', onServerResponseClose);
    this.socket = socket;
    this.emit('socket', socket);
    this._flush();
  }

  detachSocket(socket) {
    socket.removeListener('close', onServerResponseClose);
    socket._httpMessage = null;
    this.socket = null;
  }

  writeContinue(cb) {
    this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
    this._sent100 = true;
  }

  writeProcessing(cb) {
    this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
  }

  writeEarlyHints(hints, cb) {
    let head = 'HTTP/1.1 103 Early Hints\r\n';
    if (hints === null || typeof hints !== 'object') throw internals.invalidArgType('hints', 'of type object', hints);
    if (hints.link === null || hints.link === undefined) return;
    const link = Array.isArray(hints.link) ? hints.link.join(', ') : String(hints.link);
    head += 'Link: ' + link + '\r\n';
    for (const key of Object.keys(hints)) {
      if (key !== 'link') head += key + ': ' + hints[key] + '\r\n';
    }
    head += '\r\n';
    this._writeRaw(head, 'ascii', cb);
  }

  _implicitHeader() { this.writeHead(this.statusCode); }

  writeHead(statusCode, reason, obj) {
    if (this._header) throw headersSentError('write');
    const originalStatusCode = statusCode;
    statusCode |= 0;
    if (statusCode < 100 || statusCode > 999) {
      throw internals.newError('RangeError', 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${originalStatusCode}`);
    }
    if (typeof reason === 'string') {
      this.statusMessage = reason;
    } else {
      if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown';
      if (obj === undefined || obj === null) obj = reason;
    }
    this.statusCode = statusCode;
    let headers;
    if (this[kHeaders]) {
      let k;
      if (Array.isArray(obj)) {
        if (obj.length % 2 !== 0) throw internals.invalidArgValue('headers', obj);
        for (let n = 0; n < obj.length; n += 2) this.removeHeader(obj[n]);
        for (let n = 0; n < obj.length; n += 2) {
          k = obj[n];
          if (k) this.appendHeader(k, obj[n + 1]);
        }
      } else if (obj) {
        for (k of Object.keys(obj)) {
          if (k) this.setHeader(k, obj[k]);
        }
      }
      headers = this[kHeaders];
    } else {
      headers = obj;
    }
    if (badValueRE.test(String(this.statusMessage))) {
      throw internals.newError('TypeError', 'ERR_INVALID_CHAR', 'Invalid character in statusMessage');
    }
    const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
    if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) this._hasBody = false;
    if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
    this._storeHeader(statusLine, headers);
    return this;
  }

  writeHeader(...args) { return this.writeHead(...args); }
}

function onServerResponseClose() {
  const msg = this._httpMessage;
  if (msg && !msg._closed) {
    msg.destroyed = true;
    msg._closed = true;
    msg.emit('close');
  }
}

// ---- the HTTP/1 parser ------------------------------------------------------------

function parseError(code, reason) {
  const err = new Error(`Parse Error: ${reason}`);
  err.code = code;
  err.reason = reason;
  return err;
}

const methodSet = new Set(METHODS);
const headerLineRE = /^([^:\s]+):[ \t]*(.*?)[ \t]*$/;

// Parser reads HTTP/1.x messages off a connection's bytes, as Node's
// llhttp binding does: onHeaders(info) when a head is in (it returns true
// to skip the body, or 'upgrade' to stop: the bytes after the head are the
// upgrade's), onBody(buffer), onComplete() at each message's end.
// execute() returns an Error (with Node's HPE_ code) or undefined; after
// an upgrade, this.rest holds the unparsed bytes.
class Parser {
  constructor(type, maxHeaderSize) {
    this.type = type;
    this.maxHeaderSize = maxHeaderSize || 16384;
    this.reset();
    this.upgraded = false;
    this.rest = null;
    this.incoming = null;
  }

  reset() {
    this.state = 'head';
    this.head = '';
    this.remaining = 0;
    this.trailer = '';
  }

  execute(buf) {
    if (this.failed) return undefined;
    const err = this.run(buf);
    if (err) this.failed = true;
    return err;
  }

  run(buf) {
    const B = toBuffer.ctor();
    let i = 0;
    const n = buf.length;
    while (i < n) {
      if (this.upgraded) {
        this.rest = buf.subarray(i);
        return undefined;
      }
      switch (this.state) {
        case 'head': {
          if (this.head === '') {
            while (i < n && (buf[i] === 13 || buf[i] === 10)) i++; // empty lines before a message
            if (i >= n) return undefined;
          }
          const start = i;
          const searchFrom = Math.max(0, this.head.length - 3);
          this.head += buf.latin1Slice ? buf.latin1Slice(start, n) : B.from(buf.subarray(start)).toString('latin1');
          let end = this.head.indexOf('\r\n\r\n', searchFrom);
          let sep = 4;
          const lf = this.head.indexOf('\n\n', searchFrom);
          if (lf >= 0 && (end < 0 || lf < end)) {
            end = lf;
            sep = 2;
          }
          if (end < 0) {
            // as llhttp, a bad first token fails at once, not at the
            // head's end (a TLS hello sent to a plain server)
            const bad = this.badStart();
            if (bad) return bad;
            if (this.head.length > this.maxHeaderSize) return parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
            return undefined;
          }
          if (end > this.maxHeaderSize) return parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
          const used = end + sep - (this.head.length - (n - start));
          i = start + used;
          const bad = this.badStart();
          if (bad) return bad;
          const text = this.head.slice(0, end);
          this.head = '';
          const err = this.onHead(text);
          if (err) return err;
          break;
        }
        case 'length': {
          i = this.takeBody(buf, i, n);
          if (this.remaining === 0) this.complete();
          break;
        }
        case 'eof': {
          const chunk = buf.subarray(i);
          i = n;
          this.onBody(chunk);
          break;
        }
        case 'chunk-size': {
          const nl = buf.indexOf(10, i);
          const part = (buf.latin1Slice ? buf.latin1Slice(i, nl < 0 ? n : nl) : B.from(buf.subarray(i, nl < 0 ? n : nl)).toString('latin1'));
          this.trailer += part;
          if (this.trailer.length > 16384) return parseError('HPE_CHUNK_EXTENSIONS_OVERFLOW', 'Chunk extensions overflow');
          if (nl < 0) {
            i = n;
            break;
          }
          i = nl + 1;
          const line = this.trailer.replace(/\r$/, '');
          this.trailer = '';
          const m = /^([0-9a-fA-F]+)[ \t]*(;.*)?$/.exec(line);
          if (!m) return parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
          const size = parseInt(m[1], 16);
          if (!Number.isSafeInteger(size)) return parseError('HPE_INVALID_CHUNK_SIZE', 'Chunk size overflow');
          if (size === 0) {
            this.state = 'trailers';
          } else {
            this.remaining = size;
            this.state = 'chunk-data';
          }
          break;
        }
        case 'chunk-data': {
          i = this.takeBody(buf, i, n);
          if (this.remaining === 0) this.state = 'chunk-crlf';
          break;
        }
        case 'chunk-crlf': {
          const c = buf[i];
          if (c === 13) {
            i++;
          } else if (c === 10) {
            i++;
            this.state = 'chunk-size';
          } else {
            return parseError('HPE_STRICT', 'Expected LF after chunk data');
          }
          break;
        }
        case 'trailers': {
          const nl = buf.indexOf(10, i);
          this.trailer += (buf.latin1Slice ? buf.latin1Slice(i, nl < 0 ? n : nl) : B.from(buf.subarray(i, nl < 0 ? n : nl)).toString('latin1'));
          if (this.trailer.length > this.maxHeaderSize) return parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
          if (nl < 0) {
            i = n;
            break;
          }
          i = nl + 1;
          const line = this.trailer.replace(/\r$/, '');
          this.trailer = '';
          if (line === '') {
            this.complete();
          } else {
            const m = headerLineRE.exec(line);
            if (!m) return parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
            this.rawTrailers.push(m[1], m[2]);
          }
          break;
        }
        default:
          return undefined;
      }
    }
    return undefined;
  }

  // takeBody hands the body bytes of buf from i (at most this.remaining,
  // below n) to onBody and returns the index after them.
  takeBody(buf, i, n) {
    const take = Math.min(this.remaining, n - i);
    this.remaining -= take;
    this.onBody(buf.subarray(i, i + take));
    return i + take;
  }

  badStart() {
    const h = this.head;
    if (this.type === 'request') {
      const sp = h.indexOf(' ');
      const method = sp < 0 ? h : h.slice(0, sp);
      if (!/^[A-Z-]*$/.test(method) || method.length > 20 || (sp >= 0 && !methodSet.has(method))) {
        return parseError('HPE_INVALID_METHOD', 'Invalid method encountered');
      }
      const nl = h.indexOf('\n');
      if (nl >= 0 && h[nl - 1] !== '\r') return parseError('HPE_INVALID_VERSION', 'Expected CRLF after version');
      return undefined;
    }
    const p = h.slice(0, 5);
    if (p !== 'HTTP/'.slice(0, p.length)) return parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/');
    return undefined;
  }

  // finish: the connection ended; a body read to its end completes.
  finish() {
    if (this.failed) return undefined;
    if (this.state === 'eof') {
      this.complete();
      return undefined;
    }
    if (this.state !== 'head' || this.head !== '') {
      if (this.state === 'head' && this.head === '') return undefined;
      return parseError('HPE_INVALID_EOF_STATE', 'Invalid EOF state');
    }
    return undefined;
  }

  onHead(text) {
    const lines = text.split(/\r?\n/);
    const first = lines[0];
    const info = { rawHeaders: [], upgrade: false, shouldKeepAlive: false };
    let major;
    let minor;
    if (this.type === 'request') {
      const m = /^([A-Z-]+) (\S+) HTTP\/(\d)\.(\d)$/.exec(first);
      if (!m) {
        const method = /^(\S+)/.exec(first);
        if (!method || !methodSet.has(method[1])) return parseError('HPE_INVALID_METHOD', 'Invalid method encountered');
        if (!/^\S+ \S+ HTTP\//.test(first)) return parseError('HPE_INVALID_URL', 'Invalid URL');
        return parseError('HPE_INVALID_VERSION', 'Invalid HTTP version');
      }
      if (!methodSet.has(m[1])) return parseError('HPE_INVALID_METHOD', 'Invalid method encountered');
      info.method = m[1];
      info.url = m[2];
      major = +m[3];
      minor = +m[4];
    } else {
      const m = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/.exec(first);
      if (!m) return parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/');
      major = +m[1];
      minor = +m[2];
      info.statusCode = +m[3];
      info.statusMessage = m[4] || '';
    }
    if (major !== 1 || minor > 1) return parseError('HPE_INVALID_VERSION', 'Invalid HTTP version');
    info.versionMajor = major;
    info.versionMinor = minor;
    let contentLength = null;
    let chunked = false;
    let connection = '';
    let upgradeHeader = false;
    for (let k = 1; k < lines.length; k++) {
      const line = lines[k];
      const m = headerLineRE.exec(line);
      if (!m || !tokenRE.test(m[1])) return parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
      const name = m[1];
      const value = m[2];
      if (badValueRE.test(value)) return parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char');
      info.rawHeaders.push(name, value);
      const lower = name.toLowerCase();
      if (lower === 'content-length') {
        if (!/^\d+$/.test(value)) return parseError('HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length');
        if (contentLength !== null && contentLength !== +value) return parseError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length');
        contentLength = +value;
      } else if (lower === 'transfer-encoding') {
        chunked = /(?:^|,)\s*chunked\s*$/i.test(value);
      } else if (lower === 'connection') {
        connection += (connection ? ',' : '') + value.toLowerCase();
      } else if (lower === 'upgrade') {
        upgradeHeader = true;
      }
    }
    if (chunked && contentLength !== null) {
      return parseError('HPE_UNEXPECTED_CONTENT_LENGTH', "Content-Length can't be present with Transfer-Encoding");
    }
    const tokens = connection.split(',').map((t) => t.trim());
    if (minor === 1) info.shouldKeepAlive = !tokens.includes('close');
    else info.shouldKeepAlive = tokens.includes('keep-alive');
    info.upgrade = (upgradeHeader && tokens.includes('upgrade')) || info.method === 'CONNECT';
    this.rawTrailers = [];
    const skip = this.onHeaders(info);
    if (skip === 'upgrade') {
      this.upgraded = true;
      return undefined;
    }
    if (this.type === 'response') {
      const code = info.statusCode;
      if (skip === true || (code >= 100 && code < 200) || code === 204 || code === 304) {
        this.complete();
        return undefined;
      }
    }
    if (chunked) {
      this.state = 'chunk-size';
      this.trailer = '';
    } else if (contentLength !== null && contentLength > 0) {
      this.state = 'length';
      this.remaining = contentLength;
    } else if (contentLength === null && this.type === 'response') {
      this.state = 'eof';
      info.shouldKeepAlive = false;
    } else {
      this.complete();
    }
    return undefined;
  }

  complete() {
    this.reset();
    this.onComplete(this.rawTrailers || []);
  }
}

// ---- Server -----------------------------------------------------------------

const kConnections = Symbol('http.server.connections');

const badRequestResponse = `HTTP/1.1 400 ${STATUS_CODES[400]}\r\nConnection: close\r\n\r\n`;
const requestTimeoutResponse = `HTTP/1.1 408 ${STATUS_CODES[408]}\r\nConnection: close\r\n\r\n`;
const requestHeaderFieldsTooLargeResponse = `HTTP/1.1 431 ${STATUS_CODES[431]}\r\nConnection: close\r\n\r\n`;
const requestChunkExtensionsTooLargeResponse = `HTTP/1.1 413 ${STATUS_CODES[413]}\r\nConnection: close\r\n\r\n`;

function connResetException(msg) {
  const err = new Error(msg);
  err.code = 'ECONNRESET';
  return err;
}

// Server is Node's http.Server: a net.Server whose connections are read
// by the HTTP/1 parser; each request is an IncomingMessage and a
// ServerResponse written back on the connection (keep-alive, pipelined
// requests answered in order, upgrades and CONNECT handed over with the
// bytes after their head).
class Server extends net.Server {
  constructor(options, requestListener) {
    if (typeof options === 'function') {
      requestListener = options;
      options = {};
    } else if (options === undefined || options === null) {
      options = {};
    } else if (typeof options !== 'object') {
      throw internals.invalidArgType('options', 'of type object', options);
    }
    super({
      allowHalfOpen: true,
      noDelay: options.noDelay === undefined ? true : options.noDelay,
      keepAlive: options.keepAlive,
      keepAliveInitialDelay: options.keepAliveInitialDelay,
      highWaterMark: options.highWaterMark,
    });
    if (options.maxHeaderSize !== undefined && (typeof options.maxHeaderSize !== 'number' || !Number.isInteger(options.maxHeaderSize) || options.maxHeaderSize < 0)) {
      throw internals.invalidArgType('maxHeaderSize', 'of type number', options.maxHeaderSize);
    }
    this.maxHeaderSize = options.maxHeaderSize;
    this.insecureHTTPParser = options.insecureHTTPParser;
    this.requestTimeout = options.requestTimeout === undefined ? 300000 : options.requestTimeout;
    this.headersTimeout = options.headersTimeout === undefined ? Math.min(60000, this.requestTimeout || 60000) : options.headersTimeout;
    this.keepAliveTimeout = options.keepAliveTimeout === undefined ? 5000 : options.keepAliveTimeout;
    this.connectionsCheckingInterval = options.connectionsCheckingInterval === undefined ? 30000 : options.connectionsCheckingInterval;
    this.joinDuplicateHeaders = options.joinDuplicateHeaders;
    this.rejectNonStandardBodyWrites = !!options.rejectNonStandardBodyWrites;
    this.timeout = 0;
    this.maxHeadersCount = null;
    this.maxRequestsPerSocket = 0;
    this.httpAllowHalfOpen = false;
    this[kConnections] = new Set();
    if (requestListener) this.on('request', requestListener);
    this.on('connection', connectionListener);
    this.on('listening', setupConnectionsTracking);
  }

  close(cb) {
    this.closeIdleConnections();
    if (this._connectionsTimer) {
      clearInterval(this._connectionsTimer);
      this._connectionsTimer = null;
    }
    return super.close(cb);
  }

  closeAllConnections() {
    for (const state of this[kConnections]) state.socket.destroy();
  }

  closeIdleConnections() {
    for (const state of this[kConnections]) {
      if (state.incoming.length === 0 && !state.socket._httpMessage) state.socket.destroy();
    }
  }

  setTimeout(msecs, callback) {
    this.timeout = msecs;
    if (callback) this.on('timeout', callback);
    return this;
  }
}

// setupConnectionsTracking starts the check of requestTimeout and
// headersTimeout (Node's connectionsCheckingInterval).
function setupConnectionsTracking() {
  if (this._connectionsTimer) clearInterval(this._connectionsTimer);
  if (!this.requestTimeout && !this.headersTimeout) return;
  const interval = this.connectionsCheckingInterval;
  if (!(interval > 0)) return;
  this._connectionsTimer = setInterval(checkConnections.bind(undefined, this), interval);
  this._connectionsTimer.unref();
}

function checkConnections(server) {
  const now = Date.now();
  for (const state of server[kConnections]) {
    if (state.requestStart === null) continue;
    const headersLate = server.headersTimeout > 0 && !state.headersDone && now - state.requestStart >= server.headersTimeout;
    const requestLate = server.requestTimeout > 0 && now - state.requestStart >= server.requestTimeout;
    if (headersLate || requestLate) {
      state.requestStart = null;
      socketOnError.call(state.socket, internals.newError('Error', 'ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout'));
    }
  }
}

function connectionListener(socket) {
  const server = this;
  const state = {
    server,
    socket,
    incoming: [],
    outgoing: [],
    outgoingData: 0,
    requestStart: null,
    headersDone: false,
    keepAliveTimeoutSet: false,
  };
  server[kConnections].add(state);
  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  socket.on('timeout', socketOnTimeout);
  const parser = new Parser('request', server.maxHeaderSize);
  socket.parser = parser;
  socket._httpState = state;
  parser.onHeaders = (info) => parserOnHeaders(server, socket, state, parser, info);
  parser.onBody = (chunk) => {
    const req = parser.incoming;
    if (!req || req._dumped) return;
    if (req.push(chunk) === false) {
      socket._httpPaused = false;
      socket.pause();
    }
  };
  parser.onComplete = (trailers) => {
    const req = parser.incoming;
    state.requestStart = null;
    state.headersDone = false;
    if (!req) return;
    if (trailers.length) req.rawTrailers = trailers;
    req.complete = true;
    req.push(null);
  };
  state.onData = (d) => socketOnData(server, socket, parser, state, d);
  state.onEnd = () => socketOnEnd(server, socket, parser, state);
  state.onClose = () => socketOnClose(socket, state);
  state.onDrain = () => socketOnDrain(socket, state);
  socket.on('data', state.onData);
  socket.on('end', state.onEnd);
  socket.on('error', socketOnError);
  socket.on('close', state.onClose);
  socket.on('drain', state.onDrain);
  socket._paused = false;
}

function socketOnData(server, socket, parser, state, d) {
  if (state.requestStart === null && !parser.upgraded) state.requestStart = Date.now();
  if (state.keepAliveTimeoutSet) {
    socket.setTimeout(server.timeout || 0);
    state.keepAliveTimeoutSet = false;
  }
  const ret = parser.execute(d);
  onParserExecuteCommon(server, socket, parser, state, ret, d);
}

function onParserExecuteCommon(server, socket, parser, state, ret) {
  if (ret instanceof Error) {
    ret.rawPacket = parser.head === '' ? undefined : toBuffer.ctor().from(parser.head, 'latin1');
    ret.bytesParsed = 0;
    socketOnError.call(socket, ret);
    return;
  }
  if (parser.upgraded) {
    const req = parser.incoming;
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    const head = parser.rest || toBuffer.ctor().alloc(0);
    detachConnection(socket, state);
    parser.incoming = null;
    state.requestStart = null;
    if (server.listenerCount(eventName) > 0) {
      server.emit(eventName, req, socket, head);
    } else {
      socket.destroy();
    }
  }
}

function detachConnection(socket, state) {
  socket.removeListener('data', state.onData);
  socket.removeListener('end', state.onEnd);
  socket.removeListener('close', state.onClose);
  socket.removeListener('drain', state.onDrain);
  socket.removeListener('error', socketOnError);
  socket.removeListener('timeout', socketOnTimeout);
  socket.parser = null;
  state.server[kConnections].delete(state);
  // as Node: neither flowing nor explicitly paused, so that the new
  // owner's 'data' listener starts the flow
  socket._readableState.flowing = null;
}

function parserOnHeaders(server, socket, state, parser, info) {
  state.headersDone = true;
  const req = new IncomingMessage(socket);
  req.httpVersionMajor = info.versionMajor;
  req.httpVersionMinor = info.versionMinor;
  req.httpVersion = `${info.versionMajor}.${info.versionMinor}`;
  req.method = info.method;
  req.url = info.url;
  let raw = info.rawHeaders;
  if (server.maxHeadersCount > 0 && raw.length > server.maxHeadersCount * 2) raw = raw.slice(0, server.maxHeadersCount * 2);
  req.rawHeaders = raw;
  req.joinDuplicateHeaders = !!server.joinDuplicateHeaders;
  req.upgrade = info.upgrade;
  parser.incoming = req;
  if (req.upgrade) {
    req.upgrade = req.method === 'CONNECT' || server.listenerCount('upgrade') > 0;
    if (req.upgrade) {
      req.complete = true;
      req.push(null);
      return 'upgrade';
    }
  }
  parserOnIncoming(server, socket, state, req, info.shouldKeepAlive);
  return false;
}

function updateOutgoingData(socket, state, delta) {
  state.outgoingData += delta;
  socketOnDrain(socket, state);
}

function socketOnDrain(socket, state) {
  const needPause = state.outgoingData > socket.writableHighWaterMark;
  if (socket._paused && !needPause) {
    socket._paused = false;
    if (socket.parser) socket.resume();
  }
  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg[kNeedDrain]) {
    msg[kNeedDrain] = false;
    msg.emit('drain');
  }
}

function parserOnIncoming(server, socket, state, req, keepAlive) {
  state.incoming.push(req);
  if (!socket._paused) {
    const ws = socket._writableState;
    if ((ws && ws.needDrain) || state.outgoingData >= socket.writableHighWaterMark) {
      socket._paused = true;
      socket.pause();
    }
  }
  const res = new server[kServerResponse](req, { highWaterMark: socket.writableHighWaterMark });
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res._onPendingData = (delta) => updateOutgoingData(socket, state, delta);
  res.shouldKeepAlive = keepAlive;
  if (socket._httpMessage) {
    state.outgoing.push(res);
  } else {
    res.assignSocket(socket);
  }
  res.on('finish', () => resOnFinish(req, res, socket, state, server));
  const expect = req.headers.expect;
  if (expect !== undefined && req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    if (continueExpression.test(expect)) {
      res._expect_continue = true;
      if (server.listenerCount('checkContinue') > 0) {
        server.emit('checkContinue', req, res);
      } else {
        res.writeContinue();
        server.emit('request', req, res);
      }
    } else if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', req, res);
    } else {
      res.writeHead(417);
      res.end();
    }
  } else {
    server.emit('request', req, res);
  }
}

function resOnFinish(req, res, socket, state, server) {
  const i = state.incoming.indexOf(req);
  if (i >= 0) state.incoming.splice(i, 1);
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();
  res.detachSocket(socket);
  process.nextTick(() => {
    if (res._closed) return;
    res.destroyed = true;
    res._closed = true;
    res.emit('close');
  });
  if (res._last) {
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
  } else if (state.outgoing.length === 0) {
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(server.keepAliveTimeout);
      state.keepAliveTimeoutSet = true;
    }
  } else {
    const m = state.outgoing.shift();
    if (m) m.assignSocket(socket);
  }
}

function abortIncoming(incoming) {
  while (incoming.length) {
    const req = incoming.shift();
    req.destroy(connResetException('aborted'));
  }
}

function socketOnClose(socket, state) {
  state.server[kConnections].delete(state);
  abortIncoming(state.incoming);
  for (const res of state.outgoing) {
    res.destroyed = true;
    res._closed = true;
    res.emit('close');
  }
  state.outgoing.length = 0;
}

function socketOnEnd(server, socket, parser, state) {
  const ret = parser.finish();
  if (ret instanceof Error) {
    socketOnError.call(socket, ret);
    return;
  }
  if (!server.httpAllowHalfOpen) {
    socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

function socketOnTimeout() {
  const req = this.parser && this.parser.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server && this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function socketOnError(e) {
  this.removeListener('error', socketOnError);
  this.on('error', nop);
  const server = this.server;
  if (!server || !server.emit('clientError', e, this)) {
    if (this.writable && (!this._httpMessage || !this._httpMessage._headerSent)) {
      let response;
      switch (e.code) {
        case 'HPE_HEADER_OVERFLOW': response = requestHeaderFieldsTooLargeResponse; break;
        case 'HPE_CHUNK_EXTENSIONS_OVERFLOW': response = requestChunkExtensionsTooLargeResponse; break;
        case 'ERR_HTTP_REQUEST_TIMEOUT': response = requestTimeoutResponse; break;
        default: response = badRequestResponse; break;
      }
      this.write(response);
    }
    this.destroy(e);
  }
}

const kServerResponse = Symbol('ServerResponse');
Server.prototype[kServerResponse] = ServerResponse;

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

// ---- Agent ---------------------------------------------------------------------

// Agent keeps Node's options and bookkeeping fields; the connections
// themselves are pooled by Go's transport.
class Agent extends EventEmitter {
  constructor(options) {
    super();
    this.defaultPort = 80;
    this.protocol = 'http:';
    this.options = { __proto__: null, ...options };
    if (this.options.noDelay === undefined) this.options.noDelay = true;
    this.options.path = null;
    this.requests = { __proto__: null };
    this.sockets = { __proto__: null };
    this.freeSockets = { __proto__: null };
    this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
    this.keepAlive = this.options.keepAlive || false;
    this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
    this.maxFreeSockets = this.options.maxFreeSockets || 256;
    this.scheduling = this.options.scheduling || 'lifo';
    this.maxTotalSockets = this.options.maxTotalSockets;
    this.totalSocketCount = 0;
    if (this.scheduling !== 'fifo' && this.scheduling !== 'lifo') {
      throw internals.invalidArgValue('scheduling', this.scheduling, "must be one of: 'fifo', 'lifo'");
    }
    if (this.maxTotalSockets !== undefined) {
      if (typeof this.maxTotalSockets !== 'number') {
        throw internals.invalidArgType('maxTotalSockets', 'of type number', this.maxTotalSockets);
      }
      if (!(this.maxTotalSockets > 0)) {
        throw internals.outOfRange('maxTotalSockets', '> 0', this.maxTotalSockets);
      }
    } else {
      this.maxTotalSockets = Infinity;
    }
  }

  getName(options = {}) {
    let name = options.host || 'localhost';
    name += ':';
    if (options.port) name += options.port;
    name += ':';
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += `:${options.family}`;
    if (options.socketPath) name += `:${options.socketPath}`;
    return name;
  }

  destroy() {}

  keepSocketAlive() { return true; }

  reuseSocket() {}
}
Agent.defaultMaxSockets = Infinity;

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// The TLS options a request takes from itself or its agent (Node's
// agent passes the same list on to tls.connect).
const tlsOptionNames = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized',
  'servername', 'minVersion', 'maxVersion', 'ciphers'];

// ---- client ----------------------------------------------------------------------

class ClientRequest extends OutgoingMessage {
  constructor(input, options, cb) {
    super();
    if (typeof input === 'string' || isURL(input)) {
      const u = parseURL(String(input.href || input));
      const extra = typeof options === 'object' && options !== null ? options : {};
      if (typeof options === 'function') cb = options;
      options = { ...u, ...extra };
      if (u.port === '') delete options.port;
    } else {
      if (typeof options === 'function') cb = options;
      options = { ...input };
    }
    if (cb) this.once('response', cb);
    const defaultAgent = options._defaultAgent || globalAgent;
    let agent = options.agent;
    if (agent === false) {
      agent = new defaultAgent.constructor();
    } else if (agent === null || agent === undefined) {
      agent = typeof options.createConnection === 'function' ? undefined : defaultAgent;
    } else if (typeof agent.addRequest !== 'function' && !(agent instanceof Agent)) {
      throw internals.invalidArgType('options.agent', 'of type Agent-like Object, undefined, or false', agent);
    }
    this.agent = agent;
    const expected = agent && agent.protocol ? agent.protocol : defaultAgent.protocol;
    const protocol = options.protocol || defaultAgent.protocol;
    if (protocol !== expected) {
      throw internals.newError('TypeError', 'ERR_INVALID_PROTOCOL',
        `Protocol "${protocol}" not supported. Expected "${expected}"`);
    }
    const defaultPort = options.defaultPort || (agent && agent.defaultPort) || defaultAgent.defaultPort;
    this.method = String(options.method || 'GET').toUpperCase();
    this.path = options.path || '/';
    this.host = options.hostname || (options.host ? String(options.host).replace(/:\d+$/, '') : 'localhost');
    this.port = options.port || defaultPort;
    this.protocol = protocol;
    if (protocol === 'https:') {
      const from = { ...(agent && agent.options), ...options };
      const secure = {};
      for (const k of tlsOptionNames) if (from[k] !== undefined) secure[k] = from[k];
      this._secure = secure;
    }
    const headers = options.headers || {};
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
    } else {
      for (const k of Object.keys(headers)) this.setHeader(k, headers[k]);
    }
    if (options.auth && !this.hasHeader('authorization')) {
      const B = toBuffer.ctor();
      const enc = B ? B.from(String(options.auth)).toString('base64') : btoa(String(options.auth));
      this.setHeader('Authorization', `Basic ${enc}`);
    }
    if (options.timeout !== undefined) this.timeout = timerDuration(options.timeout, 'timeout');
    this._body = [];
    this.aborted = false;
    this.reusedSocket = false;
    // 'socket' on the next tick, as an agent hands one out: code that sets
    // headers or timeouts there (http-proxy's 'proxyReq', got's timings)
    // runs before the request goes. The socket is the addresses-only one
    // of this module; the bytes go through Go's client.
    this.socket = null;
    process.nextTick(() => {
      if (this.destroyed || this.socket) return;
      const socket = new Socket({});
      socket._httpMessage = this;
      this.socket = socket;
      // as Node's tickOnSocket: the request's (or its agent's) timeout
      // on the socket, whose 'timeout' the request re-emits
      const agentTimeout = this.agent && this.agent.options && this.agent.options.timeout;
      if (this.timeout !== undefined || agentTimeout) {
        listenSocketTimeout(this);
        socket.setTimeout(this.timeout !== undefined ? this.timeout : agentTimeout);
      }
      this.emit('socket', socket);
    });
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') cb = encoding;
    this._body.push(chunkOf(chunk, typeof encoding === 'string' ? encoding : undefined));
    if (typeof cb === 'function') later(cb);
    return true;
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (this.writableEnded) return this;
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    this.finished = true;
    this._header = `${this.method} ${this.path} HTTP/1.1\r\n` +
      this.flatHeaders().reduce((acc, v, i, a) => (i % 2 ? acc : `${acc}${v}: ${a[i + 1]}\r\n`), '') + '\r\n';
    this._headerSent = true;
    if (typeof cb === 'function') this.once('finish', cb);
    const hostPart = this.host.includes(':') ? `[${this.host}]` : this.host;
    this._conn = binding.request({
      method: this.method,
      url: `${this.protocol}//${hostPart}:${this.port}${this.path}`,
      headers: this.flatHeaders(),
      body: joinBody(this._body),
      tls: this._secure,
    }, (info, body, upgraded) => {
      if (this.socket) this.socket._activity();
      if (this.destroyed) {
        if (upgraded) upgraded.close();
        return;
      }
      this.emit('finish');
      const res = new IncomingMessage(info);
      if (upgraded) {
        // 101 Switching Protocols: the connection is the caller's now
        const socket = new (require('net').Socket)({ handle: upgraded });
        res.req = this;
        res.socket = socket;
        res.connection = socket;
        res.upgrade = true;
        this.res = res;
        this.socket = socket;
        res.push(null);
        if (this.listenerCount('upgrade') > 0) {
          this.emit('upgrade', res, socket, toBuffer(new ArrayBuffer(0)));
        } else {
          socket.destroy();
        }
        later(() => this.emit('close'));
        return;
      }
      res.req = this;
      res._conn = this._conn;
      if (this.protocol === 'https:') res.socket.encrypted = true;
      this.res = res;
      if (this.listenerCount('response') > 0) {
        this.emit('response', res);
      } else {
        res.resume();
      }
    }, (message, code) => {
      if (this.destroyed) return;
      if (this.res) {
        // the connection ended before the body did
        this.destroyed = true;
        this._resAborted();
        return;
      }
      const err = new Error(message);
      err.code = code;
      this.emit('error', err);
      later(() => this.emit('close'));
    }, (chunk) => {
      const res = this.res;
      if (!res || this.destroyed) return;
      if (chunk !== null) {
        if (this.socket) this.socket._activity();
        if (!res.push(chunk) && this._conn) this._conn.pause();
        return;
      }
      this._ended = true;
      if (this.socket) this.socket._clearTimer();
      res.push(null);
      res.once('end', () => later(() => this.emit('close')));
    });
    return this;
  }

  abort() {
    if (this.aborted) return;
    this.aborted = true;
    later(() => this.emit('abort'));
    this.destroy();
  }

  // destroy as Node's: before the response it is an error, the caller's
  // or ECONNRESET 'socket hang up' (none for a request aborted before it
  // had its socket).
  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this._conn) this._conn.cancel();
    if (this.socket) this.socket._clearTimer();
    if (this.res && !this.res.complete) {
      this._resAborted();
      return this;
    }
    if (!this.res && !err && !(this.aborted && !this.socket)) err = connResetException('socket hang up');
    if (err) later(() => this.emit('error', err));
    later(() => this.emit('close'));
    return this;
  }

  // _resAborted: the response's body stopped short (a dropped connection
  // or req.destroy()): as Node, 'aborted' and an ECONNRESET 'aborted'
  // error on the response, the request's 'close' between them.
  _resAborted() {
    const res = this.res;
    later(() => {
      res.aborted = true;
      res.emit('aborted');
      this.emit('close');
      res.destroy(internals.newError('Error', 'ECONNRESET', 'aborted'));
    });
  }

  setTimeout(msecs, callback) {
    if (this._ended) return this;
    listenSocketTimeout(this);
    msecs = timerDuration(msecs, 'msecs');
    if (callback) this.once('timeout', callback);
    if (this.socket) this.socket.setTimeout(msecs);
    else this.once('socket', (sock) => sock.setTimeout(msecs));
    return this;
  }

  setNoDelay() {}

  setSocketKeepAlive() {}
}

function listenSocketTimeout(req) {
  if (req.timeoutCb) return;
  req.timeoutCb = () => req.emit('timeout');
  if (req.socket) req.socket.on('timeout', req.timeoutCb);
  else req.once('socket', (socket) => socket.on('timeout', req.timeoutCb));
}

// joinBody makes a request body of the written chunks: a string when all
// are strings, else their bytes (a Buffer) so that binary data is kept.
function joinBody(parts) {
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  const B = toBuffer.ctor();
  return B.concat(parts.map((p) => (typeof p === 'string' ? B.from(p) : B.from(p.buffer, p.byteOffset, p.byteLength))));
}

function request(input, options, cb) {
  return new ClientRequest(input, options, cb);
}

function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

// ---- https and tls: the same server and client over TLS ---------------------------

// Node's defaults (tls.DEFAULT_*).
const DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
  'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
  'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:' +
  'DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:' +
  'DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';

const secureOptionNames = ['key', 'cert', 'ca', 'pfx', 'passphrase', 'requestCert',
  'rejectUnauthorized', 'minVersion', 'maxVersion', 'ciphers'];

// SecureContext holds the options a TLS endpoint was made with; Go's
// crypto/tls builds the real config from them when it listens or connects.
class SecureContext {
  constructor(options) {
    this.context = {};
    this._options = {};
    for (const k of secureOptionNames) {
      if (options && options[k] !== undefined) this._options[k] = options[k];
    }
  }
}

function checkPEM(name, v) {
  const ok = (x) => typeof x === 'string' || ArrayBuffer.isView(x) ||
    x && typeof x === 'object' && !Array.isArray(x) && name === 'options.key' && x.pem !== undefined;
  if (v === undefined || v === null) return;
  if (Array.isArray(v) ? !v.every(ok) : !ok(v)) {
    throw internals.invalidArgType(name,
      'of type string or an instance of Buffer, TypedArray, or DataView', Array.isArray(v) ? v.find((x) => !ok(x)) : v);
  }
}

function createSecureContext(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw internals.invalidArgType('options', 'of type object', options);
  }
  checkPEM('options.key', options.key);
  checkPEM('options.cert', options.cert);
  checkPEM('options.ca', options.ca);
  for (const k of ['minVersion', 'maxVersion']) {
    const v = options[k];
    if (v !== undefined && !['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'].includes(v)) {
      throw internals.newError('TypeError', 'ERR_TLS_INVALID_PROTOCOL_VERSION',
        `"${v}" is not a valid ${k === 'minVersion' ? 'minimum' : 'maximum'} TLS protocol version`);
    }
  }
  return new SecureContext(options);
}

// checkServerIdentity as Node's, on the parsed certificate's subjectaltname
// and subject.CN: undefined when hostname is named, else the error.
function checkServerIdentity(hostname, cert) {
  const subject = cert && cert.subject;
  const altNames = cert && cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  if (altNames) {
    for (const name of altNames.split(', ')) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(name.slice(11).trim());
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  const wild = (pattern, host) => {
    pattern = pattern.toLowerCase().replace(/\.$/, '');
    host = host.toLowerCase().replace(/\.$/, '');
    if (!pattern.includes('*')) return pattern === host;
    const p = pattern.split('.');
    const h = host.split('.');
    if (p.length !== h.length || p[0] !== '*' || p.length < 3) return false;
    return p.slice(1).join('.') === h.slice(1).join('.');
  };
  const isIP = /^(\d{1,3}\.){3}\d{1,3}$/.test(hostname) || hostname.includes(':');
  if (isIP) {
    valid = ips.includes(hostname);
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || (subject && subject.CN)) {
    const hostParts = hostname;
    if (dnsNames.length > 0) {
      valid = dnsNames.some((n) => wild(n, hostParts));
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      valid = Array.isArray(cn) ? cn.some((n) => wild(n, hostParts)) : wild(cn, hostParts);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (valid) return undefined;
  const err = internals.newError('Error', 'ERR_TLS_CERT_ALTNAME_INVALID',
    `Hostname/IP does not match certificate's altnames: ${reason}`);
  err.reason = reason;
  err.host = hostname;
  err.cert = cert;
  return err;
}

function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    const parts = [];
    for (const p of protocols) {
      const s = String(p);
      if (s.length > 255) {
        throw internals.outOfRange('The byte length of the protocol at index 0 exceeds the maximum length.', '<= 255', s.length);
      }
      parts.push(String.fromCharCode(s.length) + s);
    }
    const B = toBuffer.ctor();
    out.ALPNProtocols = B ? B.from(parts.join(''), 'latin1') : parts.join('');
  } else if (ArrayBuffer.isView(protocols)) {
    out.ALPNProtocols = protocols;
  }
}

// secureOptions picks the TLS part of createServer's options (a
// secureContext's options under them).
function secureOptions(options) {
  const out = {};
  const ctx = options.secureContext instanceof SecureContext ? options.secureContext._options : {};
  for (const k of secureOptionNames) {
    const v = options[k] !== undefined ? options[k] : ctx[k];
    if (v !== undefined) out[k] = v;
  }
  checkPEM('options.key', out.key);
  checkPEM('options.cert', out.cert);
  checkPEM('options.ca', out.ca);
  return out;
}

function buildTLS() {
  // The TLS server: an http-less server is not offered (there is no
  // net.Socket in jsvm); tls.Server is the base https.Server is built on.
  class TLSServer extends Server {
    constructor(options, listener) {
      if (typeof options === 'function') {
        listener = options;
        options = {};
      } else if (options === undefined || options === null) {
        options = {};
      } else if (typeof options !== 'object') {
        throw internals.invalidArgType('options', 'of type object', options);
      }
      super(options, listener);
      this._secure = secureOptions(options);
      binding.checkSecure(this._secure);
      this.prependListener('connection', (socket) => { socket.encrypted = true; });
    }

    // the net binding's listen, each connection over TLS
    _listenNative(host, port, path, onConnection) {
      return binding.listenTLS(host, port, path, this._secure, onConnection);
    }

    setSecureContext(options) {
      const secure = secureOptions(options);
      binding.checkSecure(secure);
      this._secure = secure;
    }
  }
  const unavailable = (what) => () => {
    throw internals.newError('Error', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
      `The feature ${what} is unavailable on the current platform, which is being used to run Node.js`);
  };
  return {
    CLIENT_RENEG_LIMIT: 3,
    CLIENT_RENEG_WINDOW: 600,
    DEFAULT_CIPHERS,
    DEFAULT_ECDH_CURVE: 'auto',
    DEFAULT_MIN_VERSION: 'TLSv1.2',
    DEFAULT_MAX_VERSION: 'TLSv1.3',
    getCiphers: () => DEFAULT_CIPHERS.split(':').filter((c) => !c.includes('!') && c !== 'HIGH').map((c) => c.toLowerCase()),
    rootCertificates: Object.freeze([]),
    convertALPNProtocols,
    checkServerIdentity,
    createSecureContext,
    SecureContext,
    TLSSocket: unavailable('tls.TLSSocket'),
    Server: TLSServer,
    createServer: unavailable('tls.createServer (a raw TLS socket server; use https.createServer)'),
    connect: unavailable('tls.connect (raw TLS sockets; use https.request)'),
    createSecurePair: unavailable('tls.createSecurePair'),
  };
}

let tlsFace;
let httpsFace;

function tlsModule() {
  if (!tlsFace) tlsFace = buildTLS();
  return tlsFace;
}

function httpsModule() {
  if (httpsFace) return httpsFace;
  const tls = tlsModule();
  class HttpsAgent extends Agent {
    constructor(options) {
      super(options);
      this.defaultPort = 443;
      this.protocol = 'https:';
      this.maxCachedSessions = this.options.maxCachedSessions;
      if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
      this._sessionCache = { map: {}, list: [] };
    }

    getName(options = {}) {
      let name = super.getName(options);
      name += ':';
      for (const k of ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized',
        'servername', 'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder',
        'ecdhCurve', 'dhparam', 'secureOptions', 'sessionIdContext', 'sigalgs', 'privateKeyEngine',
        'privateKeyIdentifier']) {
        if (options[k] !== undefined) name += options[k];
        name += ':';
      }
      return name.slice(0, -1) + (options.passphrase !== undefined ? `:${options.passphrase}` : '');
    }
  }
  const httpsGlobalAgent = new HttpsAgent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
  class HttpsServer extends tls.Server {
    constructor(options, listener) {
      super(options, listener);
      this.timeout = 0;
      this.maxHeadersCount = null;
    }
  }
  const withDefault = (input, options, cb) => {
    if (typeof input === 'string' || isURL(input)) {
      if (typeof options === 'function') {
        cb = options;
        options = {};
      }
      options = { ...options, _defaultAgent: httpsGlobalAgent };
    } else {
      if (typeof options === 'function') cb = options;
      input = { ...input, _defaultAgent: httpsGlobalAgent };
      options = undefined;
    }
    return [input, options, cb];
  };
  function httpsRequest(input, options, cb) {
    return new ClientRequest(...withDefault(input, options, cb));
  }
  function httpsGet(input, options, cb) {
    const req = httpsRequest(input, options, cb);
    req.end();
    return req;
  }
  httpsFace = {
    Agent: HttpsAgent,
    globalAgent: httpsGlobalAgent,
    Server: HttpsServer,
    createServer: (options, listener) => new HttpsServer(options, listener),
    get: httpsGet,
    request: httpsRequest,
  };
  return httpsFace;
}

// callableClass makes a class what Node's http constructors are, plain
// functions: `new F(...)` and `class X extends F` construct as the class
// does, and `F.call(this, ...)` (util.inherits-style subclasses:
// light-my-request's ServerResponse.call(this, req), agents'
// Agent.call(this)) initialises `this`: the class constructs an instance
// with this's prototype, whose own properties then move onto `this`.
function callableClass(C) {
  const F = {
    [C.name]: function (...args) { // (a function: a method is no constructor)
      if (new.target) return Reflect.construct(C, args, new.target);
      const self = this;
      if (self === null || (typeof self !== 'object' && typeof self !== 'function') || !(self instanceof F)) {
        return Reflect.construct(C, args);
      }
      function Target() {}
      Target.prototype = Object.getPrototypeOf(self);
      const made = Reflect.construct(C, args, Target);
      for (const k of Reflect.ownKeys(made)) Object.defineProperty(self, k, Reflect.getOwnPropertyDescriptor(made, k));
      return undefined;
    },
  }[C.name];
  Object.defineProperty(F, 'prototype', { value: C.prototype, writable: false });
  Object.defineProperty(C.prototype, 'constructor', { value: F, writable: true, configurable: true, enumerable: false });
  Object.setPrototypeOf(F, Object.getPrototypeOf(C));
  for (const k of Reflect.ownKeys(C)) {
    if (k !== 'length' && k !== 'name' && k !== 'prototype') Object.defineProperty(F, k, Reflect.getOwnPropertyDescriptor(C, k));
  }
  return F;
}

module.exports = {
  METHODS,
  STATUS_CODES,
  Agent: callableClass(Agent),
  ClientRequest: callableClass(ClientRequest),
  IncomingMessage: callableClass(IncomingMessage),
  OutgoingMessage: callableClass(OutgoingMessage),
  Server: callableClass(Server),
  ServerResponse: callableClass(ServerResponse),
  createServer,
  get,
  request,
  validateHeaderName,
  validateHeaderValue,
  maxHeaderSize: 16384,
  globalAgent,
};

return { https: httpsModule, tls: tlsModule };
