package core

import (
	"errors"
	"reflect"
	"strings"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/jslex"
)

// FunctionOptions are vm.compileFunction's compile-time options.
type FunctionOptions struct {
	Filename     string // Node's default is ""
	LineOffset   int
	ColumnOffset int
	Params       []string
	// Extensions is the number of context extension objects: with n > 0
	// the program evaluates to a factory taking the n objects and
	// returning the function, whose body sees their properties (later ones
	// shadowing earlier ones).
	Extensions int
}

// Function is a compiled vm.compileFunction: a program that evaluates to
// the function (or to its factory, see FunctionOptions.Extensions).
type Function struct {
	Program *sobek.Program
	Source  string
	Options FunctionOptions
}

// CompileFunction compiles body as the body of a function with the given
// parameters. Positions in the body are those of the body text with the
// offsets applied (as Node's): the function head is parsed in front of it,
// then the body's AST positions are moved onto a padded copy of the body.
// The function's source text (toString) is "function (params) {\nbody\n}".
func CompileFunction(body string, opts FunctionOptions) (*Function, error) {
	p, err := ParseFunction(body, opts)
	if err != nil && strings.Contains(body, "import") {
		// import() with options read at run time (engine/importhook.go);
		// literal ones have no way to the callback here: left as they are
		if st := jslex.StripImports(body); st.Code != body && allRuntime(st.Dynamic) {
			if p2, err2 := ParseFunction(st.Code, opts); err2 == nil {
				p, err = p2, nil
				engine.RewriteImportCalls(p)
			}
		}
	}
	if err != nil {
		if errors.As(err, new(*NestingError)) {
			return nil, err // too deep for esbuild's lowering too (and slow there)
		}
		if prg, ok := lowerFunction(body, opts); ok {
			return &Function{Program: prg, Source: body, Options: opts}, nil
		}
		return nil, err
	}
	engine.FixArrowSources(p) // sobek cuts a concise arrow's toString short (engine/arrowsource.go)
	if engine.MayAwait(body) {
		engine.GuardAwaits(p)
	}
	if engine.MayHaveFieldArrowThis(body) {
		engine.FixFieldArrowThis(p) // sobek's `this` in field initializers (engine/fieldthis.go)
	}
	prg, err := sobek.CompileAST(p, false)
	if err != nil {
		if prg, ok := lowerFunction(body, opts); ok {
			return &Function{Program: prg, Source: body, Options: opts}, nil
		}
		return nil, compileError(err, opts.Filename)
	}
	return &Function{Program: prg, Source: body, Options: opts}, nil
}

// allRuntime reports whether every import() of ds had its options renamed
// to be read at run time (and there is one).
func allRuntime(ds []jslex.DynamicImport) bool {
	for _, d := range ds {
		if !d.Runtime {
			return false
		}
	}
	return len(ds) > 0
}

// lowerFunction compiles the lowered form of a body sobek rejected (see
// lower.go); the function's source text stays the original's.
func lowerFunction(body string, opts FunctionOptions) (*sobek.Program, bool) {
	code, ok := Lower(opts.Filename, body, LowerFunction)
	if !ok {
		return nil, false
	}
	p, err := ParseFunction(code, opts)
	if err != nil {
		return nil, false
	}
	if fn := wrapped(p, opts.Extensions); fn != nil {
		fn.Source = "function (" + strings.Join(opts.Params, ", ") + ") {\n" + body + "\n}"
	}
	engine.FixArrowSources(p) // sobek cuts a concise arrow's toString short (engine/arrowsource.go)
	engine.GuardAwaits(p)
	engine.FixFieldArrowThis(p)
	prg, err := sobek.CompileAST(p, false)
	if err != nil {
		return nil, false
	}
	return prg, true
}

// ParseFunction is CompileFunction's parse step.
func ParseFunction(body string, opts FunctionOptions) (*ast.Program, error) {
	lp, lr := SplitOffset(opts.LineOffset)
	cp, cr := SplitOffset(opts.ColumnOffset)
	opts.LineOffset, opts.ColumnOffset = lp, cp
	p, err := parseFunction(body, opts)
	if err != nil {
		ShiftSyntaxError(err, lp, lr, cr)
	}
	return p, err
}

