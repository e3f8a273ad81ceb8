// Package timers_promises is Node's `timers/promises` builtin: promise forms of setTimeout, setImmediate and setInterval, and the scheduler, in JavaScript.
package timers_promises

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed timers_promises.js
var source string

var embedded = &host.Embedded{Name: "node:timers/promises", Params: "module, exports, internals, require", Source: source}

// Load is the loader of the `timers/promises` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	return embedded.Run(h, module, events.Internals(h), h.BuiltinRequire())
}
