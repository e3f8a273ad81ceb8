// Package stream is Node's `stream` builtin (and stream/promises):
// Readable, Writable, Duplex, Transform, PassThrough, pipeline and
// finished, written in JavaScript (stream.js) on EventEmitter.
package stream

import (
	_ "embed"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed stream.js
var source string

var embedded = &host.Embedded{Name: "node:stream", Params: "module, exports, internals, require", Source: source}

// Load is the loader of the `stream` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	return embedded.Run(h, module, events.Internals(h), h.BuiltinRequire())
}

// LoadPromises is the loader of `stream/promises`.
var LoadPromises = host.ExportsOf("stream", "promises")

//go:embed consumers.js
var consumersSource string

var consumers = &host.Embedded{Name: "node:stream/consumers", Params: "module, exports, require", Source: consumersSource}

// LoadConsumers is the loader of `stream/consumers` (text, json, buffer,
// arrayBuffer, blob of any async iterable of chunks).
func LoadConsumers(h *host.Host, module *sobek.Object) error {
	return consumers.Run(h, module, h.BuiltinRequire())
}

//go:embed web.js
var webSource string

var web = &host.Embedded{Name: "node:stream/web", Params: "module, exports, internals, require", Source: webSource}

// LoadWeb is the loader of `stream/web` (the WHATWG streams).
func LoadWeb(h *host.Host, module *sobek.Object) error {
	return web.Run(h, module, events.Internals(h), h.BuiltinRequire())
}
