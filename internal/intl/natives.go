package intl

import (
	"math"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/grafana/sobek"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// natives is the N object intl.js is given.
func (r *Realm) natives() *sobek.Object {
	rt := r.rt
	n := rt.NewObject()
	set := func(name string, f func(sobek.FunctionCall) sobek.Value) {
		_ = n.Set(name, rt.ToValue(f))
	}
	arg := func(c sobek.FunctionCall, i int) sobek.Value { return c.Argument(i) }
	set("isObject", func(c sobek.FunctionCall) sobek.Value {
		_, ok := arg(c, 0).(*sobek.Object)
		return rt.ToValue(ok)
	})
	set("TypeError", func(c sobek.FunctionCall) sobek.Value { return rt.NewTypeError(arg(c, 0).String()) })
	set("RangeError", func(c sobek.FunctionCall) sobek.Value { return r.rangeError(arg(c, 0).String()) })
	set("describe", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(describe(arg(c, 0))) })
	set("def", func(c sobek.FunctionCall) sobek.Value {
		o := arg(c, 0).(*sobek.Object)
		k := arg(c, 1)
		flag := func(i int) sobek.Flag {
			if arg(c, i).ToBoolean() {
				return sobek.FLAG_TRUE
			}
			return sobek.FLAG_FALSE
		}
		var err error
		// (o, key, value, writable, enumerable, configurable)
		if s, ok := k.(*sobek.Symbol); ok {
			err = o.DefineDataPropertySymbol(s, arg(c, 2), flag(3), flag(5), flag(4))
		} else {
			err = o.DefineDataProperty(k.String(), arg(c, 2), flag(3), flag(5), flag(4))
		}
		if err != nil {
			panic(err)
		}
		return sobek.Undefined()
	})
	set("accessor", func(c sobek.FunctionCall) sobek.Value {
		o := arg(c, 0).(*sobek.Object)
		var g, s sobek.Value
		if !sobek.IsUndefined(arg(c, 2)) {
			g = arg(c, 2)
		}
		if !sobek.IsUndefined(arg(c, 3)) {
			s = arg(c, 3)
		}
		e, cf := sobek.FLAG_FALSE, sobek.FLAG_FALSE
		if arg(c, 4).ToBoolean() {
			e = sobek.FLAG_TRUE
		}
		if arg(c, 5).ToBoolean() {
			cf = sobek.FLAG_TRUE
		}
		if err := o.DefineAccessorProperty(arg(c, 1).String(), g, s, cf, e); err != nil {
			panic(err)
		}
		return sobek.Undefined()
	})
	set("fnProps", func(c sobek.FunctionCall) sobek.Value {
		o := arg(c, 0).(*sobek.Object)
		_ = o.DefineDataProperty("length", arg(c, 2), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = o.DefineDataProperty("name", arg(c, 1), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		return sobek.Undefined()
	})
	set("tag", func(c sobek.FunctionCall) sobek.Value {
		o := arg(c, 0).(*sobek.Object)
		_ = o.DefineDataPropertySymbol(sobek.SymToStringTag, arg(c, 1), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		return sobek.Undefined()
	})
	set("getProto", func(c sobek.FunctionCall) sobek.Value {
		if p := arg(c, 0).ToObject(rt).Prototype(); p != nil {
			return p
		}
		return sobek.Null()
	})
	_ = n.Set("iteratorSymbol", sobek.SymIterator)
	set("toObject", func(c sobek.FunctionCall) sobek.Value { return arg(c, 0).ToObject(rt) })
	set("getOptionsObject", func(c sobek.FunctionCall) sobek.Value {
		o, ok := arg(c, 0).(*sobek.Object)
		if !ok {
			panic(rt.NewTypeError("invalid_argument"))
		}
		return o
	})
	set("str", func(c sobek.FunctionCall) sobek.Value { return arg(c, 0).ToString() })
	set("num", func(c sobek.FunctionCall) sobek.Value { return arg(c, 0).ToNumber() })
	set("floor", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(math.Floor(arg(c, 0).ToFloat())) })
	set("toLength", func(c sobek.FunctionCall) sobek.Value {
		f := arg(c, 0).ToFloat()
		if math.IsNaN(f) || f <= 0 {
			return rt.ToValue(0)
		}
		return rt.ToValue(math.Min(math.Floor(f), 1<<53-1))
	})
	set("toIntegerOrInfinity", func(c sobek.FunctionCall) sobek.Value {
		f := arg(c, 0).ToFloat()
		if math.IsNaN(f) {
			return rt.ToValue(0)
		}
		return rt.ToValue(math.Trunc(f))
	})
	set("includes", func(c sobek.FunctionCall) sobek.Value {
		a := arg(c, 0).(*sobek.Object)
		v := arg(c, 1)
		l := int(a.Get("length").ToInteger())
		for i := 0; i < l; i++ {
			if a.Get(itoa(i)).StrictEquals(v) {
				return rt.ToValue(true)
			}
		}
		return rt.ToValue(false)
	})
	set("slice", func(c sobek.FunctionCall) sobek.Value {
		s := []rune(arg(c, 0).String())
		a, b := int(arg(c, 1).ToInteger()), int(arg(c, 2).ToInteger())
		return rt.ToValue(string(s[a:b]))
	})
	set("languageScript", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(languageScript(arg(c, 0).String())) })
	set("emptySubtag", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(emptySubtag(arg(c, 0).String())) })
	set("lower", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(strings.ToLower(arg(c, 0).String())) })
	set("upper", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(asciiUpper(arg(c, 0).String())) })
	set("now", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(float64(time.Now().UnixMilli())) })
	set("timeClip", func(c sobek.FunctionCall) sobek.Value {
		f := arg(c, 0).ToFloat()
		if math.IsNaN(f) || math.Abs(f) > 8.64e15 {
			return rt.ToValue(math.NaN())
		}
		return rt.ToValue(math.Trunc(f) + 0)
	})
	// locales
	set("canonLocale", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(canonLocale(arg(c, 0).String())) })
	set("resolveLocale", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(resolveLocale(arg(c, 0).String(), arg(c, 1).String(), arg(c, 2).String()))
	})
	set("isUnicodeType", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(isUnicodeType(arg(c, 0).String())) })
	set("isCurrency", func(c sobek.FunctionCall) sobek.Value {
		s := arg(c, 0).String()
		ok := len(s) == 3
		for _, ch := range s {
			if !isLetter(ch) {
				ok = false
			}
		}
		return rt.ToValue(ok)
	})
	set("isUnit", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(isUnit(arg(c, 0).String())) })
	set("currencyDigits", func(c sobek.FunctionCall) sobek.Value {
		if d, ok := currencies[asciiUpper(arg(c, 0).String())]; ok {
			return rt.ToValue(d.digits)
		}
		return rt.ToValue(2)
	})
	// numbers
	set("mathValue", func(c sobek.FunctionCall) sobek.Value { return mathValue(rt, arg(c, 0)) })
	set("numberFormatter", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(newNumberSpec(arg(c, 0).(*sobek.Object))) })
	set("formatNumber", func(c sobek.FunctionCall) sobek.Value {
		s := arg(c, 0).Export().(*numberSpec)
		ps := s.format(toDecimal(arg(c, 1)))
		if arg(c, 2).ToBoolean() {
			return r.partsArray(ps, "")
		}
		return rt.ToValue(joinParts(ps))
	})
	set("formatNumberRange", func(c sobek.FunctionCall) sobek.Value {
		s := arg(c, 0).Export().(*numberSpec)
		return r.numberRange(s, toDecimal(arg(c, 1)), toDecimal(arg(c, 2)), arg(c, 3).ToBoolean())
	})
	// dates
	set("defaultTimeZone", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(defaultTimeZone()) })
	set("canonZone", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(canonicalZone(arg(c, 0).String())) })
	set("dateFormatter", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(r.newDateSpec(arg(c, 0).(*sobek.Object))) })
	set("formatDate", func(c sobek.FunctionCall) sobek.Value {
		s := arg(c, 0).Export().(*dateSpec)
		ps := s.format(int64(arg(c, 1).ToFloat()))
		if arg(c, 2).ToBoolean() {
			return r.partsArray(ps, "")
		}
		return rt.ToValue(strings.ReplaceAll(joinParts(ps), "\u202f", " "))
	})
	set("formatDateRange", func(c sobek.FunctionCall) sobek.Value {
		s := arg(c, 0).Export().(*dateSpec)
		return r.dateRange(s, int64(arg(c, 1).ToFloat()), int64(arg(c, 2).ToFloat()), arg(c, 3).ToBoolean())
	})
	// collation
	set("collatorLocale", func(c sobek.FunctionCall) sobek.Value {
		loc, kn, kf := collatorLocale(arg(c, 0).String(), arg(c, 1).String(), arg(c, 2).String())
		return rt.NewArray(loc, kn, kf)
	})
	set("collator", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(newCollator(arg(c, 0).(*sobek.Object))) })
	set("compare", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(arg(c, 0).Export().(*collator).compare(arg(c, 1).String(), arg(c, 2).String()))
	})
	// plurals
	set("plural", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(pluralOf(arg(c, 0).String(), arg(c, 1).String(), arg(c, 2).String()))
	})
	set("pluralCategories", func(c sobek.FunctionCall) sobek.Value {
		cats := pluralCategories(arg(c, 0).String(), arg(c, 1).String())
		vs := make([]any, len(cats))
		for i, s := range cats {
			vs[i] = s
		}
		return rt.NewArray(vs...)
	})
	set("relativeTime", func(c sobek.FunctionCall) sobek.Value {
		s := arg(c, 0).Export().(*numberSpec)
		return r.relativeTime(s, arg(c, 1).String(), arg(c, 2).String(), arg(c, 3).ToFloat(), arg(c, 4).String(), arg(c, 5).ToBoolean())
	})
	set("formatList", func(c sobek.FunctionCall) sobek.Value {
		var items []string
		a := arg(c, 2).(*sobek.Object)
		l := int(a.Get("length").ToInteger())
		for i := 0; i < l; i++ {
			items = append(items, a.Get(itoa(i)).String())
		}
		ps := formatList(arg(c, 0).String(), arg(c, 1).String(), items)
		if arg(c, 3).ToBoolean() {
			return r.partsArray(ps, "")
		}
		return rt.ToValue(joinParts(ps))
	})
	set("segment", func(c sobek.FunctionCall) sobek.Value { return r.segment(arg(c, 0).String(), arg(c, 1).String()) })
	set("displayName", func(c sobek.FunctionCall) sobek.Value {
		s, ok := displayName(arg(c, 0).String(), arg(c, 1).String(), arg(c, 2).String())
		if !ok {
			return sobek.Null()
		}
		return rt.ToValue(s)
	})
	set("displayCode", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(displayCode(arg(c, 0).String(), arg(c, 1).String()))
	})
	set("localeWith", func(c sobek.FunctionCall) sobek.Value {
		o := arg(c, 1).(*sobek.Object)
		opts := map[string]string{}
		for _, k := range o.Keys() {
			opts[k] = o.Get(k).String()
		}
		return rt.ToValue(localeWith(arg(c, 0).String(), opts))
	})
	set("localeMaximize", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(localeMaximize(arg(c, 0).String(), arg(c, 1).ToBoolean()))
	})
	set("localePart", func(c sobek.FunctionCall) sobek.Value {
		v, ok := localePart(arg(c, 0).String(), arg(c, 1).String())
		if !ok {
			return sobek.Undefined()
		}
		switch {
		case strings.HasPrefix(v, "\x00list:"):
			var vs []any
			for _, x := range strings.Split(v[6:], ",") {
				vs = append(vs, x)
			}
			return rt.NewArray(vs...)
		case strings.HasPrefix(v, "\x00text:"):
			o := rt.NewObject()
			_ = o.Set("direction", v[6:])
			return o
		case v == "\x00week":
			// en-US's week (other regions are not in jsvm's data)
			o := rt.NewObject()
			_ = o.Set("firstDay", 7)
			_ = o.Set("weekend", rt.NewArray(6, 7))
			_ = o.Set("minimalDays", 1)
			return o
		}
		if v == "\x00true" {
			return rt.ToValue(true)
		}
		if v == "\x00false" {
			return rt.ToValue(false)
		}
		return rt.ToValue(v)
	})
	set("supportedValues", func(c sobek.FunctionCall) sobek.Value {
		vs, ok := supportedValues(arg(c, 0).String())
		if !ok {
			return sobek.Null()
		}
		a := make([]any, len(vs))
		for i, s := range vs {
			a[i] = s
		}
		return rt.NewArray(a...)
	})
	return n
}