func parseFunction(body string, opts FunctionOptions) (*ast.Program, error) {
	if err := checkSource(opts.Filename, body); err != nil {
		return nil, err
	}
	for _, p := range opts.Params {
		if err := checkSource(opts.Filename, p); err != nil {
			return nil, err
		}
	}
	var head strings.Builder
	head.WriteString("(function () {")
	for i := 0; i < opts.Extensions; i++ {
		head.WriteString(" with (arguments[" + itoa(i) + "])")
	}
	head.WriteString(" return function (")
	head.WriteString(strings.Join(opts.Params, ", "))
	head.WriteString(") {\n")
	h, tail := head.String(), "\n} })"
	if opts.Extensions == 0 {
		h, tail = "(function ("+strings.Join(opts.Params, ", ")+") {\n", "\n})"
	}
	body = engine.RewriteRegExpsInBody(body) // regexps sobek compiles wrongly
	src := h + body + tail
	padded := pad(body, opts.LineOffset, opts.ColumnOffset)
	padLen := len(padded) - len(body)
	// Positions: an offset o >= len(h) is body text at o-len(h); on the
	// padded file it is at o-len(h)+padLen.
	shift := padLen - len(h)
	posFile := file.NewFile(opts.Filename, padded+"\n}"+strings.Repeat(" ", max(0, -shift))+" })", 1)

	prog, err := parser.ParseFile(nil, opts.Filename, src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		se := parseError(err, opts.Filename)
		// Re-position: parse errors are reported on the wrapped source.
		off := offsetOf(src, se.Line, se.Column)
		if off >= len(h)+len(body) {
			// The parser stopped in the wrapper's tail: either the body
			// closed the function early (an unmatched '}') or it ended
			// inside a construct.
			se.Message = "Unexpected end of input"
			off = len(h) + len(body)
			short := h + body + "\n" + strings.TrimPrefix(tail, "\n}")
			if p2, err2 := parser.ParseFile(nil, opts.Filename, short, 0, parser.WithDisableSourceMaps); err2 == nil {
				if fn := wrapped(p2, opts.Extensions); fn != nil && int(fn.Body.RightBrace)-1 >= len(h) {
					se.Message = "Unexpected token }"
					off = int(fn.Body.RightBrace) - 1
				}
			}
		}
		if off >= len(h) {
			pos := posFile.Position(off + shift)
			se.Line, se.Column = pos.Line, pos.Column
		} else {
			se.Line, se.Column = opts.LineOffset+1, opts.ColumnOffset+1
		}
		return nil, se
	}
	// The whole source must be the one function: a body or a parameter
	// that closes the wrapper early is a syntax error.
	fn := wrapped(prog, opts.Extensions)
	if fn == nil || int(fn.Body.RightBrace)-1 < len(h)+len(body) || int(fn.ParameterList.Closing)-1 >= len(h) {
		se := &SyntaxError{Message: "Unexpected token }", Filename: opts.Filename, Line: opts.LineOffset + 1, Column: opts.ColumnOffset + 1}
		if fn != nil && int(fn.Body.RightBrace)-1 >= len(h) {
			pos := posFile.Position(int(fn.Body.RightBrace) - 1 + shift)
			se.Line, se.Column = pos.Line, pos.Column
		}
		return nil, se
	}
	var regexps []*ast.RegExpLiteral
	shiftIdx(reflect.ValueOf(prog), file.Idx(len(h)+1), file.Idx(shift), map[uintptr]bool{}, &regexps)
	prog.File = posFile
	if err := checkRegExps(regexps, posFile, opts.Filename); err != nil {
		return nil, err
	}
	return prog, nil
}

