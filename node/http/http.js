// jsvm's `http` builtin, the JavaScript face. Wrapped by http.go in
// (function(module, exports, internals, binding, EventEmitter) { ... }).
// binding.listen / binding.request are the Go network side.
'use strict';

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

function headersObject(raw) {
  const headers = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const value = raw[i + 1];
    if (name === 'set-cookie') {
      (headers[name] || (headers[name] = [])).push(value);
    } else if (name in headers) {
      headers[name] += (name === 'cookie' ? '; ' : ', ') + value;
    } else {
      headers[name] = value;
    }
  }
  return headers;
}

// ---- IncomingMessage ------------------------------------------------------

class IncomingMessage extends EventEmitter {
  constructor(info) {
    super();
    info = info || {};
    this.method = info.method;
    this.url = info.url === undefined ? '' : info.url;
    this.statusCode = info.statusCode === undefined ? null : info.statusCode;
    this.statusMessage = info.statusMessage === undefined ? null : info.statusMessage;
    this.httpVersionMajor = info.httpVersionMajor || 1;
    this.httpVersionMinor = info.httpVersionMinor === undefined ? 1 : info.httpVersionMinor;
    this.httpVersion = `${this.httpVersionMajor}.${this.httpVersionMinor}`;
    this.rawHeaders = info.rawHeaders ? Array.from(info.rawHeaders) : [];
    this.headers = headersObject(this.rawHeaders);
    this.trailers = {};
    this.rawTrailers = [];
    this.complete = false;
    this.aborted = false;
    this.readableEnded = false;
    this.socket = {
      remoteAddress: info.remoteAddress,
      remotePort: info.remotePort,
      remoteFamily: info.remoteFamily,
      localAddress: info.localAddress,
      localPort: info.localPort,
      encrypted: false,
    };
    this.connection = this.socket;
    this._chunks = [];
    this._ended = false;
    this._flowing = null;
    this._scheduled = false;
    this._encoding = null;
    this.on('newListener', (event) => {
      if (event === 'data' && this._flowing !== false) this.resume();
      if (event === 'readable' || event === 'end') this._schedule();
    });
  }

  setEncoding(encoding) {
    this._encoding = encoding || 'utf8';
    return this;
  }

  pause() {
    this._flowing = false;
    return this;
  }

  resume() {
    this._flowing = true;
    this._schedule();
    return this;
  }

  isPaused() { return this._flowing === false; }

  read() {
    const c = this._chunks.shift();
    if (c === undefined) return null;
    return this._encoding ? decode(c, this._encoding) : c;
  }

  setTimeout(ms, cb) {
    if (cb) this.once('timeout', cb);
    return this;
  }

  destroy(err) {
    this.destroyed = true;
    if (err) later(() => this.emit('error', err));
    later(() => this.emit('close'));
    return this;
  }

  // push is called by the Go side with each body chunk (an ArrayBuffer),
  // then with null at the end of the body.
  push(chunk) {
    if (chunk === null) {
      this._ended = true;
      this.complete = true;
    } else {
      this._chunks.push(toBuffer(chunk));
    }
    this._schedule();
    return true;
  }

  _schedule() {
    if (this._scheduled) return;
    this._scheduled = true;
    later(() => {
      this._scheduled = false;
      this._flow();
    });
  }

  _flow() {
    if (this._flowing) {
      while (this._chunks.length > 0 && this._flowing) {
        const c = this._chunks.shift();
        this.emit('data', this._encoding ? decode(c, this._encoding) : c);
      }
    }
    if (this._ended && this._chunks.length === 0 && !this.readableEnded &&
        (this._flowing || this.listenerCount('end') > 0 && this._flowing !== false)) {
      this.readableEnded = true;
      this.emit('end');
      later(() => this.emit('close'));
    }
  }

  _aborted() {
    if (this.complete) return;
    this.aborted = true;
    this.emit('aborted');
    this.emit('close');
  }

