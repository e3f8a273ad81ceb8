// jsvm's `net` builtin. Wrapped by net.go in
// (function(module, exports, internals, require, binding) { ... }).
// Socket and Server follow Node's lib/net.js over binding's handles.
'use strict';

// Node's address grammars (lib/internal/net.js).
const v4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Str = `(?:${v4Seg}\\.){3}${v4Seg}`;
const IPv4Reg = new RegExp(`^${v4Str}$`);
const v6Seg = '(?:[0-9a-fA-F]{1,4})';
const IPv6Reg = new RegExp('^(?:' +
  `(?:${v6Seg}:){7}(?:${v6Seg}|:)|` +
  `(?:${v6Seg}:){6}(?:${v4Str}|:${v6Seg}|:)|` +
  `(?:${v6Seg}:){5}(?::${v4Str}|(?::${v6Seg}){1,2}|:)|` +
  `(?:${v6Seg}:){4}(?:(?::${v6Seg}){0,1}:${v4Str}|(?::${v6Seg}){1,3}|:)|` +
  `(?:${v6Seg}:){3}(?:(?::${v6Seg}){0,2}:${v4Str}|(?::${v6Seg}){1,4}|:)|` +
  `(?:${v6Seg}:){2}(?:(?::${v6Seg}){0,3}:${v4Str}|(?::${v6Seg}){1,5}|:)|` +
  `(?:${v6Seg}:){1}(?:(?::${v6Seg}){0,4}:${v4Str}|(?::${v6Seg}){1,6}|:)|` +
  `(?::(?:(?::${v6Seg}){0,5}:${v4Str}|(?::${v6Seg}){1,7}|:))` +
')(?:%[0-9a-zA-Z-.:]{1,})?$');

function isIPv4(s) { return IPv4Reg.test(`${s}`); }
function isIPv6(s) { return IPv6Reg.test(`${s}`); }
function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

const EventEmitter = require('events');
const stream = require('stream');

const kTimeout = Symbol('kTimeout');
const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kBuffer = Symbol('kBuffer');

function uvError(info) {
  const e = new Error(info.message);
  for (const k of SafeIterable(['errno', 'code', 'syscall', 'address', 'port', 'hostname'])) {
    if (info[k] !== undefined) e[k] = info[k];
  }
  return e;
}

function isPipeName(s) { return typeof s === 'string' && toNumber(s) === false; }
function toNumber(x) { return (x = Number(x)) >= 0 ? x : false; }

function isPort(p) {
  if ((typeof p !== 'number' && typeof p !== 'string') ||
      (typeof p === 'string' && MethodTrim(p) === '')) return false;
  return +p === (+p >>> 0) && +p <= 0xFFFF;
}

function badPort(name, port, allowZero) {
  const op = allowZero === false ? '>= 1' : '>= 0';
  return internals.newError('RangeError', 'ERR_SOCKET_BAD_PORT',
    `${name} should be ${op} and < 65536. Received ${received(port)}.`);
}

function received(v) {
  if (v == null) return String(v);
  if (typeof v === 'function') return `function ${v.name}`;
  if (typeof v === 'object') {
    if (v.constructor && v.constructor.name) return `an instance of ${v.constructor.name}`;
    return internals.inspect(v);
  }
  let shown = internals.inspect(v);
  if (shown.length > 28) shown = MethodSlice(shown, 0, 25) + '...';
  if (typeof v === 'string') return `type string (${shown})`;
  return `type ${typeof v} (${shown})`;
}