// checkRegExps compiles each regular expression literal of a function
// body on its own: sobek's compiler drops an expression statement whose
// value is unused without compiling it, so `vm.compileFunction('/(/')`
// would compile where V8 throws "Invalid regular expression"
// (TestSobekSkipsUnusedRegExp).
func checkRegExps(lits []*ast.RegExpLiteral, f *file.File, filename string) error {
	for _, lit := range lits {
		if _, err := sobek.Compile("", lit.Literal, false); err != nil {
			var ce *sobek.CompilerSyntaxError
			if !errors.As(err, &ce) {
				return err
			}
			pos := f.Position(int(lit.Idx) - 1)
			se := &SyntaxError{Message: ce.Message, Filename: filename, Line: pos.Line, Column: pos.Column}
			if strings.HasPrefix(ce.Message, "Invalid flags") {
				se.Message = "Invalid regular expression flags" // V8's words
			} else if pattern, flags, terminated, ok := engine.RegExpLiteralAt(lit.Literal, 0); ok && terminated {
				if w, ok := engine.RegExpWords(pattern, flags, ce.Message); ok {
					se.Message = w
				}
			}
			return se
		}
	}
	return nil
}

// wrapped finds the function literal of a parsed wrapper, or nil if the
// program is not shaped as the wrapper.
func wrapped(p *ast.Program, exts int) *ast.FunctionLiteral {
	if len(p.Body) != 1 {
		return nil
	}
	es, ok := p.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil
	}
	fn, ok := es.Expression.(*ast.FunctionLiteral)
	if !ok || fn.ParameterList == nil || fn.Body == nil {
		return nil
	}
	if exts == 0 {
		return fn
	}
	if len(fn.Body.List) != 1 {
		return nil
	}
	var st ast.Statement = fn.Body.List[0]
	for i := 0; i < exts; i++ {
		w, ok := st.(*ast.WithStatement)
		if !ok {
			return nil
		}
		st = w.Body
	}
	r, ok := st.(*ast.ReturnStatement)
	if !ok {
		return nil
	}
	inner, ok := r.Argument.(*ast.FunctionLiteral)
	if !ok || inner.ParameterList == nil || inner.Body == nil {
		return nil
	}
	return inner
}

var idxType = reflect.TypeOf(file.Idx(0))

// shiftIdx adds by to every file.Idx >= from in the AST under v.
func shiftIdx(v reflect.Value, from, by file.Idx, seen map[uintptr]bool, regexps *[]*ast.RegExpLiteral) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		if v.Type().Elem() == reflect.TypeOf(file.File{}) {
			return
		}
		seen[v.Pointer()] = true
		if re, ok := v.Interface().(*ast.RegExpLiteral); ok {
			*regexps = append(*regexps, re)
		}
		shiftIdx(v.Elem(), from, by, seen, regexps)
	case reflect.Interface:
		if !v.IsNil() {
			shiftIdx(v.Elem(), from, by, seen, regexps)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			shiftIdx(v.Index(i), from, by, seen, regexps)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if !t.Field(i).IsExported() {
				continue
			}
			if f.Type() == idxType {
				if x := file.Idx(f.Int()); x >= from && f.CanSet() {
					f.SetInt(int64(x + by))
				}
				continue
			}
			shiftIdx(f, from, by, seen, regexps)
		}
	}
}

// offsetOf turns a 1-based line and column of src into a byte offset, or
// -1.
func offsetOf(src string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return off + col - 1
}

// parseError converts a parser error into a SyntaxError.
func parseError(err error, filename string) *SyntaxError {
	var list parser.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		e := list[0]
		return &SyntaxError{Message: e.Message, Filename: filename, Line: e.Position.Line, Column: e.Position.Column}
	}
	var one *parser.Error
	if errors.As(err, &one) {
		return &SyntaxError{Message: one.Message, Filename: filename, Line: one.Position.Line, Column: one.Position.Column}
	}
	return &SyntaxError{Message: err.Error(), Filename: filename}
}

// compileError converts a CompileAST error into a SyntaxError.
func compileError(err error, filename string) error {
	var ce *sobek.CompilerSyntaxError
	if errors.As(err, &ce) {
		se := &SyntaxError{Message: ce.Message, Filename: filename}
		if ce.File != nil {
			pos := ce.File.Position(ce.Offset)
			se.Line, se.Column = pos.Line, pos.Column
		}
		return se
	}
	return err
}
