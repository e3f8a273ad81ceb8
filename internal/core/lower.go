package core

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"
	"github.com/grafana/sobek/token"
	"github.com/grafana/sobek/unistring"

	"github.com/jsvm-dev/jsvm/internal/engine"
)

// sobek's parser rejects async generators and for await. When it rejects
// a source that contains them (a script, a module, a compileFunction body,
// a CommonJS file of the host), esbuild (pure Go) lowers just those to
// generators, and the lowered code is parsed with esbuild's inline source
// map, so positions in stacks are the original's. Code sobek parses never
// comes here; code esbuild cannot lower keeps sobek's SyntaxError.

// mayLower reports whether src may use syntax lowering can help with.
func mayLower(src string) bool {
	// (a top-level `for await` of a module needs no "async")
	return strings.Contains(src, "await") || strings.Contains(src, "async") && strings.Contains(src, "*")
}

// asyncGeneratorSyntax finds `async function*`, `async *method` and
// `async function *f`: sobek parses these and refuses them only when it
// compiles, which for a module is at instantiation, too late to lower.
var asyncGeneratorSyntax = regexp.MustCompile(`\basync\s*(?:function\s*)?\*`)

// HasAsyncGenerators reports whether src may contain an async generator
// sobek would parse and then refuse (a false positive only costs a
// lowering that changes nothing).
func HasAsyncGenerators(src string) bool {
	return mayLower(src) && asyncGeneratorSyntax.MatchString(src)
}

// LowerKind says what a source is to the lowering.
type LowerKind int

const (
	LowerScript   LowerKind = iota // a classic script
	LowerModule                    // an ES module
	LowerFunction                  // a function body (top-level return allowed), no source map
)

// Lower returns src with async generators and for await lowered to
// generators, or false when there is nothing to lower or esbuild cannot.
// Scripts and modules carry an inline source map to the original.
func Lower(filename, src string, kind LowerKind) (string, bool) {
	if !mayLower(src) {
		return "", false
	}
	opts := api.TransformOptions{
		Loader:     api.LoaderJS,
		Sourcefile: filename,
		Sourcemap:  api.SourceMapInline,
		Target:     api.ESNext,
		Supported: map[string]bool{
			"async-generator": false,
			"for-await":       false,
		},
		// keep names and layout: no minification, no format change
		Format: api.FormatDefault,
	}
	if kind == LowerFunction {
		// the body's positions are moved onto the body text by
		// ParseFunction; a map of the lowered body would not match them
		opts.Sourcemap = api.SourceMapNone
	}
	res := api.Transform(src, opts)
	if len(res.Errors) > 0 {
		return "", false
	}
	return addAsyncGenHelper(string(res.Code)), true
}

// asyncGenObject is where esbuild's __asyncGenerator helper makes each
// generator object, a plain object (lowerag.go gives it V8's prototype).
const asyncGenObject = ", q, it = {};"

// ParseLowered parses the lowered form of a script or module sobek
// rejected, applying its source map, or reports false.
func ParseLowered(filename, src string, kind LowerKind) (*ast.Program, bool) {
	code, ok := Lower(filename, src, kind)
	if !ok {
		return nil, false
	}
	var body *ast.Program
	var err error
	if kind == LowerModule {
		body, err = parser.ParseFile(nil, filename, code, 0, parser.IsModule)
	} else {
		body, err = parser.ParseFile(nil, filename, code, 0)
	}
	if err != nil {
		return nil, false
	}
	engine.FixArrowSources(body)      // sobek cuts a concise arrow's toString short (engine/arrowsource.go)
	restoreAsyncGenSources(body, src) // lowersrc.go
	markAsyncGenerators(body)
	engine.GuardAwaits(body)
	engine.RewriteImportCalls(body)
	engine.FixFieldArrowThis(body)
	if kind == LowerScript {
		hideHelpers(body)
	}
	return body, true
}

// esbuild declares its helpers (__asyncGenerator, __await, ...) with var
// at the top of the lowered code: in a script they would become
// properties of the global (Object.keys(globalThis) lists them, code can
// call them). hideHelpers makes them let bindings under names code
// cannot write, unique per lowering (a realm's lexical scope persists
// across scripts, and a second script's let of the same name would be a
// redeclaration).
var esbuildHelpers = map[string]bool{
	"__knownSymbol": true, "__await": true, "__asyncGenerator": true, "__forAwait": true,
	"__yieldStar": true, "__typeError": true, "__defProp": true, "__getOwnPropNames": true,
	asyncGenHelperName: true,
}

// isHelperName: one of esbuildHelpers, or one esbuild numbered to avoid
// a name of the code (__await2).
func isHelperName(n string) bool {
	return esbuildHelpers[strings.TrimRight(n, "0123456789")]
}

var loweredScripts atomic.Int64

func hideHelpers(body *ast.Program) {
	renamed := map[unistring.String]unistring.String{}
	suffix := " jsvm" + strconv.FormatInt(loweredScripts.Add(1), 10)
	for i, st := range body.Body {
		vs, ok := st.(*ast.VariableStatement)
		if !ok {
			break
		}
		helpers := true
		for _, b := range vs.List {
			id, ok := b.Target.(*ast.Identifier)
			if !ok || !isHelperName(id.Name.String()) {
				helpers = false
				break
			}
		}
		if !helpers {
			break
		}
		for _, b := range vs.List {
			id := b.Target.(*ast.Identifier)
			renamed[id.Name] = unistring.NewFromString(id.Name.String() + suffix)
		}
		body.Body[i] = &ast.LexicalDeclaration{Idx: vs.Var, Token: token.LET, List: vs.List}
	}
	if len(renamed) == 0 {
		return
	}
	// the var declarations' hoisting records go too
	decls := body.DeclarationList[:0]
	for _, d := range body.DeclarationList {
		keep := false
		for _, b := range d.List {
			if id, ok := b.Target.(*ast.Identifier); !ok || renamed[id.Name] == "" {
				keep = true
			}
		}
		if keep {
			decls = append(decls, d)
		}
	}
	body.DeclarationList = decls
	renameIdentifiers(reflect.ValueOf(body), renamed, map[uintptr]bool{})
}

var identType = reflect.TypeOf(&ast.Identifier{})

// renameIdentifiers renames the identifiers (references and bindings;
// property names are no *ast.Identifier) named in renamed.
func renameIdentifiers(v reflect.Value, renamed map[unistring.String]unistring.String, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		if v.Type() == identType {
			id := v.Interface().(*ast.Identifier)
			if n, ok := renamed[id.Name]; ok {
				id.Name = n
			}
			return
		}
		renameIdentifiers(v.Elem(), renamed, seen)
	case reflect.Interface:
		if !v.IsNil() {
			renameIdentifiers(v.Elem(), renamed, seen)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.Kind() == reflect.Pointer || f.Kind() == reflect.Interface || f.Kind() == reflect.Slice || f.Kind() == reflect.Struct {
				renameIdentifiers(f, renamed, seen)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			renameIdentifiers(v.Index(i), renamed, seen)
		}
	}
}

// lowerScript compiles the lowered form of a script sobek rejected (its
// parser, or its compiler: "Async generators are not supported yet"),
// or reports false.
func lowerScript(filename, src string, strict bool) (*sobek.Program, bool) {
	body, ok := ParseLowered(filename, src, LowerScript)
	if !ok {
		return nil, false
	}
	p, err := sobek.CompileAST(body, strict)
	if err != nil {
		return nil, false
	}
	return p, true
}
