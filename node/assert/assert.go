// Package assert is Node's `assert` and `assert/strict` builtins, written in
// JavaScript (assert.js) over Go helpers: deep equality from
// internal/jsequal and the caller's source line for assert.ok messages.
package assert

import (
	_ "embed"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"weak"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/jsequal"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed assert.js
var source string

var embedded = &host.Embedded{Name: "node:assert", Params: "module, exports, internals", Source: source}

// one evaluation of assert.js per runtime, shared by assert and assert/strict
var (
	instMu sync.Mutex
	insts  = map[weak.Pointer[sobek.Runtime]]weak.Pointer[sobek.Object]{}
)

func instance(h *host.Host) (*sobek.Object, error) {
	rt := h.Runtime
	key := weak.Make(rt)
	instMu.Lock()
	if p, ok := insts[key]; ok {
		if o := p.Value(); o != nil {
			instMu.Unlock()
			return o, nil
		}
	}
	for k := range insts {
		if k.Value() == nil {
			delete(insts, k)
		}
	}
	instMu.Unlock()

	fn, err := embedded.Func(h)
	if err != nil {
		return nil, err
	}
	mod := rt.NewObject()
	_ = mod.Set("exports", rt.NewObject())
	in := events.Internals(h)
	Unwrap := events.UnwrapOf(h)
	_ = in.Set("deepEqual", func(a, b sobek.Value, strict bool) bool {
		return jsequal.DeepEqualWith(a, b, strict, jsequal.Options{Unwrap: Unwrap})
	})
	_ = in.Set("kind", func(v sobek.Value) string {
		if o, ok := v.(*sobek.Object); ok {
			if Unwrap != nil {
				if orig, _, ok := Unwrap(o); ok {
					o = orig
				}
			}
			return jsequal.Kind(o)
		}
		return ""
	})
	_ = in.Set("quote", nodeerr.QuoteJSString)
	_ = in.Set("describe", func(v sobek.Value) string {
		if v == nil || sobek.IsUndefined(v) {
			return "type undefined"
		}
		return strings.TrimPrefix(nodeerr.Received(v), "Received ")
	})
	_ = in.Set("callerSource", CallerSource)
	_ = in.Set("engineError", func(v sobek.Value) { h.ShapeEngineError(v) })
	if _, err := fn(sobek.Undefined(), mod, mod.Get("exports"), in); err != nil {
		return nil, err
	}
	exp := mod.Get("exports").(*sobek.Object)
	instMu.Lock()
	insts[key] = weak.Make(exp)
	instMu.Unlock()
	return exp, nil
}

// Load is the loader of the `assert` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	exp, err := instance(h)
	if err != nil {
		return err
	}
	return module.Set("exports", exp.Get("assert"))
}

// LoadStrict is the loader of the `assert/strict` builtin.
func LoadStrict(h *host.Host, module *sobek.Object) error {
	exp, err := instance(h)
	if err != nil {
		return err
	}
	return module.Set("exports", exp.Get("strict"))
}

var frameRe = regexp.MustCompile(`at (?:.*? \()?([^()\s]+):(\d+):(\d+)(?:\(\d+\))?\)?\s*$`)

// CallerSource finds, in a stack trace taken inside assert, the first frame
// of user code and returns the text of the call expression at that
// position, read from the source file; "" when it cannot be read.
func CallerSource(stack string) string {
	for _, line := range strings.Split(stack, "\n") {
		m := frameRe.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil || strings.HasPrefix(m[1], "node:") {
			continue
		}
		src, err := os.ReadFile(m[1])
		if err != nil {
			return ""
		}
		ln, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return callAt(string(src), ln, col)
	}
	return ""
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func callAt(src string, line, col int) string {
	// the offset of line:col (1-based) in src
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return ""
		}
		off += i + 1
	}
	pos := off + col - 1
	if pos < 0 || pos >= len(src) {
		return ""
	}
	// the column points at the call's opening parenthesis
	if src[pos] != '(' {
		i := strings.IndexByte(src[pos:], '(')
		if i < 0 {
			return ""
		}
		pos += i
	}
	start := pos
	for start > 0 && isIdent(src[start-1]) {
		start--
	}
	if start == pos {
		return ""
	}
	depth := 0
	var quote byte
	for i := pos; i < len(src); i++ {
		c := src[i]
		if quote != 0 {
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		}
		switch c {
		case '\'', '"', '`':
			quote = c
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth == 0 {
				return src[start : i+1]
			}
		}
	}
	return ""
}
