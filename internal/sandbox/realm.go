package sandbox

import (
	"github.com/grafana/sobek"
)

// Realm is a trusted runtime (the host of the jsvm:sandbox builtin) as one
// side of copies: values of it encode into the copy graph, and the graph
// decodes into fresh values of it.
type Realm struct{ r *realm }

// NewRealm captures rt's intrinsics for copying.
func NewRealm(rt *sobek.Runtime) (*Realm, error) {
	r, err := newRealm(rt)
	if err != nil {
		return nil, err
	}
	return &Realm{r: r}, nil
}

// Encode copies v into the copy graph. A getter that throws makes it
// return that exception.
func (r *Realm) Encode(v sobek.Value) (out any, err error) {
	defer func() {
		if x := recover(); x != nil {
			out, err = nil, asError(x)
		}
	}()
	return newEncoder(r.r, 0, nil).Encode(v), nil
}

// Decode builds g as fresh values of the realm.
func (r *Realm) Decode(g any) (v sobek.Value, err error) {
	defer func() {
		if x := recover(); x != nil {
			v, err = nil, asError(x)
		}
	}()
	return newDecoder(r.r).Decode(g), nil
}

// NewError creates a fresh error of the realm (of the standard class
// named name if there is one).
func (r *Realm) NewError(name, message string) *sobek.Object {
	return newDecoder(r.r).NewError(name, message)
}