// normalizeArgs: [options, cb] from connect/listen's overloads.
function normalizeArgs(args) {
  let arr;
  if (args.length === 0) {
    arr = [{}, null];
    return arr;
  }
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  else options = ObjectAssign({}, options);
  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._parent = null;
  this._host = null;
  this[kLastWriteQueueSize] = 0;
  this[kTimeout] = null;
  this[kBuffer] = null;
  this._pendingData = null;
  this._pendingEncoding = '';
  this._bytesWritten = 0;
  this.bytesRead = 0;
  this.server = null;
  this._server = null;
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.autoDestroy = true;
  options.emitClose = false;
  options.decodeStrings = false;
  FunctionPrototypeCall(stream.Duplex, this, options);
  if (options.handle) {
    this._handle = options.handle;
    this._attach();
  }
  this.on('end', onReadableStreamEnd);
  if (options.noDelay) this.setNoDelay(true);
  if (options.keepAlive) this.setKeepAlive(true, options.keepAliveInitialDelay);
  if (this._handle && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._readableState.flowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }
  if (options.signal) stream.addAbortSignal(options.signal, this);
}
ObjectSetPrototypeOf(Socket.prototype, stream.Duplex.prototype);
ObjectSetPrototypeOf(Socket, stream.Duplex);

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) {
    this.write = writeAfterFIN;
  }
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return FunctionPrototypeCall(stream.Duplex.prototype.write, this, chunk, encoding, cb);
  if (typeof encoding === 'function') { cb = encoding; encoding = null; }
  const er = internals.newError('Error', 'EPIPE', 'This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

Socket.prototype._attach = function () {
  const self = this;
  const handle = this._handle;
  handle.reading = false;
  handle.attach(function onEvent(kind, a) {
    if (self._handle !== handle) return;
    switch (kind) {
      case 'data': {
        const buf = Buffer.from(a);
        self.bytesRead += buf.length;
        self._unrefTimer();
        if (!MethodPush(self, buf)) {
          handle.reading = false;
          handle.readStop();
        }
        break;
      }
      case 'end':
        handle.reading = false;
        MethodPush(self, null);
        self.read(0);
        break;
      case 'error':
        self.destroy(uvError(a));
        break;
      case 'connect':
        afterConnect(self);
        break;
      case 'connectError':
        self.connecting = false;
        self.destroy(uvError(a));
        break;
    }
  });
};

function afterConnect(self) {
  if (self.destroyed) return;
  self.connecting = false;
  self._sockname = null;
  self._unrefTimer();
  self.emit('connect');
  self.emit('ready');
  if (self.readable && !self.isPaused()) {
    tryReadStart(self);
  } else if (self._readableState && self._readableState.flowing !== false && self.readable) {
    tryReadStart(self);
  }
}

function tryReadStart(socket) {
  socket._handle.reading = true;
  socket._handle.readStart();
}

ObjectDefineProperty(Socket.prototype, 'pending', {
  get() { return !this._handle || this.connecting; }, configurable: true,
});
ObjectDefineProperty(Socket.prototype, 'readyState', {
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  }, configurable: true,
});
ObjectDefineProperty(Socket.prototype, 'bufferSize', {
  get() { if (this._handle) return this.writableLength; return undefined; }, configurable: true,
});
ObjectDefineProperty(Socket.prototype, 'bytesWritten', {
  get() {
    let bytes = this._bytesWritten;
    const ws = this._writableState;
    if (!ws) return bytes;
    const data = this._pendingData;
    const buffered = ws.buffered || [];
    for (const el of SafeIterable(buffered)) {
      if (el.chunk) bytes += el.chunk instanceof Buffer ? el.chunk.length : Buffer.byteLength(el.chunk, el.encoding);
    }
    if (ArrayIsArray(data)) {
      for (const el of SafeIterable(data)) bytes += el.chunk instanceof Buffer ? el.chunk.length : Buffer.byteLength(el.chunk, el.encoding);
    } else if (data) {
      bytes += data instanceof Buffer ? data.length : Buffer.byteLength(data, this._pendingEncoding);
    }
    return bytes;
  }, configurable: true,
});
ObjectDefineProperty(Socket.prototype, '_connecting', {
  get() { return this.connecting; }, configurable: true,
});

Socket.prototype._getpeername = function () {
  if (!this._handle) return this._peername || {};
  if (!this._peername) {
    const p = this._handle.peername();
    if (!p) return {};
    this._peername = p;
  }
  return this._peername;
};
Socket.prototype._getsockname = function () {
  if (!this._handle) return {};
  if (!this._sockname) {
    const s = this._handle.sockname();
    if (!s) return {};
    this._sockname = s;
  }
  return this._sockname;
};
for (const [name, key, fn] of SafeIterable([
  ['remoteAddress', 'address', '_getpeername'], ['remoteFamily', 'family', '_getpeername'],
  ['remotePort', 'port', '_getpeername'], ['localAddress', 'address', '_getsockname'],
  ['localPort', 'port', '_getsockname'], ['localFamily', 'family', '_getsockname'],
])) {
  ObjectDefineProperty(Socket.prototype, name, {
    get() { return this[fn]()[key]; }, configurable: true, enumerable: false,
  });
}
Socket.prototype.address = function () { return this._getsockname(); };

