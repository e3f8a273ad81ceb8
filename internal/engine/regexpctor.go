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
		defer regexpSyntaxWords(rt, args)
		nargs, names, source, ok := rewriteRegExpArgs(rt, args)
		if !ok {
			return origConstruct(args, newTarget)
		}
		r := origConstruct(nargs, newTarget)
		if names != nil {
			r = named(r, names, source)
		}
		return r
	}
	*fp = func(call sobek.FunctionCall) sobek.Value {
		defer regexpSyntaxWords(rt, call.Arguments)
		nargs, names, source, ok := rewriteRegExpArgs(rt, call.Arguments)
		if !ok {
			return origCall(call)
		}
		call.Arguments = nargs
		v := origCall(call)
		if r, isObj := v.(*sobek.Object); isObj && names != nil {
			return named(r, names, source)
		}
		return v
	}
	return true
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
	if !ok || o.ClassName() != "Error" || len(args) == 0 {
		return
	}
	ps, ok := args[0].(sobek.String)
	if !ok {
		return
	}
	flags := ""
	if len(args) > 1 && !sobek.IsUndefined(args[1]) {
		fs, ok := args[1].(sobek.String)
		if !ok {
			return
		}
		flags = fs.String()
	}
	mv, ok := o.Get("message").(sobek.String)
	if !ok {
		return
	}
	msg := mv.String()
	if strings.HasPrefix(msg, "Invalid flags") || strings.HasPrefix(msg, "Invalid regular expression: /") {
		return
	}
	reason := msg
	if inner, ok := strings.CutPrefix(msg, "Invalid regular expression (re2): "); ok {
		reason = msg
		for k, w := range re2Reasons {
			if strings.Contains(inner, k) {
				reason = w
				break
			}
		}
		if reason == msg {
			return
		}
	}
	_ = o.DefineDataProperty("message", rt.ToValue("Invalid regular expression: /"+ps.String()+"/"+flags+": "+reason),
		sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}

// re2Reasons are V8's words for errors of Go's regexp parser (sobek's
// first engine).
var re2Reasons = map[string]string{
	"invalid nested repetition operator": "Nothing to repeat",
	"missing argument to repetition":     "Nothing to repeat",
	"missing closing )":                  "Unterminated group",
	"unexpected )":                       "Unmatched ')'",
	"missing closing ]":                  "Unterminated character class",
}

// rewriteRegExpArgs returns the arguments of a RegExp construction with
// the pattern rewritten, the group names if it has any, and its source;
// ok false when nothing needs rewriting (only string patterns with
// string or absent flags are looked at: reading anything else may run
// code).
func rewriteRegExpArgs(rt *sobek.Runtime, args []sobek.Value) ([]sobek.Value, []string, string, bool) {
	if len(args) == 0 {
		return nil, nil, "", false
	}
	ps, ok := args[0].(sobek.String)
	if ro, isObj := args[0].(*sobek.Object); isObj && ro.ClassName() == "RegExp" {
		// a regexp of a named-groups literal: its source has the names
		src, isStr := ro.Get("source").(sobek.String)
		if !isStr || !strings.Contains(src.String(), "(?<") {
			return nil, nil, "", false
		}
		args = append([]sobek.Value{src}, args[1:]...)
		if len(args) < 2 || sobek.IsUndefined(args[1]) {
			fl, isStr := ro.Get("flags").(sobek.String)
			if !isStr {
				return nil, nil, "", false
			}
			args = []sobek.Value{src, fl}
		}
		ps, ok = src, true
	}
	if !ok {
		return nil, nil, "", false
	}
	flags := ""
	if len(args) > 1 && !sobek.IsUndefined(args[1]) {
		fs, ok := args[1].(sobek.String)
		if !ok {
			return nil, nil, "", false
		}
		flags = fs.String()
	}
	p := ps.String()
	if !regexpRewriteHint(p) || strings.ContainsRune(p, '\uFFFD') {
		// (a lone surrogate reads as U+FFFD in Go: such a pattern stays)
		return nil, nil, "", false
	}
	np := rewritePattern(p, flags)
	stripped, names, named := stripGroupNames(np)
	if named && duplicateName(names) {
		panic(NewSyntaxError(rt, "Invalid regular expression: /"+p+"/"+flags+": Duplicate capture group name"))
	}
	if np == p && !named {
		return nil, nil, "", false
	}
	nargs := append([]sobek.Value(nil), args...)
	if named {
		nargs[0] = rt.ToValue(stripped)
		if names == nil {
			names = []string{}
		}
		return nargs, names, p, true
	}
	nargs[0] = rt.ToValue(np)
	return nargs, nil, p, true
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
