'use strict';
// The JavaScript face of jsvm's child_process builtin. `binding` runs the
// processes (child_process.go); this file validates arguments and builds
// Node's results, errors and the ChildProcess EventEmitter.

function isObj(v) { return v !== null && typeof v === 'object'; }

function validateString(v, name) {
  if (typeof v !== 'string') throw internals.invalidArgType(name, 'of type string', v);
}

function errnoError(code, errno, syscall, file, args) {
  const e = new Error(syscall + ' ' + code);
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  e.path = file;
  e.spawnargs = args;
  return e;
}

function signalNumber(sig, name) {
  if (typeof sig === 'number') return sig;
  if (typeof sig === 'string') {
    const n = binding.signalNumber(MethodToUpperCase(sig));
    if (n >= 0 && sig === MethodToUpperCase(sig)) return n;
    const e = internals.newError('TypeError', 'ERR_UNKNOWN_SIGNAL', 'Unknown signal: ' + sig);
    throw e;
  }
  throw internals.invalidArgType(name || 'signal', 'of type string or number', sig);
}

function normalizeStdio(stdio, def) {
  if (stdio === undefined || stdio === null) stdio = def;
  if (typeof stdio === 'string') stdio = [stdio, stdio, stdio];
  if (!ArrayIsArray(stdio)) {
    throw internals.invalidArgValue('stdio', stdio, 'is invalid');
  }
  const out = [];
  for (let i = 0; i < 3; i++) {
    let s = stdio[i];
    if (s === undefined || s === null || s === 'pipe' || s === 'overlapped') s = 'pipe';
    else if (s === 'ignore' || s === 'ipc') s = 'ignore';
    else s = 'inherit'; // 'inherit', a file descriptor or a stream
    MethodPush(out, s);
  }
  return out;
}

function normalize(file, args, options, defStdio) {
  validateString(file, 'file');
  if (file.length === 0) {
    throw internals.invalidArgValue('file', file, 'cannot be empty');
  }
  if (ArrayIsArray(args)) {
    args = MethodSlice(args);
  } else if (args === undefined || args === null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw internals.invalidArgType('args', 'an instance of Array', args);
  } else {
    options = args;
    args = [];
  }
  if (options === undefined || options === null) options = {};
  else if (typeof options !== 'object') {
    throw internals.invalidArgType('options', 'of type object', options);
  }
  for (let i = 0; i < args.length; i++) args[i] = String(args[i]);
  const o = {};
  if (options.cwd !== undefined && options.cwd !== null) {
    o.cwd = typeof options.cwd === 'string' ? options.cwd : String(options.cwd);
  }
  let file2 = file;
  if (options.shell) {
    const cmd = MethodJoin(MethodConcat([file], args), ' ');
    file2 = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', cmd];
  }
  const env = options.env || process.env;
  const pairs = [];
  for (const k of SafeIterable(ObjectKeys(env))) {
    if (env[k] !== undefined) MethodPush(pairs, k + '=' + env[k]);
  }
  o.envPairs = pairs;
  o.stdio = normalizeStdio(options.stdio, defStdio || 'pipe');
  if (ArrayIsArray(options.stdio)) {
    const i = MethodIndexOf(options.stdio, 'ipc');
    if (i >= 0) {
      if (MethodIndexOf(options.stdio, 'ipc', i + 1) >= 0) {
        throw internals.newError('Error', 'ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe');
      }
      if (i < 3) {
        throw internals.invalidArgValue('stdio', options.stdio, 'is invalid');
      }
      o.ipc = i;
    }
  }
  if (options.argv0 !== undefined) o.argv0 = String(options.argv0);
  if (options.timeout !== undefined && options.timeout !== null) {
    if (typeof options.timeout !== 'number' || !(options.timeout >= 0)) {
      throw internals.outOfRange('timeout', 'a non-negative number', options.timeout);
    }
    o.timeout = options.timeout;
  }
  o.killSignal = signalNumber(options.killSignal === undefined ? 'SIGTERM' : options.killSignal, 'options.killSignal');
  return { file: file2, args, options, o };
}

function decodeOut(buf, encoding) {
  if (buf === null || buf === undefined) return null;
  const b = Buffer.from(buf);
  if (encoding && encoding !== 'buffer') return b.toString(encoding);
  return b;
}