  [Symbol.asyncIterator]() {
    const chunks = [];
    let done = false;
    let wake = null;
    this.on('data', (c) => { chunks.push(c); if (wake) wake(); });
    this.on('end', () => { done = true; if (wake) wake(); });
    return {
      next: async () => {
        while (chunks.length === 0 && !done) {
          await new Promise((resolve) => { wake = resolve; });
          wake = null;
        }
        if (chunks.length > 0) return { value: chunks.shift(), done: false };
        return { value: undefined, done: true };
      },
      return: async () => ({ value: undefined, done: true }),
      [Symbol.asyncIterator]() { return this; },
    };
  }
}

// ---- OutgoingMessage / ServerResponse ------------------------------------------

const kHeaders = Symbol('kOutHeaders');

class OutgoingMessage extends EventEmitter {
  constructor() {
    super();
    this[kHeaders] = new Map(); // lower-case name -> [name, value]
    this.headersSent = false;
    this.finished = false;
    this.writableEnded = false;
    this.writableFinished = false;
    this.sendDate = true;
  }

  setHeader(name, value) {
    if (this.headersSent) {
      throw internals.newError('Error', 'ERR_HTTP_HEADERS_SENT',
        'Cannot set headers after they are sent to the client');
    }
    validateHeaderName(name);
    validateHeaderValue(name, value);
    this[kHeaders].set(name.toLowerCase(), [name, value]);
    return this;
  }

  appendHeader(name, value) {
    const old = this.getHeader(name);
    if (old === undefined) return this.setHeader(name, value);
    return this.setHeader(name, [].concat(old, value));
  }

  getHeader(name) {
    if (typeof name !== 'string') throw internals.invalidArgType('name', 'of type string', name);
    const e = this[kHeaders].get(name.toLowerCase());
    return e === undefined ? undefined : e[1];
  }

  hasHeader(name) {
    if (typeof name !== 'string') throw internals.invalidArgType('name', 'of type string', name);
    return this[kHeaders].has(name.toLowerCase());
  }

  removeHeader(name) {
    if (typeof name !== 'string') throw internals.invalidArgType('name', 'of type string', name);
    if (this.headersSent) {
      throw internals.newError('Error', 'ERR_HTTP_HEADERS_SENT',
        'Cannot remove headers after they are sent to the client');
    }
    this[kHeaders].delete(name.toLowerCase());
  }

  getHeaderNames() { return Array.from(this[kHeaders].keys()); }

  getRawHeaderNames() { return Array.from(this[kHeaders].values(), (e) => e[0]); }

  getHeaders() {
    const out = Object.create(null);
    for (const [key, [, value]] of this[kHeaders]) out[key] = value;
    return out;
  }

  flatHeaders() {
    const flat = [];
    for (const [name, value] of this[kHeaders].values()) {
      if (Array.isArray(value)) {
        for (const v of value) flat.push(name, String(v));
      } else {
        flat.push(name, String(value));
      }
    }
    return flat;
  }
}

class ServerResponse extends OutgoingMessage {
  constructor(req, handle) {
    super();
    this.req = req;
    this.statusCode = 200;
    this.statusMessage = undefined;
    this._handle = handle;
    this.socket = req && req.socket;
    this.connection = this.socket;
  }

  writeHead(statusCode, reason, headers) {
    if (this.headersSent) {
      throw internals.newError('Error', 'ERR_HTTP_HEADERS_SENT',
        'Cannot write headers after they are sent to the client');
    }
    const code = Number(statusCode);
    if (!Number.isInteger(code) || code < 100 || code > 999) {
      throw internals.newError('RangeError', 'ERR_HTTP_INVALID_STATUS_CODE',
        `Invalid status code: ${statusCode}`);
    }
    if (typeof reason === 'string') {
      this.statusMessage = reason;
    } else {
      headers = reason;
    }
    if (!this.statusMessage) this.statusMessage = STATUS_CODES[code] || 'unknown';
    this.statusCode = code;
    if (Array.isArray(headers)) {
      if (headers.length > 0 && Array.isArray(headers[0])) {
        for (const [k, v] of headers) this.appendHeader(k, v);
      } else {
        for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
      }
    } else if (headers && typeof headers === 'object') {
      for (const k of Object.keys(headers)) {
        if (headers[k] !== undefined) this.setHeader(k, headers[k]);
      }
    }
    this._sendHead();
    return this;
  }

