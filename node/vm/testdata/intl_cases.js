// Intl, the locale methods, SharedArrayBuffer and Atomics: one line per
// case, recorded with node into intl_cases.golden (UPDATE_SNAPSHOTS=1,
// TZ=UTC). Main realm, vm contexts, and a context's objects used from main.
'use strict';
const vm = require('vm');
let n = 0;
function show(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return v + 'n';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'function') return 'function ' + v.name + '/' + v.length;
  if (typeof v === 'symbol' || v === undefined) return String(v);
  try { return JSON.stringify(v); } catch (e) { return String(v); }
}
function c(f) {
  n++;
  let r;
  try { r = show(f()); } catch (e) { r = (e && e.constructor && e.constructor.name) + ': ' + (e && e.message); }
  console.log(n + ': ' + r);
}
const nf = (o, x, l) => new Intl.NumberFormat(l || 'en-US', o).format(x);
// ---- NumberFormat values x options ----
const values = [0, -0, 1, -1, 1.5, 2.5, -2.5, 0.001, 0.0005, 1.005, 1234.5, 1234567.891, 999999, 999.95, 1e21, 1e-7, 123456789012345680000, NaN, Infinity, -Infinity, 5e-324, 12345678901234567890n, -5n, '1234.5678', '0x1f', ' 12 ', '', 'abc', '1e400', true, null];
const opts = [{}, { maximumFractionDigits: 0 }, { minimumFractionDigits: 2 }, { maximumSignificantDigits: 3 }, { minimumSignificantDigits: 5 }, { minimumIntegerDigits: 4 },
  { useGrouping: false }, { useGrouping: 'min2' }, { signDisplay: 'always' }, { signDisplay: 'exceptZero' }, { signDisplay: 'negative' }, { signDisplay: 'never' },
  { style: 'percent' }, { style: 'percent', maximumFractionDigits: 2 }, { style: 'currency', currency: 'USD' }, { style: 'currency', currency: 'EUR', currencyDisplay: 'code' },
  { style: 'currency', currency: 'JPY' }, { style: 'currency', currency: 'USD', currencySign: 'accounting' }, { style: 'currency', currency: 'GBP', currencyDisplay: 'name' },
  { style: 'unit', unit: 'kilobyte' }, { style: 'unit', unit: 'kilometer-per-hour', unitDisplay: 'long' }, { style: 'unit', unit: 'second', unitDisplay: 'narrow' },
  { notation: 'compact' }, { notation: 'compact', compactDisplay: 'long' }, { notation: 'scientific' }, { notation: 'engineering' }, { notation: 'compact', maximumFractionDigits: 2 },
  { roundingMode: 'floor', maximumFractionDigits: 1 }, { roundingMode: 'halfEven', maximumFractionDigits: 0 }, { roundingMode: 'trunc', maximumSignificantDigits: 2 }, { roundingMode: 'ceil' },
  { roundingPriority: 'lessPrecision', maximumFractionDigits: 2, maximumSignificantDigits: 2 }, { roundingPriority: 'morePrecision', maximumFractionDigits: 2, maximumSignificantDigits: 2 },
  { trailingZeroDisplay: 'stripIfInteger', minimumFractionDigits: 2 }, { roundingIncrement: 5, maximumFractionDigits: 2, minimumFractionDigits: 2 }];
