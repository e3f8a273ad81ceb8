// Package net is Node's `net` builtin for jsvm: the address helpers
// (isIP, isIPv4, isIPv6, SocketAddress, BlockList) in JavaScript
// (net.js). Raw TCP sockets and servers are not available: http and https
// are built on Go's net/http instead, so Socket, Server, connect and
// createServer throw ERR_FEATURE_UNAVAILABLE_ON_PLATFORM when used.
package net

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed net.js
var source string

var embedded = &host.Embedded{Name: "node:net", Params: "module, exports, internals, require", Source: source}

// Load is the loader of the `net` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	return embedded.Run(h, module, events.Internals(h), h.BuiltinRequire())
}
