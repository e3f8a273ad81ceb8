// Package perf_hooks is Node's `perf_hooks` builtin: performance (now, timeOrigin, mark, measure, getEntries) and PerformanceObserver basics, in JavaScript.
package perf_hooks

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed perf_hooks.js
var source string

var embedded = &host.Embedded{Name: "node:perf_hooks", Params: "module, exports, internals, require", Source: source}

// Load is the loader of the `perf_hooks` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	return embedded.Run(h, module, events.Internals(h), h.BuiltinRequire())
}
