package core

import (
	"weak"

	"github.com/grafana/sobek"
)

type wkey = weak.Pointer[sobek.Object]

type wrapKey struct {
	orig  wkey
	realm *Context
}

type wrapEntry struct{ wrapper wkey }

type link struct {
	orig *sobek.Object
	home *Context
}

// Unwrap reports whether o is a membrane wrapper for an object of another
// context of this isolate, and if so returns the original and the runtime it
// belongs to. Inspectors use it to show foreign objects as they are.
func (iso *Isolate) Unwrap(o *sobek.Object) (orig *sobek.Object, home *sobek.Runtime, ok bool) {
	l := iso.linkOf(o)
	if l == nil {
		return nil, nil, false
	}
	return l.orig, l.home.rt, true
}

func (iso *Isolate) linkOf(o *sobek.Object) *link {
	iso.tabMu.Lock()
	defer iso.tabMu.Unlock()
	return iso.links[weak.Make(o)]
}
