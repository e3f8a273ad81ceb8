// Package diagnostics_channel is Node's `diagnostics_channel` builtin for
// jsvm, in JavaScript (diagnostics_channel.js): named channels, publish and
// subscribe, stores bound through AsyncLocalStorage, tracing channels.
// jsvm's own builtins publish on no channel.
package diagnostics_channel

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed diagnostics_channel.js
var source string

var embedded = &host.Embedded{Name: "node:diagnostics_channel", Params: "module, exports, internals, require", Source: source}

// Load is the loader of the `diagnostics_channel` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	return embedded.Run(h, module, events.Internals(h), h.BuiltinRequire())
}