func (r *Realm) rangeError(msg string) sobek.Value {
	if f := rangeErrorMaker; f != nil {
		if e := f(r.rt, msg); e != nil {
			return e
		}
	}
	return r.rt.NewGoError(rangeErr(msg))
}

// rangeErrorMaker makes a RangeError of a realm without reading its
// global (engine.NewRangeError, set by the binding).
var rangeErrorMaker func(*sobek.Runtime, string) *sobek.Object

// SetRangeErrorMaker tells the package how to make a realm's RangeError.
func SetRangeErrorMaker(f func(*sobek.Runtime, string) *sobek.Object) { rangeErrorMaker = f }

type rangeErr string

func (e rangeErr) Error() string { return string(e) }

func itoa(i int) string {
	return big.NewInt(int64(i)).String()
}

func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

// describe renders a value as V8's messages do (#<Object>, strings bare).
func describe(v sobek.Value) string {
	if o, ok := v.(*sobek.Object); ok {
		if _, isFn := sobek.AssertFunction(o); isFn {
			return "function"
		}
		name := "Object"
		if c, ok := o.Get("constructor").(*sobek.Object); ok {
			if n := c.Get("name"); n != nil && n.String() != "" {
				name = n.String()
			}
		}
		return "#<" + name + ">"
	}
	if s, ok := v.(*sobek.Symbol); ok {
		return s.String()
	}
	return v.String()
}

