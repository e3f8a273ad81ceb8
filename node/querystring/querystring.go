// Package querystring is Node's `querystring` builtin: parse and stringify of URL query strings, in JavaScript (querystring.js).
package querystring

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed querystring.js
var source string

var embedded = &host.Embedded{Name: "node:querystring", Params: "module, exports, internals, require", Source: source}

// Load is the loader of the `querystring` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	in := events.Internals(h)
	natives(h.Runtime, in)
	return embedded.Run(h, module, in, h.BuiltinRequire())
}
