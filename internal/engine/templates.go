package engine

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
)

// sobek builds String.prototype and Array.prototype lazily, one property
// at a time, from templates the whole process shares: a property's value
// is made by the template's factory the first time a realm reads it.
// WrapLazyMethod puts a wrapper into that factory, so every realm gets the
// wrapped method when (and only if) its code first reads it — no cost for
// a realm that never does, and no realm can reach the original before the
// wrapper (the size caps, core/sizecaps.go). The templates are unexported:
// they are reached through a prototype object's fields (Object.self, the
// templated object's tmpl, the template's props map, the property record's
// value), each checked by name and kind; TestLazyMethodLayout fails loudly
// if sobek changes them, and WrapLazyMethod then reports false (core
// installs its wrappers per realm instead).

// MethodWrapper makes rt's replacement of orig, the builtin method as sobek
// made it for rt.
type MethodWrapper func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object

type lazyProto struct {
	props   reflect.Value // the template's props map, writable
	factory reflect.Type  // its element type, func(*sobek.Runtime) sobek.Value
	names   reflect.Value // its propNames slice (own keys' order), writable
	syms    reflect.Value // its symProps map, writable (invalid when absent)
}

var lazyProtos struct {
	once sync.Once
	mu   sync.Mutex
	str  *lazyProto // String.prototype's template
	arr  *lazyProto // Array.prototype's template
	// others: the Number, Date, BigInt, Object and Function prototypes'
	// templates and the Object and Math templates, by name ("Date.prototype",
	// "Object"; absent when sobek builds one eagerly)
	others map[string]*lazyProto
	value  *reflect.StructField
	// repeat is sobek's own String.prototype.repeat factory, kept for
	// NewRangeError
	repeat func(*sobek.Runtime) sobek.Value
	// method is a record of a method's attributes (writable,
	// configurable), copied for the methods AddLazyMethod adds
	method sobek.Value
}

func findLazyProtos() {
	rt := sobek.New()
	get := func(ctor string) *lazyProto {
		c, _ := rt.Get(ctor).(*sobek.Object)
		if c == nil {
			return nil
		}
		p, _ := c.Get("prototype").(*sobek.Object)
		if p == nil {
			return nil
		}
		return templateOf(p)
	}
	lazyProtos.str = get("String")
	lazyProtos.arr = get("Array")
	lazyProtos.others = map[string]*lazyProto{}
	for _, name := range []string{"Number", "Date", "BigInt", "Object", "Function"} {
		if p := get(name); p != nil {
			lazyProtos.others[name+".prototype"] = p
		}
	}
	if u, _ := rt.Get("Uint8Array").(*sobek.Object); u != nil {
		if p, _ := u.Get("prototype").(*sobek.Object); p != nil && p.Prototype() != nil {
			if t := templateOf(p.Prototype()); t != nil {
				lazyProtos.others["TypedArray.prototype"] = t
			}
		}
	}
	if p := get("DataView"); p != nil {
		lazyProtos.others["DataView.prototype"] = p
	}
	for _, name := range []string{"Object", "Math"} {
		if o, _ := rt.Get(name).(*sobek.Object); o != nil {
			if p := templateOf(o); p != nil {
				lazyProtos.others[name] = p
			}
		}
	}
	if lazyProtos.str == nil || lazyProtos.arr == nil {
		lazyProtos.str, lazyProtos.arr = nil, nil
		return
	}
	orig, ok := lazyProtos.str.factoryOf("repeat")
	if !ok {
		lazyProtos.str, lazyProtos.arr = nil, nil
		return
	}
	// the factory's result is a property record holding the function
	v := orig(rt)
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		lazyProtos.str, lazyProtos.arr = nil, nil
		return
	}
	f, ok := rv.Elem().Type().FieldByName("value")
	if !ok || f.Type != reflect.TypeFor[sobek.Value]() {
		lazyProtos.str, lazyProtos.arr = nil, nil
		return
	}
	if fn, _ := propValue(v, &f).(*sobek.Object); fn == nil {
		lazyProtos.str, lazyProtos.arr = nil, nil
		return
	} else if _, ok := sobek.AssertFunction(fn); !ok {
		lazyProtos.str, lazyProtos.arr = nil, nil
		return
	}
	lazyProtos.value = &f
	lazyProtos.repeat = orig
	lazyProtos.method = v
}

