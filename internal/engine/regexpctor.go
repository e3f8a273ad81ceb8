package engine

import (
	"reflect"
	"strings"
	"unsafe"

	"github.com/grafana/sobek"
)

// Patterns built at run time (new RegExp(string), RegExp(string)) need
// the rewrites regexp literals get in the source (regexplit.go): sobek
// compiles them with the same engine. HookRegExpConstructor wraps a
// realm's intrinsic RegExp constructor (both its call and its construct
// behaviour, fields of sobek's nativeFuncObject, as HookErrorConstructors
// does) so a string pattern that needs it is rewritten before sobek
// compiles it, and a pattern with named groups gets its groups back
// through named (the realm's namedGroupsHelper). TestErrorHookLayout
// covers the layout.

// NamedGroups gives regexp r, compiled without group names, its names
// (by capturing group, "" when unnamed) and original source.
type NamedGroups func(r *sobek.Object, names []string, source string) *sobek.Object

// HookRegExpConstructor wraps ctor, rt's intrinsic RegExp; it reports
// false when sobek's layout is unknown.
func HookRegExpConstructor(rt *sobek.Runtime, ctor *sobek.Object, named NamedGroups) bool {
	if ctor == nil || !errorLayout() {
		return false
	}
	impl := reflect.ValueOf(ctor).Elem().Field(errLayout.self).Elem()
	if impl.Type() != errLayout.nativeFunc {
		return false
	}
	fv, ok := impl.Elem().Type().FieldByName("f")
	if !ok || fv.Type != reflect.TypeFor[func(sobek.FunctionCall) sobek.Value]() {
		return false
	}
	cp := (*constructFn)(unsafe.Pointer(impl.Elem().Field(errLayout.construct).UnsafeAddr()))
	fp := (*func(sobek.FunctionCall) sobek.Value)(unsafe.Pointer(impl.Elem().Field(fv.Index[0]).UnsafeAddr()))
	origConstruct, origCall := *cp, *fp
	if origConstruct == nil || origCall == nil {
		return false
	}
	*cp = func(args []sobek.Value, newTarget *sobek.Object) *sobek.Object {
		args = flaggedPatternAsString(args)
		checkCaptures(rt, args)
		defer regexpSyntaxWords(rt, args)
		args, rec := extraFlags(rt, args) // d and v (regexpflags.go)
		rw, ok := rewriteRegExpArgs(rt, args)
		if !ok {
			r := origConstruct(args, newTarget)
			recordExtra(r, rec, nil)
			return r
		}
		r := origConstruct(rw.args, newTarget)
		setRawSource(r, rw.orig)
		recordExtra(r, rec, rw.names)
		if rw.names != nil {
			r = named(r, rw.names, rw.sourceFor(rec))
		}
		return r
	}
	*fp = func(call sobek.FunctionCall) sobek.Value {
		call.Arguments = flaggedPatternAsString(call.Arguments)
		checkCaptures(rt, call.Arguments)
		defer regexpSyntaxWords(rt, call.Arguments)
		if ro, ok := argOrUndefined(call.Arguments, 0).(*sobek.Object); ok && sobek.IsUndefined(argOrUndefined(call.Arguments, 1)) && flagsOf(ro) != nil {
			if c := ro.Get("constructor"); c != nil && c.SameAs(ctor) {
				return ro // RegExp(re) is re itself
			}
		}
		var rec *rxFlags
		call.Arguments, rec = extraFlags(rt, call.Arguments)
		rw, ok := rewriteRegExpArgs(rt, call.Arguments)
		if !ok {
			v := origCall(call)
			if r, isObj := v.(*sobek.Object); isObj && rec != nil {
				recordExtra(r, rec, nil)
			}
			return v
		}
		call.Arguments = rw.args
		v := origCall(call)
		if r, isObj := v.(*sobek.Object); isObj {
			setRawSource(r, rw.orig)
			recordExtra(r, rec, rw.names)
			if rw.names != nil {
				return named(r, rw.names, rw.sourceFor(rec))
			}
		}
		return v
	}
	return true
}

// recordExtra records the d/v flags of r, a new RegExp (nil rec: none),
// with its group names, and gives it its source as written.
func recordExtra(r *sobek.Object, rec *rxFlags, names []string) {
	if rec == nil || r == nil {
		return
	}
	rec.names = names
	setRawSource(r, rec.source)
	recordFlags(r, rec)
}

