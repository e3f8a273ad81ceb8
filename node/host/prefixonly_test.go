package host

import (
	"testing"

	"github.com/grafana/sobek"
)

// node:test exists only with its scheme: a bare 'test' is a package name.
func TestPrefixOnlyBuiltins(t *testing.T) {
	reg := NewRegistry()
	reg.Register("test", func(h *Host, m *sobek.Object) error { return nil })
	reg.Register("vm", func(h *Host, m *sobek.Object) error { return nil })
	h := &Host{Options: Options{Registry: reg}}
	for name, want := range map[string]bool{"test": false, "node:test": true, "vm": true, "node:vm": true} {
		if got := h.isBuiltinRequest(name); got != want {
			t.Errorf("isBuiltinRequest(%q) = %v, want %v", name, got, want)
		}
	}
}
