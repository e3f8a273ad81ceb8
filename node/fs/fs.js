'use strict';
// setOf(list) is new Set(list) without Set.prototype.add, which the Set
// constructor calls and user code may have replaced.
function setOf(list) {
  const s = new Set();
  for (let i = 0; i < list.length; i++) MethodAdd(s, list[i]);
  return s;
}
// Node's fs over the Go binding: sync calls, then callback and promise
// forms built on them, Stats/Dirent, and the file streams.
const { Buffer } = require('buffer');

const constants = {
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFCHR: 8192, S_IFBLK: 24576, S_IFIFO: 4096, S_IFLNK: 40960,
  S_IFSOCK: 49152, O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024,
  O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096, O_DIRECT: 16384,
  O_NONBLOCK: 2048, S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64, S_IRWXG: 56, S_IRGRP: 32,
  S_IWGRP: 16, S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1, UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
};

function toPath(p, name = 'path') {
  if (typeof p === 'string') {
    if (MethodIncludes(p, '\u0000')) {
      throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE',
        `The argument '${name}' must be a string, Uint8Array, or URL without null bytes. Received ${internals.inspect(p)}`);
    }
    return p;
  }
  if (Buffer.isBuffer(p) || p instanceof Uint8Array) return Buffer.from(p).toString();
  if (p != null && typeof p === 'object' && typeof p.href === 'string' && p.protocol !== undefined) {
    if (p.protocol !== 'file:') throw internals.newError('TypeError', 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    return decodeURIComponent(p.pathname);
  }
  throw internals.invalidArgType(name, 'of type string or an instance of Buffer or URL', p);
}

function isFd(v) { return typeof v === 'number' && NumberIsInteger(v) && v >= 0; }

function getOptions(options, defaults) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') return { ...defaults, encoding: options };
  if (typeof options !== 'object') throw internals.invalidArgType('options', 'of type string or an instance of Object', options);
  return { ...defaults, ...options };
}

function checkEncoding(enc) {
  if (enc && enc !== 'buffer' && !Buffer.isEncoding(enc)) {
    throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE', `The argument 'encoding' is invalid encoding. Received ${internals.inspect(enc)}`);
  }
}

function toBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBufferIsView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw internals.invalidArgType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
}

function modeNum(mode, def) {
  if (mode === undefined || mode === null) return def;
  if (typeof mode === 'string') return parseInt(mode, 8);
  if (typeof mode !== 'number') throw internals.invalidArgType('mode', 'of type number', mode);
  return mode;
}

// ---- Stats and Dirent

class Stats {
  constructor(a) {
    this.dev = a[0]; this.mode = a[1]; this.nlink = a[2]; this.uid = a[3]; this.gid = a[4]; this.rdev = a[5];
    this.blksize = a[6]; this.ino = a[7]; this.size = a[8]; this.blocks = a[9];
    this.atimeMs = a[10]; this.mtimeMs = a[11]; this.ctimeMs = a[12]; this.birthtimeMs = a[13];
    this.atime = new Date(a[10]); this.mtime = new Date(a[11]); this.ctime = new Date(a[12]); this.birthtime = new Date(a[13]);
  }
}
// a BigIntStats (stat with { bigint: true }) has a bigint mode
const fmt = (s) => Number(typeof s.mode === 'bigint' ? s.mode & BigInt(constants.S_IFMT) : s.mode & constants.S_IFMT);
ObjectAssign(Stats.prototype, {
  isFile() { return fmt(this) === constants.S_IFREG; },
  isDirectory() { return fmt(this) === constants.S_IFDIR; },
  isSymbolicLink() { return fmt(this) === constants.S_IFLNK; },
  isFIFO() { return fmt(this) === constants.S_IFIFO; },
  isSocket() { return fmt(this) === constants.S_IFSOCK; },
  isCharacterDevice() { return fmt(this) === constants.S_IFCHR; },
  isBlockDevice() { return fmt(this) === constants.S_IFBLK; },
});

class BigIntStats {
  constructor(a) {
    const names = ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks'];
    MethodForEach(names, (n, i) => { this[n] = BigInt(MathTrunc(a[i])); });
    MethodForEach(['atime', 'mtime', 'ctime', 'birthtime'], (n, i) => {
      const ms = a[10 + i];
      this[n + 'Ms'] = BigInt(MathTrunc(ms));
      this[n + 'Ns'] = BigInt(MathTrunc(ms)) * 1000000n + BigInt(MathRound((ms % 1) * 1e6));
    });
    MethodForEach(['atime', 'mtime', 'ctime', 'birthtime'], (n, i) => { this[n] = new Date(a[10 + i]); });
  }
}
ObjectSetPrototypeOf(BigIntStats.prototype, Stats.prototype);

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    ObjectDefineProperty(this, '__type', { value: type, enumerable: false, writable: true });
  }
  isFile() { return this.__type === 1; }
  isDirectory() { return this.__type === 2; }
  isSymbolicLink() { return this.__type === 3; }
  isFIFO() { return this.__type === 4; }
  isSocket() { return this.__type === 5; }
  isCharacterDevice() { return this.__type === 6; }
  isBlockDevice() { return this.__type === 7; }
}
// Node keeps the type in a symbol-keyed slot; inspect shows it as [Symbol(type)]
const kType = Symbol('type');
ObjectDefineProperty(Dirent.prototype, '__type', {
  get() { return this[kType]; },
  set(v) { ObjectDefineProperty(this, kType, { value: v, enumerable: true, writable: true, configurable: true }); },
});

