// Package test is Node's `node:test` builtin, minimal: test, describe/it,
// subtests, hooks, skip/todo, and a TAP reporter like node v20's, written
// in JavaScript (test.js). Tests run after the main module, from a
// setImmediate (or Host.Post when there is no event loop global).
package test

import (
	_ "embed"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed test.js
var source string

var embedded = &host.Embedded{Name: "node:test", Params: "module, exports, internals", Source: source}

// Load is the loader of the `node:test` builtin (registered as "test").
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	in := events.Internals(h)
	start := time.Now()
	_ = in.Set("write", func(s string) {
		var w io.Writer = h.Options.Stdout
		if w != nil {
			_, _ = io.WriteString(w, s)
		}
	})
	_ = in.Set("now", func() float64 { return float64(time.Since(start).Nanoseconds()) / 1e6 })
	_ = in.Set("location", Location)
	_ = in.Set("frames", Frames)
	_ = in.Set("setExitCode", func(n int) {
		if p, ok := rt.GlobalObject().Get("process").(*sobek.Object); ok {
			_ = p.Set("exitCode", n)
		}
	})
	_ = in.Set("schedule", func(cb sobek.Value) {
		if si, ok := sobek.AssertFunction(rt.GlobalObject().Get("setImmediate")); ok {
			if _, err := si(sobek.Undefined(), cb); err != nil {
				panic(err)
			}
			return
		}
		f, _ := sobek.AssertFunction(cb)
		h.Post(func() { _, _ = f(sobek.Undefined()) })
	})
	_, err = fn(sobek.Undefined(), module, module.Get("exports"), in)
	return err
}

var frameRe = regexp.MustCompile(`^at (?:(.*?) \()?([^()\s]+):(\d+):(\d+)(?:\(\d+\))?\)?$`)

type frame struct {
	fn, file  string
	line, col int
}

func userFrames(stack string) []frame {
	var out []frame
	for _, l := range strings.Split(stack, "\n") {
		m := frameRe.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil || strings.HasPrefix(m[2], "node:") {
			continue
		}
		ln, _ := strconv.Atoi(m[3])
		col, _ := strconv.Atoi(m[4])
		out = append(out, frame{m[1], m[2], ln, col})
	}
	return out
}

// Frames renders the user frames of a stack as Node's TAP reporter does
// ("fn (file:line:col)").
func Frames(stack string) []string {
	var out []string
	for _, f := range userFrames(stack) {
		loc := f.file + ":" + strconv.Itoa(f.line) + ":" + strconv.Itoa(f.col)
		if f.fn != "" {
			out = append(out, f.fn+" ("+loc+")")
		} else {
			out = append(out, loc)
		}
	}
	return out
}

// Location is "file:line:col" of the first user frame of a stack taken in
// test()/it(), the column moved back to the start of the callee (V8
// reports the callee, sobek the parenthesis).
func Location(stack string) string {
	fs := userFrames(stack)
	if len(fs) == 0 {
		return ""
	}
	f := fs[0]
	col := f.col
	if src, err := os.ReadFile(f.file); err == nil {
		lines := strings.Split(string(src), "\n")
		if f.line-1 < len(lines) {
			line := lines[f.line-1]
			p := col - 1
			// find the call's parenthesis, then the start of the callee's
			// last name (V8 reports `test` in `t.test(`)
			for p >= 0 && p < len(line) && (isIdent(line[p]) || line[p] == ' ') {
				p++
			}
			if p >= 0 && p < len(line) && line[p] == '(' {
				for p > 0 && line[p-1] == ' ' {
					p--
				}
				for p > 0 && isIdent(line[p-1]) && line[p-1] != '.' {
					p--
				}
				col = p + 1
			}
		}
	}
	return f.file + ":" + strconv.Itoa(f.line) + ":" + strconv.Itoa(col)
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