// partsArray makes [{type, value}] (and unit, for RelativeTimeFormat).
func (r *Realm) partsArray(ps []part, unit string) *sobek.Object {
	vs := make([]any, len(ps))
	for i, p := range ps {
		o := r.rt.NewObject()
		_ = o.Set("type", p.typ)
		_ = o.Set("value", p.val)
		if unit != "" && p.typ != "literal" {
			_ = o.Set("unit", unit)
		}
		vs[i] = o
	}
	return r.rt.NewArray(vs...)
}

// mathValue is ToIntlMathematicalValue's primitive: BigInts and strings
// stay as they are (formatted exactly), the rest become Numbers.
func mathValue(rt *sobek.Runtime, v sobek.Value) sobek.Value {
	if _, ok := v.(*sobek.Symbol); ok {
		panic(rt.NewTypeError("Cannot convert a Symbol value to a number"))
	}
	if _, ok := v.(*sobek.Object); ok {
		v = v.ToNumber() // objects: their number value
	}
	switch v.ExportType() {
	case typeBigInt, typeString:
		return v
	}
	return v.ToNumber()
}

func toDecimal(v sobek.Value) decimal {
	switch x := v.Export().(type) {
	case *big.Int:
		return decimalFromBig(x)
	case string:
		f := v.ToFloat()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return decimalFromFloat(f)
		}
		if d, ok := decimalFromString(x); ok {
			return d
		}
		return decimalFromFloat(f)
	}
	return decimalFromFloat(v.ToFloat())
}