function spawnSync(file, args, options) {
  const n = normalize(file, args, options, 'pipe');
  const opts = n.options;
  if (opts.input !== undefined && opts.input !== null) {
    if (typeof opts.input === 'string') n.o.input = Buffer.from(opts.input, opts.encoding && opts.encoding !== 'buffer' ? opts.encoding : 'utf8');
    else if (ArrayBufferIsView(opts.input)) n.o.input = new Uint8Array(opts.input.buffer, opts.input.byteOffset, opts.input.byteLength);
    else throw internals.invalidArgType('options.stdio[0]', 'an instance of Buffer, TypedArray, or DataView', opts.input);
  }
  const r = binding.spawnSync(n.file, n.args, n.o);
  const res = {};
  if (r.errorCode) {
    res.error = errnoError(r.errorCode, r.errno, 'spawnSync ' + n.file, n.file, n.args);
  }
  res.status = r.status;
  res.signal = r.signal;
  if (r.errorCode && r.errorCode !== 'ETIMEDOUT') {
    res.output = null;
    res.pid = 0;
    res.stdout = null;
    res.stderr = null;
    return res;
  }
  const out = decodeOut(r.stdout, opts.encoding);
  const err = decodeOut(r.stderr, opts.encoding);
  res.output = [null, out, err];
  res.pid = r.pid;
  res.stdout = out;
  res.stderr = err;
  return res;
}

function checkExecSyncError(ret, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    ObjectAssign(err, ret);
    delete err.error;
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ' + cmd;
    if (ret.stderr && ret.stderr.length > 0) msg += '\n' + ret.stderr.toString();
    err = new Error(msg);
    ObjectAssign(err, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  if (!ArrayIsArray(args) && isObj(args)) { options = args; args = []; }
  options = options || {};
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, MethodJoin(MethodConcat([file], args || []), ' '));
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  validateString(command, 'command');
  options = ObjectAssign({}, options || {});
  const inheritStderr = !options.stdio;
  const shell = typeof options.shell === 'string' ? options.shell : '/bin/sh';
  delete options.shell;
  const ret = spawnSync(shell, ['-c', command], options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, command);
  if (err) throw err;
  return ret.stdout;
}

// A child's pipes are net.Sockets over the binding's pipe handles, as in
// Node (readable for stdout/stderr, writable for stdin).
function createSocket(handle, readable) {
  const net = require('net');
  return new net.Socket({ handle, readable });
}

