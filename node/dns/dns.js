// jsvm's `dns` builtin. Wrapped by dns.go in
// (function(module, exports, internals, binding) { ... }).
'use strict';

const codes = ['NODATA', 'FORMERR', 'SERVFAIL', 'NOTFOUND', 'NOTIMP', 'REFUSED', 'BADQUERY', 'BADNAME',
  'BADFAMILY', 'BADRESP', 'CONNREFUSED', 'TIMEOUT', 'EOF', 'FILE', 'NOMEM', 'DESTRUCTION', 'BADSTR',
  'BADFLAGS', 'NONAME', 'BADHINTS', 'NOTINITIALIZED', 'LOADIPHLPAPI', 'ADDRGETNETWORKPARAMS', 'CANCELLED'];
const errnos = { ENOTFOUND: -3008, EAI_AGAIN: -3001, EINVAL: -22 };

let defaultOrder = 'verbatim';
let warnedHostname = false;

const v4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)$/;
function ipFamily(s) {
  if (v4.test(s)) return 4;
  if (MethodIncludes(s, ':') && /^[0-9a-fA-F:.%a-zA-Z-]+$/.test(s)) return 6;
  return 0;
}

function dnsError(code, syscall, hostname) {
  const err = new Error(`${syscall} ${code} ${hostname}`);
  if (errnos[code] !== undefined) err.errno = errnos[code];
  err.code = code;
  err.syscall = syscall;
  err.hostname = hostname;
  return err;
}

function validateFunction(fn, name) {
  if (typeof fn !== 'function') throw internals.invalidArgType(name, 'of type function', fn);
}

function lookup(hostname, options, callback) {
  let family = 0;
  let all = false;
  let order = defaultOrder;
  if (hostname !== undefined && hostname !== null && typeof hostname !== 'string') {
    throw internals.invalidArgType('hostname', 'of type string', hostname);
  }
  if (typeof options === 'function') {
    callback = options;
  } else if (typeof options === 'number') {
    family = options;
  } else if (options !== undefined && options !== null) {
    if (typeof options !== 'object') throw internals.invalidArgType('options', 'of type object', options);
    if (options.family !== undefined) {
      family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    }
    all = options.all === true;
    if (options.verbatim === true) order = 'verbatim';
    else if (options.verbatim === false) order = 'ipv4first';
    if (options.order !== undefined) order = options.order;
  }
  validateFunction(callback, 'callback');
  if (family !== 0 && family !== 4 && family !== 6) {
    throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE',
      `The property 'options.family' must be one of: 0, 4, 6. Received ${internals.inspect(family)}`);
  }
  if (!hostname) {
    if (!warnedHostname) {
      warnedHostname = true;
      process.emitWarning(`The provided hostname "${hostname}" is not a valid hostname, and is supported in the dns module solely for compatibility.`,
        'DeprecationWarning', 'DEP0118');
    }
    process.nextTick(() => {
      if (all) callback(null, []);
      else callback(null, null, family === 6 ? 6 : 4);
    });
    return {};
  }
  const literal = ipFamily(hostname);
  if (literal) {
    process.nextTick(() => {
      if (all) callback(null, [{ address: hostname, family: literal }]);
      else callback(null, hostname, literal);
    });
    return {};
  }
  binding.lookup(hostname, family, (code, list) => {
    if (code) {
      callback(dnsError(code, 'getaddrinfo', hostname));
      return;
    }
    let addrs = MethodMap(list, ([address, fam]) => ({ address, family: fam }));
    if (order === 'ipv4first') addrs = [...SafeIterable(MethodFilter(addrs, (a) => a.family === 4)), ...SafeIterable(MethodFilter(addrs, (a) => a.family === 6))];
    else if (order === 'ipv6first') addrs = [...SafeIterable(MethodFilter(addrs, (a) => a.family === 6)), ...SafeIterable(MethodFilter(addrs, (a) => a.family === 4))];
    if (addrs.length === 0) {
      callback(dnsError('ENOTFOUND', 'getaddrinfo', hostname));
    } else if (all) {
      callback(null, addrs);
    } else {
      callback(null, addrs[0].address, addrs[0].family);
    }
  });
  return {};
}

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "address", "port", and "callback" arguments must be specified');
  if (!ipFamily(address)) throw internals.invalidArgValue('address', address, '');
  validateFunction(callback, 'callback');
  binding.query('REVERSE', address, (code, names) => {
    if (code) callback(dnsError(code, 'getnameinfo', address));
    else callback(null, names[0], String(port));
  });
}

const rrtypes = { A: 'resolve4', AAAA: 'resolve6', CNAME: 'resolveCname', MX: 'resolveMx', NS: 'resolveNs', TXT: 'resolveTxt', SRV: 'resolveSrv', PTR: 'resolvePtr' };
const syscalls = { A: 'queryA', AAAA: 'queryAaaa', CNAME: 'queryCname', MX: 'queryMx', NS: 'queryNs', TXT: 'queryTxt', SRV: 'querySrv', PTR: 'queryPtr' };

