package core

import (
	"strings"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
)

// sobek's parser rejects async generators and for await. When it rejects
// a script that contains them, esbuild (pure Go) lowers just those to
// generators, and the lowered code is parsed with esbuild's inline source
// map, so positions in stacks are the original's. Code sobek parses never
// comes here; code esbuild cannot lower keeps sobek's SyntaxError.

// mayLower reports whether src may use syntax lowering can help with.
func mayLower(src string) bool {
	return strings.Contains(src, "async") && (strings.Contains(src, "*") || strings.Contains(src, "await"))
}

// lowerScript compiles the lowered form of a script sobek rejected (its
// parser, or its compiler: "Async generators are not supported yet"),
// or reports false.
func lowerScript(filename, src string, strict bool) (*sobek.Program, bool) {
	if !mayLower(src) {
		return nil, false
	}
	res := api.Transform(src, api.TransformOptions{
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
	})
	if len(res.Errors) > 0 {
		return nil, false
	}
	body, err := parser.ParseFile(nil, filename, string(res.Code), 0)
	if err != nil {
		return nil, false
	}
	p, err := sobek.CompileAST(body, strict)
	if err != nil {
		return nil, false
	}
	return p, true
}
