package core

import (
	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// The held-frame marker and the job queue are read from sobek's internals
// in package engine (heldframe.go there); these are the names core uses.

func callDepth(rt *sobek.Runtime) int  { return engine.CallDepth(rt) }
func pushOuterFrame(rt *sobek.Runtime) { engine.PushOuterFrame(rt) }
func popOuterFrame(rt *sobek.Runtime) bool {
	return engine.PopOuterFrame(rt)
}
func pendingJobs(rt *sobek.Runtime) int   { return engine.PendingJobs(rt) }
func dropJobs(rt *sobek.Runtime)          { engine.DropJobs(rt) }
func takeJobs(rt *sobek.Runtime) []func() { return engine.TakeJobs(rt) }
