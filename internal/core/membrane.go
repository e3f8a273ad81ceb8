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
