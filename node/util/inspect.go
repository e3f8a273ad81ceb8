package util

import (
	"strings"

	"github.com/grafana/sobek"
)

// Inspect returns what Node's util.inspect(v, opts) returns.
func Inspect(rt *sobek.Runtime, v sobek.Value, opts InspectOptions) string {
	if v == nil {
		return "undefined"
	}
	if s, ok := v.Export().(string); ok {
		return "'" + s + "'"
	}
	return v.String()
}

// Format returns what Node's util.formatWithOptions(opts, ...args) returns.
func Format(rt *sobek.Runtime, args []sobek.Value, opts InspectOptions) string {
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		if s, ok := a.Export().(string); ok {
			b.WriteString(s)
		} else {
			b.WriteString(Inspect(rt, a, opts))
		}
	}
	return b.String()
}
