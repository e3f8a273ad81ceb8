// Package http2 is Node's `http2` builtin for jsvm as far as packages
// need it to load: the constants (node v20's) and default settings.
// HTTP/2 sessions and servers are not available and say so
// (ERR_FEATURE_UNAVAILABLE_ON_PLATFORM); http and https speak HTTP/1.1.
package http2

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed http2.js
var source string

var embedded = &host.Embedded{Name: "node:http2", Params: "module, exports, internals", Source: source}

// Load is the loader of the `http2` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	return embedded.Run(h, module, events.Internals(h))
}
