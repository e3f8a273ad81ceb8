package core

import "github.com/grafana/sobek"

// CapturedReflect returns Reflect.ownKeys, Reflect.getOwnPropertyDescriptor
// and Reflect.has of the context of this isolate whose runtime is rt, as
// captured before that context's code could replace them (see
// captureIntrinsics). Inspectors use them so that a context's code cannot
// change how its objects are shown. ok is false for a runtime that is no
// context of the isolate.
func (iso *Isolate) CapturedReflect(rt *sobek.Runtime) (ownKeys, getOwnPropertyDescriptor, has sobek.Callable, ok bool) {
	for _, c := range iso.Contexts() {
		if c.rt == rt {
			r := c.reflect()
			return r.ownKeys, r.getOwnPropertyDescriptor, r.has, true
		}
	}
	return nil, nil, nil, false
}
