package engine

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
)

// sobek builds every realm's global object from one process-wide template
// too (its builtins are materialised when first read). AddLazyGlobal adds
// a name to that template, so a builtin jsvm provides (WebAssembly) is a
// plain data property of every realm's global — listed, writable,
// configurable, non-enumerable, as V8's — built only when a realm's code
// first reads it. The template is reached as the prototypes' ones are
// (templates.go); its property records are sobek's value records, made by
// copying the record of a builtin of the same attributes (Math) and
// replacing its value. TestLazyGlobalLayout fails loudly when sobek
// changes; AddLazyGlobal then reports false.

var lazyGlobals struct {
	once  sync.Once
	tmpl  *lazyProto
	names reflect.Value // the template's propNames slice, writable
	rec   sobek.Value   // a record of Math's attributes, to copy
}

func findGlobalTemplate() {
	if !LazyMethods() {
		return
	}
	rt := sobek.New()
	t := templateOf(rt.GlobalObject())
	if t == nil {
		return
	}
	math, ok := t.factoryOf("Math")
	if !ok {
		return
	}
	rec := math(rt)
	rv := reflect.ValueOf(rec)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return
	}
	if reflect.TypeOf(rec) != reflect.TypeOf(lazyProtos.repeat(rt)) {
		return // not the record type templates.go knows
	}
	self := reflect.ValueOf(rt.GlobalObject()).Elem().FieldByName("self").Elem()
	names := self.Elem().FieldByName("tmpl").Elem().FieldByName("propNames")
	if !names.IsValid() || names.Kind() != reflect.Slice || names.Type().Elem() != t.props.Type().Key() {
		return
	}
	lazyGlobals.tmpl = t
	lazyGlobals.names = reflect.NewAt(names.Type(), unsafe.Pointer(names.UnsafeAddr())).Elem()
	lazyGlobals.rec = rec
}

// LazyGlobals reports whether sobek's global template was found.
func LazyGlobals() bool {
	lazyGlobals.once.Do(findGlobalTemplate)
	return lazyGlobals.tmpl != nil
}

// AddLazyGlobal makes every realm created from now on have a global name
// whose value build makes the first time that realm reads it. Call it
// before the realms are made, once per name (Prepare's time); false when
// sobek's layout is unknown or the name is taken.
func AddLazyGlobal(name string, build func(rt *sobek.Runtime) sobek.Value) bool {
	if !LazyGlobals() {
		return false
	}
	lazyProtos.mu.Lock()
	defer lazyProtos.mu.Unlock()
	t := lazyGlobals.tmpl
	if _, taken := t.factoryOf(name); taken {
		return false
	}
	proto := reflect.ValueOf(lazyGlobals.rec)
	field := lazyProtos.value
	factory := func(rt *sobek.Runtime) sobek.Value {
		rec := reflect.New(proto.Type().Elem())
		rec.Elem().Set(proto.Elem())
		v := rec.Interface().(sobek.Value)
		propValue(v, field, build(rt))
		return v
	}
	key := reflect.ValueOf(name).Convert(t.props.Type().Key())
	t.props.SetMapIndex(key, reflect.ValueOf(factory).Convert(t.factory))
	lazyGlobals.names.Set(reflect.Append(lazyGlobals.names, key))
	return true
}