function makeStats(a, opts) { return opts && opts.bigint ? new BigIntStats(a) : new Stats(a); }

// ---- synchronous API

const fs = module.exports;

function decodeResult(buf, encoding) {
  const b = Buffer.from(buf);
  return encoding && encoding !== 'buffer' ? b.toString(encoding) : b;
}

fs.readFileSync = function readFileSync(path, options) {
  const opts = getOptions(options, { flag: 'r', encoding: null });
  checkEncoding(opts.encoding);
  const ab = isFd(path) ? binding.fdReadAll(path) : binding.readFile(toPath(path), opts.flag);
  return decodeResult(ab, opts.encoding);
};

fs.writeFileSync = function writeFileSync(file, data, options) {
  const opts = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = toBytes(data, opts.encoding);
  if (isFd(file)) { binding.write(file, bytes, 0, bytes.length, -1); return; }
  const fd = binding.open(toPath(file, 'file'), opts.flag, modeNum(opts.mode, 0o666));
  try { binding.write(fd, bytes, 0, bytes.length, -1); } finally { binding.close(fd); }
};

fs.appendFileSync = function appendFileSync(file, data, options) {
  const opts = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  fs.writeFileSync(file, data, opts);
};

fs.existsSync = function existsSync(path) {
  try { return binding.exists(toPath(path)); } catch { return false; }
};

fs.statSync = function statSync(path, options) {
  const throwIfNoEntry = !options || options.throwIfNoEntry !== false;
  const a = binding.stat(toPath(path), true, throwIfNoEntry);
  return a === undefined ? undefined : makeStats(a, options);
};
fs.lstatSync = function lstatSync(path, options) {
  const throwIfNoEntry = !options || options.throwIfNoEntry !== false;
  const a = binding.stat(toPath(path), false, throwIfNoEntry);
  return a === undefined ? undefined : makeStats(a, options);
};
fs.fstatSync = function fstatSync(fd, options) { return makeStats(binding.fstat(checkFd(fd)), options); };

function checkFd(fd) {
  if (typeof fd !== 'number') throw internals.invalidArgType('fd', 'of type number', fd);
  if (!NumberIsInteger(fd) || fd < 0 || fd > 2147483647) throw internals.outOfRange('fd', '>= 0 && <= 2147483647', fd);
  return fd;
}

fs.readdirSync = function readdirSync(path, options) {
  const opts = getOptions(options, { encoding: 'utf8', withFileTypes: false, recursive: false });
  path = toPath(path);
  const one = (dir, rel) => {
    const r = binding.readdir(dir, true);
    const out = [];
    for (let i = 0; i < r[0].length; i++) {
      const name = rel ? rel + '/' + r[0][i] : r[0][i];
      MethodPush(out, opts.withFileTypes ? new Dirent(r[0][i], r[1][i], rel ? path + '/' + rel : path) : name);
      if (opts.recursive && r[1][i] === 2) MethodPush(out, ...SafeIterable(one(dir + '/' + r[0][i], name)));
    }
    return out;
  };
  const out = one(path, '');
  if (opts.encoding === 'buffer' && !opts.withFileTypes) return MethodMap(out, (n) => Buffer.from(n));
  return out;
};

fs.mkdirSync = function mkdirSync(path, options) {
  let mode = 0o777, recursive = false;
  if (typeof options === 'number' || typeof options === 'string') mode = modeNum(options);
  else if (options) {
    if (options.recursive !== undefined && typeof options.recursive !== 'boolean') {
      throw internals.invalidArgType('options.recursive', 'of type boolean', options.recursive);
    }
    recursive = !!options.recursive;
    mode = modeNum(options.mode, 0o777);
  }
  return binding.mkdir(toPath(path), recursive, mode);
};