// templateOf finds the template behind a lazily built prototype.
func templateOf(p *sobek.Object) *lazyProto {
	self := reflect.ValueOf(p).Elem().FieldByName("self") // objectImpl
	if !self.IsValid() || self.Kind() != reflect.Interface || self.IsNil() {
		return nil
	}
	impl := self.Elem()
	if impl.Kind() != reflect.Pointer || impl.Elem().Kind() != reflect.Struct {
		return nil
	}
	tmpl := impl.Elem().FieldByName("tmpl")
	if !tmpl.IsValid() || tmpl.Kind() != reflect.Pointer || tmpl.IsNil() || tmpl.Elem().Kind() != reflect.Struct {
		return nil
	}
	props := tmpl.Elem().FieldByName("props")
	if !props.IsValid() || props.Kind() != reflect.Map || props.Type().Key().Kind() != reflect.String {
		return nil
	}
	ft := props.Type().Elem()
	want := reflect.TypeFor[func(*sobek.Runtime) sobek.Value]()
	if ft.Kind() != reflect.Func || !ft.ConvertibleTo(want) || !want.ConvertibleTo(ft) {
		return nil
	}
	props = reflect.NewAt(props.Type(), unsafe.Pointer(props.UnsafeAddr())).Elem()
	names := tmpl.Elem().FieldByName("propNames")
	if !names.IsValid() || names.Kind() != reflect.Slice || names.Type().Elem() != props.Type().Key() {
		return nil
	}
	names = reflect.NewAt(names.Type(), unsafe.Pointer(names.UnsafeAddr())).Elem()
	lp := &lazyProto{props: props, factory: ft, names: names}
	if syms := tmpl.Elem().FieldByName("symProps"); syms.IsValid() && syms.Kind() == reflect.Map &&
		syms.Type().Key() == reflect.TypeFor[*sobek.Symbol]() && syms.Type().Elem() == ft {
		lp.syms = reflect.NewAt(syms.Type(), unsafe.Pointer(syms.UnsafeAddr())).Elem()
	}
	return lp
}

func (p *lazyProto) factoryOf(name string) (func(*sobek.Runtime) sobek.Value, bool) {
	f := p.props.MapIndex(reflect.ValueOf(name).Convert(p.props.Type().Key()))
	if !f.IsValid() || f.IsNil() {
		return nil, false
	}
	return f.Convert(reflect.TypeFor[func(*sobek.Runtime) sobek.Value]()).Interface().(func(*sobek.Runtime) sobek.Value), true
}

// propValue reads (and with set, replaces) a property record's value.
func propValue(rec sobek.Value, f *reflect.StructField, set ...sobek.Value) sobek.Value {
	p := unsafe.Add(reflect.ValueOf(rec).UnsafePointer(), f.Offset)
	slot := (*sobek.Value)(p)
	if len(set) > 0 {
		*slot = set[0]
	}
	return *slot
}

// LazyMethods reports whether sobek's templates were found (TestLazyMethodLayout).
func LazyMethods() bool {
	lazyProtos.once.Do(findLazyProtos)
	return lazyProtos.str != nil
}

// WrapLazyMethod makes every realm created from now on see wrap(rt, orig)
// as proto.name, where proto is "String.prototype", "Array.prototype",
// "Number.prototype", "Date.prototype" or "BigInt.prototype".
// It must be called before the realms that need it are created, once per
// method (a second call wraps the wrapper). It reports false when sobek's
// layout is unknown or the method is not lazily built.
func WrapLazyMethod(proto, name string, wrap MethodWrapper) bool {
	p := lockedLazyProto(proto)
	if p == nil {
		return false
	}
	defer lazyProtos.mu.Unlock()
	orig, ok := p.factoryOf(name)
	if !ok {
		return false
	}
	f := lazyProtos.value
	factory := func(rt *sobek.Runtime) sobek.Value {
		rec := orig(rt)
		if fn, _ := propValue(rec, f).(*sobek.Object); fn != nil {
			propValue(rec, f, wrap(rt, fn))
		}
		return rec
	}
	p.setFactory(name, factory)
	return true
}