Socket.prototype.setNoDelay = function (enable) {
  if (!this._handle) {
    this.once('connect', enable ? this.setNoDelay : () => this.setNoDelay(enable));
    return this;
  }
  this._handle.setNoDelay(enable === undefined ? true : !!enable);
  return this;
};
Socket.prototype.setKeepAlive = function (enable, initialDelayMsecs) {
  if (!this._handle) {
    this.once('connect', () => this.setKeepAlive(enable, initialDelayMsecs));
    return this;
  }
  this._handle.setKeepAlive(!!enable, ~~((initialDelayMsecs || 0) / 1000));
  return this;
};

Socket.prototype.setTimeout = function (msecs, callback) {
  if (this.destroyed) return this;
  if (typeof msecs !== 'number') throw internals.invalidArgType('msecs', 'of type number', msecs);
  if (msecs < 0 || !NumberIsFinite(msecs)) throw internals.outOfRange('msecs', 'a non-negative finite number', msecs);
  if (callback !== undefined && typeof callback !== 'function') throw internals.invalidArgType('callback', 'of type function', callback);
  this.timeout = msecs;
  if (this[kTimeout]) { clearTimeout(this[kTimeout]); this[kTimeout] = null; }
  if (msecs === 0) {
    if (callback) this.removeListener('timeout', callback);
  } else {
    this[kTimeout] = setTimeout(() => this._onTimeout(), msecs);
    if (this[kTimeout].unref) this[kTimeout].unref();
    if (callback) this.once('timeout', callback);
  }
  return this;
};
Socket.prototype._onTimeout = function () {
  this[kTimeout] = null;
  this.emit('timeout');
};
Socket.prototype._unrefTimer = function () {
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
};

