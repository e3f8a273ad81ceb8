// ECMA-402 (Intl) as V8 shapes it, on Go natives (N, natives.go) that do
// the formatting. Runs once per realm that uses it. It reads no global:
// a context's global may be a user's sandbox, so everything comes from
// syntax or from N (TestNoGlobalReads).
(function (N) {
  'use strict';
  const U = void 0;
  // internal slots: a private field stamped onto instances by the base
  // constructor's return override, invisible to reflection as V8's are
  class SLOTS extends (function (o) { return o; }) {
    #s;
    constructor(o, v) { super(o); this.#s = v; }
    static get(o) { return N.isObject(o) && #s in o ? o.#s : U; }
  }
  const slot = (o) => SLOTS.get(o);
  const brand = (o, kind, method, legacy) => {
    const s = N.isObject(o) ? SLOTS.get(o) : U;
    if (s === U || s.kind !== kind) {
      // V8's legacy unwrapping (NumberFormat, DateTimeFormat) words it
      // so for objects (and NumberFormat's names no receiver)
      if (legacy && N.isObject(o)) throw N.TypeError('Method Unwrap' + kind + ' called on incompatible receiver ' + (kind === 'NumberFormat' ? 'undefined' : N.describe(o)));
      throw N.TypeError('Method ' + method + ' called on incompatible receiver ' + N.describe(o));
    }
    return s;
  };
  const def = N.def; // (o, key, value, writable, enumerable, configurable)
  const method = (o, name, fn, len) => {
    N.fnProps(fn, name, len);
    def(o, name, fn, true, false, true);
  };
  const getter = (o, name, fn) => {
    N.fnProps(fn, 'get ' + name, 0);
    N.accessor(o, name, fn, U, false, true);
  };
  const push = (a, v) => { a[a.length] = v; };

  // ---- options ----
  const toObjectOpts = (options) => options === U ? { __proto__: null } : N.toObject(options);
  const coerceOpts = (options) => options === U ? { __proto__: null } : N.toObject(options);
  function getOption(o, prop, type, values, fallback, service) {
    let v = o[prop];
    if (v === U) return fallback;
    if (type === 'boolean') v = !!v;
    else if (type === 'string') v = N.str(v);
    if (values !== U && !N.includes(values, v)) throw N.RangeError('Value ' + v + ' out of range for ' + service + ' options property ' + prop);
    return v;
  }
  function getNumberOption(o, prop, min, max, fallback) {
    return defaultNumberOption(o[prop], min, max, fallback, prop);
  }
  function defaultNumberOption(v, min, max, fallback, prop) {
    if (v === U) return fallback;
    v = N.num(v);
    if (v !== v || v < min || v > max) throw N.RangeError(prop + ' value is out of range.');
    return N.floor(v);
  }
  const localeMatcher = (o, service) => getOption(o, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', service);

  // ---- locales ----
  function canonicalizeLocaleList(locales, canonical) {
    const seen = [];
    if (locales === U) return seen;
    let O;
    if (typeof locales === 'string' || N.isObject(locales) && SLOTS.get(locales) !== U && SLOTS.get(locales).kind === 'Locale') O = [locales];
    else O = N.toObject(locales);
    const len = N.toLength(O.length);
    for (let k = 0; k < len; k++) {
      if (!(k in O)) continue;
      const v = O[k];
      if (typeof v !== 'string' && !N.isObject(v)) throw N.TypeError('Language ID should be string or object.');
      let tag;
      const s = N.isObject(v) ? SLOTS.get(v) : U;
      if (s !== U && s.kind === 'Locale') tag = s.tag;
      else {
        const str = N.str(v);
        tag = N.canonLocale(str);
        if (tag === '') {
          if (canonical && N.emptySubtag(str)) throw N.RangeError('Invalid language tag: ' + N.lower(str));
          throw N.RangeError('Incorrect locale information provided');
        }
      }
      if (!N.includes(seen, tag)) push(seen, tag);
    }
    return seen;
  }
  // resolveLocale picks the first requested locale the service has data
  // for (N.supported), else en-US, as ICU falls back to its default.
  function resolveLocale(service, requested, keys) {
    for (let i = 0; i < requested.length; i++) {
      const r = N.resolveLocale(service, requested[i], keys);
      if (r !== '') return r;
    }
    return N.resolveLocale(service, 'en-US', keys);
  }
  function supportedLocalesOf(data, locales, options, service) {
    const req = canonicalizeLocaleList(locales);
    if (options !== U) localeMatcher(N.toObject(options), service + '.supportedLocalesOf');
    const service_ = data;
    const out = [];
    for (let i = 0; i < req.length; i++) if (N.resolveLocale(service_, req[i], '') !== '') push(out, req[i]);
    return out;
  }

  const Intl = {};
  N.tag(Intl, 'Intl');

  function makeCtor(name, len, init, callable, data) {
    const service = 'Intl.' + name;
    // a function (not a class): Collator, NumberFormat, DateTimeFormat
    // may be called without new, as V8's
    const C = {
      [name]: function () {
        const nt = new.target;
        if (nt === U) {
          if (!callable) throw N.TypeError("Constructor " + service + " requires 'new'");
          return new C(arguments[0], arguments[1]);
        }
        const self = this;
        const s = init(arguments[0], arguments[1], service);
        s.kind = name;
        new SLOTS(self, s);
        return self;
      },
    }[name];
    N.fnProps(C, name, len);
    def(C, 'prototype', C.prototype, false, false, false);
    def(Intl, name, C, true, false, true);
    method(C, 'supportedLocalesOf', function supportedLocalesOf_(locales) { return supportedLocalesOf(data, locales, arguments[1], service); }, 1);
    N.tag(C.prototype, service);
    N.def(C.prototype, 'constructor', C, true, false, true);
    return C;
  }

  // ---- NumberFormat ----
  const roundingModes = ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'];
  function digitOptions(o, s, mnfdDefault, mxfdDefault, notation) {
    s.minimumIntegerDigits = getNumberOption(o, 'minimumIntegerDigits', 1, 21, 1);
    const mnfd = o.minimumFractionDigits, mxfd = o.maximumFractionDigits;
    const mnsd = o.minimumSignificantDigits, mxsd = o.maximumSignificantDigits;
    const priority = getOption(o, 'roundingPriority', 'string', ['auto', 'morePrecision', 'lessPrecision'], 'auto', 'SetNumberFormatDigitOptions');
    const hasSd = mnsd !== U || mxsd !== U, hasFd = mnfd !== U || mxfd !== U;
    let needSd = true, needFd = true;
    if (priority === 'auto') {
      needSd = hasSd;
      if (needSd || !hasFd && notation === 'compact') needFd = false;
    }
    if (needSd) {
      if (hasSd) {
        const mn = defaultNumberOption(mnsd, 1, 21, 1, 'minimumSignificantDigits');
        const mx = defaultNumberOption(mxsd, mn, 21, 21, 'maximumSignificantDigits');
        s.minimumSignificantDigits = mn; s.maximumSignificantDigits = mx;
      } else { s.minimumSignificantDigits = 1; s.maximumSignificantDigits = 21; }
    }
    if (needFd) {
      if (hasFd) {
        let mn = defaultNumberOption(mnfd, 0, 100, U, 'minimumFractionDigits');
        let mx = defaultNumberOption(mxfd, 0, 100, U, 'maximumFractionDigits');
        if (mn === U) mn = mnfdDefault < mx ? mnfdDefault : mx;
        else if (mx === U) mx = mxfdDefault > mn ? mxfdDefault : mn;
        else if (mn > mx) throw N.RangeError('maximumFractionDigits value is out of range.');
        s.minimumFractionDigits = mn; s.maximumFractionDigits = mx;
      } else { s.minimumFractionDigits = mnfdDefault; s.maximumFractionDigits = mxfdDefault; }
    }
    if (!needSd && !needFd) {
      s.minimumFractionDigits = 0; s.maximumFractionDigits = 0;
      s.minimumSignificantDigits = 1; s.maximumSignificantDigits = 2;
      s.roundingType = 'morePrecision'; s.roundingPriority = 'morePrecision';
    } else if (priority === 'auto') {
      s.roundingType = needSd ? 'significantDigits' : 'fractionDigits';
      s.roundingPriority = 'auto';
    } else {
      s.roundingType = priority; s.roundingPriority = priority;
    }
  }
  const NumberFormat = makeCtor('NumberFormat', 0, function (locales, options, service) {
    const requested = canonicalizeLocaleList(locales);
    const o = coerceOpts(options);
    localeMatcher(o, service);
    const nu = getOption(o, 'numberingSystem', 'string', U, U, service);
    if (nu !== U && !N.isUnicodeType(nu)) throw N.RangeError('Invalid numberingSystem : ' + nu);
    const s = {};
    const style = getOption(o, 'style', 'string', ['decimal', 'percent', 'currency', 'unit'], 'decimal', service);
    let currency = getOption(o, 'currency', 'string', U, U, service);
    if (currency !== U && !N.isCurrency(currency)) throw N.RangeError('Invalid currency code : ' + currency);
    const currencyDisplay = getOption(o, 'currencyDisplay', 'string', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol', service);
    const currencySign = getOption(o, 'currencySign', 'string', ['standard', 'accounting'], 'standard', service);
    const unit = getOption(o, 'unit', 'string', U, U, service);
    if (unit !== U && !N.isUnit(unit)) throw N.RangeError("Invalid unit argument for Intl.NumberFormat() '" + unit + "'");
    const unitDisplay = getOption(o, 'unitDisplay', 'string', ['short', 'narrow', 'long'], 'short', service);
    if (style === 'currency' && currency === U) throw N.TypeError('Currency code is required with currency style.');
    if (style === 'unit' && unit === U) throw N.TypeError("Invalid unit argument for Intl.NumberFormat() ''");
    s.style = style;
    if (style === 'currency') { currency = N.upper(currency); s.currency = currency; s.currencyDisplay = currencyDisplay; s.currencySign = currencySign; }
    if (style === 'unit') { s.unit = unit; s.unitDisplay = unitDisplay; }
    const roundingIncrement = getNumberOption(o, 'roundingIncrement', 1, 5000, 1);
    if (!N.includes([1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000], roundingIncrement)) throw N.RangeError('roundingIncrement value is out of range.');
    const notation = getOption(o, 'notation', 'string', ['standard', 'scientific', 'engineering', 'compact'], 'standard', service);
    let mnfd = 0, mxfd = 3;
    if (style === 'currency' && notation === 'standard') { mnfd = mxfd = N.currencyDigits(currency); }
    else if (style === 'percent') mxfd = 0;
    if (roundingIncrement !== 1) mxfd = mnfd;
    digitOptions(o, s, mnfd, mxfd, notation);
    const trailingZeroDisplay = getOption(o, 'trailingZeroDisplay', 'string', ['auto', 'stripIfInteger'], 'auto', service);
    const compactDisplay = getOption(o, 'compactDisplay', 'string', ['short', 'long'], 'short', service);
    const defaultGrouping = notation === 'compact' ? 'min2' : 'auto';
    let ug = o.useGrouping;
    if (ug === U) ug = defaultGrouping;
    else if (ug === true) ug = 'always';
    else if (ug === false || ug === null || ug === 0 || ug === '' || ug !== ug) ug = false;
    else {
      ug = N.str(ug);
      if (ug === 'true' || ug === 'false') ug = defaultGrouping;
      else if (!N.includes(['min2', 'auto', 'always'], ug)) throw N.RangeError('Value ' + ug + ' out of range for Intl.NumberFormat options property useGrouping');
    }
    const signDisplay = getOption(o, 'signDisplay', 'string', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto', service);
    const roundingMode = getOption(o, 'roundingMode', 'string', roundingModes, 'halfExpand', service);
    if (roundingIncrement !== 1) {
      if (s.roundingType !== 'fractionDigits') throw N.TypeError('roundingIncrement value is out of range.');
      if (s.maximumFractionDigits !== s.minimumFractionDigits) throw N.RangeError('maximumFractionDigits value is out of range.');
    }
    s.locale = resolveLocale(style === 'decimal' && notation !== 'compact' ? 'number' : 'numberEn', requested, 'nu');
    s.numberingSystem = 'latn';
    s.notation = notation;
    if (notation === 'compact') s.compactDisplay = compactDisplay;
    s.useGrouping = ug;
    s.signDisplay = signDisplay;
    s.roundingMode = roundingMode;
    s.roundingIncrement = roundingIncrement;
    s.trailingZeroDisplay = trailingZeroDisplay;
    s.h = N.numberFormatter(s);
    return s;
  }, true, 'number');
  const nfKeys = ['locale', 'numberingSystem', 'style', 'currency', 'currencyDisplay', 'currencySign', 'unit', 'unitDisplay', 'minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits', 'minimumSignificantDigits', 'maximumSignificantDigits', 'useGrouping', 'notation', 'compactDisplay', 'signDisplay', 'roundingMode', 'roundingIncrement', 'trailingZeroDisplay', 'roundingPriority'];
  const nfKeysCompact = ['locale', 'numberingSystem', 'style', 'currency', 'currencyDisplay', 'currencySign', 'unit', 'unitDisplay', 'minimumIntegerDigits', 'minimumSignificantDigits', 'maximumSignificantDigits', 'minimumFractionDigits', 'maximumFractionDigits', 'useGrouping', 'notation', 'compactDisplay', 'signDisplay', 'roundingMode', 'roundingIncrement', 'trailingZeroDisplay', 'roundingPriority'];
  function copyResolved(s, keys) {
    const r = {};
    for (let i = 0; i < keys.length; i++) { const v = s[keys[i]]; if (v !== U) r[keys[i]] = v; }
    return r;
  }
  const NFP = NumberFormat.prototype;
  method(NFP, 'resolvedOptions', function resolvedOptions() {
    const s = brand(this, 'NumberFormat', 'Intl.NumberFormat.prototype.resolvedOptions', true);
    return copyResolved(s, s.roundingType === 'morePrecision' || s.roundingType === 'lessPrecision' ? nfKeysCompact : nfKeys);
  }, 0);
  method(NFP, 'formatToParts', function formatToParts(value) {
    const s = brand(this, 'NumberFormat', 'Intl.NumberFormat.prototype.formatToParts');
    return N.formatNumber(s.h, N.mathValue(value), true);
  }, 1);
  getter(NFP, 'format', function () {
    const s = brand(this, 'NumberFormat', 'get Intl.NumberFormat.prototype.format', true);
    if (s.bound === U) {
      const h = s.h;
      s.bound = (value) => N.formatNumber(h, N.mathValue(value), false);
      N.fnProps(s.bound, '', 1);
    }
    return s.bound;
  });
  method(NFP, 'formatRange', function formatRange(start, end) {
    const s = brand(this, 'NumberFormat', 'Intl.NumberFormat.prototype.formatRange');
    if (start === U) throw N.TypeError('Invalid start : undefined');
    if (end === U) throw N.TypeError('Invalid end : undefined');
    return N.formatNumberRange(s.h, N.mathValue(start), N.mathValue(end), false);
  }, 2);
  method(NFP, 'formatRangeToParts', function formatRangeToParts(start, end) {
    const s = brand(this, 'NumberFormat', 'Intl.NumberFormat.prototype.formatRangeToParts');
    if (start === U) throw N.TypeError('Invalid start : undefined');
    if (end === U) throw N.TypeError('Invalid end : undefined');
    return N.formatNumberRange(s.h, N.mathValue(start), N.mathValue(end), true);
  }, 2);

  // ---- DateTimeFormat ----
  const dateFields = ['weekday', 'year', 'month', 'day'], timeFields = ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'];
  function toDateTimeOptions(options, required, defaults) {
    const o = options === U ? { __proto__: null } : { __proto__: N.toObject(options) };
    let need = true;
    if (required === 'date' || required === 'any') for (let i = 0; i < dateFields.length; i++) if (o[dateFields[i]] !== U) need = false;
    if (required === 'time' || required === 'any') for (let i = 0; i < timeFields.length; i++) if (o[timeFields[i]] !== U) need = false;
    const ds = o.dateStyle, ts = o.timeStyle;
    if (ds !== U || ts !== U) need = false;
    if (required === 'date' && ts !== U) throw N.TypeError('Invalid option : timeStyle');
    if (required === 'time' && ds !== U) throw N.TypeError('Invalid option : dateStyle');
    if (need && (defaults === 'date' || defaults === 'all')) { o.year = 'numeric'; o.month = 'numeric'; o.day = 'numeric'; }
    if (need && (defaults === 'time' || defaults === 'all')) { o.hour = 'numeric'; o.minute = 'numeric'; o.second = 'numeric'; }
    return o;
  }
  const tableFields = [
    ['weekday', ['narrow', 'short', 'long']], ['era', ['narrow', 'short', 'long']], ['year', ['2-digit', 'numeric']],
    ['month', ['2-digit', 'numeric', 'narrow', 'short', 'long']], ['day', ['2-digit', 'numeric']], ['dayPeriod', ['narrow', 'short', 'long']],
    ['hour', ['2-digit', 'numeric']], ['minute', ['2-digit', 'numeric']], ['second', ['2-digit', 'numeric']], ['fractionalSecondDigits'],
    ['timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric']]];
  function initDateTimeFormat(locales, options, required, defaults) {
    const service = 'Intl.DateTimeFormat';
    const requested = canonicalizeLocaleList(locales);
    const o = toDateTimeOptions(options, required, defaults);
    localeMatcher(o, service);
    const ca = getOption(o, 'calendar', 'string', U, U, service);
    if (ca !== U && !N.isUnicodeType(ca)) throw N.RangeError('Invalid calendar : ' + ca);
    const nu = getOption(o, 'numberingSystem', 'string', U, U, service);
    if (nu !== U && !N.isUnicodeType(nu)) throw N.RangeError('Invalid numberingSystem : ' + nu);
    let hour12 = o.hour12;
    if (hour12 !== U) hour12 = !!hour12;
    let hourCycle = getOption(o, 'hourCycle', 'string', ['h11', 'h12', 'h23', 'h24'], U, service);
    if (hour12 !== U) hourCycle = null;
    let tz = o.timeZone;
    if (tz === U) tz = N.defaultTimeZone();
    else {
      tz = N.str(tz);
      const c = N.canonZone(tz);
      if (c === '') throw N.RangeError('Invalid time zone specified: ' + tz);
      tz = c;
    }
    const s = { timeZone: tz };
    let hasExplicit = false;
    for (let i = 0; i < tableFields.length; i++) {
      const f = tableFields[i][0];
      let v;
      if (f === 'fractionalSecondDigits') v = getNumberOption(o, f, 1, 3, U);
      else v = getOption(o, f, 'string', tableFields[i][1], U, service);
      if (v !== U) { s[f] = v; hasExplicit = true; }
    }
    getOption(o, 'formatMatcher', 'string', ['basic', 'best fit'], 'best fit', service);
    const ds = getOption(o, 'dateStyle', 'string', ['full', 'long', 'medium', 'short'], U, service);
    const ts = getOption(o, 'timeStyle', 'string', ['full', 'long', 'medium', 'short'], U, service);
    if (ds !== U || ts !== U) {
      if (hasExplicit) {
        for (let i = 0; i < tableFields.length; i++) if (s[tableFields[i][0]] !== U) throw N.TypeError("Can't set option " + tableFields[i][0] + ' when ' + (ds !== U ? 'dateStyle' : 'timeStyle') + ' is used');
      }
      if (required === 'date' && ds === U) throw N.TypeError('Invalid option : timeStyle');
      if (required === 'time' && ts === U) throw N.TypeError('Invalid option : dateStyle');
      s.dateStyle = ds; s.timeStyle = ts;
    }
    s.locale = resolveLocale('date', requested, 'ca nu hc');
    s.calendar = 'gregory';
    s.numberingSystem = 'latn';
    s.hour12 = hour12; s.hourCycle = hourCycle;
    s.h = N.dateFormatter(s); // resolves the pattern; writes back resolved fields
    return s;
  }
  const DateTimeFormat = makeCtor('DateTimeFormat', 0, function (locales, options) {
    return initDateTimeFormat(locales, options, 'any', 'date');
  }, true, 'date');
  const dtfKeys = ['locale', 'calendar', 'numberingSystem', 'timeZone', 'hourCycle', 'hour12', 'weekday', 'era', 'year', 'month', 'day', 'dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits', 'timeZoneName', 'dateStyle', 'timeStyle'];
  const DTFP = DateTimeFormat.prototype;
  function timeValue(date) {
    const x = date === U ? N.now() : N.num(date);
    const t = N.timeClip(x);
    if (t !== t) throw N.RangeError('Invalid time value');
    return t;
  }
  method(DTFP, 'resolvedOptions', function resolvedOptions() {
    const s = brand(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.resolvedOptions', true);
    return copyResolved(s.r, dtfKeys);
  }, 0);
  method(DTFP, 'formatToParts', function formatToParts(date) {
    const s = brand(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.formatToParts');
    return N.formatDate(s.h, timeValue(date), true);
  }, 1);
  getter(DTFP, 'format', function () {
    const s = brand(this, 'DateTimeFormat', 'get Intl.DateTimeFormat.prototype.format', true);
    if (s.bound === U) {
      const h = s.h;
      s.bound = (date) => N.formatDate(h, timeValue(date), false);
      N.fnProps(s.bound, '', 1);
    }
    return s.bound;
  });
  method(DTFP, 'formatRange', function formatRange(startDate, endDate) {
    const s = brand(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.formatRange');
    if (startDate === U || endDate === U) throw N.TypeError('Invalid time value');
    return N.formatDateRange(s.h, timeValue(startDate), timeValue(endDate), false);
  }, 2);
  method(DTFP, 'formatRangeToParts', function formatRangeToParts(startDate, endDate) {
    const s = brand(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.formatRangeToParts');
    if (startDate === U || endDate === U) throw N.TypeError('Invalid time value');
    return N.formatDateRange(s.h, timeValue(startDate), timeValue(endDate), true);
  }, 2);

  // ---- Collator ----
  const Collator = makeCtor('Collator', 0, function (locales, options, service) {
    const requested = canonicalizeLocaleList(locales);
    const o = coerceOpts(options);
    const usage = getOption(o, 'usage', 'string', ['sort', 'search'], 'sort', service);
    localeMatcher(o, service);
    const co = getOption(o, 'collation', 'string', U, U, service);
    if (co !== U && !N.isUnicodeType(co)) throw N.RangeError('Invalid collation : ' + co);
    const numeric = getOption(o, 'numeric', 'boolean', U, U, service);
    const caseFirst = getOption(o, 'caseFirst', 'string', ['upper', 'lower', 'false'], U, service);
    const sensitivity = getOption(o, 'sensitivity', 'string', ['base', 'accent', 'case', 'variant'], 'variant', service);
    const ignorePunctuation = getOption(o, 'ignorePunctuation', 'boolean', U, false, service);
    const loc = N.collatorLocale(resolveLocale('collator', requested, 'co kn kf'), numeric === U ? '' : numeric ? 'true' : 'false', caseFirst === U ? '' : caseFirst);
    const s = { locale: loc[0], usage: usage, sensitivity: sensitivity, ignorePunctuation: ignorePunctuation, collation: 'default', numeric: loc[1] === 'true', caseFirst: loc[2] || 'false' };
    s.h = N.collator(s);
    return s;
  }, true, 'collator');
  const CP = Collator.prototype;
  method(CP, 'resolvedOptions', function resolvedOptions() {
    const s = brand(this, 'Collator', 'Intl.Collator.prototype.resolvedOptions');
    return copyResolved(s, ['locale', 'usage', 'sensitivity', 'ignorePunctuation', 'collation', 'numeric', 'caseFirst']);
  }, 0);
  getter(CP, 'compare', function () {
    const s = brand(this, 'Collator', 'get Intl.Collator.prototype.compare');
    if (s.bound === U) {
      const h = s.h;
      s.bound = (x, y) => N.compare(h, N.str(x), N.str(y));
      N.fnProps(s.bound, '', 2);
    }
    return s.bound;
  });

  // ---- PluralRules ----
  const PluralRules = makeCtor('PluralRules', 0, function (locales, options, service) {
    const requested = canonicalizeLocaleList(locales);
    const o = coerceOpts(options);
    localeMatcher(o, service);
    const type = getOption(o, 'type', 'string', ['cardinal', 'ordinal'], 'cardinal', service);
    const s = { type: type };
    digitOptions(o, s, 0, 3, 'standard');
    s.locale = N.languageScript(resolveLocale('plural', requested, ''));
    s.plain = true;
    s.style = 'decimal'; s.notation = 'standard'; s.useGrouping = false; s.signDisplay = 'auto';
    s.roundingMode = 'halfExpand'; s.roundingIncrement = 1; s.trailingZeroDisplay = 'auto';
    s.minimumIntegerDigits = s.minimumIntegerDigits || 1;
    s.nf = N.numberFormatter(s);
    return s;
  }, false, 'plural');
  const PRP = PluralRules.prototype;
  method(PRP, 'resolvedOptions', function resolvedOptions() {
    const s = brand(this, 'PluralRules', 'Intl.PluralRules.prototype.resolvedOptions');
    const r = copyResolved(s, ['locale', 'type', 'minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits', 'minimumSignificantDigits', 'maximumSignificantDigits']);
    r.pluralCategories = N.pluralCategories(s.locale, s.type);
    if (s.roundingType === 'morePrecision' || s.roundingType === 'lessPrecision') r.roundingPriority = s.roundingType;
    return r;
  }, 0);
  method(PRP, 'select', function select(value) {
    const s = brand(this, 'PluralRules', 'Intl.PluralRules.prototype.select');
    return N.plural(s.locale, s.type, N.formatNumber(s.nf, N.num(value), false));
  }, 1);
  method(PRP, 'selectRange', function selectRange(start, end) {
    const s = brand(this, 'PluralRules', 'Intl.PluralRules.prototype.selectRange');
    if (start === U || end === U) throw N.TypeError('start or end is undefined');
    const a = N.num(start), b = N.num(end);
    if (a !== a || b !== b) throw N.RangeError('Invalid start : NaN');
    return N.plural(s.locale, s.type, N.formatNumber(s.nf, b, false));
  }, 2);

  // ---- RelativeTimeFormat ----
  const rtfUnits = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'];
  const RelativeTimeFormat = makeCtor('RelativeTimeFormat', 0, function (locales, options, service) {
    const requested = canonicalizeLocaleList(locales);
    const o = coerceOpts(options);
    localeMatcher(o, service);
    const nu = getOption(o, 'numberingSystem', 'string', U, U, service);
    if (nu !== U && !N.isUnicodeType(nu)) throw N.RangeError('Invalid numberingSystem : ' + nu);
    const style = getOption(o, 'style', 'string', ['long', 'short', 'narrow'], 'long', service);
    const numeric = getOption(o, 'numeric', 'string', ['always', 'auto'], 'always', service);
    const s = { locale: resolveLocale('en', requested, 'nu'), style: style, numeric: numeric, numberingSystem: 'latn' };
    s.nf = N.numberFormatter({ locale: s.locale, style: 'decimal', notation: 'standard', minimumIntegerDigits: 1, minimumFractionDigits: 0, maximumFractionDigits: 3, roundingType: 'fractionDigits', useGrouping: 'auto', signDisplay: 'never', roundingMode: 'halfExpand', roundingIncrement: 1, trailingZeroDisplay: 'auto' });
    return s;
  }, false, 'en');
  const RTFP = RelativeTimeFormat.prototype;
  function rtfUnit(unit, m) {
    unit = N.str(unit);
    let u = unit;
    if (u[u.length - 1] === 's') u = N.slice(u, 0, u.length - 1);
    if (!N.includes(rtfUnits, u)) throw N.RangeError('Invalid unit argument for Intl.RelativeTimeFormat.prototype.' + m + "() '" + unit + "'");
    return u;
  }
  function rtfFormat(s, value, unit, m, parts) {
    const v = N.num(value);
    const u = rtfUnit(unit, m);
    if (v !== v || v === 1 / 0 || v === -1 / 0) throw N.RangeError('Value need to be finite number for Intl.RelativeTimeFormat.prototype.' + m + '()');
    return N.relativeTime(s.nf, s.style, s.numeric, v, u, parts);
  }
  method(RTFP, 'resolvedOptions', function resolvedOptions() {
    const s = brand(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.resolvedOptions');
    return copyResolved(s, ['locale', 'style', 'numeric', 'numberingSystem']);
  }, 0);
  method(RTFP, 'format', function format(value, unit) {
    return rtfFormat(brand(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.format'), value, unit, 'format', false);
  }, 2);
  method(RTFP, 'formatToParts', function formatToParts(value, unit) {
    return rtfFormat(brand(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.formatToParts'), value, unit, 'formatToParts', true);
  }, 2);

  // ---- ListFormat ----
  const ListFormat = makeCtor('ListFormat', 0, function (locales, options, service) {
    const requested = canonicalizeLocaleList(locales);
    const o = options === U ? { __proto__: null } : N.getOptionsObject(options);
    localeMatcher(o, service);
    const type = getOption(o, 'type', 'string', ['conjunction', 'disjunction', 'unit'], 'conjunction', service);
    const style = getOption(o, 'style', 'string', ['long', 'short', 'narrow'], 'long', service);
    return { locale: resolveLocale('en', requested, ''), type: type, style: style };
  }, false, 'en');
  function stringList(list) {
    const out = [];
    if (list === U) return out;
    for (const v of list) {
      if (typeof v !== 'string') throw N.TypeError('Iterable yielded ' + N.describe(v) + ' which is not a string');
      push(out, v);
    }
    return out;
  }
  const LFP = ListFormat.prototype;
  method(LFP, 'resolvedOptions', function resolvedOptions() {
    const s = brand(this, 'ListFormat', 'Intl.ListFormat.prototype.resolvedOptions');
    return copyResolved(s, ['locale', 'type', 'style']);
  }, 0);
  method(LFP, 'format', function format(list) {
    const s = brand(this, 'ListFormat', 'Intl.ListFormat.prototype.format');
    return N.formatList(s.type, s.style, stringList(list), false);
  }, 1);
  method(LFP, 'formatToParts', function formatToParts(list) {
    const s = brand(this, 'ListFormat', 'Intl.ListFormat.prototype.formatToParts');
    return N.formatList(s.type, s.style, stringList(list), true);
  }, 1);

  // ---- Segmenter ----
  const Segmenter = makeCtor('Segmenter', 0, function (locales, options, service) {
    const requested = canonicalizeLocaleList(locales);
    const o = options === U ? { __proto__: null } : N.getOptionsObject(options);
    localeMatcher(o, service);
    const g = getOption(o, 'granularity', 'string', ['grapheme', 'word', 'sentence'], 'grapheme', service);
    return { locale: resolveLocale('en', requested, ''), granularity: g };
  }, false, 'en');
  const SGP = Segmenter.prototype;
  method(SGP, 'resolvedOptions', function resolvedOptions() {
    const s = brand(this, 'Segmenter', 'Intl.Segmenter.prototype.resolvedOptions');
    return copyResolved(s, ['locale', 'granularity']);
  }, 0);
  const SegmentsProto = {};
  const SegIterProto = { __proto__: N.getProto(N.getProto([][N.iteratorSymbol]())) };
  N.tag(SegIterProto, 'Segmenter String Iterator');
  function segData(seg, str, i) {
    const r = { segment: seg[1], index: seg[0], input: str };
    if (seg.length > 2) r.isWordLike = seg[2];
    return r;
  }
  method(SegmentsProto, 'containing', function containing(index) {
    const s = SLOTS.get(this);
    if (s === U || s.kind !== 'Segments') throw N.TypeError('Method %Segments.prototype%.containing called on incompatible receiver ' + N.describe(this));
    let n = N.toIntegerOrInfinity(index);
    if (n < 0 || n >= s.str.length) return U;
    const segs = s.segs;
    for (let i = 0; i < segs.length; i++) {
      const end = i + 1 < segs.length ? segs[i + 1][0] : s.str.length;
      if (n >= segs[i][0] && n < end) return segData(segs[i], s.str, i);
    }
    return U;
  }, 1);
  def(SegmentsProto, N.iteratorSymbol, function () {
    const s = SLOTS.get(this);
    if (s === U || s.kind !== 'Segments') throw N.TypeError('Method %Segments.prototype%[@@iterator] called on incompatible receiver ' + N.describe(this));
    const it = { __proto__: SegIterProto };
    new SLOTS(it, { kind: 'SegmentIterator', s: s, i: 0 });
    return it;
  }, true, false, true);
  N.fnProps(SegmentsProto[N.iteratorSymbol], '[Symbol.iterator]', 0);
  method(SegIterProto, 'next', function next() {
    const st = SLOTS.get(this);
    if (st === U || st.kind !== 'SegmentIterator') throw N.TypeError('Method %SegmentIterator.prototype%.next called on incompatible receiver ' + N.describe(this));
    const segs = st.s.segs;
    if (st.i >= segs.length) return { value: U, done: true };
    const r = segData(segs[st.i], st.s.str, st.i);
    st.i++;
    return { value: r, done: false };
  }, 0);
  method(SGP, 'segment', function segment(string) {
    const s = brand(this, 'Segmenter', 'Intl.Segmenter.prototype.segment');
    const str = N.str(string);
    const o = { __proto__: SegmentsProto };
    new SLOTS(o, { kind: 'Segments', str: str, segs: N.segment(s.granularity, str) });
    return o;
  }, 1);

  // ---- DisplayNames ----
  const DisplayNames = makeCtor('DisplayNames', 2, function (locales, options, service) {
    const requested = canonicalizeLocaleList(locales);
    if (options === U) throw N.TypeError('invalid_argument');
    const o = N.getOptionsObject(options);
    localeMatcher(o, service);
    const style = getOption(o, 'style', 'string', ['narrow', 'short', 'long'], 'long', service);
    const type = getOption(o, 'type', 'string', ['language', 'region', 'script', 'currency', 'calendar', 'dateTimeField'], U, service);
    if (type === U) throw N.TypeError('invalid_argument');
    const fallback = getOption(o, 'fallback', 'string', ['code', 'none'], 'code', service);
    const languageDisplay = getOption(o, 'languageDisplay', 'string', ['dialect', 'standard'], 'dialect', service);
    const s = { locale: resolveLocale('display', requested, ''), style: style, type: type, fallback: fallback };
    if (type === 'language') s.languageDisplay = languageDisplay;
    return s;
  }, false, 'display');
  const DNP = DisplayNames.prototype;
  method(DNP, 'resolvedOptions', function resolvedOptions() {
    const s = brand(this, 'DisplayNames', 'Intl.DisplayNames.prototype.resolvedOptions');
    return copyResolved(s, ['locale', 'style', 'type', 'fallback', 'languageDisplay']);
  }, 0);
  method(DNP, 'of', function of(code) {
    const s = brand(this, 'DisplayNames', 'Intl.DisplayNames.prototype.of');
    const c = N.str(code);
    const r = N.displayName(s.type, s.style, c);
    if (r === null) throw N.RangeError('invalid_argument');
    if (r === '') return s.fallback === 'code' ? N.displayCode(s.type, c) : U;
    return r;
  }, 1);

  // ---- Locale ----
  const Locale = {
    Locale: function (tag) {
      if (new.target === U) throw N.TypeError("Constructor Intl.Locale requires 'new'");
      if (typeof tag !== 'string' && !N.isObject(tag)) throw N.TypeError("First argument to Intl.Locale constructor can't be empty or missing");
      const ts = N.isObject(tag) ? SLOTS.get(tag) : U;
      let t = ts !== U && ts.kind === 'Locale' ? ts.tag : N.str(tag);
      const o = coerceOpts(arguments[1]);
      const opts = {};
      const keys = ['language', 'script', 'region', 'calendar', 'collation', 'hourCycle', 'caseFirst', 'numeric', 'numberingSystem'];
      for (let i = 0; i < keys.length; i++) {
        let v = o[keys[i]];
        if (v !== U) opts[keys[i]] = keys[i] === 'numeric' ? !!v + '' : N.str(v);
      }
      const c = N.localeWith(t, opts);
      if (c === '') {
        if (opts.hourCycle !== U && !N.includes(['h11', 'h12', 'h23', 'h24'], opts.hourCycle)) throw N.RangeError('Value ' + opts.hourCycle + ' out of range for locale options property hourCycle');
        if (t === '') throw N.RangeError("First argument to Intl.Locale constructor can't be empty or missing");
        throw N.RangeError('Incorrect locale information provided');
      }
      new SLOTS(this, { kind: 'Locale', tag: c });
      return this;
    },
  }.Locale;
  N.fnProps(Locale, 'Locale', 1);
  def(Intl, 'Locale', Locale, true, false, true);
  def(Locale, 'prototype', Locale.prototype, false, false, false);
  N.tag(Locale.prototype, 'Intl.Locale');
  def(Locale.prototype, 'constructor', Locale, true, false, true);
  const LP = Locale.prototype;
  const loc = (o, m) => brand(o, 'Locale', 'Intl.Locale.prototype.' + m).tag;
  method(LP, 'toString', function toString() { return loc(this, 'toString'); }, 0);
  method(LP, 'maximize', function maximize() { return new Locale(N.localeMaximize(loc(this, 'maximize'), true)); }, 0);
  method(LP, 'minimize', function minimize() { return new Locale(N.localeMaximize(loc(this, 'minimize'), false)); }, 0);
  const localeGetters = ['language', 'script', 'region', 'baseName', 'calendar', 'caseFirst', 'collation', 'hourCycle', 'numeric', 'numberingSystem'];
  const localeLists = ['calendars', 'collations', 'hourCycles', 'numberingSystems', 'textInfo', 'weekInfo'];
  for (let i = 0; i < localeLists.length; i++) push(localeGetters, localeLists[i]);
  for (let i = 0; i < localeGetters.length; i++) {
    const k = localeGetters[i];
    getter(LP, k, function () { return N.localePart(loc(this, k), k); });
  }

  // ---- Intl functions ----
  method(Intl, 'getCanonicalLocales', function getCanonicalLocales(locales) { return canonicalizeLocaleList(locales, true); }, 1);
  method(Intl, 'supportedValuesOf', function supportedValuesOf(key) {
    const k = N.str(key);
    const v = N.supportedValues(k);
    if (v === null) throw N.RangeError('Invalid key : ' + k);
    return v;
  }, 1);
  // order of Intl's own keys as V8's
  const order = ['getCanonicalLocales', 'supportedValuesOf', 'DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Locale', 'DisplayNames', 'Segmenter'];
  const I = {};
  for (let i = 0; i < order.length; i++) def(I, order[i], Intl[order[i]], true, false, true);
  N.tag(I, 'Intl');

  // ---- the builtins' locale methods (ECMA-402 §19-20) ----
  let defaultNF, defaultCollator;
  const hooks = {
    numberToLocaleString(x, locales, options) {
      if (locales === U && options === U) {
        if (defaultNF === U) defaultNF = new NumberFormat();
        return N.formatNumber(slot(defaultNF).h, x, false);
      }
      return N.formatNumber(slot(new NumberFormat(locales, options)).h, x, false);
    },
    dateToLocale(t, locales, options, required, defaults) {
      if (t !== t) return 'Invalid Date';
      const s = initDateTimeFormat(locales, options, required, defaults);
      return N.formatDate(s.h, t, false);
    },
    localeCompare(a, b, locales, options) {
      if (locales === U && options === U) {
        if (defaultCollator === U) defaultCollator = new Collator();
        return N.compare(slot(defaultCollator).h, a, b);
      }
      return N.compare(slot(new Collator(locales, options)).h, a, b);
    },
  };
  return { Intl: I, hooks: hooks };
})
