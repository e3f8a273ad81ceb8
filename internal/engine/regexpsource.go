package engine

import (
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
)

// RegExp.prototype.source, flags and toString as V8 has them, installed
// with the match guard on each realm's RegExp.prototype (none of the
// three is a property sobek guards for its fast path):
//
//   - source escapes as V8's EscapeRegExpSource: a '/' outside a class
//     becomes '\/' (sobek wrote '\u002f', which minimatch and picomatch
//     print), line terminators '\n', '\r', '\u2028', '\u2029', a
//     backslash before a line terminator is dropped, '' is '(?:)';
//   - a pattern jsvm rewrote (regexplit.go: \p{..} expanded, surrogate
//     classes marked, group names stripped) shows its original text:
//     a RegExp made by the constructor gets its original back in sobek's
//     source field (the hook, regexpctor.go), a literal's rewrite is
//     looked up in rewrites (highlight.js builds new patterns from
//     re.toString() of a \p{XID_Start} literal);
//   - flags reads hasIndices, global, ignoreCase, multiline, dotAll,
//     unicode, sticky, unicodeSets (V8's order) and answers in
//     "dgimsuvy" order, with V8's TypeError for a primitive receiver;
//   - toString is the spec's generic '/' + source + '/' + flags.
//
// The source field of sobek's regexpObject is read and written at an
// offset checked with the rest of the regexp layout (findRegexLayout).

// rewrites maps the pattern text sobek compiled for a rewritten literal
// to the literal's own pattern. Bounded: past the bound a rewritten
// literal shows its rewritten text (its matching is unaffected).
var rewrites struct {
	sync.RWMutex
	m     map[string]string
	bytes int
}

const rewritesBound = 64 << 20

func registerRewrite(rewritten, orig string) {
	rewrites.Lock()
	defer rewrites.Unlock()
	if rewrites.m == nil {
		rewrites.m = map[string]string{}
	}
	if _, ok := rewrites.m[rewritten]; ok || rewrites.bytes+len(rewritten)+len(orig) > rewritesBound {
		return
	}
	rewrites.m[rewritten] = orig
	rewrites.bytes += len(rewritten) + len(orig)
}

// originalPattern returns the pattern a literal was rewritten from, or
// false.
func originalPattern(compiled string) (string, bool) {
	rewrites.RLock()
	defer rewrites.RUnlock()
	o, ok := rewrites.m[compiled]
	return o, ok
}

// rawSource reads a RegExp's [[OriginalSource]] (sobek's source field);
// nil when o is not one of sobek's regexps.
func rawSource(o *sobek.Object) sobek.String {
	p := regexpData(o)
	if p == nil {
		return nil
	}
	return *(*sobek.String)(unsafe.Add(p, regexLayout.sourceOff))
}

// setRawSource writes it.
func setRawSource(o *sobek.Object, s sobek.String) {
	if !RegExpGuardWorks() || s == nil {
		return
	}
	if p := regexpData(o); p != nil {
		*(*sobek.String)(unsafe.Add(p, regexLayout.sourceOff)) = s
	}
}

// originalSource is what a RegExp's source shows, before escaping: its
// source field, or the literal text it was rewritten from.
func originalSource(o *sobek.Object) sobek.String {
	s := rawSource(o)
	if s == nil {
		return nil
	}
	if orig, ok := originalPattern(s.String()); ok {
		return stringValue(orig)
	}
	return s
}

func stringValue(s string) sobek.String {
	var b sobek.StringBuilder
	b.WriteUTF8String(s)
	return b.String()
}

func isLineTerminator(c uint16) bool {
	return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029
}