for (const o of opts) for (const v of values) c(() => nf(o, v));
for (const v of [1234.5, -0.5, 1e6]) for (const l of ['de', 'fr', 'en-GB', 'en-IN', 'ja', 'xx', 'es']) c(() => nf({}, v, l));
c(() => new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).formatToParts(-1234.56));
c(() => new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long' }).formatToParts(1234567));
c(() => new Intl.NumberFormat('en', { notation: 'scientific' }).formatToParts(-0.00012345));
c(() => new Intl.NumberFormat('en', { style: 'unit', unit: 'megabyte', unitDisplay: 'long' }).formatToParts(1));
c(() => new Intl.NumberFormat('en', { style: 'percent', signDisplay: 'exceptZero' }).formatToParts(0.256));
c(() => new Intl.NumberFormat().formatToParts(NaN));
for (const o of [{}, { style: 'currency', currency: 'usd' }, { notation: 'compact' }, { style: 'percent' }, { minimumSignificantDigits: 2 }, { maximumFractionDigits: 1, minimumFractionDigits: 1 }, { useGrouping: true }, { useGrouping: 'false' }, { style: 'unit', unit: 'liter' }, { roundingPriority: 'morePrecision' }, { notation: 'engineering', signDisplay: 'negative' }])
  c(() => new Intl.NumberFormat('en-US', o).resolvedOptions());
// option validation and order
const bad = [{ maximumFractionDigits: 101 }, { minimumFractionDigits: 3, maximumFractionDigits: 2 }, { style: 'bogus' }, { style: 'currency' }, { style: 'currency', currency: 'US' }, { style: 'unit' },
  { style: 'unit', unit: 'furlong' }, { minimumIntegerDigits: 0 }, { minimumIntegerDigits: 22 }, { maximumSignificantDigits: 0 }, { minimumSignificantDigits: 5, maximumSignificantDigits: 2 }, { roundingIncrement: 3 },
  { roundingIncrement: 5 }, { useGrouping: 'x' }, { notation: 'compact', compactDisplay: 'x' }, { maximumFractionDigits: NaN }, { maximumFractionDigits: Infinity }, { maximumFractionDigits: '2' },
  { signDisplay: 'sometimes' }, { currency: 'ABCD' }, { numberingSystem: 'a' }, { roundingMode: 'up' }, { roundingPriority: 'x' }, { trailingZeroDisplay: 'x' }, { unit: 'per' }];
for (const o of bad) c(() => new Intl.NumberFormat('en', o).format(1.23456));
function order(C, extra, locale) {
  const seen = [];
  const p = new Proxy({}, { get(t, k) { seen.push(String(k)); return extra && extra[k]; } });
  try { new C(locale || 'en', p); } catch (e) { seen.push('!' + e.message); }
  return seen.join(' ');
}
for (const C of ['NumberFormat', 'DateTimeFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter']) c(() => order(Intl[C]));
c(() => order(Intl.DisplayNames, { type: 'region' }));
c(() => order(Intl.NumberFormat, { style: 'currency', currency: 'EUR', notation: 'compact' }));
c(() => order(Intl.DateTimeFormat, { dateStyle: 'full' }));
c(() => new Intl.NumberFormat('en', { get style() { throw new Error('style getter'); } }));
c(() => new Intl.NumberFormat('en', { get minimumFractionDigits() { throw new TypeError('mnfd'); } }));
c(() => new Intl.DateTimeFormat('en', { get timeZone() { throw new RangeError('tz'); } }));
c(() => new Intl.NumberFormat('en', { maximumFractionDigits: { valueOf() { return 1; } } }).format(1.26));
c(() => new Intl.NumberFormat('en', { style: { toString() { return 'percent'; } } }).format(0.5));
c(() => new Intl.NumberFormat().format(Symbol()));
c(() => new Intl.NumberFormat().format({ valueOf() { return 42; } }));
c(() => new Intl.NumberFormat().format());
// locales
for (const l of ['EN-us', 'iw', 'zh-hant-tw', 'sh', 'de-u-co-phonebk', 'in', 'en-u-kn-true', 'en_US', 'x', 'en-US-u-', '', 'abcdefghi', 'de-DE-1996', ['en', 'en', 'EN'], [5], null, 5, { length: 1, 0: 'fr' }])
  c(() => Intl.getCanonicalLocales(l));
for (const l of ['de', 'xx', ['xx', 'fr'], 'en-GB', 'ja-JP', undefined]) c(() => [new Intl.NumberFormat(l).resolvedOptions().locale, new Intl.DateTimeFormat(l).resolvedOptions().locale, new Intl.Collator(l).resolvedOptions().locale, new Intl.PluralRules(l).resolvedOptions().locale]);
c(() => Intl.NumberFormat.supportedLocalesOf(['de', 'en-GB']));
c(() => Intl.DateTimeFormat.supportedLocalesOf('en-US'));
c(() => Intl.Collator.supportedLocalesOf('en', { localeMatcher: 'x' }));
c(() => Intl.supportedValuesOf('calendar'));
c(() => Intl.supportedValuesOf('timeZone').length > 400);
c(() => Intl.supportedValuesOf('timeZone').slice(0, 5));
c(() => Intl.supportedValuesOf('unit'));
c(() => Intl.supportedValuesOf('currency').length > 150);
c(() => Intl.supportedValuesOf('bogus'));
// ---- DateTimeFormat ----
const d = Date.UTC(2024, 0, 5, 15, 4, 5, 67), d2 = Date.UTC(1999, 11, 31, 0, 30, 0, 5);
const dopts = [{}, { year: 'numeric' }, { year: '2-digit' }, { month: 'long' }, { month: 'short' }, { month: 'narrow' }, { month: 'numeric' }, { month: '2-digit' }, { day: 'numeric' }, { day: '2-digit' },
  { weekday: 'long' }, { weekday: 'short' }, { weekday: 'narrow' }, { year: 'numeric', month: 'long' }, { year: 'numeric', month: 'short' }, { year: 'numeric', month: 'numeric' }, { year: 'numeric', month: '2-digit' },
  { month: 'long', day: 'numeric' }, { month: 'short', day: 'numeric' }, { month: 'numeric', day: 'numeric' }, { month: '2-digit', day: '2-digit' }, { year: 'numeric', month: 'long', day: 'numeric' },
  { year: 'numeric', month: 'short', day: 'numeric' }, { year: 'numeric', month: '2-digit', day: '2-digit' }, { year: '2-digit', month: '2-digit', day: '2-digit' },
  { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }, { weekday: 'short', month: 'numeric', day: 'numeric', year: 'numeric' },
  { weekday: 'long', month: 'long', day: 'numeric' }, { hour: 'numeric' }, { hour: '2-digit' }, { minute: 'numeric' }, { second: 'numeric' }, { hour: 'numeric', minute: 'numeric' }, { hour: '2-digit', minute: '2-digit' },
  { hour: 'numeric', minute: '2-digit', second: '2-digit' }, { minute: 'numeric', second: 'numeric' }, { hour: 'numeric', hour12: false }, { hour: 'numeric', minute: 'numeric', hour12: false },
  { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, { hour: 'numeric', hourCycle: 'h11' }, { hour: 'numeric', hourCycle: 'h24' }, { hour: 'numeric', minute: 'numeric', second: 'numeric', fractionalSecondDigits: 3 },
  { second: 'numeric', fractionalSecondDigits: 2 }, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: 'numeric' }, { month: 'numeric', day: 'numeric', hour: 'numeric' },
  { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }, { hour: 'numeric', timeZoneName: 'long' }, { timeZoneName: 'short' },
  { era: 'short' }, { era: 'long', year: 'numeric' }, { year: 'numeric', month: 'long', day: 'numeric', era: 'short' }, { hour: 'numeric', dayPeriod: 'long' },
  { dateStyle: 'full' }, { dateStyle: 'long' }, { dateStyle: 'medium' }, { dateStyle: 'short' }, { timeStyle: 'full' }, { timeStyle: 'long' }, { timeStyle: 'medium' }, { timeStyle: 'short' },
  { dateStyle: 'full', timeStyle: 'short' }, { dateStyle: 'long', timeStyle: 'long' }, { dateStyle: 'medium', timeStyle: 'medium' }, { dateStyle: 'short', timeStyle: 'full' }, { timeStyle: 'short', hour12: false }];
for (const o of dopts) for (const t of [d, d2]) c(() => new Intl.DateTimeFormat('en-US', Object.assign({ timeZone: 'UTC' }, o)).format(t));
for (const o of dopts.slice(0, 40)) c(() => new Intl.DateTimeFormat('en-US', Object.assign({ timeZone: 'UTC' }, o)).resolvedOptions());
const zones = ['America/New_York', 'america/los_angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney', 'US/Eastern', 'Etc/GMT+5', 'UTC', 'Etc/UTC', 'GMT', 'Europe/London', 'America/Sao_Paulo', 'Asia/Kathmandu', 'Pacific/Chatham', 'Mars/Base', '', 'Asia/Calcutta'];
for (const tz of zones) for (const t of [d, Date.UTC(2024, 6, 15, 12)]) c(() => new Intl.DateTimeFormat('en-US', { timeZone: tz, dateStyle: 'medium', timeStyle: 'full' }).format(t));
for (const tz of zones.slice(0, 8)) for (const tzn of ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric']) c(() => new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: tzn }).format(d));
for (const tz of zones.slice(0, 10)) c(() => new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone);
c(() => new Intl.DateTimeFormat('en', { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'full' }).formatToParts(d));
c(() => new Intl.DateTimeFormat('en', { timeZone: 'UTC', hour: 'numeric', minute: 'numeric', second: 'numeric', fractionalSecondDigits: 3, dayPeriod: 'short' }).formatToParts(d));
c(() => new Intl.DateTimeFormat('en', { timeZone: 'UTC' }).formatRange(0, 86400000 * 3));
c(() => new Intl.DateTimeFormat('en', { timeZone: 'UTC', hour: 'numeric', minute: 'numeric' }).formatRange(0, 3600000 * 3));
c(() => new Intl.DateTimeFormat('en', { timeZone: 'UTC', hour: 'numeric', minute: 'numeric' }).formatRangeToParts(0, 3600000 * 3));
c(() => new Intl.DateTimeFormat('en', { timeZone: 'UTC' }).formatRange(0, 1000));
c(() => new Intl.DateTimeFormat('en', { timeZone: 'UTC' }).formatRange(0));
for (const t of [NaN, 8.64e15, 8.64e15 + 1, -8.64e15, -1, 1.5, '2024-01-01', new Date(0), { valueOf() { return 86400000; } }, 253402300800000, -62198755200000, -1e14])
  c(() => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric' }).format(t));
for (const o of [{ timeZone: 'Mars/Base' }, { dateStyle: 'full', hour: 'numeric' }, { timeStyle: 'short', era: 'long' }, { hour: 'bogus' }, { fractionalSecondDigits: 4 }, { fractionalSecondDigits: 0 }, { hourCycle: 'h10' }, { calendar: 'x' }, { dateStyle: 'huge' }, { timeZoneName: 'x' }, { formatMatcher: 'x' }, { localeMatcher: 'x' }])
  c(() => new Intl.DateTimeFormat('en', o).format(0));
c(() => new Intl.DateTimeFormat('en', { timeZone: 'UTC', hour: 'numeric', hour12: true, hourCycle: 'h23' }).resolvedOptions());
c(() => new Intl.DateTimeFormat('en-u-hc-h23', { timeZone: 'UTC', hour: 'numeric' }).format(d));
c(() => new Intl.DateTimeFormat('en', { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'short' }).resolvedOptions());
// locale methods of the builtins
const date = new Date(d);
c(() => date.toLocaleString('en-US', { timeZone: 'UTC' }));
c(() => date.toLocaleDateString('en-US', { timeZone: 'UTC' }));
c(() => date.toLocaleTimeString('en-US', { timeZone: 'UTC' }));
c(() => date.toLocaleString());
c(() => date.toLocaleDateString(undefined, { timeZone: 'Asia/Tokyo', month: 'long' }));
c(() => date.toLocaleTimeString('en-US', { timeZone: 'UTC', hour: 'numeric' }));
c(() => date.toLocaleDateString('en-US', { timeZone: 'UTC', hour: 'numeric' }));
c(() => date.toLocaleDateString('en-US', { timeStyle: 'short' }));
c(() => date.toLocaleTimeString('en-US', { dateStyle: 'short' }));
c(() => new Date(NaN).toLocaleString());
c(() => new Date(0).toLocaleDateString('en-US', { timeZone: 'UTC' }));
c(() => Date.prototype.toLocaleString.call({}));
c(() => Date.prototype.toLocaleString.length);
c(() => (1234.5).toLocaleString());
c(() => (1234.5).toLocaleString('de-DE'));
c(() => (0.256).toLocaleString('en', { style: 'percent' }));
c(() => (1e21).toLocaleString());
c(() => (-0).toLocaleString());
c(() => Number.prototype.toLocaleString.call('1'));
c(() => Number.prototype.toLocaleString.length);
c(() => (12345678901234567890n).toLocaleString());
c(() => (5n).toLocaleString('en', { style: 'currency', currency: 'USD' }));
c(() => [1234.5, new Date(0), 5n, null, 'x'].toLocaleString());
c(() => new Number(42.125).toLocaleString('en', { maximumFractionDigits: 2 }));
c(() => 'a'.localeCompare('B'));
c(() => 'B'.localeCompare('a'));
c(() => 'a'.localeCompare('a'));
c(() => 'résumé'.localeCompare('resume'));
c(() => 'résumé'.localeCompare('resume', 'en', { sensitivity: 'base' }));
c(() => 'a'.localeCompare());
c(() => String.prototype.localeCompare.call(null, 'a'));
c(() => String.prototype.localeCompare.length);
c(() => 'ä'.localeCompare('z', 'sv'));
c(() => 'ä'.localeCompare('z', 'de'));
c(() => '10'.localeCompare('9', undefined, { numeric: true }));
// ---- Collator ----
const words = ['a', 'B', 'b', 'A', 'é', 'e', '10', '9', '_x', 'Z', 'z', 'ä', 'ab', 'a b', 'a-b', 'ñ', 'n', '', ' ', 'Å', 'ß', 'ss', '😀', 'ｆ', 'f'];
for (const o of [{}, { sensitivity: 'base' }, { sensitivity: 'accent' }, { sensitivity: 'case' }, { numeric: true }, { caseFirst: 'upper' }, { caseFirst: 'lower' }, { ignorePunctuation: true }, { usage: 'search' }])
  c(() => words.slice().sort(new Intl.Collator('en', o).compare).join('|'));
for (const o of [{}, { sensitivity: 'base' }, { numeric: true, caseFirst: 'upper' }]) c(() => new Intl.Collator('en', o).resolvedOptions());
c(() => new Intl.Collator('en-u-kn-true').resolvedOptions());
c(() => new Intl.Collator('en-u-kn-true', { numeric: false }).resolvedOptions());
c(() => new Intl.Collator('en-u-kf-upper').resolvedOptions());
c(() => new Intl.Collator().compare('a', 'b'));
c(() => new Intl.Collator().compare.name);
c(() => new Intl.Collator().compare === new Intl.Collator().compare);
c(() => { const x = new Intl.Collator(); return x.compare === x.compare; });
c(() => new Intl.Collator('en', { sensitivity: 'x' }));
c(() => Intl.Collator() instanceof Intl.Collator);
c(() => ['b', 'a', 'C'].sort(Intl.Collator('en').compare));
// ---- PluralRules ----
const pr = new Intl.PluralRules('en', { type: 'ordinal' });
c(() => [0, 1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1.5].map((x) => pr.select(x)).join(' '));
c(() => [0, 1, 1.0, 1.5, 2, -1, '1', NaN, Infinity].map((x) => new Intl.PluralRules('en').select(x)).join(' '));
c(() => new Intl.PluralRules('en', { minimumFractionDigits: 1 }).select(1));
c(() => new Intl.PluralRules('fr').select(0));
c(() => new Intl.PluralRules('fr').select(1.5));
c(() => new Intl.PluralRules('ar').resolvedOptions().pluralCategories);
c(() => [0, 1, 2, 5, 21, 22, 25, 1.5].map((x) => new Intl.PluralRules('ru').select(x)).join(' '));
c(() => [0, 1, 2, 5].map((x) => new Intl.PluralRules('pl').select(x)).join(' '));
c(() => new Intl.PluralRules('ja').resolvedOptions().pluralCategories);
c(() => new Intl.PluralRules().resolvedOptions());
c(() => new Intl.PluralRules('en', { type: 'ordinal' }).resolvedOptions());
c(() => new Intl.PluralRules('en', { type: 'x' }));
c(() => Intl.PluralRules());
c(() => new Intl.PluralRules('en').selectRange(1, 2));
// ---- RelativeTimeFormat ----
for (const u of ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'days', 'x'])
  for (const o of [{}, { numeric: 'auto' }, { style: 'short' }, { style: 'narrow', numeric: 'auto' }])
    c(() => [-1, 0, 1, 2, -2.5].map((v) => new Intl.RelativeTimeFormat('en', o).format(v, u)).join(' | '));
c(() => new Intl.RelativeTimeFormat().format(-0, 'day'));
c(() => new Intl.RelativeTimeFormat().format(Infinity, 'day'));
c(() => new Intl.RelativeTimeFormat().format(1234567.891, 'second'));
c(() => new Intl.RelativeTimeFormat().formatToParts(-1234.5, 'days'));
c(() => new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).formatToParts(1, 'day'));
c(() => new Intl.RelativeTimeFormat().resolvedOptions());
c(() => new Intl.RelativeTimeFormat('en', { style: 'x' }));
// ---- ListFormat ----
for (const t of ['conjunction', 'disjunction', 'unit']) for (const s of ['long', 'short', 'narrow']) c(() => [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd']].map((l) => new Intl.ListFormat('en', { type: t, style: s }).format(l)).join(' | '));
c(() => new Intl.ListFormat().formatToParts(['a', 'b', 'c']));
c(() => new Intl.ListFormat().format([1]));
c(() => new Intl.ListFormat().format('abc'));
c(() => new Intl.ListFormat().format(new Set(['x', 'y'])));
c(() => new Intl.ListFormat('en', 5));
c(() => new Intl.ListFormat().resolvedOptions());
// ---- Segmenter ----
const texts = ['Hello, world! How are you?', 'e\u0301🇺🇸👨‍👩‍👧x', "Mr. Smith's car. It's 3.5 km away!", '', 'a  b\nc'];
for (const g of ['grapheme', 'word', 'sentence']) for (const t of texts) c(() => [...new Intl.Segmenter('en', { granularity: g }).segment(t)].map((s) => s.index + ':' + s.segment + (s.isWordLike === undefined ? '' : s.isWordLike ? '+' : '-')).join('|'));
c(() => new Intl.Segmenter('en', { granularity: 'word' }).segment('hello world').containing(7));
c(() => new Intl.Segmenter('en', { granularity: 'word' }).segment('hello world').containing(99));
c(() => new Intl.Segmenter().resolvedOptions());
c(() => Object.prototype.toString.call(new Intl.Segmenter().segment('a')[Symbol.iterator]()));
c(() => new Intl.Segmenter('en', { granularity: 'line' }));
// ---- DisplayNames ----
for (const [type, codes] of [['region', ['US', 'de', 'GB', '419', 'ZZ', 'XX', 'U']], ['language', ['en', 'en-US', 'fr', 'zh-Hant', 'xx', 'en_US']], ['script', ['Latn', 'arab', 'Xyzw']], ['currency', ['USD', 'eur', 'XYZ', 'US']]])
  for (const code of codes) c(() => new Intl.DisplayNames('en', { type }).of(code));
c(() => new Intl.DisplayNames('en', { type: 'region', fallback: 'none' }).of('XX'));
c(() => new Intl.DisplayNames('en', { type: 'region' }).resolvedOptions());
c(() => new Intl.DisplayNames('en'));
c(() => new Intl.DisplayNames('en', {}));
// ---- Locale ----
const loc = new Intl.Locale('en-Latn-US-u-ca-gregory-hc-h23-kn');
c(() => [loc.toString(), loc.baseName, loc.language, loc.script, loc.region, loc.calendar, loc.hourCycle, loc.numeric, loc.collation, loc.caseFirst, loc.numberingSystem]);
c(() => [loc.calendars, loc.hourCycles, loc.numberingSystems, loc.textInfo, loc.weekInfo]);
c(() => new Intl.Locale('en').maximize().toString());
c(() => new Intl.Locale('en-Latn-US').minimize().toString());
c(() => new Intl.Locale('zh-TW').maximize().toString());
c(() => new Intl.Locale('en', { region: 'GB', hourCycle: 'h12', numeric: true }).toString());
c(() => new Intl.Locale('en', { hourCycle: 'h10' }));
c(() => new Intl.Locale(''));
c(() => new Intl.Locale());
c(() => Intl.Locale('en'));
c(() => String(new Intl.Locale('EN-us')));
c(() => new Intl.NumberFormat(new Intl.Locale('de')).resolvedOptions().locale);
c(() => Intl.getCanonicalLocales(new Intl.Locale('fr-CA')));
// ---- shapes ----
c(() => Reflect.ownKeys(Intl).map(String));
c(() => Object.prototype.toString.call(Intl));
for (const C of ['NumberFormat', 'DateTimeFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter', 'DisplayNames', 'Locale']) {
  c(() => [Intl[C].name, Intl[C].length, Object.getOwnPropertyNames(Intl[C]), Object.getOwnPropertyDescriptor(Intl[C], 'prototype').writable, Object.prototype.toString.call(Intl[C].prototype), Object.getOwnPropertyDescriptor(Intl, C).enumerable]);
  c(() => Reflect.ownKeys(Intl[C].prototype).filter((k) => k !== 'timeZones').map((k) => { const d = Object.getOwnPropertyDescriptor(Intl[C].prototype, k); return String(k) + (d.get ? '(get ' + d.get.name + ')' : '') + (typeof d.value === 'function' ? '/' + d.value.length + (d.enumerable ? 'E' : '') : ''); }));
}
c(() => typeof new Intl.NumberFormat().format);
c(() => new Intl.NumberFormat().format.name + new Intl.NumberFormat().format.length);
c(() => { const f = new Intl.NumberFormat(); return f.format === f.format; });
c(() => ['1', '22', '333'].map(new Intl.NumberFormat('en', { minimumIntegerDigits: 3 }).format));
c(() => Intl.NumberFormat.prototype.resolvedOptions.call({}));
c(() => Intl.NumberFormat.prototype.resolvedOptions.call(1));
c(() => Intl.DateTimeFormat.prototype.resolvedOptions.call({}));
c(() => Intl.Collator.prototype.resolvedOptions.call({}));
c(() => Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format').get.call(5));
c(() => Intl.NumberFormat.prototype.formatToParts.call({}));
c(() => Intl.NumberFormat() instanceof Intl.NumberFormat);
c(() => Intl.DateTimeFormat() instanceof Intl.DateTimeFormat);
c(() => { class X extends Intl.NumberFormat { } return new X('en', { style: 'percent' }).format(0.5) + (new X() instanceof X); });
c(() => Object.keys(new Intl.NumberFormat()).length + Object.getOwnPropertySymbols(new Intl.NumberFormat()).length);
c(() => new Intl.NumberFormat('en').formatRange(1, 5));
c(() => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).formatRange(3, 5));
c(() => new Intl.NumberFormat('en').formatRange(1));
// ---- SharedArrayBuffer / Atomics ----
c(() => typeof SharedArrayBuffer + typeof Atomics + Object.prototype.toString.call(Atomics));
const sab = new SharedArrayBuffer(16);
c(() => [sab.byteLength, Object.prototype.toString.call(sab), sab instanceof ArrayBuffer, sab instanceof SharedArrayBuffer, sab.constructor === SharedArrayBuffer, ArrayBuffer.isView(sab)]);
c(() => [SharedArrayBuffer.length, SharedArrayBuffer.name, Object.getOwnPropertyNames(SharedArrayBuffer.prototype).sort()]);
c(() => { const s = sab.slice(4, 12); return [s.byteLength, s instanceof SharedArrayBuffer, Object.prototype.toString.call(s)]; });
c(() => sab.slice(-4).byteLength);
c(() => new SharedArrayBuffer(-1));
c(() => new SharedArrayBuffer(2 ** 53));
c(() => new SharedArrayBuffer().byteLength);
c(() => new SharedArrayBuffer('8').byteLength);
c(() => Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get.call(new ArrayBuffer(4)));
c(() => { const g = new SharedArrayBuffer(4, { maxByteLength: 16 }); return [g.growable, g.maxByteLength, sab.growable, sab.maxByteLength]; });
const ia = new Int32Array(sab), u8 = new Uint8Array(sab), i16 = new Int16Array(sab, 8), b64 = new BigInt64Array(new SharedArrayBuffer(16));
c(() => [Atomics.store(ia, 0, 5), Atomics.add(ia, 0, 3), Atomics.sub(ia, 0, 1), Atomics.and(ia, 0, 6), Atomics.or(ia, 0, 9), Atomics.xor(ia, 0, 3), Atomics.exchange(ia, 0, 100), Atomics.compareExchange(ia, 0, 100, 7), Atomics.compareExchange(ia, 0, 1, 2), Atomics.load(ia, 0)]);
c(() => [Atomics.store(u8, 5, 300), Atomics.add(u8, 5, 250), Atomics.load(u8, 5), Atomics.sub(u8, 6, 1), Atomics.load(u8, 6), u8[5], ia[1]]);
c(() => [Atomics.store(i16, 1, -2), Atomics.add(i16, 1, 40000), Atomics.load(i16, 1), Atomics.exchange(i16, 0, 65535), i16[0]]);
c(() => [Atomics.store(b64, 0, 5n), Atomics.add(b64, 0, 2n ** 64n), Atomics.sub(b64, 1, 1n), Atomics.load(b64, 1), Atomics.compareExchange(b64, 0, 5n, -9n), b64[0]]);
c(() => Atomics.store(ia, 2, 3.7));
c(() => Atomics.store(ia, 2, -0));
c(() => Atomics.store(ia, 2, '12'));
c(() => Atomics.store(ia, 2, 2 ** 33 + 1) + ':' + ia[2]);
c(() => Atomics.store(ia, 2, NaN));
c(() => Atomics.store(ia, 2, Infinity) + ':' + ia[2]);
c(() => Atomics.add(b64, 0, 1));
c(() => Atomics.load(ia, 4));
c(() => Atomics.load(ia, -1));
c(() => Atomics.load(ia, '1'));
c(() => Atomics.load(new Float64Array(4), 0));
c(() => Atomics.load(new Uint8ClampedArray(4), 0));
c(() => Atomics.load([1, 2], 0));
c(() => Atomics.add(new Int32Array(4), 0, 2));
c(() => [1, 2, 3, 4, 5, 8, 16].map((k) => Atomics.isLockFree(k)));
c(() => Atomics.wait(ia, 0, 0, 0));
c(() => Atomics.wait(ia, 0, 7, 0));
c(() => Atomics.wait(ia, 0, 7, 20));
c(() => Atomics.wait(new Int32Array(4), 0, 0, 0));
c(() => Atomics.wait(u8, 0, 0, 0));
c(() => Atomics.notify(ia, 0, 1));
c(() => Atomics.notify(new Int32Array(4), 0));
c(() => { const r = Atomics.waitAsync(ia, 0, 0); return [r.async, r.value]; });
c(() => { const r = Atomics.waitAsync(ia, 0, 7, 0); return [r.async, r.value]; });
c(() => { const r = Atomics.waitAsync(ia, 1, ia[1]); const p = r.value; return [r.async, Object.prototype.toString.call(p), Atomics.notify(ia, 1)]; });
c(() => Object.getOwnPropertyNames(Atomics).sort());
c(() => [Atomics.add.length, Atomics.wait.length, Atomics.notify.length, Atomics.compareExchange.length]);
c(() => new DataView(sab).getInt32(0, true));
c(() => new Int32Array(sab.slice(0, 8)).length);
// ---- vm contexts and cross-realm ----
c(() => vm.runInNewContext('new Intl.NumberFormat().format(1e6)'));
c(() => vm.runInNewContext('(1234.5).toLocaleString() + " " + new Date(0).toLocaleDateString("en-US", {timeZone: "UTC"}) + " " + "a".localeCompare("B")'));
c(() => vm.runInNewContext('typeof Intl + typeof SharedArrayBuffer + typeof Atomics + Object.prototype.toString.call(Intl)'));
c(() => vm.runInNewContext('Intl === this.Intl && Intl.NumberFormat === Intl.NumberFormat'));
c(() => vm.runInNewContext('Intl') === Intl);
c(() => vm.runInNewContext('Intl.NumberFormat') === Intl.NumberFormat);
const ctxIntl = vm.runInNewContext('Intl');
c(() => new ctxIntl.NumberFormat('en', { maximumFractionDigits: 1 }).format(1.25));
c(() => ctxIntl.DateTimeFormat('en', { timeZone: 'UTC' }).format(0));
c(() => new ctxIntl.Collator().compare('a', 'b'));
c(() => ctxIntl.NumberFormat.prototype.resolvedOptions.call(new Intl.NumberFormat()));
c(() => Intl.NumberFormat.prototype.resolvedOptions.call(new ctxIntl.NumberFormat()));
c(() => new ctxIntl.NumberFormat() instanceof Intl.NumberFormat);
c(() => vm.runInNewContext('try { new Intl.NumberFormat("en", {style: "x"}) } catch (e) { e instanceof RangeError }'));
c(() => { try { new ctxIntl.NumberFormat('en', { style: 'x' }); } catch (e) { return [e instanceof RangeError, e.name]; } });
c(() => vm.runInNewContext('const s = new SharedArrayBuffer(8); const a = new Int32Array(s); Atomics.add(a, 0, 2); [a[0], s instanceof ArrayBuffer, Object.prototype.toString.call(s)]'));
c(() => { const s = vm.runInNewContext('new SharedArrayBuffer(8)'); return [s.byteLength, Object.prototype.toString.call(s)]; });
c(() => vm.runInNewContext('Intl = 5; Intl'));
c(() => vm.runInNewContext('delete globalThis.Intl; typeof Intl'));
c(() => vm.runInNewContext('Intl', { Intl: 'sandboxed' }));
c(() => vm.runInNewContext('new Intl.NumberFormat().format(2)', { Object: null, Symbol: null, Array: null, String: null, Number: null, undefined: 3 }));
c(() => vm.runInContext('new Intl.DateTimeFormat("en", {timeZone: "Asia/Tokyo", timeStyle: "short"}).format(0)', vm.createContext({})));
c(() => vm.runInNewContext('Object.getOwnPropertyDescriptor(globalThis, "Intl")'));
c(() => vm.runInNewContext('"Intl" in globalThis'));
c(() => vm.runInNewContext('(5).toLocaleString("en", {style: "percent"})'));