function query(kind, name, callback) {
  if (typeof name !== 'string') throw internals.invalidArgType('name', 'of type string', name);
  validateFunction(callback, 'callback');
  binding.query(kind, name, (code, records) => {
    if (code) callback(dnsError(code, syscalls[kind] || 'getHostByAddr', name));
    else callback(null, records || []);
  });
}

function unsupported(kind) {
  return function (name, callback) {
    validateFunction(callback, 'callback');
    process.nextTick(callback, dnsError('ENOTIMP', `query${kind}`, name));
  };
}

function makeResolve() {
  const api = {};
  for (const [kind, fn] of SafeIterable(ObjectEntries(rrtypes))) {
    api[fn] = function (name, options, callback) {
      if (typeof options === 'function') callback = options;
      return query(kind, name, callback);
    };
  }
  api.resolveAny = unsupported('Any');
  api.resolveCaa = unsupported('Caa');
  api.resolveNaptr = unsupported('Naptr');
  api.resolveSoa = unsupported('Soa');
  api.resolve = function (name, rrtype, callback) {
    if (typeof rrtype === 'function') {
      callback = rrtype;
      rrtype = 'A';
    }
    if (typeof rrtype !== 'string') throw internals.invalidArgType('rrtype', 'of type string', rrtype);
    const fn = rrtypes[rrtype] || { ANY: 'resolveAny', CAA: 'resolveCaa', NAPTR: 'resolveNaptr', SOA: 'resolveSoa' }[rrtype];
    if (!fn) throw internals.invalidArgValue('rrtype', rrtype, '');
    return api[fn](name, callback);
  };
  api.reverse = function (ip, callback) {
    if (!ipFamily(ip)) {
      const err = dnsError('EINVAL', 'getHostByAddr', ip);
      err.errno = -22;
      throw err;
    }
    return query('PTR', ip, callback);
  };
  return api;
}

const resolveAPI = makeResolve();
let servers = [];

function getServers() { return MethodSlice(servers); }
function setServers(list) {
  if (!ArrayIsArray(list)) throw internals.invalidArgType('servers', 'an instance of Array', list);
  servers = MethodMap(list, String);
}

function getDefaultResultOrder() { return defaultOrder; }
function setDefaultResultOrder(order) {
  if (order !== 'ipv4first' && order !== 'verbatim' && order !== 'ipv6first') {
    throw internals.newError('TypeError', 'ERR_INVALID_ARG_VALUE',
      `The argument 'order' must be one of: 'verbatim', 'ipv4first', 'ipv6first'. Received ${internals.inspect(order)}`);
  }
  defaultOrder = order;
}

class Resolver {
  constructor() { this._servers = MethodSlice(servers); }
  cancel() {}
  getServers() { return MethodSlice(this._servers); }
  setServers(list) {
    if (!ArrayIsArray(list)) throw internals.invalidArgType('servers', 'an instance of Array', list);
    this._servers = MethodMap(list, String);
  }
  setLocalAddress() {}
}
ObjectAssign(Resolver.prototype, resolveAPI);

const promisify = (fn, many) => (...args) => new Promise((resolve, reject) => {
  fn(...SafeIterable(args), (err, a, b) => (err ? reject(err) : resolve(many ? many(a, b) : a)));
});

function makePromises() {
  const p = {
    lookup(hostname, options) {
      const all = options !== null && typeof options === 'object' && options.all === true;
      return new Promise((resolve, reject) => {
        lookup(hostname, options === undefined ? {} : options, (err, address, family) => {
          if (err) reject(err);
          else resolve(all ? address : { address, family });
        });
      });
    },
    lookupService: promisify(lookupService, (hostname, service) => ({ hostname, service })),
    Resolver: class Resolver {
      constructor() { this._r = new exports.Resolver(); }
      cancel() {}
      getServers() { return this._r.getServers(); }
      setServers(list) { this._r.setServers(list); }
      setLocalAddress() {}
    },
    getDefaultResultOrder,
    setDefaultResultOrder,
    setServers,
  };
  for (const c of SafeIterable(codes)) p[c] = `E${c}`;
  p.getServers = getServers;
  for (const fn of SafeIterable(['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
    'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'])) {
    p[fn] = promisify(resolveAPI[fn]);
    p.Resolver.prototype[fn] = p[fn];
  }
  return p;
}

exports.lookup = lookup;
exports.lookupService = lookupService;
exports.Resolver = Resolver;
exports.getDefaultResultOrder = getDefaultResultOrder;
exports.setDefaultResultOrder = setDefaultResultOrder;
exports.setServers = setServers;
exports.ADDRCONFIG = 32;
exports.ALL = 16;
exports.V4MAPPED = 8;
for (const c of SafeIterable(codes)) exports[c] = `E${c}`;
exports.getServers = getServers;
ObjectAssign(exports, resolveAPI);
let promises;
ObjectDefineProperty(exports, 'promises', {
  get() { return promises || (promises = makePromises()); },
  enumerable: true,
  configurable: true,
});