fs.rmdirSync = function rmdirSync(path, options) {
  if (options && options.recursive) return fs.rmSync(path, { recursive: true, force: true });
  binding.rmdir(toPath(path));
};
fs.rmSync = function rmSync(path, options) {
  const opts = options || {};
  binding.rm(toPath(path), !!opts.recursive, !!opts.force);
};
fs.unlinkSync = function unlinkSync(path) { binding.unlink(toPath(path)); };
fs.renameSync = function renameSync(from, to) { binding.rename(toPath(from, 'oldPath'), toPath(to, 'newPath')); };
fs.linkSync = function linkSync(from, to) { binding.link(toPath(from, 'existingPath'), toPath(to, 'newPath')); };
fs.symlinkSync = function symlinkSync(target, path) { binding.symlink(toPath(target, 'target'), toPath(path)); };
fs.readlinkSync = function readlinkSync(path, options) {
  const opts = getOptions(options, { encoding: 'utf8' });
  const r = binding.readlink(toPath(path));
  return opts.encoding === 'buffer' ? Buffer.from(r) : r;
};
fs.realpathSync = function realpathSync(path, options) {
  const opts = getOptions(options, { encoding: 'utf8' });
  const r = binding.realpath(toPath(path));
  return opts.encoding === 'buffer' ? Buffer.from(r) : r;
};
fs.realpathSync.native = fs.realpathSync;
fs.accessSync = function accessSync(path, mode) { binding.access(toPath(path), mode === undefined ? 0 : mode); };
fs.chmodSync = function chmodSync(path, mode) { binding.chmod(toPath(path), modeNum(mode)); };
fs.lchmodSync = undefined;
fs.chownSync = function chownSync(path, uid, gid) { binding.chown(toPath(path), uid, gid); };
fs.lchownSync = fs.chownSync;
const toSec = (t) => (t instanceof Date ? t.getTime() / 1000 : typeof t === 'string' ? Number(t) : t);
fs.utimesSync = function utimesSync(path, atime, mtime) { binding.utimes(toPath(path), toSec(atime), toSec(mtime)); };
fs.lutimesSync = function lutimesSync(path, atime, mtime) { binding.lutimes(toPath(path), toSec(atime), toSec(mtime)); };
fs.futimesSync = function futimesSync(fd, atime, mtime) { binding.futimes(checkFd(fd), toSec(atime), toSec(mtime)); };
fs.fchmodSync = function fchmodSync(fd, mode) { binding.fchmod(checkFd(fd), modeNum(mode)); };
fs.fchownSync = function fchownSync(fd, uid, gid) { binding.fchown(checkFd(fd), uid, gid); };
fs.truncateSync = function truncateSync(path, len = 0) {
  if (isFd(path)) return binding.ftruncate(path, len);
  binding.truncate(toPath(path), len);
};
fs.ftruncateSync = function ftruncateSync(fd, len = 0) { binding.ftruncate(checkFd(fd), len); };
fs.fsyncSync = function fsyncSync(fd) { binding.fsync(checkFd(fd)); };
fs.fdatasyncSync = fs.fsyncSync;
fs.copyFileSync = function copyFileSync(src, dest, mode = 0) {
  binding.copyFile(toPath(src, 'src'), toPath(dest, 'dest'), (mode & 1) === 1);
};
fs.cpSync = function cpSync(src, dest, options = {}) {
  src = toPath(src, 'src'); dest = toPath(dest, 'dest');
  const st = fs.statSync(src);
  if (st.isDirectory()) {
    if (!options.recursive) {
      throw internals.newError('Error', 'ERR_FS_EISDIR', `Recursive option is required to copy a directory: ${src}`);
    }
    fs.mkdirSync(dest, { recursive: true });
    for (const name of SafeIterable(fs.readdirSync(src))) fs.cpSync(src + '/' + name, dest + '/' + name, options);
    return;
  }
  if (options.force === false && fs.existsSync(dest)) return;
  fs.copyFileSync(src, dest);
};
fs.mkdtempSync = function mkdtempSync(prefix, options) {
  const opts = getOptions(options, { encoding: 'utf8' });
  const r = binding.mkdtemp(toPath(prefix, 'prefix'));
  return opts.encoding === 'buffer' ? Buffer.from(r) : r;
};
fs.openSync = function openSync(path, flags = 'r', mode = 0o666) {
  return binding.open(toPath(path), flags, modeNum(mode, 0o666));
};
fs.closeSync = function closeSync(fd) { binding.close(checkFd(fd)); };

