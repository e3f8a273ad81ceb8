package core

import (
	"regexp"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"
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
	return string(res.Code), true
}

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
	return body, true
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
