// Package async_hooks is Node's `async_hooks` builtin: AsyncLocalStorage and AsyncResource, in JavaScript; stores are carried across timers, ticks, microtasks and then() callbacks.
package async_hooks

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed async_hooks.js
var source string

var embedded = &host.Embedded{Name: "node:async_hooks", Params: "module, exports, internals, require", Source: source}

// Load is the loader of the `async_hooks` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	return embedded.Run(h, module, events.Internals(h), h.BuiltinRequire())
}