function readArgs(buffer, offsetOrOptions, length, position) {
  let offset = 0;
  if (offsetOrOptions !== null && typeof offsetOrOptions === 'object') {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
  } else {
    offset = offsetOrOptions === undefined ? 0 : offsetOrOptions;
    if (length === undefined) length = buffer.byteLength - offset;
  }
  if (!ArrayBufferIsView(buffer)) throw internals.invalidArgType('buffer', 'an instance of Buffer, TypedArray, or DataView', buffer);
  if (offset < 0 || offset > buffer.byteLength) throw internals.outOfRange('offset', `>= 0 && <= ${buffer.byteLength}`, offset);
  if (length < 0) throw internals.outOfRange('length', '>= 0', length);
  if (offset + length > buffer.byteLength) throw internals.outOfRange('length', `<= ${buffer.byteLength - offset}`, length);
  const pos = position === null || position === undefined || position === -1 ? -1 : Number(position);
  return [offset, length, pos];
}
fs.readSync = function readSync(fd, buffer, offset, length, position) {
  checkFd(fd);
  const [o, l, p] = SafeIterable(readArgs(buffer, offset, length, position));
  if (l === 0) return 0;
  return binding.read(fd, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), o, l, p);
};
fs.writeSync = function writeSync(fd, buffer, offset, length, position) {
  checkFd(fd);
  if (typeof buffer === 'string') {
    const enc = typeof length === 'string' ? length : 'utf8';
    const bytes = Buffer.from(buffer, enc);
    const pos = typeof offset === 'number' ? offset : -1;
    return binding.write(fd, bytes, 0, bytes.length, pos);
  }
  const [o, l, p] = SafeIterable(readArgs(buffer, offset, length, position));
  return binding.write(fd, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), o, l, p);
};
fs.readvSync = function readvSync(fd, buffers, position) {
  let total = 0;
  for (const b of SafeIterable(buffers)) {
    const n = fs.readSync(fd, b, 0, b.byteLength, position == null ? null : position + total);
    total += n;
    if (n < b.byteLength) break;
  }
  return total;
};
fs.writevSync = function writevSync(fd, buffers, position) {
  let total = 0;
  for (const b of SafeIterable(buffers)) total += fs.writeSync(fd, b, 0, b.byteLength, position == null ? null : position + total);
  return total;
};
fs.opendirSync = function opendirSync(path) { return new Dir(toPath(path)); };

class Dir {
  constructor(path) { this.path = path; this._ents = fs.readdirSync(path, { withFileTypes: true }); this._closed = false; }
  readSync() { return this._ents.length ? MethodShift(this._ents) : null; }
  read(cb) {
    const p = MethodThen(PromiseResolve(), () => this.readSync());
    if (typeof cb === 'function') { MethodThen(p, (v) => cb(null, v), cb); return; }
    return p;
  }
  closeSync() { this._closed = true; }
  close(cb) { this._closed = true; if (typeof cb === 'function') process.nextTick(cb, null); else return PromiseResolve(); }
}
// sobek has no async generators: iterate a Dir with a plain async iterator
Dir.prototype[Symbol.asyncIterator] = function () {
  return { next: () => MethodThen(PromiseResolve(this.readSync()), (v) => (v ? { value: v, done: false } : { value: undefined, done: true })),
    return: () => PromiseResolve({ value: undefined, done: true }), [Symbol.asyncIterator]() { return this; } };
};
fs.Dir = Dir;

// ---- fs.watch (inotify, watch_linux.go) and fs.watchFile (stat polling)

function watchOptions(options) {
  if (typeof options === 'string') options = { encoding: options };
  else if (options == null) options = {};
  else if (typeof options !== 'object') throw internals.invalidArgType('options', 'of type string or an instance of Object', options);
  const o = { persistent: true, recursive: false, encoding: 'utf8', ...options };
  if (typeof o.recursive !== 'boolean') throw internals.invalidArgType('options.recursive', 'of type boolean', o.recursive);
  checkEncoding(o.encoding);
  return o;
}

function encodeName(name, encoding) {
  if (encoding === 'buffer') return Buffer.from(name);
  if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') return Buffer.from(name).toString(encoding);
  return name;
}

function startWatch(path, o, onChange) {
  try {
    return binding.watch(path, o.recursive, onChange);
  } catch (e) {
    if (e && typeof e === 'object' && e.syscall === 'watch') e.filename = path;
    throw e;
  }
}

let EE;
function FSWatcher() {
  if (!EE) EE = require('events');
  FunctionPrototypeCall(EE, this);
  this._handle = null;
}
fs.watch = function watch(filename, options, listener) {
  if (typeof options === 'function') { listener = options; options = undefined; }
  const o = watchOptions(options);
  const path = toPath(filename, 'path');
  if (!EE) EE = require('events');
  if (ObjectGetPrototypeOf(FSWatcher.prototype) !== EE.prototype) {
    ObjectSetPrototypeOf(FSWatcher.prototype, EE.prototype);
    ObjectSetPrototypeOf(FSWatcher, EE);
  }
  const w = new FSWatcher();
  w._handle = startWatch(path, o, (kind, name) => w.emit('change', kind, encodeName(name, o.encoding)));
  if (o.persistent !== true) w._handle.unref(); // Node's binding takes only true
  if (listener) w.on('change', listener);
  return w;
};
FSWatcher.prototype.close = function close() {
  if (!this._handle) return;
  this._handle.close();
  this._handle = null;
  process.nextTick(() => this.emit('close'));
};
FSWatcher.prototype.ref = function ref() { if (this._handle) this._handle.ref(); return this; };
FSWatcher.prototype.unref = function unref() { if (this._handle) this._handle.unref(); return this; };
fs.FSWatcher = FSWatcher;