func newNumberSpec(o *sobek.Object) *numberSpec {
	str := func(k string) string {
		v := o.Get(k)
		if v == nil || sobek.IsUndefined(v) {
			return ""
		}
		if v.ExportType() == typeBool {
			if v.ToBoolean() {
				return "true"
			}
			return "false"
		}
		return v.String()
	}
	num := func(k string) int {
		v := o.Get(k)
		if v == nil || sobek.IsUndefined(v) {
			return 0
		}
		return int(v.ToInteger())
	}
	s := &numberSpec{
		locale: str("locale"), style: str("style"), currency: str("currency"), currencyDisplay: str("currencyDisplay"),
		cSign: str("currencySign"), unit: str("unit"), unitDisplay: str("unitDisplay"), notation: str("notation"),
		compactDisp: str("compactDisplay"), minInt: num("minimumIntegerDigits"), minFrac: num("minimumFractionDigits"),
		maxFrac: num("maximumFractionDigits"), minSig: num("minimumSignificantDigits"), maxSig: num("maximumSignificantDigits"),
		roundingType: str("roundingType"), roundingMode: str("roundingMode"), trailingZeroDisplay: str("trailingZeroDisplay"),
		roundingIncrement: num("roundingIncrement"), useGrouping: str("useGrouping"), signDisplay: str("signDisplay"),
	}
	s.sym = localeSymbols(s.locale)
	if o.Get("plain") != nil && o.Get("plain").ToBoolean() {
		s.sym = enSymbols // PluralRules reads the digits
	}
	return s
}