// EscapeSource is V8's EscapeRegExpSource.
func EscapeSource(s sobek.String) sobek.String {
	n := s.Length()
	if n == 0 {
		return stringValue("(?:)")
	}
	var b sobek.StringBuilder
	last, inClass, changed := 0, false, false
	flush := func(i int) {
		if i > last {
			b.WriteSubstring(s, last, i)
		}
	}
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		switch {
		case c == '\\':
			if i+1 < n && isLineTerminator(s.CharAt(i+1)) {
				// dropped: the terminator is escaped itself
				flush(i)
				last, changed = i+1, true
				continue
			}
			i++
		case c == '/' && !inClass:
			flush(i)
			b.WriteUTF8String(`\`)
			last, changed = i, true
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case isLineTerminator(c):
			flush(i)
			switch c {
			case '\n':
				b.WriteUTF8String(`\n`)
			case '\r':
				b.WriteUTF8String(`\r`)
			case 0x2028:
				b.WriteUTF8String(`\u2028`)
			default:
				b.WriteUTF8String(`\u2029`)
			}
			last, changed = i+1, true
		}
	}
	if !changed {
		return s
	}
	flush(n)
	return b.String()
}

// installSourceAccessors puts source, flags and toString on g's realm's
// RegExp.prototype (from install).
func (g *regexGuard) installSourceAccessors() {
	rt, proto := g.rt, g.proto
	getter := func(name string, f func(sobek.FunctionCall) sobek.Value) *sobek.Object {
		fn := rt.ToValue(f).(*sobek.Object)
		_ = fn.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = fn.DefineDataProperty("length", rt.ToValue(0), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		return fn
	}
	_ = proto.DefineAccessorProperty("source", getter("get source", func(fc sobek.FunctionCall) sobek.Value {
		if o, ok := fc.This.(*sobek.Object); ok {
			if s := originalSource(o); s != nil {
				return EscapeSource(s)
			}
			if o == proto {
				return rt.ToValue("(?:)")
			}
		}
		panic(rt.NewTypeError("RegExp.prototype.source getter called on non-RegExp object"))
	}), nil, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = proto.DefineAccessorProperty("flags", getter("get flags", func(fc sobek.FunctionCall) sobek.Value {
		o, ok := fc.This.(*sobek.Object)
		if !ok {
			panic(rt.NewTypeError("RegExp.prototype.flags getter called on non-object " + receiverString(fc.This)))
		}
		var set [8]bool
		for i, k := range [...]string{"hasIndices", "global", "ignoreCase", "multiline", "dotAll", "unicode", "sticky", "unicodeSets"} {
			if v := o.Get(k); v != nil {
				set[i] = v.ToBoolean()
			}
		}
		var out []byte
		for i, c := range [...]byte{'d', 'g', 'i', 'm', 's', 'u'} {
			if set[i] {
				out = append(out, c)
			}
		}
		if set[7] {
			out = append(out, 'v')
		}
		if set[6] {
			out = append(out, 'y')
		}
		return rt.ToValue(string(out))
	}), nil, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	// hasIndices and unicodeSets (regexpflags.go), and unicode, false for
	// a v RegExp (sobek compiled it with u)
	for _, k := range [...]string{"hasIndices", "unicodeSets"} {
		v := k == "unicodeSets"
		_ = proto.DefineAccessorProperty(k, getter("get "+k, func(fc sobek.FunctionCall) sobek.Value {
			if o, ok := fc.This.(*sobek.Object); ok {
				if isRegExp(o) {
					rec := flagsOf(o)
					return rt.ToValue(rec != nil && (v && rec.v || !v && rec.d))
				}
				if o == proto {
					return sobek.Undefined()
				}
			}
			panic(rt.NewTypeError("RegExp.prototype." + k + " getter called on non-RegExp object"))
		}), nil, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	patternFields.once.Do(findPatternFields)
	if patternFields.ok {
		_ = proto.DefineAccessorProperty("unicode", getter("get unicode", func(fc sobek.FunctionCall) sobek.Value {
			if o, ok := fc.This.(*sobek.Object); ok {
				if pat := patternOf(o); pat != nil {
					if rec := flagsOf(o); rec != nil && rec.v {
						return rt.ToValue(false)
					}
					return rt.ToValue(*(*bool)(unsafe.Add(pat, patternFields.uni)))
				}
				if o == proto {
					return sobek.Undefined()
				}
			}
			panic(rt.NewTypeError("RegExp.prototype.unicode getter called on non-RegExp object"))
		}), nil, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	ts := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
		o, ok := fc.This.(*sobek.Object)
		if !ok {
			panic(rt.NewTypeError("Method RegExp.prototype.toString called on incompatible receiver " + receiverString(fc.This)))
		}
		var b sobek.StringBuilder
		b.WriteUTF8String("/")
		b.WriteString(toStr(o.Get("source")))
		b.WriteUTF8String("/")
		b.WriteString(toStr(o.Get("flags")))
		return b.String()
	}).(*sobek.Object)
	_ = ts.DefineDataProperty("name", rt.ToValue("toString"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = ts.DefineDataProperty("length", rt.ToValue(0), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = proto.DefineDataProperty("toString", ts, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}

// receiverString renders a primitive receiver as V8's messages do.
func receiverString(v sobek.Value) string {
	if v == nil {
		return "undefined"
	}
	return v.String()
}

// toStr is ToString(v) as a sobek.String.
func toStr(v sobek.Value) sobek.String {
	if v == nil {
		v = sobek.Undefined()
	}
	if s, ok := v.(sobek.String); ok {
		return s
	}
	if s, ok := v.ToString().(sobek.String); ok {
		return s
	}
	return stringValue(v.String())
}