const statWatchers = new Map();
const statKeys = ['dev', 'mode', 'nlink', 'uid', 'gid', 'ino', 'size', 'mtimeMs', 'ctimeMs'];
function StatWatcher(bigint) {
  if (!EE) EE = require('events');
  FunctionPrototypeCall(EE, this);
  this._bigint = bigint;
  this._timer = null;
  this._prev = null;
  this._state = 0; // 0 before the first poll, 1 after a stat, else the last errno
}
function zeroStats(bigint) { return makeStats(MethodFill(new Array(14), 0), { bigint }); }
StatWatcher.prototype._poll = function _poll(path) {
  let st = null;
  let errno = 0;
  try { st = fs.statSync(path, { bigint: this._bigint }); } catch (e) { errno = (e && e.errno) || -1; }
  if (st === null) {
    // libuv's fs_poll: an error is reported once, until it changes
    if (this._state !== errno) {
      const z = zeroStats(this._bigint);
      const prev = this._prev || z;
      this._state = errno;
      this._prev = z;
      this.emit('change', z, prev);
    }
    return;
  }
  if (this._state !== 0 && (this._state < 0 || MethodSome(statKeys, (k) => st[k] !== this._prev[k]))) {
    const prev = this._prev;
    this._state = 1;
    this._prev = st;
    this.emit('change', st, prev);
    return;
  }
  this._state = 1;
  this._prev = st;
};
StatWatcher.prototype._start = function _start(path, persistent, interval) {
  const first = setTimeout(() => {
    this._first = null;
    if (!this._timer) return;
    this._poll(path);
  }, 0);
  this._first = first;
  this._timer = setInterval(() => this._poll(path), interval);
  if (!persistent) { this._timer.unref(); first.unref(); }
};
StatWatcher.prototype.stop = function stop() {
  if (!this._timer) return;
  clearInterval(this._timer);
  if (this._first) clearTimeout(this._first);
  this._timer = null;
  process.nextTick(() => this.emit('stop'));
};
StatWatcher.prototype.ref = function ref() { if (this._timer) this._timer.ref(); return this; };
StatWatcher.prototype.unref = function unref() { if (this._timer) this._timer.unref(); return this; };

fs.watchFile = function watchFile(filename, options, listener) {
  const path = toPath(filename, 'filename');
  const key = require('path').resolve(path);
  if (typeof options === 'function') { listener = options; options = undefined; }
  options = { interval: 5007, persistent: true, ...(options && typeof options === 'object' ? options : {}) };
  if (typeof listener !== 'function') throw internals.invalidArgType('listener', 'of type function', listener);
  if (typeof options.interval !== 'number') throw internals.invalidArgType('interval', 'of type number', options.interval);
  if (!EE) EE = require('events');
  if (ObjectGetPrototypeOf(StatWatcher.prototype) !== EE.prototype) {
    ObjectSetPrototypeOf(StatWatcher.prototype, EE.prototype);
    ObjectSetPrototypeOf(StatWatcher, EE);
  }
  let stat = MethodGet(statWatchers, key);
  if (stat === undefined) {
    stat = new StatWatcher(!!options.bigint);
    stat._start(path, options.persistent, options.interval);
    MethodSet(statWatchers, key, stat);
  }
  stat.addListener('change', listener);
  return stat;
};
fs.unwatchFile = function unwatchFile(filename, listener) {
  const path = toPath(filename, 'filename');
  const key = require('path').resolve(path);
  const stat = MethodGet(statWatchers, key);
  if (stat === undefined) return;
  if (typeof listener === 'function') stat.removeListener('change', listener);
  else stat.removeAllListeners('change');
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    MethodDelete(statWatchers, key);
  }
};
fs.StatWatcher = StatWatcher;

