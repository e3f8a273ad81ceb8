'use strict';
// url: WHATWG URL and URLSearchParams over a Go parser, plus the legacy
// url.parse/format/resolve basics. internals: events' helpers plus
// parse(input, base) -> components | null, formEncode(s), formDecode(s),
// encodeUserinfo(s), domainToASCII(s), platformSep.

var customInspect = SymbolFor('nodejs.util.inspect.custom');
var ctxOf = new WeakMap();    // URL -> components
var paramsOf = new WeakMap(); // URLSearchParams -> {list, url}

function missing(name) {
  return internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "' + name + '" argument must be specified');
}

function missing2() {
  return internals.newError('TypeError', 'ERR_MISSING_ARGS', 'The "name" and "value" arguments must be specified');
}

function invalidURL(input, base) {
  var e = internals.newError('TypeError', 'ERR_INVALID_URL', 'Invalid URL');
  e.input = input;
  if (base !== undefined) e.base = base;
  return e;
}

function toUSV(v) { return String(v); }

function ctx(self) {
  var c = WeakMapPrototypeGet(ctxOf, self);
  if (!c) throw internals.newError('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type URL');
  return c;
}

class URL {
  constructor(input, base) {
    if (arguments.length === 0) throw missing('url');
    input = toUSV(input);
    if (base !== undefined) base = toUSV(base);
    var c = internals.parse(input, base);
    if (c === null) throw invalidURL(input, base);
    WeakMapPrototypeSet(ctxOf, this, c);
  }

  static canParse(input, base) {
    if (arguments.length === 0) throw missing('url');
    return internals.parse(toUSV(input), base === undefined ? undefined : toUSV(base)) !== null;
  }

