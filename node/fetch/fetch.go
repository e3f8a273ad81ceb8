// Package fetch is jsvm's fetch: the globals fetch, Headers, Request,
// Response and FormData as Node's undici shapes them, written in
// JavaScript (fetch.js) over the http/https, zlib, buffer and
// stream/web builtins. It is registered as "jsvm:fetch" (Node has no
// builtin module for it); the host installs the globals from it.
package fetch

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed fetch.js
var source string

var embedded = &host.Embedded{Name: "node:internal/deps/undici/undici", Params: "module, exports, require", Source: source}

// Load is the loader of "jsvm:fetch".
func Load(h *host.Host, module *sobek.Object) error {
	return embedded.Run(h, module, h.BuiltinRequire())
}
