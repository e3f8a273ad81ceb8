package engine

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/unistring"
)

// Reading or writing an own data property of an ordinary object runs no
// JavaScript, but sobek's API cannot tell such a property from an
// accessor without calling it (Get runs getters, Set setters), so a
// caller that must guard every call into JavaScript (the membrane's
// realm crossing around a sandbox access) pays for the guard on every
// global variable read. OwnPlainData and SetOwnPlainData look at sobek's
// representation instead (non-public): an ordinary object is a
// *baseObject (self of the Object), whose values map holds a property
// that is writable, enumerable and configurable data as the bare value
// and any other property (an accessor, a read-only or hidden one) as a
// *valueProperty. Anything else (a Proxy, an array, a function, a
// wrapped Go value, a missing or non-plain property) answers false and
// the caller takes the general path. TestPlainDataLayout fails loudly if
// an engine upgrade changes the layout; the functions then always
// answer false.

var plainLayout struct {
	once   sync.Once
	ok     bool
	self   uintptr        // offset of Object.self (an objectImpl interface)
	tab    unsafe.Pointer // the itab of (objectImpl, *baseObject)
	values uintptr        // offset of baseObject.values
	vpType reflect.Type   // *valueProperty
}

type ifaceWords struct {
	tab  unsafe.Pointer
	data unsafe.Pointer
}

func plainDataLayout() bool {
	plainLayout.once.Do(func() {
		defer func() {
			if recover() != nil {
				plainLayout.ok = false
			}
		}()
		rt := sobek.New()
		o := rt.NewObject()
		ot := reflect.TypeOf(sobek.Object{})
		sf, ok := ot.FieldByName("self")
		if !ok || sf.Type.Kind() != reflect.Interface {
			return
		}
		self := reflect.ValueOf(o).Elem().FieldByName("self").Elem() // *baseObject
		if self.Kind() != reflect.Pointer || self.Type().Elem().Kind() != reflect.Struct || self.Type().Elem().Name() != "baseObject" {
			return
		}
		vf, ok := self.Type().Elem().FieldByName("values")
		if !ok || vf.Type != reflect.TypeFor[map[unistring.String]sobek.Value]() {
			return
		}
		// an accessor's entry gives the type of non-plain entries
		if err := o.DefineAccessorProperty("a", rt.ToValue(func() {}), nil, sobek.FLAG_TRUE, sobek.FLAG_TRUE); err != nil {
			return
		}
		words := (*ifaceWords)(unsafe.Add(unsafe.Pointer(o), sf.Offset))
		m := *(*map[unistring.String]sobek.Value)(unsafe.Add(words.data, vf.Offset))
		acc := m["a"]
		if acc == nil {
			return
		}
		vp := reflect.TypeOf(acc)
		if vp.Kind() != reflect.Pointer || vp.Elem().Name() != "valueProperty" {
			return
		}
		plainLayout.self, plainLayout.tab, plainLayout.values, plainLayout.vpType = sf.Offset, words.tab, vf.Offset, vp
		plainLayout.ok = true
	})
	return plainLayout.ok
}

// plainValues returns the values map of o when o is an ordinary object.
func plainValues(o *sobek.Object) (map[unistring.String]sobek.Value, bool) {
	if o == nil || !plainDataLayout() {
		return nil, false
	}
	words := (*ifaceWords)(unsafe.Add(unsafe.Pointer(o), plainLayout.self))
	if words.tab != plainLayout.tab || words.data == nil {
		return nil, false
	}
	return *(*map[unistring.String]sobek.Value)(unsafe.Add(words.data, plainLayout.values)), true
}

// OwnPlainData returns the value of o's own property name when o is an
// ordinary object and the property is writable, enumerable, configurable
// data: what o.Get(name) returns, known to have run no JavaScript.
func OwnPlainData(o *sobek.Object, name string) (sobek.Value, bool) {
	m, ok := plainValues(o)
	if !ok {
		return nil, false
	}
	v := m[unistring.NewFromString(name)]
	if v == nil || reflect.TypeOf(v) == plainLayout.vpType {
		return nil, false
	}
	return v, true
}

// SetOwnPlainData does o.Set(name, v) when o is an ordinary object whose
// own property name is writable, enumerable, configurable data (the
// write replaces the value and runs no JavaScript), and reports whether
// it did.
func SetOwnPlainData(o *sobek.Object, name string, v sobek.Value) bool {
	m, ok := plainValues(o)
	if !ok || v == nil {
		return false
	}
	k := unistring.NewFromString(name)
	old := m[k]
	if old == nil || reflect.TypeOf(old) == plainLayout.vpType {
		return false
	}
	m[k] = v
	return true
}