// fs.promises.watch: an async iterator of {eventType, filename}
function promisesWatch(filename, options) {
  const path = toPath(filename, 'filename');
  const o = watchOptions(options);
  const signal = options && typeof options === 'object' ? options.signal : undefined;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw internals.invalidArgType('options.signal', 'an instance of AbortSignal', signal);
  }
  const queue = [];
  const waiting = [];
  let done = false;
  let failure = null;
  const abortErr = () => {
    const e = new Error('The operation was aborted');
    e.name = 'AbortError';
    e.code = 'ABORT_ERR';
    if (signal && signal.reason !== undefined) e.cause = signal.reason;
    return e;
  };
  let handle = null;
  const finish = (err) => {
    if (done) return;
    done = true;
    failure = err || null;
    if (handle) { handle.close(); handle = null; }
    while (waiting.length) {
      const w = MethodShift(waiting);
      if (failure) w.reject(failure); else w.resolve({ value: undefined, done: true });
    }
  };
  if (signal && signal.aborted) {
    failure = abortErr();
    done = true;
  } else {
    handle = startWatch(path, o, (eventType, name) => {
      const value = { eventType, filename: encodeName(name, o.encoding) };
      if (waiting.length) MethodShift(waiting).resolve({ value, done: false });
      else MethodPush(queue, value);
    });
    if (o.persistent !== true) handle.unref();
    if (signal) signal.addEventListener('abort', () => finish(abortErr()), { once: true });
  }
  const it = {
    next() {
      if (queue.length) return PromiseResolve({ value: MethodShift(queue), done: false });
      if (done) {
        if (failure) { const f = failure; failure = null; return PromiseReject(f); }
        return PromiseResolve({ value: undefined, done: true });
      }
      return new Promise((resolve, reject) => MethodPush(waiting, { resolve, reject }));
    },
    return() { finish(null); failure = null; return PromiseResolve({ value: undefined, done: true }); },
    throw(e) { finish(null); failure = null; return PromiseReject(e); },
    [Symbol.asyncIterator]() { return this; },
  };
  return it;
}

// ---- callback API: the sync call, its result delivered on a later tick

function callbackOf(args) {
  const cb = args[args.length - 1];
  if (typeof cb !== 'function') throw internals.invalidArgType('cb', 'of type function', args.length > 1 ? cb : undefined);
  return cb;
}
function makeCallback(name, sync, shape) {
  const fn = {
    [name](...args) {
      const cb = callbackOf(args);
      MethodPop(args);
      let res, err = null;
      try { res = sync(...SafeIterable(args)); } catch (e) { err = e; }
      if (err) {
        if (err.code === 'ERR_INVALID_ARG_TYPE' || err.code === 'ERR_OUT_OF_RANGE' || err.code === 'ERR_INVALID_ARG_VALUE') throw err;
        setImmediate(cb, err);
      } else if (shape === 'none') setImmediate(cb, null);
      else if (shape === 'exists') setImmediate(cb, res);
      else setImmediate(cb, null, res);
    },
  }[name];
  return fn;
}
const cbNames = ['readFile', 'writeFile', 'appendFile', 'stat', 'lstat', 'fstat', 'readdir', 'mkdir', 'rmdir', 'rm', 'unlink',
  'rename', 'link', 'symlink', 'readlink', 'realpath', 'access', 'chmod', 'chown', 'lchown', 'utimes', 'lutimes', 'truncate', 'ftruncate',
  'fsync', 'fdatasync', 'copyFile', 'cp', 'mkdtemp', 'open', 'close', 'opendir', 'futimes', 'fchmod', 'fchown'];
const noResult = setOf(['writeFile', 'appendFile', 'rmdir', 'rm', 'unlink', 'rename', 'link', 'symlink', 'access', 'chmod', 'chown',
  'lchown', 'utimes', 'lutimes', 'truncate', 'ftruncate', 'fsync', 'fdatasync', 'copyFile', 'cp', 'close', 'futimes', 'fchmod', 'fchown']);
for (const n of SafeIterable(cbNames)) fs[n] = makeCallback(n, fs[n + 'Sync'], MethodHas(noResult, n) ? 'none' : 'value');
fs.mkdir = makeCallback('mkdir', (p, o) => fs.mkdirSync(p, o), 'value');
fs.realpath.native = fs.realpath;
fs.exists = function exists(path, cb) { setImmediate(cb, fs.existsSync(path)); };
fs.read = function read(fd, buffer, offset, length, position, cb) {
  if (typeof buffer === 'function') { cb = buffer; buffer = Buffer.alloc(16384); offset = 0; length = buffer.length; position = null; }
  else if (typeof offset === 'function') { cb = offset; offset = 0; length = buffer.byteLength; position = null; }
  else if (typeof cb !== 'function') { cb = MethodFind([offset, length, position, cb], (x) => typeof x === 'function'); if (typeof offset === 'object' && offset) { ({ offset = 0, length = buffer.byteLength, position = null } = offset); } }
  let n, err = null;
  try { n = fs.readSync(fd, buffer, offset, length, position); } catch (e) { err = e; }
  setImmediate(() => (err ? cb(err) : cb(null, n, buffer)));
};
fs.write = function write(fd, buffer, ...rest) {
  const cb = MethodPop(rest);
  let n, err = null;
  try { n = fs.writeSync(fd, buffer, ...SafeIterable(rest)); } catch (e) { err = e; }
  setImmediate(() => (err ? cb(err) : cb(null, n, buffer)));
};
fs.readv = function readv(fd, buffers, position, cb) {
  if (typeof position === 'function') { cb = position; position = null; }
  let n, err = null;
  try { n = fs.readvSync(fd, buffers, position); } catch (e) { err = e; }
  setImmediate(() => (err ? cb(err) : cb(null, n, buffers)));
};
fs.writev = function writev(fd, buffers, position, cb) {
  if (typeof position === 'function') { cb = position; position = null; }
  let n, err = null;
  try { n = fs.writevSync(fd, buffers, position); } catch (e) { err = e; }
  setImmediate(() => (err ? cb(err) : cb(null, n, buffers)));
};

