// Package string_decoder is Node's `string_decoder` builtin, in
// JavaScript (string_decoder.js) over Buffer.
package string_decoder

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed string_decoder.js
var source string

var embedded = &host.Embedded{Name: "node:string_decoder", Params: "module, exports, internals, require", Source: source}

// Load is the loader of the `string_decoder` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	return embedded.Run(h, module, events.Internals(h), h.BuiltinRequire())
}
