package core

import "github.com/grafana/sobek"

// SyntheticModule is what a synthetic module record asks of the module it
// stands for (vm.SyntheticModule, or the Go API's synthetic modules).
type SyntheticModule interface {
	// ExportNames lists the module's exports.
	ExportNames() []string
	// EvaluateSteps runs the module's evaluation steps if they are due and
	// returns the error its evaluation failed with, or nil.
	EvaluateSteps() error
	// Binding returns an export's value in the runtime evaluating it.
	Binding(name string) sobek.Value
}

// SyntheticRecord is a synthetic module's record: not cyclic, so sobek
// calls Evaluate whenever a graph that contains it is evaluated.
type SyntheticRecord struct{ Module SyntheticModule }

// GetExportedNames implements sobek.ModuleRecord.
func (s *SyntheticRecord) GetExportedNames(cb func([]string), _ ...sobek.ModuleRecord) bool {
	cb(append([]string(nil), s.Module.ExportNames()...))
	return true
}

// ResolveExport implements sobek.ModuleRecord.
func (s *SyntheticRecord) ResolveExport(name string, _ ...sobek.ResolveSetElement) (*sobek.ResolvedBinding, bool) {
	for _, n := range s.Module.ExportNames() {
		if n == name {
			return &sobek.ResolvedBinding{Module: s, BindingName: name}, false
		}
	}
	return nil, false
}

// Link implements sobek.ModuleRecord.
func (s *SyntheticRecord) Link() error { return nil }

// Evaluate implements sobek.ModuleRecord.
func (s *SyntheticRecord) Evaluate(rt *sobek.Runtime) *sobek.Promise {
	p, resolve, reject := rt.NewPromise()
	if err := s.Module.EvaluateSteps(); err != nil {
		_ = reject(err)
		return p
	}
	_ = resolve(&syntheticInstance{m: s.Module})
	return p
}

type syntheticInstance struct{ m SyntheticModule }

func (i *syntheticInstance) GetBindingValue(name string) sobek.Value { return i.m.Binding(name) }

// PrepareInstance makes sobek create rt's instance of a synthetic record
// without running its steps (while the module reports none due), so that
// a namespace can be read before evaluation: it evaluates a cyclic record
// whose only request is rec.
func PrepareInstance(rt *sobek.Runtime, rec sobek.ModuleRecord) {
	rt.CyclicModuleRecordEvaluate(&prepRecord{dep: rec}, func(any, string) (sobek.ModuleRecord, error) { return rec, nil })
}

// prepRecord has a field for the same reason as prepInstance: sobek keys
// state by record, and pointers to zero-size values may compare equal.
type prepRecord struct{ dep sobek.ModuleRecord }

func (p *prepRecord) GetExportedNames(cb func([]string), _ ...sobek.ModuleRecord) bool {
	cb(nil)
	return true
}
func (p *prepRecord) ResolveExport(string, ...sobek.ResolveSetElement) (*sobek.ResolvedBinding, bool) {
	return nil, false
}
func (p *prepRecord) Link() error                            { return nil }
func (p *prepRecord) Evaluate(*sobek.Runtime) *sobek.Promise { return nil }
func (p *prepRecord) RequestedModules() []string             { return []string{""} }
func (p *prepRecord) InitializeEnvironment() error           { return nil }
func (p *prepRecord) Instantiate(*sobek.Runtime) (sobek.CyclicModuleInstance, error) {
	return &prepInstance{}, nil
}

// prepInstance has a field: sobek keys evaluation state by instance, so
// instances must not compare equal.
type prepInstance struct{ _ byte }

func (*prepInstance) GetBindingValue(string) sobek.Value { return nil }
func (*prepInstance) HasTLA() bool                       { return false }
func (i *prepInstance) ExecuteModule(*sobek.Runtime, func(any) error, func(any) error) (sobek.CyclicModuleInstance, error) {
	return i, nil
}