// ---- promises API

class FileHandle {
  constructor(fd) { this.fd = fd; }
  getAsyncId() { return this.fd; }
  stat(o) { return run(() => fs.fstatSync(this.fd, o)); }
  readFile(o) { return run(() => fs.readFileSync(this.fd, o)); }
  writeFile(d, o) { return run(() => fs.writeFileSync(this.fd, d, o)); }
  appendFile(d, o) { return run(() => fs.writeFileSync(this.fd, d, o)); }
  read(buffer, offset, length, position) {
    return run(() => {
      if (buffer == null || (typeof buffer === 'object' && !ArrayBufferIsView(buffer))) {
        const o = buffer || {};
        buffer = o.buffer || Buffer.alloc(16384);
        offset = o.offset || 0; length = o.length === undefined ? buffer.byteLength - offset : o.length; position = o.position;
      }
      const bytesRead = fs.readSync(this.fd, buffer, offset, length, position);
      return { bytesRead, buffer };
    });
  }
  write(buffer, ...rest) { return run(() => ({ bytesWritten: fs.writeSync(this.fd, buffer, ...SafeIterable(rest)), buffer })); }
  truncate(len) { return run(() => fs.ftruncateSync(this.fd, len)); }
  sync() { return run(() => fs.fsyncSync(this.fd)); }
  datasync() { return run(() => fs.fsyncSync(this.fd)); }
  chmod() { return PromiseResolve(); }
  close() { return run(() => { if (this.fd !== -1) { fs.closeSync(this.fd); this.fd = -1; } }); }
  createReadStream(o) { return fs.createReadStream(null, { ...o, fd: this.fd }); }
  createWriteStream(o) { return fs.createWriteStream(null, { ...o, fd: this.fd }); }
  readLines(o) { return require('readline').createInterface({ input: this.createReadStream(o), crlfDelay: Infinity }); }
  [Symbol.asyncDispose]() { return this.close(); }
}
function run(fn) {
  return new Promise((resolve, reject) => {
    let r, err, failed = false;
    try { r = fn(); } catch (e) { err = e; failed = true; }
    setImmediate(() => (failed ? reject(err) : resolve(r)));
  });
}
const promises = {};
for (const n of SafeIterable(cbNames)) {
  const sync = fs[n + 'Sync'];
  promises[n] = { [n](...args) { return run(() => sync(...SafeIterable(args))); } }[n];
}
promises.open = function open(path, flags, mode) { return run(() => new FileHandle(fs.openSync(path, flags, mode))); };
promises.readFile = function readFile(path, options) {
  return run(() => fs.readFileSync(path instanceof FileHandle ? path.fd : path, options));
};
promises.writeFile = function writeFile(path, data, options) {
  return run(() => fs.writeFileSync(path instanceof FileHandle ? path.fd : path, data, options));
};
promises.appendFile = function appendFile(path, data, options) {
  return run(() => fs.appendFileSync(path instanceof FileHandle ? path.fd : path, data, options));
};
promises.opendir = function opendir(path) { return run(() => fs.opendirSync(path)); };
promises.watch = promisesWatch;
promises.constants = constants;
delete promises.close;
delete promises.fstat;
delete promises.ftruncate;
delete promises.fsync;
delete promises.fdatasync;
fs.promises = promises;

// ---- streams (the stream builtin loads on first use)

