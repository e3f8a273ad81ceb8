// Package events is Node's `events` builtin: EventEmitter, written in
// JavaScript (events.js) and compiled once per process, on first require.
package events

import (
	_ "embed"
	"fmt"
	"io"
	"os"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
)

//go:embed events.js
var source string

var embedded = &host.Embedded{Name: "node:events", Params: "module, exports, internals", Source: source}

// UnwrapOf returns the membrane unwrapper of h's isolate, or nil.
func UnwrapOf(h *host.Host) func(*sobek.Object) (*sobek.Object, *sobek.Runtime, bool) {
	if h.Isolate == nil {
		return nil
	}
	return h.Isolate.Unwrap
}

// Load is the loader of the `events` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	if _, err = fn(sobek.Undefined(), module, module.Get("exports"), Internals(h)); err != nil {
		return err
	}
	if ee, ok := module.Get("exports").(*sobek.Object); ok {
		if proto, ok := ee.Get("prototype").(*sobek.Object); ok {
			installFastEmit(h.Runtime, proto)
		}
	}
	return nil
}

// Internals builds the helper object the embedded JS modules of jsvm
// receive: Node-style errors, inspect and warnings.
func Internals(h *host.Host) *sobek.Object {
	rt := h.Runtime
	in := rt.NewObject()
	unwrap := UnwrapOf(h)
	_ = in.Set("inspect", func(v sobek.Value) string {
		return util.Inspect(rt, v, util.InspectOptions{Unwrap: unwrap, Captured: util.CapturedOf(h)})
	})
	_ = in.Set("invalidArgType", func(name, expected string, v sobek.Value) *sobek.Object {
		return nodeerr.InvalidArgType(rt, name, expected, v)
	})
	_ = in.Set("invalidArgValue", func(name string, v sobek.Value, reason string) *sobek.Object {
		return nodeerr.InvalidArgValue(rt, name, v, reason)
	})
	_ = in.Set("outOfRange", func(name, rng string, v sobek.Value) *sobek.Object {
		return nodeerr.OutOfRange(rt, name, rng, v)
	})
	_ = in.Set("newError", func(kind, code, msg string) *sobek.Object {
		return nodeerr.New(rt, kind, code, msg)
	})
	_ = in.Set("warn", func(msg, name string) {
		if p, ok := rt.GlobalObject().Get("process").(*sobek.Object); ok {
			if ew, ok := sobek.AssertFunction(p.Get("emitWarning")); ok {
				_, _ = ew(p, rt.ToValue(msg), rt.ToValue(name))
				return
			}
		}
		var w io.Writer = h.Options.Stderr
		if w == nil {
			return
		}
		fmt.Fprintf(w, "(node:%d) %s: %s\n", os.Getpid(), name, msg)
	})
	return in
}