Socket.prototype._read = function (n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype._final = function (cb) {
  if (this.pending) {
    return this.once('connect', () => this._final(cb));
  }
  if (!this._handle) return cb();
  this._handle.shutdown((err) => {
    if (err && err.code !== 'ENOTCONN') return cb(uvError(err));
    cb();
  });
};

Socket.prototype._writeGeneric = function (writev, data, encoding, cb) {
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    function onClose() { cb(internals.newError('Error', 'ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established')); }
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (!this._handle) {
    cb(internals.newError('Error', 'ERR_SOCKET_CLOSED', 'Socket is closed'));
    return false;
  }
  this._unrefTimer();
  let buf;
  if (writev) {
    const parts = [];
    for (const d of SafeIterable(data)) MethodPush(parts, typeof d.chunk === 'string' ? Buffer.from(d.chunk, d.encoding) : d.chunk);
    buf = MethodConcat(Buffer, parts);
  } else {
    buf = typeof data === 'string' ? Buffer.from(data, encoding) : data;
  }
  const u8 = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  this._bytesWritten += u8.byteLength;
  const done = this._handle.write(u8, (err) => {
    if (this.destroyed) { cb(null); return; }
    if (err) { cb(uvError(err)); return; }
    this._unrefTimer();
    cb();
  });
  if (done === true) cb(); // written at once, as libuv's try-write
};
Socket.prototype._writev = function (chunks, cb) { this._writeGeneric(true, chunks, '', cb); };
Socket.prototype._write = function (data, encoding, cb) { this._writeGeneric(false, data, encoding, cb); };

Socket.prototype.end = function (data, encoding, callback) {
  FunctionPrototypeCall(stream.Duplex.prototype.end, this, data, encoding, callback);
  return this;
};

Socket.prototype.pause = function () {
  if (this[kBuffer] && !this.connecting && this._handle && this._handle.reading) {
    this._handle.reading = false;
    if (!this.destroyed) this._handle.readStop();
  }
  return FunctionPrototypeCall(stream.Duplex.prototype.pause, this);
};
Socket.prototype.resume = function () {
  if (this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) {
    tryReadStart(this);
  }
  return FunctionPrototypeCall(stream.Duplex.prototype.resume, this);
};
Socket.prototype.read = function (n) {
  if (this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) {
    tryReadStart(this);
  }
  return FunctionPrototypeCall(stream.Duplex.prototype.read, this, n);
};

Socket.prototype.destroySoon = function () {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype._destroy = function (exception, cb) {
  this.connecting = false;
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) { clearTimeout(s[kTimeout]); s[kTimeout] = null; }
  }
  if (this._handle) {
    const isException = !!exception;
    this._peername = this._getpeername();
    this._sockname = null;
    this._handle.close();
    this._handle = null;
    cb(exception);
    setImmediate(() => this.emit('close', isException));
  } else {
    cb(exception);
    process.nextTick(() => this.emit('close', !!exception));
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

Socket.prototype.resetAndDestroy = function () {
  if (this._handle) {
    if (this.connecting) this.once('connect', () => this.destroy());
    else this.destroy();
  } else {
    this.destroy(internals.newError('Error', 'ERR_SOCKET_CLOSED', 'Socket is closed'));
  }
  return this;
};

Socket.prototype.ref = function () {
  if (!this._handle) { this.once('connect', this.ref); return this; }
  this._handle.ref();
  return this;
};
Socket.prototype.unref = function () {
  if (!this._handle) { this.once('connect', this.unref); return this; }
  this._handle.unref();
  return this;
};

Socket.prototype.connect = function (...args) {
  let normalized;
  if (ArrayIsArray(args[0]) && args[0].length === 2 && typeof args[0][0] === 'object') normalized = args[0];
  else normalized = normalizeArgs(args);
  const options = normalized[0];
  const cb = normalized[1];
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
  }
  const path = options.path;
  const pipe = !!path;
  if (pipe) {
    if (typeof path !== 'string') throw internals.invalidArgType('options.path', 'of type string', path);
  } else {
    let { port } = options;
    const host = options.host;
    if (host !== undefined && host !== null && typeof host !== 'string') {
      throw internals.invalidArgType('hostname', 'of type string', host);
    }
    if (port === undefined) {
      throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "options" or "port" or "path" argument must be specified');
    }
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw internals.invalidArgType('options.port', 'of type number or string', port);
    }
    if (!isPort(port)) throw badPort('Port', port);
  }
  if (cb !== null) this.once('connect', cb);
  if (options.timeout) this.setTimeout(options.timeout);
  this.connecting = true;
  this._host = pipe ? null : (options.host || 'localhost');
  const port = pipe ? 0 : +options.port;
  const handle = binding.connect(pipe ? '' : this._host, port, pipe ? path : '', () => {});
  this._handle = handle;
  this._attach();
  if (this._readableState.flowing !== true && this.readable) {
    // reading starts on connect when someone reads
  }
  if (options.noDelay) this.setNoDelay(true);
  if (options.keepAlive) this.setKeepAlive(true, options.keepAliveInitialDelay);
  return this;
};

Socket.prototype[Symbol.asyncDispose] = function () {
  if (!this.destroyed) this.destroy();
  return new Promise((resolve) => {
    if (this.closed) resolve(); else this.once('close', () => resolve());
  });
};

function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

// ---- Server ----

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  FunctionPrototypeCall(EventEmitter, this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options = ObjectAssign({}, options);
  } else {
    throw internals.invalidArgType('options', 'of type object', options);
  }
  if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._listeningId = 1;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~((options.keepAliveInitialDelay || 0) / 1000);
  this.highWaterMark = options.highWaterMark;
  this._address = null;
  this._pipeName = undefined;
}
ObjectSetPrototypeOf(Server.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Server, EventEmitter);

ObjectDefineProperty(Server.prototype, 'listening', {
  get() { return !!this._handle; }, configurable: true, enumerable: true,
});