// defaultTimeZone is the host's IANA zone: TZ, else /etc/localtime's
// link target, else UTC (what ICU finds the same way).
func defaultTimeZone() string {
	if tz, ok := os.LookupEnv("TZ"); ok {
		tz = strings.TrimPrefix(tz, ":")
		if tz == "" {
			return "UTC"
		}
		if z := canonicalZone(tz); z != "" {
			return z
		}
		return "UTC"
	}
	if p, err := filepath.EvalSymlinks("/etc/localtime"); err == nil {
		if i := strings.Index(p, "zoneinfo/"); i >= 0 {
			if z := canonicalZone(p[i+len("zoneinfo/"):]); z != "" {
				return z
			}
		}
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil {
		if z := canonicalZone(strings.TrimSpace(string(b))); z != "" {
			return z
		}
	}
	return "UTC"
}

// ---- plural rules ----

func pluralTag(locale string) language.Tag {
	t, _ := language.Parse(locale)
	b, _ := t.Base()
	return language.Make(b.String())
}

func formName(f plural.Form) string {
	switch f {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// pluralOf selects the category of the formatted number s ("1.50").
func pluralOf(locale, typ, s string) string {
	rules := plural.Cardinal
	if typ == "ordinal" {
		rules = plural.Ordinal
	}
	s = strings.TrimPrefix(strings.ReplaceAll(s, ",", ""), "-")
	if s == "NaN" || s == "∞" {
		return "other"
	}
	ip, fp, _ := strings.Cut(s, ".")
	digits := []byte(strings.TrimLeft(ip, "0") + fp)
	exp := len(strings.TrimLeft(ip, "0"))
	for i := range digits {
		digits[i] -= '0'
	}
	return formName(rules.MatchDigits(pluralTag(locale), digits, exp, len(fp)))
}

// pluralCategories samples the rules (x/text keeps its list private) and
// orders as V8: alphabetically, other last.
func pluralCategories(locale, typ string) []string {
	seen := map[string]bool{}
	for _, s := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "20", "21", "22", "23", "100", "101", "102", "103", "111", "1000000", "0.5", "1.5", "2.5", "0.0", "1.0", "0.1", "1.1", "2.1", "3.1", "0.2", "0.3", "5.5", "11.1", "21.1"} {
		seen[pluralOf(locale, typ, s)] = true
	}
	var out []string
	for k := range seen {
		if k != "other" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return append(out, "other")
}
