package core

// NewPlainContext makes a context whose global is its runtime's own
// global object, not a contextified sandbox: vm.createContext with
// vm.constants.DONT_CONTEXTIFY. ContextOf finds it from its global.
func (iso *Isolate) NewPlainContext(opts ContextOptions) *Context {
	if opts.Name == "" {
		opts.Name = "VM Context " + itoa(iso.nextContextID)
	}
	c := iso.newRealm(opts)
	c.hideGoError() // its global is no proxy: nothing hides it lazily
	if opts.DisallowCodeGenerationFromStrings {
		c.disallowCodeGeneration()
	}
	c.capsFirstRun() // its global is no proxy: nothing installs lazily
	c.hookIntrinsics()
	c.capJSONDepth()
	c.shareSymbolRegistry()
	c.installWeakRefs()
	c.ensureConsole()
	c.installCaptureStackTrace()
	c.holdUntilEvaluate()
	return c
}
