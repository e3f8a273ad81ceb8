package vm

import "github.com/grafana/sobek"

// installCompileFunction sets natives.compileFunction (exported as
// vm.compileFunction) when implemented.
func (m *module) installCompileFunction(natives *sobek.Object) {}