  get href() { return ctx(this).href; }
  set href(v) {
    v = toUSV(v);
    var c = internals.parse(v, undefined);
    if (c === null) throw invalidURL(v);
    WeakMapPrototypeSet(ctxOf, this, c);
    syncParams(this);
  }
  get origin() { return ctx(this).origin; }
  get protocol() { return ctx(this).protocol; }
  set protocol(v) {
    var c = ctx(this);
    v = toUSV(v);
    var i = MethodIndexOf(v, ':');
    var scheme = MethodToLowerCase((i >= 0 ? MethodSlice(v, 0, i) : v));
    if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) return;
    var special = isSpecialScheme(scheme);
    if (special !== c.special) return;
    if (scheme === 'file' && (c.username || c.password || c.port)) return;
    if (c.protocol === 'file:' && c.hostname === '' && scheme !== 'file') return;
    var next = ObjectAssign({}, c, { protocol: scheme + ':' });
    if (special && defaultPort(scheme) === next.port) next.port = '';
    reparse(this, next);
  }
  get username() { return ctx(this).username; }
  set username(v) {
    var c = ctx(this);
    if (!c.hasHost || c.hostname === '' || c.protocol === 'file:') return;
    reparse(this, ObjectAssign({}, c, { username: internals.encodeUserinfo(toUSV(v)) }));
  }
  get password() { return ctx(this).password; }
  set password(v) {
    var c = ctx(this);
    if (!c.hasHost || c.hostname === '' || c.protocol === 'file:') return;
    reparse(this, ObjectAssign({}, c, { password: internals.encodeUserinfo(toUSV(v)) }));
  }
  get host() { return ctx(this).host; }
  set host(v) { setHost(this, toUSV(v), true); }
  get hostname() { return ctx(this).hostname; }
  set hostname(v) { setHost(this, toUSV(v), false); }
  get port() { return ctx(this).port; }
  set port(v) {
    var c = ctx(this);
    if (!c.hasHost || c.hostname === '' || c.protocol === 'file:') return;
    v = toUSV(v);
    if (v === '') {
      reparse(this, ObjectAssign({}, c, { port: '' }));
      return;
    }
    var m = /^[0-9]+/.exec(v);
    if (!m) return;
    var n = parseInt(m[0], 10);
    if (n > 65535) return;
    reparse(this, ObjectAssign({}, c, { port: String(n) }));
  }
  get pathname() { return ctx(this).pathname; }
  set pathname(v) {
    var c = ctx(this);
    if (c.opaque) return;
    v = MethodReplace(MethodReplace(toUSV(v), /\?/g, '%3F'), /#/g, '%23');
    if (c.special) v = MethodReplace(v, /\\/g, '/');
    if (v[0] !== '/' && (c.special || c.hasHost)) v = '/' + v;
    reparse(this, ObjectAssign({}, c, { pathname: v }));
  }
  get search() { return ctx(this).search; }
  set search(v) {
    var c = ctx(this);
    v = toUSV(v);
    if (v[0] === '?') v = MethodSlice(v, 1);
    reparse(this, ObjectAssign({}, c, { search: v === '' ? '' : '?' + MethodReplace(v, /#/g, '%23') }));
    syncParams(this);
  }
  get searchParams() {
    var c = ctx(this);
    if (!c.params) {
      c.params = new URLSearchParams(c.search);
      WeakMapPrototypeGet(paramsOf, c.params).url = this;
    }
    return c.params;
  }
  get hash() { return ctx(this).hash; }
  set hash(v) {
    var c = ctx(this);
    v = toUSV(v);
    if (v[0] === '#') v = MethodSlice(v, 1);
    reparse(this, ObjectAssign({}, c, { hash: v === '' ? '' : '#' + v }));
  }
  toString() { return ctx(this).href; }
  toJSON() { return ctx(this).href; }

  [customInspect](depth, opts, inspect) {
    var c = ctx(this);
    if (typeof depth === 'number' && depth < 0) return this;
    var obj = ObjectCreate({ constructor: URL });
    obj.href = c.href;
    obj.origin = c.origin;
    obj.protocol = c.protocol;
    obj.username = c.username;
    obj.password = c.password;
    obj.host = c.host;
    obj.hostname = c.hostname;
    obj.port = c.port;
    obj.pathname = c.pathname;
    obj.search = c.search;
    obj.searchParams = this.searchParams;
    obj.hash = c.hash;
    var fn = typeof inspect === 'function' ? inspect : internals.inspect;
    return 'URL ' + MethodReplace(fn(ObjectAssign({}, obj), opts), /^\{/, '{');
  }
}
ObjectDefineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
MethodForEach(['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toString', 'toJSON'], function (k) {
  var d = ObjectGetOwnPropertyDescriptor(URL.prototype, k);
  d.enumerable = true;
  ObjectDefineProperty(URL.prototype, k, d);
});

function isSpecialScheme(s) {
  return s === 'http' || s === 'https' || s === 'ws' || s === 'wss' || s === 'ftp' || s === 'file';
}
function defaultPort(s) {
  return { http: '80', https: '443', ws: '80', wss: '443', ftp: '21' }[s] || '';
}

function serialize(c) {
  var s = c.protocol;
  if (c.hasHost) {
    s += '//';
    if (c.username !== '' || c.password !== '') {
      s += c.username;
      if (c.password !== '') s += ':' + c.password;
      s += '@';
    }
    s += c.hostname;
    if (c.port !== '') s += ':' + c.port;
  } else if (!c.opaque && MethodSlice(c.pathname, 0, 2) === '//') {
    s += '/.';
  }
  return s + c.pathname + c.search + c.hash;
}

function reparse(self, next) {
  var old = ctx(self);
  var c = internals.parse(serialize(next), undefined);
  if (c === null) return;
  c.params = old.params;
  WeakMapPrototypeSet(ctxOf, self, c);
}

function setHost(self, v, withPort) {
  var c = ctx(self);
  if (c.opaque) return;
  var stop = c.special ? /[\/?#\\]/ : /[\/?#]/;
  var m = stop.exec(v);
  if (m) v = MethodSlice(v, 0, m.index);
  var host = v, port = c.port;
  var i = MethodLastIndexOf(v, ':');
  if (i >= 0 && MethodIndexOf(v, ']', i) < 0) {
    if (!withPort) return;
    host = MethodSlice(v, 0, i);
    var pm = /^[0-9]*/.exec(MethodSlice(v, i + 1))[0];
    if (pm !== '') port = String(parseInt(pm, 10));
    if (parseInt(pm, 10) > 65535) return;
  }
  if (host === '' && c.special) return;
  if (c.protocol === 'file:' && port !== c.port) return;
  reparse(self, ObjectAssign({}, c, { hasHost: true, hostname: host, port: port }));
}

function syncParams(url) {
  var c = ctx(url);
  if (c.params) {
    var p = WeakMapPrototypeGet(paramsOf, c.params);
    p.list = parseQuery(c.search);
  }
}

// ---- URLSearchParams ----

function parseQuery(s) {
  if (s[0] === '?') s = MethodSlice(s, 1);
  var list = [];
  if (s === '') return list;
  var parts = MethodSplit(s, '&');
  for (var i = 0; i < parts.length; i++) {
    var part = parts[i];
    if (part === '') continue;
    var j = MethodIndexOf(part, '=');
    var name = j >= 0 ? MethodSlice(part, 0, j) : part;
    var value = j >= 0 ? MethodSlice(part, j + 1) : '';
    MethodPush(list, [internals.formDecode(name), internals.formDecode(value)]);
  }
  return list;
}

function serializeQuery(list) {
  return MethodJoin(MethodMap(list, function (p) { return internals.formEncode(p[0]) + '=' + internals.formEncode(p[1]); }), '&');
}

function state(self) {
  var s = WeakMapPrototypeGet(paramsOf, self);
  if (!s) throw internals.newError('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type URLSearchParams');
  return s;
}

function update(s) {
  if (!s.url) return;
  var c = WeakMapPrototypeGet(ctxOf, s.url);
  var q = serializeQuery(s.list);
  var next = ObjectAssign({}, c, { search: q === '' ? '' : '?' + q });
  var nc = internals.parse(serialize(next), undefined);
  if (nc === null) return;
  nc.params = c.params;
  WeakMapPrototypeSet(ctxOf, s.url, nc);
}

class URLSearchParams {
  constructor(init) {
    var list = [];
    if (init === undefined || init === null) {
      // empty
    } else if (typeof init === 'object' || typeof init === 'function') {
      var iter = init[Symbol.iterator];
      if (typeof iter === 'function') {
        for (var pair of SafeIterable(init)) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null || typeof pair[Symbol.iterator] !== 'function') {
            throw internals.newError('TypeError', 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          }
          var arr = ArrayFrom(pair);
          if (arr.length !== 2) {
            throw internals.newError('TypeError', 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          }
          MethodPush(list, [toUSV(arr[0]), toUSV(arr[1])]);
        }
      } else {
        var keys = ReflectOwnKeys(init);
        for (var i = 0; i < keys.length; i++) {
          var k = keys[i];
          if (typeof k !== 'string') continue;
          var d = ReflectGetOwnPropertyDescriptor(init, k);
          if (d && d.enumerable) MethodPush(list, [k, toUSV(init[k])]);
        }
      }
    } else {
      list = parseQuery(toUSV(init));
    }
    WeakMapPrototypeSet(paramsOf, this, { list: list, url: null });
  }
  get size() { return state(this).list.length; }
  append(name, value) {
    if (arguments.length < 2) throw missing2();
    var s = state(this);
    MethodPush(s.list, [toUSV(name), toUSV(value)]);
    update(s);
  }
  delete(name, value) {
    if (arguments.length < 1) throw missing('name');
    var s = state(this);
    name = toUSV(name);
    if (value !== undefined) {
      value = toUSV(value);
      s.list = MethodFilter(s.list, function (p) { return !(p[0] === name && p[1] === value); });
    } else {
      s.list = MethodFilter(s.list, function (p) { return p[0] !== name; });
    }
    update(s);
  }
  get(name) {
    if (arguments.length < 1) throw missing('name');
    name = toUSV(name);
    var l = state(this).list;
    for (var i = 0; i < l.length; i++) if (l[i][0] === name) return l[i][1];
    return null;
  }
  getAll(name) {
    if (arguments.length < 1) throw missing('name');
    name = toUSV(name);
    return MethodMap(MethodFilter(state(this).list, function (p) { return p[0] === name; }), function (p) { return p[1]; });
  }
  has(name, value) {
    if (arguments.length < 1) throw missing('name');
    name = toUSV(name);
    if (value !== undefined) value = toUSV(value);
    return MethodSome(state(this).list, function (p) { return p[0] === name && (value === undefined || p[1] === value); });
  }
  set(name, value) {
    if (arguments.length < 2) throw missing2();
    var s = state(this);
    name = toUSV(name);
    value = toUSV(value);
    var found = false;
    s.list = MethodFilter(s.list, function (p) {
      if (p[0] !== name) return true;
      if (found) return false;
      found = true;
      p[1] = value;
      return true;
    });
    if (!found) MethodPush(s.list, [name, value]);
    update(s);
  }
  sort() {
    var s = state(this);
    // stable sort by UTF-16 code units of the names
    s.list = MethodMap(MethodSort(MethodMap(s.list, function (p, i) { return [p, i]; }), function (a, b) {
      if (a[0][0] < b[0][0]) return -1;
      if (a[0][0] > b[0][0]) return 1;
      return a[1] - b[1];
    }), function (x) { return x[0]; });
    update(s);
  }
  forEach(callback, thisArg) {
    if (typeof callback !== 'function') throw internals.invalidArgType('callback', 'of type function', callback);
    var s = state(this);
    for (var i = 0; i < s.list.length; i++) {
      var p = s.list[i];
      FunctionPrototypeCall(callback, thisArg, p[1], p[0], this);
    }
  }
  keys() { return iterate(this, 0); }
  values() { return iterate(this, 1); }
  entries() { return iterate(this, 2); }
  toString() { return serializeQuery(state(this).list); }

  [customInspect](depth, opts, inspect) {
    var s = state(this);
    var fn = typeof inspect === 'function' ? inspect : internals.inspect;
    if (s.list.length === 0) return 'URLSearchParams {}';
    var parts = MethodMap(s.list, function (p) { return fn(p[0]) + ' => ' + fn(p[1]); });
    var one = 'URLSearchParams { ' + MethodJoin(parts, ', ') + ' }';
    var indent = (opts && typeof opts.indentationLvl === 'number') ? opts.indentationLvl : 0;
    var breakLength = (opts && typeof opts.breakLength === 'number') ? opts.breakLength : 80;
    if (one.length + indent <= breakLength) return one;
    return 'URLSearchParams {\n  ' + MethodJoin(parts, ',\n  ') + ' }';
  }
}
URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
ObjectDefineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

var IteratorProto = ObjectGetPrototypeOf(ObjectGetPrototypeOf([][Symbol.iterator]()));
var ParamsIteratorProto = ObjectCreate(IteratorProto, {
  next: {
    value: function next() {
      var st = this._st;
      var list = state(st.params).list;
      if (st.index >= list.length) return { value: undefined, done: true };
      var p = list[st.index++];
      return { value: st.kind === 0 ? p[0] : st.kind === 1 ? p[1] : [p[0], p[1]], done: false };
    },
    writable: true, configurable: true,
  },
  [Symbol.toStringTag]: { value: 'URLSearchParams Iterator', configurable: true },
});
function iterate(params, kind) {
  state(params);
  var it = ObjectCreate(ParamsIteratorProto);
  ObjectDefineProperty(it, '_st', { value: { params: params, kind: kind, index: 0 } });
  return it;
}

// ---- file URLs ----

function fileURLToPath(path) {
  var u = path;
  if (typeof path === 'string') u = new URL(path);
  else if (!(path instanceof URL) && !(path && typeof path === 'object' && typeof path.href === 'string' && typeof path.protocol === 'string')) {
    throw internals.invalidArgType('path', 'of type string or an instance of URL', path);
  }
  if (u.protocol !== 'file:') throw internals.newError('TypeError', 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (u.hostname !== '') {
    throw internals.newError('TypeError', 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on ' + internals.platform);
  }
  var pathname = u.pathname;
  for (var n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      var third = MethodCodePointAt(pathname, n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw internals.newError('TypeError', 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
      }
    }
  }
  return internals.percentDecode(pathname);
}

function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') throw internals.invalidArgType('path', 'of type string', filepath);
  var resolved = internals.resolvePath(filepath);
  if (filepath.length > 0 && filepath[filepath.length - 1] === '/' && resolved[resolved.length - 1] !== '/') resolved += '/';
  resolved = MethodReplace(MethodReplace(MethodReplace(MethodReplace(MethodReplace(resolved, /%/g, '%25'), /\\/g, '%5C'), /\n/g, '%0A'), /\r/g, '%0D'), /\t/g, '%09');
  var u = new URL('file://');
  u.pathname = resolved;
  // '?' and '#' were encoded by the pathname setter
  return u;
}

function urlToHttpOptions(url) {
  var options = {
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && MethodStartsWith(url.hostname, '[') ? MethodSlice(url.hostname, 1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: (url.pathname || '') + (url.search || ''),
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) options.auth = decodeURIComponent(url.username) + ':' + decodeURIComponent(url.password);
  return options;
}

// ---- legacy API ----

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

var slashedProtocols = { http: true, https: true, ftp: true, gopher: true, file: true, 'http:': true, 'https:': true, 'ftp:': true, 'gopher:': true, 'file:': true, ws: true, wss: true, 'ws:': true, 'wss:': true };
var noSlashProtocols = { javascript: true, 'javascript:': true };

function querystringParse(q) {
  var obj = ObjectCreate(null);
  if (q === '') return obj;
  MethodForEach(MethodSplit(q, '&'), function (part) {
    if (part === '') return;
    var j = MethodIndexOf(part, '=');
    var k = j >= 0 ? MethodSlice(part, 0, j) : part;
    var v = j >= 0 ? MethodSlice(part, j + 1) : '';
    k = internals.formDecode(k);
    v = internals.formDecode(v);
    if (k in obj) {
      if (ArrayIsArray(obj[k])) MethodPush(obj[k], v);
      else obj[k] = [obj[k], v];
    } else obj[k] = v;
  });
  return obj;
}

function qsEscape(s) {
  return MethodReplace(encodeURIComponent(s), /[!'()*]/g, function (c) { return '%' + MethodToUpperCase(MethodCharCodeAt(c, 0).toString(16)); });
}

function querystringStringify(obj) {
  return MethodJoin(MethodFilter(MethodMap(ObjectKeys(obj), function (k) {
    var v = obj[k];
    var enc = function (x) {
      if (typeof x === 'string') return qsEscape(x);
      if (typeof x === 'number' && isFinite(x)) return '' + x;
      if (typeof x === 'bigint' || typeof x === 'boolean') return '' + x;
      return '';
    };
    if (ArrayIsArray(v)) return MethodJoin(MethodMap(v, function (x) { return qsEscape(k) + '=' + enc(x); }), '&');
    return qsEscape(k) + '=' + enc(v);
  }), Boolean), '&');
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw internals.invalidArgType('url', 'of type string', url);
  var rest = MethodTrim(url);
  // backslashes before the query become slashes
  var qi = MethodSearch(rest, /[?#]/);
  var head = qi >= 0 ? MethodSlice(rest, 0, qi) : rest;
  rest = MethodReplace(head, /\\/g, '/') + (qi >= 0 ? MethodSlice(rest, qi) : '');
  var m = /^([a-z0-9.+-]+:)/i.exec(rest);
  var lowerProto;
  if (m) {
    lowerProto = MethodToLowerCase(m[1]);
    this.protocol = lowerProto;
    rest = MethodSlice(rest, m[1].length);
  }
  var slashes;
  if (slashesDenoteHost || m || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = MethodSlice(rest, 0, 2) === '//';
    if (slashes && !(lowerProto && noSlashProtocols[lowerProto])) {
      rest = MethodSlice(rest, 2);
      this.slashes = true;
    }
  }
  if (!noSlashProtocols[lowerProto] && (slashes || (lowerProto && !slashedProtocols[lowerProto]))) {
    var hostEnd = MethodSearch(rest, /[\/?#]/);
    if (hostEnd < 0) hostEnd = rest.length;
    var authPart = MethodSlice(rest, 0, hostEnd);
    var at = MethodLastIndexOf(authPart, '@');
    if (at >= 0) {
      this.auth = decodeURIComponent(MethodSlice(authPart, 0, at));
      authPart = MethodSlice(authPart, at + 1);
    }
    rest = MethodSlice(rest, hostEnd);
    var host = authPart;
    var pm = /:([0-9]*)$/.exec(host);
    if (pm) {
      if (pm[1] !== '') this.port = pm[1];
      host = MethodSlice(host, 0, host.length - pm[0].length);
    }
    this.hostname = MethodToLowerCase(host);
    var ipv6 = this.hostname[0] === '[' && this.hostname[this.hostname.length - 1] === ']';
    if (ipv6) this.hostname = MethodSlice(this.hostname, 1, -1);
    else this.hostname = internals.domainToASCII(this.hostname) || this.hostname;
    this.host = (ipv6 ? '[' + this.hostname + ']' : this.hostname) + (this.port ? ':' + this.port : '');
  }
  var hash = MethodIndexOf(rest, '#');
  if (hash >= 0) {
    this.hash = MethodSlice(rest, hash);
    rest = MethodSlice(rest, 0, hash);
  }
  var q = MethodIndexOf(rest, '?');
  if (q >= 0) {
    this.search = MethodSlice(rest, q);
    this.query = MethodSlice(rest, q + 1);
    if (parseQueryString) this.query = querystringParse(this.query);
    rest = MethodSlice(rest, 0, q);
  } else if (parseQueryString) {
    this.search = null;
    this.query = ObjectCreate(null);
  }
  if (rest) this.pathname = rest;
  if (slashedProtocols[lowerProto] && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

Url.prototype.format = function format() {
  var auth = this.auth || '';
  if (auth) auth = MethodReplace(encodeURIComponent(auth), /%3A/i, ':') + '@';
  var protocol = this.protocol || '';
  var pathname = this.pathname || '';
  var hash = this.hash || '';
  var host = '';
  var query = '';
  if (this.host) host = auth + this.host;
  else if (this.hostname) {
    host = auth + (MethodIndexOf(this.hostname, ':') >= 0 && this.hostname[0] !== '[' ? '[' + this.hostname + ']' : this.hostname);
    if (this.port) host += ':' + this.port;
  }
  if (this.query !== null && typeof this.query === 'object') query = querystringStringify(this.query);
  var search = this.search || (query && ('?' + query)) || '';
  if (protocol && protocol[protocol.length - 1] !== ':') protocol += ':';
  if (this.slashes || ((!protocol || slashedProtocols[protocol]) && host !== '')) {
    host = '//' + host;
    if (pathname && pathname[0] !== '/') pathname = '/' + pathname;
  } else if (protocol.length >= 4 && MethodSlice(protocol, 0, 4) === 'file') {
    host = '//';
  }
  if (hash && hash[0] !== '#') hash = '#' + hash;
  if (search && search[0] !== '?') search = '?' + search;
  pathname = MethodReplace(pathname, /[?#]/g, encodeURIComponent);
  search = MethodReplace(search, /#/g, '%23');
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return new URL(relative, this.format()).href;
};

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  var u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

function urlFormat(obj, options) {
  if (typeof obj === 'string') obj = urlParse(obj);
  else if (typeof obj !== 'object' || obj === null) {
    throw internals.invalidArgType('urlObject', 'one of type object or string', obj);
  } else if (obj instanceof URL) {
    var o = options || {};
    var c = ctx(obj);
    var s = c.protocol;
    if (c.hasHost) {
      s += '//';
      if (o.auth !== false && (c.username || c.password)) s += c.username + (c.password ? ':' + c.password : '') + '@';
      s += o.unicode ? internals.domainToUnicode(c.hostname) : c.hostname;
      if (c.port) s += ':' + c.port;
    }
    s += c.pathname;
    if (o.search !== false) s += c.search;
    if (o.fragment !== false) s += c.hash;
    return s;
  }
  return FunctionPrototypeCall(Url.prototype.format, obj);
}

function urlResolve(source, relative) {
  try {
    return MethodReplace(new URL(relative, new URL(source, 'resolve://')).href, /^resolve:\/\/\/?/, function (m) { return source[0] === '/' ? '/' : ''; });
  } catch (e) {
    return urlParse(source).resolve(relative);
  }
}

module.exports = {
  Url: Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: function resolveObject(source, relative) { return urlParse(urlResolve(source, relative)); },
  format: urlFormat,
  URL: URL,
  URLSearchParams: URLSearchParams,
  domainToASCII: function domainToASCII(d) {
    if (arguments.length === 0) throw missing('domain');
    return internals.domainToASCII(String(d));
  },
  domainToUnicode: function domainToUnicode(d) {
    if (arguments.length === 0) throw missing('domain');
    return internals.domainToUnicode(String(d));
  },
  pathToFileURL: pathToFileURL,
  fileURLToPath: fileURLToPath,
  urlToHttpOptions: urlToHttpOptions,
};