function flushStdio(subprocess) {
  const stdio = subprocess.stdio;
  if (stdio == null) return;
  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (!stream || !stream.readable || stream._readableState.readableListening) continue;
    stream.resume();
  }
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this.pid = undefined;
    this.exitCode = null;
    this.signalCode = null;
    this.killed = false;
    this.connected = false;
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [null, null, null];
    this._handle = null;
  }
  kill(sig) {
    const n = signalNumber(sig === undefined ? 'SIGTERM' : sig);
    if (!this._handle || this.exitCode !== null || this.signalCode !== null) return false;
    const r = this._handle.kill(n);
    if (r === 0) { this.killed = true; return true; }
    return false;
  }
  send(message, handle, options, callback) {
    if (typeof handle === 'function') { callback = handle; handle = undefined; }
    else if (typeof options === 'function') { callback = options; options = undefined; }
    if (!this._ipc) throw internals.newError('Error', 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
    if (message === undefined) throw internals.invalidArgType('message', 'of type string or object', message);
    if (!this.connected) {
      const err = internals.newError('Error', 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
      process.nextTick(() => { if (callback) callback(err); else this.emit('error', err); });
      return false;
    }
    this._handle.send(JSONStringify(message) + '\n', callback ? (e) => callback(e ? new Error(e) : null) : undefined);
    return true;
  }
  disconnect() {
    if (!this.connected) {
      this.emit('error', internals.newError('Error', 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
      return;
    }
    this.connected = false;
    this._handle.disconnect();
    process.nextTick(() => this.emit('disconnect'));
  }
  ref() { if (this._handle) this._handle.ref(); }
  unref() { if (this._handle) this._handle.unref(); }
}

function spawn(file, args, options) {
  const n = normalize(file, args, options, 'pipe');
  const cp = new ChildProcess();
  cp.spawnfile = n.file;
  cp.spawnargs = MethodConcat([n.file], n.args);
  let closesNeeded = 1;
  let closesGot = 0;
  let exitArgs = null;
  function maybeClose() {
    closesGot++;
    if (closesGot === closesNeeded) cp.emit('close', exitArgs[0], exitArgs[1]);
  }
  const h = binding.spawn(n.file, n.args, n.o, function onEvent(kind, a, b) {
    switch (kind) {
      case 'exit':
        cp.exitCode = a;
        cp.signalCode = b;
        exitArgs = [a, b];
        if (cp.stdin) cp.stdin.destroy();
        cp.emit('exit', a, b);
        process.nextTick(flushStdio, cp);
        maybeClose();
        break;
      case 'message':
        if (cp.connected) cp.emit('message', JSONParse(a));
        break;
      case 'disconnect':
        if (cp.connected) { cp.connected = false; cp.emit('disconnect'); }
        maybeClose();
        break;
    }
  });
  if (h.errorCode) {
    const err = errnoError(h.errorCode, h.errno, 'spawn ' + n.file, n.file, n.args);
    // the pipes exist (as in Node) and close after the process's 'close'
    const net = require('net');
    const names = ['stdin', 'stdout', 'stderr'];
    for (let i = 0; i < 3; i++) {
      if (n.o.stdio[i] === 'pipe') cp[names[i]] = new net.Socket({ readable: i > 0, writable: i === 0 });
    }
    process.nextTick(() => {
      exitArgs = [h.errno, null];
      cp.emit('error', err);
      maybeClose();
      for (const name of SafeIterable(names)) if (cp[name]) cp[name].destroy();
    });
  } else {
    cp._handle = h;
    cp.pid = h.pid;
    if (h.stdin) cp.stdin = createSocket(h.stdin, false);
    for (const name of SafeIterable(['stdout', 'stderr'])) {
      if (!h[name]) continue;
      const s = createSocket(h[name], true);
      cp[name] = s;
      closesNeeded++;
      s.on('close', maybeClose);
    }
    if (n.o.ipc !== undefined) { cp._ipc = true; cp.connected = true; closesNeeded++; }
    process.nextTick(() => cp.emit('spawn'));
  }
  cp.stdio = [cp.stdin, cp.stdout, cp.stderr];
  return cp;
}

function execFile(file, args, options, callback) {
  if (typeof args === 'function') { callback = args; args = []; options = {}; }
  else if (!ArrayIsArray(args) && isObj(args)) { callback = options; options = args; args = []; }
  if (typeof options === 'function') { callback = options; options = {}; }
  options = ObjectAssign({ encoding: 'utf8', timeout: 0, killSignal: 'SIGTERM' }, options || {});
  if (callback !== undefined && typeof callback !== 'function') {
    throw internals.invalidArgType('callback', 'of type function', callback);
  }
  const cmdText = options._cmd !== undefined ? options._cmd : MethodJoin(MethodConcat([file], args || []), ' ');
  const spawnOpts = ObjectAssign({}, options);
  delete spawnOpts.timeout;
  delete spawnOpts._cmd;
  const child = spawn(file, args, spawnOpts);
  const enc = options.encoding;
  const outChunks = [];
  const errChunks = [];
  let killed = false;
  let done = false;
  let timer = null;
  if (child.stdout) child.stdout.on('data', (d) => MethodPush(outChunks, d));
  if (child.stderr) child.stderr.on('data', (d) => MethodPush(errChunks, d));
  function collect(chunks) {
    const b = MethodConcat(Buffer, chunks);
    return enc && enc !== 'buffer' && Buffer.isEncoding(enc) ? b.toString(enc) : b;
  }
  function finish(code, signal, spawnErr) {
    if (done) return;
    done = true;
    if (timer) clearTimeout(timer);
    const stdout = collect(outChunks);
    const stderr = collect(errChunks);
    if (!callback) return;
    let err = null;
    if (spawnErr) {
      err = spawnErr;
      err.cmd = cmdText;
    } else if (code !== 0 || signal !== null) {
      err = new Error('Command failed: ' + cmdText + '\n' + stderr);
      err.code = code < 0 ? code : code;
      err.killed = child.killed || killed;
      err.signal = signal;
      err.cmd = cmdText;
    }
    callback(err, stdout, stderr);
  }
  child.on('close', (code, signal) => finish(code, signal));
  child.on('error', (e) => finish(null, null, e));
  if (options.timeout > 0) {
    timer = setTimeout(() => {
      killed = true;
      try { child.kill(options.killSignal); } catch (e) { /* ignore */ }
    }, options.timeout);
  }
  return child;
}

function exec(command, options, callback) {
  validateString(command, 'command');
  if (typeof options === 'function') { callback = options; options = {}; }
  options = ObjectAssign({}, options || {});
  const shell = typeof options.shell === 'string' ? options.shell : '/bin/sh';
  delete options.shell;
  options._cmd = command;
  return execFile(shell, ['-c', command], options, callback);
}

module.exports = {
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  spawn,
  spawnSync,
};
