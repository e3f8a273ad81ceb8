// jsvm's `net` builtin. Wrapped by net.go in
// (function(module, exports, internals, require) { ... }).
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

function unavailable(what) {
  return internals.newError('Error', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
    `The feature ${what} is unavailable on the current platform, which is being used to run Node.js`);
}

// Socket and Server exist as classes (instanceof checks, subclassing in
// packages that load but do not use them); making one throws.
class Socket {
  constructor() { throw unavailable('net.Socket (raw TCP sockets)'); }
}
class Server {
  constructor() { throw unavailable('net.Server (raw TCP servers; http.createServer works)'); }
}

let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

module.exports = {
  connect() { throw unavailable('net.connect (raw TCP sockets)'); },
  createConnection() { throw unavailable('net.createConnection (raw TCP sockets)'); },
  createServer() { throw unavailable('net.createServer (raw TCP servers; http.createServer works)'); },
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
    if (typeof v !== 'number' || !Number.isInteger(v)) throw internals.invalidArgType('value', 'of type number', v);
    if (v < 1) throw internals.outOfRange('value', '>= 1', v);
    autoSelectFamilyAttemptTimeout = Math.max(v, 10);
  },
};