// checkCaptures throws V8's SyntaxError for a string pattern with too
// many groups (regexpcaptures.go) and valid flags, before sobek's parser
// spends seconds on it.
func checkCaptures(rt *sobek.Runtime, args []sobek.Value) {
	p, flags, ok := stringPatternArgs(args)
	if !ok {
		return
	}
	for i, f := range flags {
		if !strings.ContainsRune("dgimsuyv", f) || strings.ContainsRune(flags[i+1:], f) {
			return // sobek's "Invalid flags" first, as V8's
		}
	}
	if TooManyCaptures(p) {
		panic(NewSyntaxError(rt, TooManyCapturesMessage(p, flags)))
	}
}

// stringPatternArgs is the pattern and flags of a RegExp construction
// whose pattern is a string and whose flags are a string or absent.
func stringPatternArgs(args []sobek.Value) (pattern, flags string, ok bool) {
	if len(args) == 0 {
		return "", "", false
	}
	ps, ok := args[0].(sobek.String)
	if !ok {
		return "", "", false
	}
	if len(args) > 1 && !sobek.IsUndefined(args[1]) {
		fs, ok := args[1].(sobek.String)
		if !ok {
			return "", "", false
		}
		flags = fs.String()
	}
	return ps.String(), flags, true
}

// regexpSyntaxWords (deferred) gives a SyntaxError the construction threw
// V8's words: "Invalid regular expression: /(/: Unterminated group".
func regexpSyntaxWords(rt *sobek.Runtime, args []sobek.Value) {
	p := recover()
	if p == nil {
		return
	}
	defer panic(p)
	o, ok := p.(*sobek.Object)
	if !ok || o.ClassName() != "Error" {
		return
	}
	pattern, flags, ok := stringPatternArgs(args)
	if !ok {
		return
	}
	mv, ok := o.Get("message").(sobek.String)
	if !ok {
		return
	}
	if w, ok := RegExpWords(pattern, flags, mv.String()); ok {
		_ = o.DefineDataProperty("message", rt.ToValue(w), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
}

// RegExpWords returns V8's message for sobek's msg refusing the regular
// expression /pattern/flags (a RegExp construction or a literal), or
// false when msg is not one of its words for a pattern or is V8's
// already: "Unterminated group" → "Invalid regular expression: /(/:
// Unterminated group".
func RegExpWords(pattern, flags, msg string) (string, bool) {
	if strings.HasPrefix(msg, "Invalid flags") || strings.HasPrefix(msg, "Invalid regular expression: /") ||
		strings.HasPrefix(msg, "Invalid regular expression flags") {
		return "", false
	}
	reason := msg
	for _, engine := range [...]struct {
		prefix  string
		reasons map[string]string
	}{{"Invalid regular expression (re2): ", re2Reasons}, {"Invalid regular expression (regexp2): ", regexp2Reasons}} {
		if inner, ok := strings.CutPrefix(msg, engine.prefix); ok {
			for k, w := range engine.reasons {
				if strings.Contains(inner, k) {
					reason = w
					break
				}
			}
			if reason == msg {
				return "", false
			}
		}
	}
	return "Invalid regular expression: /" + pattern + "/" + flags + ": " + reason, true
}

// regexp2Reasons are V8's words for errors of regexp2 (sobek's second
// engine).
var regexp2Reasons = map[string]string{
	"unrecognized grouping construct: (?<":       "Invalid capture group name",
	"invalid group name: group names must begin": "Invalid capture group name",
}

// re2Reasons are V8's words for errors of Go's regexp parser (sobek's
// first engine).
var re2Reasons = map[string]string{
	"invalid nested repetition operator":      "Nothing to repeat",
	"missing argument to repetition":          "Nothing to repeat",
	"missing closing )":                       "Unterminated group",
	"unexpected )":                            "Unmatched ')'",
	"missing closing ]":                       "Unterminated character class",
	"trailing backslash at end of expression": "\\ at end of pattern",
	"invalid character class range":           "Range out of order in character class",
}

// rewrittenArgs are the arguments of a RegExp construction with the
// pattern rewritten: the group names if it has any, and its original
// pattern (the new RegExp's [[OriginalSource]]).
type rewrittenArgs struct {
	args  []sobek.Value
	names []string
	orig  sobek.String
}

// source is what the named-groups helper shows as the source.
func (rw rewrittenArgs) source() string { return EscapeSource(rw.orig).String() }

// sourceFor is source for a RegExp with the record rec (nil: none).
func (rw rewrittenArgs) sourceFor(rec *rxFlags) string {
	if rec != nil {
		return EscapeSource(rec.source).String()
	}
	return rw.source()
}

// rewriteRegExpArgs rewrites the arguments of a RegExp construction; ok
// false when nothing needs rewriting. Looked at: a string pattern with
// string or absent flags (reading anything else may run code), and a
// RegExp pattern (its [[OriginalSource]], the text jsvm rewrote it from,
// recompiled with the flags given, converted here once, or its own).
func rewriteRegExpArgs(rt *sobek.Runtime, args []sobek.Value) (rewrittenArgs, bool) {
	if len(args) == 0 {
		return rewrittenArgs{}, false
	}
	ps, ok := args[0].(sobek.String)
	fromRegExp := false
	if ro, isObj := args[0].(*sobek.Object); isObj && ro.ClassName() == "RegExp" {
		raw := rawSource(ro)
		if raw == nil {
			return rewrittenArgs{}, false
		}
		src := raw.String()
		if o, lit := originalPattern(src); lit {
			src = o
		}
		flagsGiven := len(args) > 1 && !sobek.IsUndefined(args[1])
		if !flagsGiven && !strings.Contains(src, "(?<") || !regexpRewriteHint(src) {
			// a clone shares the compiled pattern; nothing to rewrite
			return rewrittenArgs{}, false
		}
		var fl sobek.Value
		if flagsGiven {
			fl = toStr(args[1])
		} else if fl, ok = ro.Get("flags").(sobek.String); !ok {
			return rewrittenArgs{}, false
		}
		if src == raw.String() {
			ps = raw
		} else {
			ps = stringValue(src)
		}
		args = []sobek.Value{ps, fl}
		ok, fromRegExp = true, true
	}
	if !ok {
		return rewrittenArgs{}, false
	}
	flags := ""
	if len(args) > 1 && !sobek.IsUndefined(args[1]) {
		fs, ok := args[1].(sobek.String)
		if !ok {
			return rewrittenArgs{}, false
		}
		flags = fs.String()
	}
	if strings.Count(flags, "u") > 1 && !fromRegExp {
		// sobek takes a repeated u
		panic(NewSyntaxError(rt, "Invalid flags supplied to RegExp constructor '"+flags+"'"))
	}
	p := ps.String()
	unicodeEscapes := strings.ContainsAny(flags, "uv") && (strings.Contains(p, `\p`) || strings.Contains(p, `\P`))
	if !fromRegExp && (!regexpRewriteHint(p) && !unicodeEscapes || strings.ContainsRune(p, '\uFFFD')) {
		// (a lone surrogate reads as U+FFFD in Go: such a pattern stays)
		return rewrittenArgs{}, false
	}
	np, bad := rewritePatternChecked(p, flags)
	if bad != "" && validFlags(flags) {
		panic(NewSyntaxError(rt, "Invalid regular expression: /"+p+"/"+flags+": "+bad))
	}
	stripped, names, named := stripGroupNames(np)
	if named && duplicateName(names) {
		panic(NewSyntaxError(rt, "Invalid regular expression: /"+p+"/"+flags+": Duplicate capture group name"))
	}
	if np == p && !named {
		if fromRegExp {
			// a RegExp's original text, recompiled with its flags
			// converted here
			return rewrittenArgs{args: args, orig: ps}, true
		}
		return rewrittenArgs{}, false
	}
	nargs := append([]sobek.Value(nil), args...)
	if named {
		nargs[0] = rt.ToValue(stripped)
		if names == nil {
			names = []string{}
		}
		return rewrittenArgs{args: nargs, names: names, orig: ps}, true
	}
	nargs[0] = rt.ToValue(np)
	return rewrittenArgs{args: nargs, orig: ps}, true
}

// NamedGroupsHelperSource is the source of a function of (Object, Symbol,
// Math, String) — a realm's intrinsics — that returns the helper regexp
// literals with named groups are rewritten to call: (r, names, source).
const NamedGroupsHelperSource = "(function (Object, Symbol, Math, String) { 'use strict'; return " + namedGroupsHelper + "; })"

func duplicateName(names []string) bool {
	seen := map[string]bool{}
	for _, n := range names {
		if n == "" {
			continue
		}
		if seen[n] {
			return true
		}
		seen[n] = true
	}
	return false
}

// NewSyntaxError makes a SyntaxError of rt's realm (its intrinsic, not
// what its global holds).
func NewSyntaxError(rt *sobek.Runtime, msg string) sobek.Value {
	ctor := Intrinsic(rt, "SyntaxError")
	if ctor == nil {
		return rt.ToValue(msg)
	}
	o, err := rt.New(ctor, rt.ToValue(msg))
	if err != nil {
		return rt.ToValue(msg)
	}
	return o
}

// validFlags reports whether flags are V8's, each once (else the
// constructor's own flags error comes first).
func validFlags(flags string) bool {
	seen := map[rune]bool{}
	for _, c := range flags {
		if !strings.ContainsRune("dgimsuvy", c) || seen[c] {
			return false
		}
		seen[c] = true
	}
	return true
}