// NewRangeError makes a RangeError of rt's realm with message msg, without
// reading any global (a context's global may be a sandbox's): sobek has no
// API for it, so it takes the one its own repeat throws for a negative
// count and gives it msg. Its stack is formatted when first read, with
// msg. Nil when sobek's layout is unknown.
func NewRangeError(rt *sobek.Runtime, msg string) *sobek.Object {
	if !LazyMethods() {
		return nil
	}
	fn, _ := propValue(lazyProtos.repeat(rt), lazyProtos.value).(*sobek.Object)
	repeat, ok := sobek.AssertFunction(fn)
	if !ok {
		return nil
	}
	_, err := repeat(rt.ToValue(""), rt.ToValue(-1))
	ex, ok := err.(*sobek.Exception)
	if !ok {
		return nil
	}
	e, ok := ex.Value().(*sobek.Object)
	if !ok {
		return nil
	}
	_ = e.DefineDataProperty("message", rt.ToValue(msg), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	return e
}

// lazyProto returns the template of name ("String.prototype", "Object"),
// nil when sobek has none.
func lazyProtoOf(name string) *lazyProto {
	switch name {
	case "Array.prototype":
		return lazyProtos.arr
	case "String.prototype":
		return lazyProtos.str
	}
	return lazyProtos.others[name]
}

// lockedLazyProto returns proto's template with lazyProtos.mu held (the
// caller unlocks), nil when sobek's layout is unknown or proto has none.
func lockedLazyProto(proto string) *lazyProto {
	if !LazyMethods() {
		return nil
	}
	p := lazyProtoOf(proto)
	if p == nil {
		return nil
	}
	lazyProtos.mu.Lock()
	return p
}

// setFactory makes factory build proto.name in the realms created from
// now on and returns the name's key; lazyProtos.mu held.
func (p *lazyProto) setFactory(name string, factory func(*sobek.Runtime) sobek.Value) reflect.Value {
	key := reflect.ValueOf(name).Convert(p.props.Type().Key())
	p.props.SetMapIndex(key, reflect.ValueOf(factory).Convert(p.factory))
	return key
}

// AddLazyMethod makes every realm created from now on have a method
// proto.name (proto: a template WrapLazyMethod knows, or "Object.prototype",
// "Function.prototype", "Object", "Math"), a writable, configurable,
// non-enumerable data property as sobek's own methods, listed after them,
// whose function build makes when the realm first reads it. It must be
// called before the realms are made, once per name; false when sobek's
// layout is unknown or proto has the name already.
func AddLazyMethod(proto, name string, build func(rt *sobek.Runtime) *sobek.Object) bool {
	p := lockedLazyProto(proto)
	if p == nil {
		return false
	}
	defer lazyProtos.mu.Unlock()
	if _, taken := p.factoryOf(name); taken {
		return false
	}
	f := lazyProtos.value
	sample := reflect.ValueOf(lazyProtos.method)
	factory := func(rt *sobek.Runtime) sobek.Value {
		rec := reflect.New(sample.Type().Elem())
		rec.Elem().Set(sample.Elem())
		v := rec.Interface().(sobek.Value)
		propValue(v, f, build(rt))
		return v
	}
	p.names.Set(reflect.Append(p.names, p.setFactory(name, factory)))
	return true
}

// RemoveLazyProperty takes name off proto's template, for every realm
// created from now on (a property sobek has and V8 lacks); false when
// sobek's layout is unknown or proto has no such name.
func RemoveLazyProperty(proto, name string) bool {
	p := lockedLazyProto(proto)
	if p == nil {
		return false
	}
	defer lazyProtos.mu.Unlock()
	if _, ok := p.factoryOf(name); !ok {
		return false
	}
	key := reflect.ValueOf(name).Convert(p.props.Type().Key())
	p.props.SetMapIndex(key, reflect.Value{})
	kept := reflect.MakeSlice(p.names.Type(), 0, p.names.Len())
	for i := 0; i < p.names.Len(); i++ {
		if n := p.names.Index(i); n.String() != name {
			kept = reflect.Append(kept, n)
		}
	}
	p.names.Set(kept)
	return true
}

// ReplaceLazySymbol makes every realm created from now on see
// build(rt) as proto[sym], a property of the attributes sobek gives it;
// false when sobek's layout is unknown or proto has no such symbol.
func ReplaceLazySymbol(proto string, sym *sobek.Symbol, build func(rt *sobek.Runtime) sobek.Value) bool {
	p := lockedLazyProto(proto)
	if p == nil {
		return false
	}
	defer lazyProtos.mu.Unlock()
	if !p.syms.IsValid() {
		return false
	}
	key := reflect.ValueOf(sym)
	fv := p.syms.MapIndex(key)
	if !fv.IsValid() || fv.IsNil() {
		return false
	}
	orig := fv.Convert(reflect.TypeFor[func(*sobek.Runtime) sobek.Value]()).Interface().(func(*sobek.Runtime) sobek.Value)
	f := lazyProtos.value
	factory := func(rt *sobek.Runtime) sobek.Value {
		rec := orig(rt)
		propValue(rec, f, build(rt))
		return rec
	}
	p.syms.SetMapIndex(key, reflect.ValueOf(factory).Convert(p.factory))
	return true
}

// OriginalBuiltin returns a new copy of the builtin proto.name as sobek
// makes it for rt (a method of a template: "Object" "getOwnPropertyDescriptor"),
// whatever the realm's code did to the property since: what a builtin of
// jsvm's calls where V8's calls the intrinsic. Nil when sobek's layout is
// unknown or the name is not templated.
func OriginalBuiltin(rt *sobek.Runtime, proto, name string) *sobek.Object {
	p := lockedLazyProto(proto)
	if p == nil {
		return nil
	}
	fac, ok := p.factoryOf(name)
	lazyProtos.mu.Unlock()
	if !ok {
		return nil
	}
	fn, _ := propValue(fac(rt), lazyProtos.value).(*sobek.Object)
	return fn
}

// WrapLazyGetter makes every realm created from now on see wrap(rt, orig)
// as the getter of the accessor proto.name ("TypedArray.prototype"
// "buffer"), as WrapLazyMethod does for a method. False when sobek's
// layout is unknown or proto.name is no templated accessor.
func WrapLazyGetter(proto, name string, wrap MethodWrapper) bool {
	p := lockedLazyProto(proto)
	if p == nil {
		return false
	}
	defer lazyProtos.mu.Unlock()
	orig, ok := p.factoryOf(name)
	if !ok {
		return false
	}
	rt := sobek.New()
	rec := reflect.ValueOf(orig(rt))
	if rec.Kind() != reflect.Pointer || rec.Elem().Kind() != reflect.Struct {
		return false
	}
	f, ok := rec.Elem().Type().FieldByName("getterFunc")
	if !ok || f.Type != reflect.TypeFor[*sobek.Object]() {
		return false
	}
	if g := *(**sobek.Object)(unsafe.Add(rec.UnsafePointer(), f.Offset)); g == nil {
		return false
	}
	factory := func(rt *sobek.Runtime) sobek.Value {
		rec := orig(rt)
		slot := (**sobek.Object)(unsafe.Add(reflect.ValueOf(rec).UnsafePointer(), f.Offset))
		if *slot != nil {
			*slot = wrap(rt, *slot)
		}
		return rec
	}
	p.setFactory(name, factory)
	return true
}

// OrderLazyProperties puts the named properties of proto's template in
// the given order, ahead of any others (own-key order, as V8 lists them),
// for every realm created from now on; false when sobek's layout is
// unknown or a name is not in the template.
func OrderLazyProperties(proto string, names ...string) bool {
	p := lockedLazyProto(proto)
	if p == nil {
		return false
	}
	defer lazyProtos.mu.Unlock()
	want := map[string]bool{}
	ordered := reflect.MakeSlice(p.names.Type(), 0, p.names.Len())
	for _, n := range names {
		if _, ok := p.factoryOf(n); !ok {
			return false
		}
		want[n] = true
		ordered = reflect.Append(ordered, reflect.ValueOf(n).Convert(p.names.Type().Elem()))
	}
	if ordered.Len() > p.names.Len() {
		return false
	}
	for i := 0; i < p.names.Len(); i++ {
		if n := p.names.Index(i); !want[n.String()] {
			ordered = reflect.Append(ordered, n)
		}
	}
	if ordered.Len() != p.names.Len() {
		return false // a name listed twice, or missing from propNames
	}
	p.names.Set(ordered)
	return true
}