  _sendHead() {
    if (this.headersSent) return;
    const code = this.statusCode | 0;
    if (code < 100 || code > 999) {
      throw internals.newError('RangeError', 'ERR_HTTP_INVALID_STATUS_CODE',
        `Invalid status code: ${this.statusCode}`);
    }
    this.headersSent = true;
    if (this._handle) this._handle.head(code, this.flatHeaders());
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (this.writableEnded) {
      const err = internals.newError('Error', 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
      later(() => {
        if (typeof cb === 'function') cb(err);
        this.emit('error', err);
      });
      return false;
    }
    if (chunk === undefined || chunk === null) {
      throw internals.newError('TypeError', 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
    }
    const data = chunkOf(chunk, encoding);
    this._sendHead();
    if (this._handle) this._handle.write(data);
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
    if (this.writableEnded) {
      if (typeof cb === 'function') later(cb);
      return this;
    }
    const data = chunk === undefined || chunk === null ? undefined : chunkOf(chunk, encoding);
    if (typeof cb === 'function') this.once('finish', cb);
    this._sendHead();
    this.writableEnded = true;
    this.finished = true;
    if (this._handle) {
      this._handle.end(data);
    } else {
      later(() => this._finished());
    }
    return this;
  }

  // Called by the Go side once the response has been handed to the
  // connection.
  _finished() {
    if (this.writableFinished) return;
    this.writableFinished = true;
    this.emit('finish');
    later(() => this.emit('close'));
  }

  _aborted() {
    if (this.writableFinished) return;
    this.emit('close');
  }

  setTimeout(ms, cb) {
    if (cb) this.once('timeout', cb);
    return this;
  }

  flushHeaders() { this._sendHead(); }

  writeContinue() {}
}

// ---- Server -----------------------------------------------------------------

function isPort(p) {
  return typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < 65536 ||
    typeof p === 'string' && /^[0-9]+$/.test(p) && Number(p) < 65536;
}

class Server extends EventEmitter {
  constructor(options, requestListener) {
    super();
    if (typeof options === 'function') {
      requestListener = options;
      options = {};
    } else if (options === undefined || options === null) {
      options = {};
    } else if (typeof options !== 'object') {
      throw internals.invalidArgType('options', 'of type object', options);
    }
    if (requestListener !== undefined) this.on('request', requestListener);
    this.listening = false;
    this._handle = null;
    this._address = null;
    this._unref = false;
    this.timeout = 0;
    this.keepAliveTimeout = 5000;
    this.requestTimeout = 300000;
    this.headersTimeout = 60000;
    this.maxHeadersCount = null;
  }

  listen(...args) {
    let port = 0;
    let host = '';
    let cb;
    if (typeof args[args.length - 1] === 'function') cb = args.pop();
    if (args[0] !== null && typeof args[0] === 'object') {
      const o = args[0];
      if (o.port !== undefined) port = o.port;
      if (o.host !== undefined) host = o.host;
    } else {
      if (args[0] !== undefined && args[0] !== null) port = args[0];
      if (typeof args[1] === 'string') host = args[1];
    }
    if (!isPort(port)) {
      throw internals.newError('RangeError', 'ERR_SOCKET_BAD_PORT',
        `options.port should be >= 0 and < 65536. ${binding.received(port)}.`);
    }
    if (this._handle) {
      throw internals.newError('Error', 'ERR_SERVER_ALREADY_LISTEN',
        'Listen method has been called more than once without closing.');
    }
    if (cb) this.once('listening', cb);
    if (host === 'localhost') host = '127.0.0.1';
    const r = binding.listen(Number(port), host, (info, handle) => this._onRequest(info, handle));
    if (r.error) {
      const e = r.error;
      const err = new Error(e.message);
      for (const k of ['code', 'errno', 'syscall', 'address', 'port', 'hostname']) {
        if (e[k] !== undefined) err[k] = e[k];
      }
      later(() => this.emit('error', err));
      return this;
    }
    this._handle = r.handle;
    this._address = { address: r.address, family: r.family, port: r.port };
    this.listening = true;
    if (this._unref) this._handle.unref();
    later(() => this.emit('listening'));
    return this;
  }

  address() {
    return this._address ? { ...this._address } : null;
  }

  close(cb) {
    if (typeof cb === 'function') {
      if (!this._handle) {
        this.once('close', () => cb(internals.newError('Error', 'ERR_SERVER_NOT_RUNNING',
          'Server is not running.')));
      } else {
        this.once('close', cb);
      }
    }
    if (this._handle) {
      const handle = this._handle;
      this._handle = null;
      this.listening = false;
      handle.close(() => this.emit('close'));
    } else {
      later(() => this.emit('close'));
    }
    return this;
  }

  closeAllConnections() {
    if (this._handle) this._handle.closeAll();
  }

  closeIdleConnections() {}

  ref() {
    this._unref = false;
    if (this._handle) this._handle.ref();
    return this;
  }

  unref() {
    this._unref = true;
    if (this._handle) this._handle.unref();
    return this;
  }

  setTimeout(ms, cb) {
    this.timeout = ms;
    if (cb) this.on('timeout', cb);
    return this;
  }

  // Called by Go (on the loop) for each request; returns {req, res, emit}.
  _onRequest(info, handle) {
    const req = new IncomingMessage(info);
    const res = new ServerResponse(req, handle);
    if (req.method === 'HEAD') res._hasBody = false;
    return {
      req,
      res,
      emit: () => {
        const expect = req.headers.expect;
        if (expect && /100-continue/i.test(expect) && this.listenerCount('checkContinue') > 0) {
          this.emit('checkContinue', req, res);
        } else {
          this.emit('request', req, res);
        }
      },
    };
  }
}

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

// ---- client (minimal) --------------------------------------------------------------

class ClientRequest extends OutgoingMessage {
  constructor(input, options, cb) {
    super();
    if (typeof input === 'string' || (input && typeof input.href === 'string')) {
      const u = parseURL(String(input.href || input));
      const extra = typeof options === 'object' && options !== null ? options : {};
      if (typeof options === 'function') cb = options;
      options = { ...u, ...extra };
    } else {
      if (typeof options === 'function') cb = options;
      options = input || {};
    }
    if (cb) this.once('response', cb);
    const protocol = options.protocol || 'http:';
    if (protocol !== 'http:') {
      throw internals.newError('TypeError', 'ERR_INVALID_PROTOCOL',
        `Protocol "${protocol}" not supported. Expected "http:"`);
    }
    this.method = String(options.method || 'GET').toUpperCase();
    this.path = options.path || '/';
    this.host = options.hostname || (options.host ? String(options.host).replace(/:\d+$/, '') : 'localhost');
    this.port = options.port || 80;
    this.protocol = protocol;
    const headers = options.headers || {};
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
    } else {
      for (const k of Object.keys(headers)) this.setHeader(k, headers[k]);
    }
    this._body = [];
    this.aborted = false;
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') cb = encoding;
    const data = chunkOf(chunk, typeof encoding === 'string' ? encoding : undefined);
    this._body.push(typeof data === 'string' ? data : decode(data));
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
    this.writableEnded = true;
    this.finished = true;
    this.headersSent = true;
    if (typeof cb === 'function') this.once('finish', cb);
    const hostPart = this.host.includes(':') ? `[${this.host}]` : this.host;
    binding.request({
      method: this.method,
      url: `http://${hostPart}:${this.port}${this.path}`,
      headers: this.flatHeaders(),
      body: this._body.join(''),
    }, (info, body) => {
      this.emit('finish');
      const res = new IncomingMessage(info);
      this.res = res;
      if (body.byteLength > 0) res.push(body);
      res.push(null);
      if (this.listenerCount('response') > 0) {
        this.emit('response', res);
      } else {
        res.resume();
      }
      later(() => this.emit('close'));
    }, (message, code) => {
      const err = new Error(message);
      err.code = code;
      this.emit('error', err);
      later(() => this.emit('close'));
    });
    return this;
  }

  abort() {
    this.aborted = true;
    this.destroy();
  }

  destroy(err) {
    this.destroyed = true;
    if (err) later(() => this.emit('error', err));
    return this;
  }

  setTimeout(ms, cb) {
    if (cb) this.once('timeout', cb);
    return this;
  }
}

function request(input, options, cb) {
  return new ClientRequest(input, options, cb);
}

function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  METHODS,
  STATUS_CODES,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  get,
  request,
  validateHeaderName,
  validateHeaderValue,
  maxHeaderSize: 16384,
};
