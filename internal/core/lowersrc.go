package core

import (
	"reflect"
	"sort"

	"github.com/grafana/sobek/ast"

	"github.com/jsvm-dev/jsvm/internal/jslex"
)

// A lowered async generator's toString() would show the lowered code
// (`function g() { return __asyncGenerator(this, ...) }`); V8 shows the
// original text. sobek's toString is the function literal's Source, so
// restoreAsyncGenSources gives each lowered function literal the text of
// the original async generator it came from: esbuild keeps the functions'
// order, so the lowered literals (by position) and the original's async
// generators (found with jslex: `async function*`, `async *name(`, each
// to its body's closing brace) pair off in order. When the counts differ
// (something not understood) nothing is changed.

// originalAsyncGens returns the source texts of src's async generator
// functions and methods, in order of their start.
func originalAsyncGens(src string) []string {
	toks := jslex.Tokens(src)
	var out []string
	punct := func(i int, s string) bool {
		return i < len(toks) && toks[i].Kind == jslex.Punct && toks[i].Text(src) == s
	}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Kind != jslex.Ident || toks[i].Text(src) != "async" || toks[i+1].NL {
			continue
		}
		j := i + 1
		if toks[j].Kind == jslex.Ident && toks[j].Text(src) == "function" {
			j++
		}
		if !punct(j, "*") {
			continue
		}
		// the parameter list: the first '(' outside brackets (a computed key)
		depth := 0
		for j++; j < len(toks); j++ {
			if toks[j].Kind != jslex.Punct {
				continue
			}
			t := toks[j].Text(src)
			if t == "[" {
				depth++
			} else if t == "]" {
				depth--
			} else if t == "(" && depth == 0 {
				break
			}
		}
		end := matchClose(src, toks, j, "(", ")")
		if end < 0 || !punct(end+1, "{") {
			continue
		}
		close := matchClose(src, toks, end+1, "{", "}")
		if close < 0 {
			continue
		}
		out = append(out, src[toks[i].Start:toks[close].End])
	}
	return out
}

// matchClose returns the index of the token closing the open one at i.
func matchClose(src string, toks []jslex.Token, i int, open, close string) int {
	if i >= len(toks) || toks[i].Text(src) != open {
		return -1
	}
	depth := 0
	for ; i < len(toks); i++ {
		if toks[i].Kind != jslex.Punct {
			continue
		}
		switch toks[i].Text(src) {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// restoreAsyncGenSources sets the Source of body's lowered async
// generator literals to their original text (see above).
func restoreAsyncGenSources(body *ast.Program, src string) {
	var lits []*ast.FunctionLiteral
	collectLowered(reflect.ValueOf(body), &lits, map[uintptr]bool{})
	if len(lits) == 0 {
		return
	}
	orig := originalAsyncGens(src)
	if len(orig) != len(lits) {
		return
	}
	sort.SliceStable(lits, func(i, j int) bool { return lits[i].Function < lits[j].Function })
	for i, fl := range lits {
		fl.Source = orig[i]
	}
}

var funcLitType = reflect.TypeOf(&ast.FunctionLiteral{})

func collectLowered(v reflect.Value, out *[]*ast.FunctionLiteral, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		if v.Type() == funcLitType {
			if fl := v.Interface().(*ast.FunctionLiteral); isLoweredAsyncGen(fl) {
				*out = append(*out, fl)
			}
		}
		collectLowered(v.Elem(), out, seen)
	case reflect.Interface:
		if !v.IsNil() {
			collectLowered(v.Elem(), out, seen)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.Kind() == reflect.Pointer || f.Kind() == reflect.Interface || f.Kind() == reflect.Slice || f.Kind() == reflect.Struct {
				collectLowered(f, out, seen)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			collectLowered(v.Index(i), out, seen)
		}
	}
}
