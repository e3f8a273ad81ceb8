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
    process.nextTick(fn, ...SafeIterable(args));
  } else {
    MethodThen(PromiseResolve(), () => fn(...SafeIterable(args)));
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
  const values = ArrayIsArray(value) ? value : [value];
  for (const v of SafeIterable(values)) {
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
  const hostname = MethodReplace(m[2], /^\[|\]$/g, '');
  return { protocol: MethodToLowerCase(m[1]), hostname, port: m[3] || '', path: m[4] || '/' };
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
  for (const b of SafeIterable(u8)) s += StringFromCharCode(b);
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
  if (ArrayBufferIsView(chunk)) return chunk;
  throw internals.invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
}

function headersObject(raw) {
  const headers = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = MethodToLowerCase(raw[i]);
    const value = raw[i + 1];
    if (name === 'set-cookie') {
      MethodPush((headers[name] || (headers[name] = [])), value);
    } else if (name in headers) {
      headers[name] += (name === 'cookie' ? '; ' : ', ') + value;
    } else {
      headers[name] = value;
    }
  }
  return headers;
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
    return { address: this.localAddress, family: MethodIncludes(this.localAddress, ':') ? 'IPv6' : 'IPv4', port: this.localPort };
  }

  setTimeout(ms, cb) {
    this.timeout = ms;
    if (typeof cb === 'function') this.once('timeout', cb);
    return this;
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

// IncomingMessage is a Readable (res.pipe, pipeline, for await, setEncoding
// ...): the Go side pushes the body's chunks, then null. Go reads the
// whole body of a request as it comes, so _read has nothing to ask for.
class IncomingMessage extends Readable {
  constructor(info) {
    super({});
    info = info || {};
    this.method = info.method;
    this.url = info.url === undefined ? '' : info.url;
    this.statusCode = info.statusCode === undefined ? null : info.statusCode;
    this.statusMessage = info.statusMessage === undefined ? null : info.statusMessage;
    this.httpVersionMajor = info.httpVersionMajor || 1;
    this.httpVersionMinor = info.httpVersionMinor === undefined ? 1 : info.httpVersionMinor;
    this.httpVersion = `${this.httpVersionMajor}.${this.httpVersionMinor}`;
    this.rawHeaders = info.rawHeaders ? ArrayFrom(info.rawHeaders) : [];
    this.headers = headersObject(this.rawHeaders);
    this.trailers = {};
    this.rawTrailers = [];
    this.complete = false;
    this.aborted = false;
    this.socket = new Socket(info);
    this.connection = this.socket;
  }

  _read() {}

  setTimeout(ms, cb) {
    if (cb) this.once('timeout', cb);
    return this;
  }

  // push is called by the Go side with each body chunk (an ArrayBuffer),
  // then with null at the end of the body.
  push(chunk, encoding) {
    if (chunk === null) {
      this.complete = true;
      return super.push(null);
    }
    return super.push(chunk instanceof ArrayBuffer ? toBuffer(chunk) : chunk, encoding);
  }

  _aborted() {
    if (this.complete) return;
    this.aborted = true;
    this.emit('aborted');
    this.destroy();
  }

  // As Node's: a destroyed message emits its error only if someone
  // listens for it (node-fetch aborts a redirect's response and listens
  // for nothing on it).
  _destroy(err, cb) {
    process.nextTick(() => cb(this.listenerCount('error') === 0 ? null : err));
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
    this.writable = true; // legacy Stream.prototype.pipe writes only while this is true
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
    MethodSet(this[kHeaders], MethodToLowerCase(name), [name, value]);
    return this;
  }

  appendHeader(name, value) {
    const old = this.getHeader(name);
    if (old === undefined) return this.setHeader(name, value);
    return this.setHeader(name, MethodConcat([], old, value));
  }

  getHeader(name) {
    if (typeof name !== 'string') throw internals.invalidArgType('name', 'of type string', name);
    const e = MethodGet(this[kHeaders], MethodToLowerCase(name));
    return e === undefined ? undefined : e[1];
  }

  hasHeader(name) {
    if (typeof name !== 'string') throw internals.invalidArgType('name', 'of type string', name);
    return MethodHas(this[kHeaders], MethodToLowerCase(name));
  }

  removeHeader(name) {
    if (typeof name !== 'string') throw internals.invalidArgType('name', 'of type string', name);
    if (this.headersSent) {
      throw internals.newError('Error', 'ERR_HTTP_HEADERS_SENT',
        'Cannot remove headers after they are sent to the client');
    }
    MethodDelete(this[kHeaders], MethodToLowerCase(name));
  }

  getHeaderNames() { return ArrayFrom(MethodKeys(this[kHeaders])); }

  getRawHeaderNames() { return ArrayFrom(MethodValues(this[kHeaders]), (e) => e[0]); }

  getHeaders() {
    const out = ObjectCreate(null);
    for (const [key, [, value]] of SafeIterable(this[kHeaders])) out[key] = value;
    return out;
  }

  flatHeaders() {
    const flat = [];
    for (const [name, value] of SafeIterable(MethodValues(this[kHeaders]))) {
      if (ArrayIsArray(value)) {
        for (const v of SafeIterable(value)) MethodPush(flat, name, String(v));
      } else {
        MethodPush(flat, name, String(value));
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
    if (!NumberIsInteger(code) || code < 100 || code > 999) {
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
    if (ArrayIsArray(headers)) {
      if (headers.length > 0 && ArrayIsArray(headers[0])) {
        for (const [k, v] of SafeIterable(headers)) this.appendHeader(k, v);
      } else {
        for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
      }
    } else if (headers && typeof headers === 'object') {
      for (const k of SafeIterable(ObjectKeys(headers))) {
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

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.socket) this.socket.destroy();
    return this;
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
  return typeof p === 'number' && NumberIsInteger(p) && p >= 0 && p < 65536 ||
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
    if (typeof args[args.length - 1] === 'function') cb = MethodPop(args);
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
    const r = binding.listen(Number(port), host, (info, handle) => this._onRequest(info, handle), this._secure,
      (kind, a, b, c) => (kind === 'check' ? this._wantsUpgrade(a) : this._onUpgrade(a, b, c)));
    if (r.error) {
      const e = r.error;
      const err = new Error(e.message);
      for (const k of SafeIterable(['code', 'errno', 'syscall', 'address', 'port', 'hostname'])) {
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

  // Node's req.upgrade: a CONNECT needs a 'connect' listener, an upgrade
  // an 'upgrade' listener; otherwise the request is served as any other.
  _wantsUpgrade(method) {
    return this.listenerCount(method === 'CONNECT' ? 'connect' : 'upgrade') > 0;
  }

  // Called by Go (on the loop) with an upgraded connection's handle.
  _onUpgrade(info, handle, head) {
    const socket = new (require('net').Socket)({ handle });
    socket.server = this;
    const req = new IncomingMessage(info);
    req.socket = socket;
    req.connection = socket;
    req.upgrade = true;
    MethodPush(req, null);
    this.emit(req.method === 'CONNECT' ? 'connect' : 'upgrade', req, socket, toBuffer(head));
  }

  // Called by Go (on the loop) for each request; returns {req, res, emit}.
  _onRequest(info, handle) {
    const req = new IncomingMessage(info);
    const res = new ServerResponse(req, handle);
    if (req.method === 'HEAD') res._hasBody = false;
    if (handle) req.socket._abort = () => handle.destroy();
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
    this.method = MethodToUpperCase(String(options.method || 'GET'));
    this.path = options.path || '/';
    this.host = options.hostname || (options.host ? MethodReplace(String(options.host), /:\d+$/, '') : 'localhost');
    this.port = options.port || defaultPort;
    this.protocol = protocol;
    if (protocol === 'https:') {
      const from = { ...(agent && agent.options), ...options };
      const secure = {};
      for (const k of SafeIterable(tlsOptionNames)) if (from[k] !== undefined) secure[k] = from[k];
      this._secure = secure;
    }
    const headers = options.headers || {};
    if (ArrayIsArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
    } else {
      for (const k of SafeIterable(ObjectKeys(headers))) this.setHeader(k, headers[k]);
    }
    if (options.auth && !this.hasHeader('authorization')) {
      const B = toBuffer.ctor();
      const enc = B ? B.from(String(options.auth)).toString('base64') : btoa(String(options.auth));
      this.setHeader('Authorization', `Basic ${enc}`);
    }
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
      this.socket = new Socket({});
      this.connection = this.socket;
      this.emit('socket', this.socket);
    });
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') cb = encoding;
    MethodPush(this._body, chunkOf(chunk, typeof encoding === 'string' ? encoding : undefined));
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
    const hostPart = MethodIncludes(this.host, ':') ? `[${this.host}]` : this.host;
    this._conn = binding.request({
      method: this.method,
      url: `${this.protocol}//${hostPart}:${this.port}${this.path}`,
      headers: this.flatHeaders(),
      body: joinBody(this._body),
      tls: this._secure,
    }, (info, body, upgraded) => {
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
        MethodPush(res, null);
        if (this.listenerCount('upgrade') > 0) {
          this.emit('upgrade', res, socket, toBuffer(new ArrayBuffer(0)));
        } else {
          socket.destroy();
        }
        later(() => this.emit('close'));
        return;
      }
      res.req = this;
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
        MethodPush(res, chunk);
        return;
      }
      MethodPush(res, null);
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

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this._conn) this._conn.cancel();
    if (this.res && !this.res.complete) {
      this._resAborted();
      return this;
    }
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

  setTimeout(ms, cb) {
    if (cb) this.once('timeout', cb);
    return this;
  }

  setNoDelay() {}

  setSocketKeepAlive() {}
}

// joinBody makes a request body of the written chunks: a string when all
// are strings, else their bytes (a Buffer) so that binary data is kept.
function joinBody(parts) {
  if (MethodEvery(parts, (p) => typeof p === 'string')) return MethodJoin(parts, '');
  const B = toBuffer.ctor();
  return MethodConcat(B, MethodMap(parts, (p) => (typeof p === 'string' ? B.from(p) : B.from(p.buffer, p.byteOffset, p.byteLength))));
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
    for (const k of SafeIterable(secureOptionNames)) {
      if (options && options[k] !== undefined) this._options[k] = options[k];
    }
  }
}

function checkPEM(name, v) {
  const ok = (x) => typeof x === 'string' || ArrayBufferIsView(x) ||
    x && typeof x === 'object' && !ArrayIsArray(x) && name === 'options.key' && x.pem !== undefined;
  if (v === undefined || v === null) return;
  if (ArrayIsArray(v) ? !MethodEvery(v, ok) : !ok(v)) {
    throw internals.invalidArgType(name,
      'of type string or an instance of Buffer, TypedArray, or DataView', ArrayIsArray(v) ? MethodFind(v, (x) => !ok(x)) : v);
  }
}

function createSecureContext(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw internals.invalidArgType('options', 'of type object', options);
  }
  checkPEM('options.key', options.key);
  checkPEM('options.cert', options.cert);
  checkPEM('options.ca', options.ca);
  for (const k of SafeIterable(['minVersion', 'maxVersion'])) {
    const v = options[k];
    if (v !== undefined && !MethodIncludes(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'], v)) {
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
    for (const name of SafeIterable(MethodSplit(altNames, ', '))) {
      if (MethodStartsWith(name, 'DNS:')) MethodPush(dnsNames, MethodSlice(name, 4));
      else if (MethodStartsWith(name, 'IP Address:')) MethodPush(ips, MethodTrim(MethodSlice(name, 11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  const wild = (pattern, host) => {
    pattern = MethodReplace(MethodToLowerCase(pattern), /\.$/, '');
    host = MethodReplace(MethodToLowerCase(host), /\.$/, '');
    if (!MethodIncludes(pattern, '*')) return pattern === host;
    const p = MethodSplit(pattern, '.');
    const h = MethodSplit(host, '.');
    if (p.length !== h.length || p[0] !== '*' || p.length < 3) return false;
    return MethodJoin(MethodSlice(p, 1), '.') === MethodJoin(MethodSlice(h, 1), '.');
  };
  const isIP = /^(\d{1,3}\.){3}\d{1,3}$/.test(hostname) || MethodIncludes(hostname, ':');
  if (isIP) {
    valid = MethodIncludes(ips, hostname);
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${MethodJoin(ips, ', ')}`;
  } else if (dnsNames.length > 0 || (subject && subject.CN)) {
    const hostParts = hostname;
    if (dnsNames.length > 0) {
      valid = MethodSome(dnsNames, (n) => wild(n, hostParts));
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      valid = ArrayIsArray(cn) ? MethodSome(cn, (n) => wild(n, hostParts)) : wild(cn, hostParts);
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
  if (ArrayIsArray(protocols)) {
    const parts = [];
    for (const p of SafeIterable(protocols)) {
      const s = String(p);
      if (s.length > 255) {
        throw internals.outOfRange('The byte length of the protocol at index 0 exceeds the maximum length.', '<= 255', s.length);
      }
      MethodPush(parts, StringFromCharCode(s.length) + s);
    }
    const B = toBuffer.ctor();
    out.ALPNProtocols = B ? B.from(MethodJoin(parts, ''), 'latin1') : MethodJoin(parts, '');
  } else if (ArrayBufferIsView(protocols)) {
    out.ALPNProtocols = protocols;
  }
}

// secureOptions picks the TLS part of createServer's options (a
// secureContext's options under them).
function secureOptions(options) {
  const out = {};
  const ctx = options.secureContext instanceof SecureContext ? options.secureContext._options : {};
  for (const k of SafeIterable(secureOptionNames)) {
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
      super({}, listener);
      this._secure = secureOptions(options);
      binding.checkSecure(this._secure);
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
    getCiphers: () => MethodMap(MethodFilter(MethodSplit(DEFAULT_CIPHERS, ':'), (c) => !MethodIncludes(c, '!') && c !== 'HIGH'), (c) => MethodToLowerCase(c)),
    rootCertificates: ObjectFreeze([]),
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
      for (const k of SafeIterable(['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized',
        'servername', 'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder',
        'ecdhCurve', 'dhparam', 'secureOptions', 'sessionIdContext', 'sigalgs', 'privateKeyEngine',
        'privateKeyIdentifier'])) {
        if (options[k] !== undefined) name += options[k];
        name += ':';
      }
      return MethodSlice(name, 0, -1) + (options.passphrase !== undefined ? `:${options.passphrase}` : '');
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
    return new ClientRequest(...SafeIterable(withDefault(input, options, cb)));
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
      if (new.target) return ReflectConstruct(C, args, new.target);
      const self = this;
      if (self === null || (typeof self !== 'object' && typeof self !== 'function') || !(self instanceof F)) {
        return ReflectConstruct(C, args);
      }
      function Target() {}
      Target.prototype = ObjectGetPrototypeOf(self);
      const made = ReflectConstruct(C, args, Target);
      for (const k of SafeIterable(ReflectOwnKeys(made))) ObjectDefineProperty(self, k, ReflectGetOwnPropertyDescriptor(made, k));
      return undefined;
    },
  }[C.name];
  ObjectDefineProperty(F, 'prototype', { value: C.prototype, writable: false });
  ObjectDefineProperty(C.prototype, 'constructor', { value: F, writable: true, configurable: true, enumerable: false });
  ObjectSetPrototypeOf(F, ObjectGetPrototypeOf(C));
  for (const k of SafeIterable(ReflectOwnKeys(C))) {
    if (k !== 'length' && k !== 'name' && k !== 'prototype') ObjectDefineProperty(F, k, ReflectGetOwnPropertyDescriptor(C, k));
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
