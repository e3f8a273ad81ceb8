package vm

import "github.com/grafana/sobek"

// installCodeCache sets natives.checkCachedData(handle, bytes) -> bool and
// natives.createCachedData(handle) -> Buffer|undefined.
func (m *module) installCodeCache(natives *sobek.Object) {
	_ = natives.Set("checkCachedData", func(c sobek.FunctionCall) sobek.Value { return m.rt.ToValue(false) })
	_ = natives.Set("createCachedData", func(c sobek.FunctionCall) sobek.Value { return sobek.Undefined() })
}