Server.prototype.listen = function (...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];
  if (this._handle) {
    throw internals.newError('Error', 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  }
  if (cb !== null) this.once('listening', cb);
  if (options._handle) options = options._handle;
  if (options.handle) options = options.handle;
  let port = options.port;
  let host = options.host;
  const path = options.path;
  if (typeof options.port === 'number' || typeof options.port === 'string' || (options.port === undefined && 'port' in options) || (path === undefined && port === undefined)) {
    if (port === undefined || port === null) port = 0;
    if (!isPort(port)) throw badPort('options.port', port);
    if (host !== undefined && host !== null && typeof host !== 'string') {
      throw internals.invalidArgValue('options', options, 'must have the property "port" or "path"');
    }
    if (host) {
      // Node looks the host up first (dns.lookup answers an address on a
      // later tick), so listening starts a tick after listen() returns
      process.nextTick(() => this._listen2(host, +port, ''));
    } else {
      this._listen2('', +port, '');
    }
    return this;
  }
  if (typeof path === 'string' && path !== '') {
    this._pipeName = path;
    this._listen2('', 0, path);
    return this;
  }
  throw internals.invalidArgValue('options', options, 'must have the property "port" or "path"');
};

// _listenNative listens (the https server listens with TLS on each
// connection instead).
Server.prototype._listenNative = function (host, port, path, onConnection) {
  return binding.listen(host, port, path, onConnection);
};

Server.prototype._listen2 = function (host, port, path) {
  const r = this._listenNative(host, port, path, (handle) => this._onConnection(handle));
  if (r.error) {
    const err = uvError(r.error);
    process.nextTick(() => this.emit('error', err));
    return;
  }
  this._handle = r.handle;
  this._address = path ? path : { address: host === '' ? '::' : r.address, family: host === '' ? 'IPv6' : r.family, port: r.port };
  if (this._unref) this._handle.unref();
  process.nextTick(() => { if (this._handle) this.emit('listening'); });
};

Server.prototype._onConnection = function (handle) {
  if (this.maxConnections && this._connections >= this.maxConnections) {
    handle.close();
    this.emit('drop', { localAddress: undefined, remoteAddress: undefined });
    return;
  }
  const socket = new Socket({
    handle,
    allowHalfOpen: this.allowHalfOpen,
    pauseOnCreate: this.pauseOnConnect,
    readable: true,
    writable: true,
    readableHighWaterMark: this.highWaterMark,
    writableHighWaterMark: this.highWaterMark,
  });
  if (this.noDelay) handle.setNoDelay(true);
  if (this.keepAlive) handle.setKeepAlive(true, this.keepAliveInitialDelay);
  this._connections++;
  socket.server = this;
  socket._server = this;
  this.emit('connection', socket);
};

Server.prototype.address = function () {
  if (!this._handle) return null;
  if (typeof this._address === 'string') return this._address;
  return ObjectAssign({}, this._address);
};

Server.prototype.getConnections = function (cb) {
  process.nextTick(cb, null, this._connections);
  return this;
};

Server.prototype.close = function (cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() {
        cb(internals.newError('Error', 'ERR_SERVER_NOT_RUNNING', 'Server is not running.'));
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function () {
  if (this._handle || this._connections) return;
  process.nextTick(() => this.emit('close'));
};

Server.prototype.ref = function () {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};
Server.prototype.unref = function () {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

Server.prototype[Symbol.asyncDispose] = function () {
  if (!this._handle) return PromiseResolve();
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

module.exports = {
  connect,
  createConnection: connect,
  createServer(options, listener) { return new Server(options, listener); },
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily() { return autoSelectFamily; },
  setDefaultAutoSelectFamily(v) {
    if (typeof v !== 'boolean') throw internals.invalidArgType('value', 'of type boolean', v);
    autoSelectFamily = v;
  },
  getDefaultAutoSelectFamilyAttemptTimeout() { return autoSelectFamilyAttemptTimeout; },
  setDefaultAutoSelectFamilyAttemptTimeout(v) {
    if (typeof v !== 'number' || !NumberIsInteger(v)) throw internals.invalidArgType('value', 'of type number', v);
    if (v < 1) throw internals.outOfRange('value', '>= 1', v);
    autoSelectFamilyAttemptTimeout = MathMax(v, 10);
  },
};
