package host

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/jslex"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
)

// Import attributes (`import j from './x.json' with { type: 'json' }`,
// the older `assert {...}`, `import(spec, { with: {...} })`): sobek parses
// none of them, so jslex.StripImports takes them out of the source
// (keeping every position) and the loader checks them as Node v20's
// validateAttributes does.

// cheap tests before tokenizing a module, or a script (where only
// import() can have attributes)
var (
	mayHaveAttrs   = regexp.MustCompile(`\b(?:with|assert)\b|\bimport\s*\(`)
	mayHaveDynamic = regexp.MustCompile(`\bimport\s*\(`)
)

// stripImports takes the import attributes out of src (the module or,
// script: CommonJS file named name) and records those of its import()
// calls.
func (h *Host) stripImports(name, src string, script bool) jslex.Stripped {
	re := mayHaveAttrs
	if script {
		re = mayHaveDynamic
	}
	if !re.MatchString(src) {
		return jslex.Stripped{Code: src}
	}
	st := jslex.StripImports(src)
	for _, d := range st.Dynamic {
		if !d.Options {
			continue
		}
		h.esmInit()
		by := h.esm.dyn[name]
		if by == nil {
			by = map[int]jslex.DynamicImport{}
			h.esm.dyn[name] = by
		}
		by[d.Paren] = d
	}
	return st
}

// assertWarning is V8's warning for an import attributes clause written
// with assert (at parse for a static import, when import() reads it).
func (h *Host) assertWarning(name, src string, off int) {
	h.AssertWarningAt(name, 1+strings.Count(src[:min(off, len(src))], "\n"))
}

// AssertWarningAt is V8's warning for import attributes read from
// `assert` at line of the file name.
func (h *Host) AssertWarningAt(name string, line int) {
	h.emitWarning(sobek.FunctionCall{Arguments: []sobek.Value{
		h.Runtime.ToValue(name + ":" + strconv.Itoa(line) + " 'assert' is deprecated in import statements and support will be removed in a future version; use 'with' instead"),
		h.Runtime.ToValue("V8"),
	}})
}

// dynamicAttrs is the import attributes of the import() being made: the
// innermost JS frame is at the call's '(' (sobek's position, a byte
// column), whose options stripImports recorded.
func (h *Host) dynamicAttrs() []jslex.Attr {
	out := []jslex.Attr{}
	if ra, ok := engine.TakeImportAttributes(h.Runtime); ok {
		// options read when the call ran (engine/importhook.go)
		for _, a := range ra.Attrs {
			out = append(out, jslex.Attr{Key: a[0], Value: a[1]})
		}
		if ra.Assert {
			if f := h.callerFrame(); f != nil {
				p := f.Position()
				h.assertWarning(f.SrcName(), h.sources[f.SrcName()], byteOffset(h.sources[f.SrcName()], p.Line, p.Column))
			}
		}
		return out
	}
	for _, f := range h.Runtime.CaptureCallStack(4, nil) {
		name := f.SrcName()
		if name == "<native>" {
			continue
		}
		by := h.esm.dyn[name]
		if by == nil {
			return out
		}
		p := f.Position()
		if d, ok := by[byteOffset(h.sources[name], p.Line, p.Column)]; ok {
			if d.Assert {
				h.assertWarning(name, h.sources[name], d.Start)
			}
			return d.Attrs
		}
		return out
	}
	return out
}

// callerFrame is the innermost JS frame (the import() call's).
func (h *Host) callerFrame() *sobek.StackFrame {
	for _, f := range h.Runtime.CaptureCallStack(4, nil) {
		if f.SrcName() != "<native>" {
			return &f
		}
	}
	return nil
}

// byteOffset is the offset of 1-based line and byte column in src.
func byteOffset(src string, line, col int) int {
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

// checkAttrs is Node v20's validateAttributes for a module of format
// ("module", "builtin", "json") at url; attrs nil: not known, not checked.
// As Node's load cache, the outcome is kept per URL and type: a later
// import of the same pair is not checked again (it fails or succeeds as
// the first did).
func (h *Host) checkAttrs(url, format string, attrs []jslex.Attr) error {
	if attrs == nil {
		return nil
	}
	key := url + "\x00"
	for _, a := range attrs {
		if a.Key == "type" {
			key += "\x00" + a.Value
		}
	}
	if err, ok := h.esm.jobs[key]; ok {
		return err
	}
	err := h.validateAttrs(url, format, attrs)
	h.esm.jobs[key] = err
	return err
}

func (h *Host) validateAttrs(url, format string, attrs []jslex.Attr) error {
	rt := h.Runtime
	typ, hasType := "", false
	for _, a := range attrs {
		if a.Key != "type" {
			return &jsError{nodeerr.New(rt, "TypeError", "ERR_IMPORT_ATTRIBUTE_UNSUPPORTED",
				`Import attribute "`+a.Key+`" with value "`+a.Value+`" is not supported`)}
		}
		typ, hasType = a.Value, true
	}
	valid := ""
	if format == "json" {
		valid = "json"
	}
	switch {
	case valid == "" && !hasType, valid != "" && hasType && typ == valid:
		return nil
	case valid != "" && !hasType:
		return &jsError{nodeerr.New(rt, "TypeError", "ERR_IMPORT_ASSERTION_TYPE_MISSING",
			`Module "`+url+`" needs an import attribute of type "`+valid+`"`)}
	case typ != "json":
		return &jsError{nodeerr.New(rt, "TypeError", "ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED",
			`Import attribute type "`+typ+`" is unsupported`)}
	}
	return &jsError{nodeerr.New(rt, "TypeError", "ERR_IMPORT_ASSERTION_TYPE_FAILED",
		`Module "`+url+`" is not of type "`+typ+`"`)}
}

// attrSyntaxError is V8's SyntaxError for a repeated attribute key, at
// the repeated key.
func (h *Host) attrSyntaxError(name, src string, e *jslex.SyntaxError) error {
	rt := h.Runtime
	line, start := 1, 0
	for i := 0; i < e.Offset && i < len(src); i++ {
		if src[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	col := len([]rune(src[start:e.Offset])) + 1
	ctor, _ := sobek.AssertConstructor(rt.Get("SyntaxError"))
	obj, _ := ctor(nil, rt.ToValue(e.Message))
	if h.cjs != nil {
		h.cjs.syntaxPos[obj] = &srcPos{name, line, col, false}
	}
	return &jsError{obj}
}
