package core

// Do runs fn with c recorded as the executing realm, so a watchdog
// (timeout, SIGINT) interrupts c while fn runs JS in it outside of a
// RunProgram (module evaluation, import() continuations).
func (c *Context) Do(fn func()) {
	c.iso.push(c)
	defer c.iso.pop()
	fn()
}

// Fired returns the value the watchdog fired with, or nil.
func (w *Watchdog) Fired() any {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.fired
}