let streamMod;
const stream = () => streamMod || (streamMod = require('stream'));
let RS, WS;
// methods puts methods on a prototype as Node's fs streams have them
// (assigned: enumerable).
function methods(proto, obj) { ObjectAssign(proto, obj); }
function ReadStreamClass() {
  if (RS) return RS;
  const { Readable } = stream();
  // (functions, as Node's: graceful-fs calls fs$ReadStream.apply(this, arguments))
  RS = function ReadStream(path, options) {
    if (!(this instanceof RS)) return new RS(path, options);
    {
      const opts = getOptions(options, {});
      FunctionPrototypeCall(Readable, this, { highWaterMark: opts.highWaterMark || 64 * 1024, encoding: opts.encoding, emitClose: opts.emitClose !== false,
        autoDestroy: opts.autoClose !== false });
      this.path = path == null ? undefined : toPath(path);
      this.fd = opts.fd === undefined ? null : (typeof opts.fd === 'object' ? opts.fd.fd : opts.fd);
      this.flags = opts.flags === undefined ? 'r' : opts.flags;
      this.mode = opts.mode === undefined ? 0o666 : opts.mode;
      this.start = opts.start;
      this.end = opts.end === undefined ? Infinity : opts.end;
      this.pos = this.start;
      this.bytesRead = 0;
      this.autoClose = opts.autoClose !== false;
      this.pending = this.fd === null;
      if (this.fd === null) {
        try { this.fd = fs.openSync(this.path, this.flags, this.mode); } catch (e) { process.nextTick(() => this.destroy(e)); return; }
        process.nextTick(() => { this.pending = false; this.emit('open', this.fd); this.emit('ready'); });
      }
    }
  };
  ObjectSetPrototypeOf(RS.prototype, Readable.prototype);
  ObjectSetPrototypeOf(RS, Readable);
  methods(RS.prototype, {
    _read(n) {
      if (this.fd === null || this.destroyed) return;
      const toRead = MathMin(n, this.end === Infinity ? n : this.end - (this.pos === undefined ? this.bytesRead : this.pos) + 1);
      if (toRead <= 0) { this.push(null); return; }
      const buf = Buffer.allocUnsafe(toRead);
      let got;
      try { got = fs.readSync(this.fd, buf, 0, toRead, this.pos === undefined ? null : this.pos); } catch (e) { this.destroy(e); return; }
      if (this.pos !== undefined) this.pos += got;
      this.bytesRead += got;
      setImmediate(() => this.push(got === 0 ? null : buf.subarray(0, got)));
    },
    _destroy(err, cb) {
      if (this.fd !== null && this.autoClose) { try { fs.closeSync(this.fd); } catch {} this.fd = null; }
      cb(err);
    },
    close(cb) { if (typeof cb === 'function') this.once('close', cb); this.destroy(); }
  });
  return RS;
}
function WriteStreamClass() {
  if (WS) return WS;
  const { Writable } = stream();
  WS = function WriteStream(path, options) {
    if (!(this instanceof WS)) return new WS(path, options);
    {
      const opts = getOptions(options, {});
      FunctionPrototypeCall(Writable, this, { highWaterMark: opts.highWaterMark, decodeStrings: true, defaultEncoding: opts.encoding || 'utf8',
        emitClose: opts.emitClose !== false, autoDestroy: opts.autoClose !== false });
      this.path = path == null ? undefined : toPath(path);
      this.fd = opts.fd === undefined ? null : (typeof opts.fd === 'object' ? opts.fd.fd : opts.fd);
      this.flags = opts.flags === undefined ? 'w' : opts.flags;
      this.mode = opts.mode === undefined ? 0o666 : opts.mode;
      this.start = opts.start;
      this.pos = this.start;
      this.bytesWritten = 0;
      this.autoClose = opts.autoClose !== false;
      this.pending = this.fd === null;
      if (this.fd === null) {
        try { this.fd = fs.openSync(this.path, this.flags, this.mode); } catch (e) { process.nextTick(() => this.destroy(e)); return; }
        process.nextTick(() => { this.pending = false; this.emit('open', this.fd); this.emit('ready'); });
      }
    }
  };
  ObjectSetPrototypeOf(WS.prototype, Writable.prototype);
  ObjectSetPrototypeOf(WS, Writable);
  methods(WS.prototype, {
    _write(chunk, encoding, cb) {
      try {
        const n = fs.writeSync(this.fd, chunk, 0, chunk.length, this.pos === undefined ? null : this.pos);
        if (this.pos !== undefined) this.pos += n;
        this.bytesWritten += n;
      } catch (e) { setImmediate(cb, e); return; }
      setImmediate(cb);
    },
    _destroy(err, cb) {
      if (this.fd !== null && this.autoClose) { try { fs.closeSync(this.fd); } catch {} this.fd = null; }
      cb(err);
    },
    close(cb) {
      if (typeof cb === 'function') this.once('close', () => cb(null));
      if (!this.writableEnded) this.end(); else this.destroy();
    },
    destroySoon() { this.end(); }
  });
  return WS;
}
fs.createReadStream = function createReadStream(path, options) { return new (ReadStreamClass())(path, options); };
fs.createWriteStream = function createWriteStream(path, options) { return new (WriteStreamClass())(path, options); };
// (settable, as Node's: createReadStream then makes the assigned class)
ObjectDefineProperty(fs, 'ReadStream', { get: ReadStreamClass, set(v) { RS = v; }, enumerable: true, configurable: true });
ObjectDefineProperty(fs, 'WriteStream', { get: WriteStreamClass, set(v) { WS = v; }, enumerable: true, configurable: true });

fs.Stats = Stats;
fs.Dirent = Dirent;
fs.constants = constants;
fs.F_OK = 0; fs.R_OK = 4; fs.W_OK = 2; fs.X_OK = 1;
