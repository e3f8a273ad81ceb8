package core

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"
	"weak"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// Go values in JavaScript. The Go API converts Go values itself instead of
// using sobek's reflection mapping, because that mapping lets a Go panic in
// a callback escape past JavaScript's try/catch, panics in reflect on
// writes past a slice's end or into a nil map, silently coerces arguments
// ('2' + 3 = 5) and hands engine types back to Go. Here:
//
//   - a Go func becomes a JS function whose arguments are converted
//     strictly (GoMapping.Loose opts out) and whose panics become JS Errors
//     thrown in the calling context;
//   - a struct pointer, map, slice or array pointer becomes a live view
//     (writes reach the Go value); a struct or array by value is copied;
//   - values come back to Go as plain Go values (map[string]any, []any,
//     int64/float64, time.Time, []byte, ...), never engine types.

// GoMapping configures the conversions between Go and JavaScript values of
// an isolate. The zero value keeps Go's names and converts strictly.
type GoMapping struct {
	// FieldName names a struct field in JavaScript; "" hides it. nil keeps
	// the Go name.
	FieldName func(reflect.StructField) string
	// MethodName names a method; "" hides it. nil keeps the Go name.
	MethodName func(reflect.Method) string
	// Loose converts function arguments as JavaScript would coerce them
	// (ToNumber, ToString, ...) and fills missing ones with zero values.
	Loose bool
	// Bridge converts the layer above's own types.
	Bridge Bridge
}

// Bridge converts the types of the layer above (the root package's Value,
// Error, Promise) that the core does not know.
type Bridge interface {
	// ToJS converts x into a value of c, reporting whether x is one of
	// the bridge's types.
	ToJS(x any, c *Context) (sobek.Value, bool)
	// FromJS converts v into a Go value of type typ, reporting whether
	// the bridge handles the conversion. With typ any it is asked about
	// functions, promises and errors only.
	FromJS(v sobek.Value, c *Context, typ reflect.Type) (reflect.Value, bool, error)
}

// GoPanic is a panic of a Go callback, recovered where JavaScript called
// it.
type GoPanic struct {
	Value any
	Stack string // the goroutine's stack at the panic
}

func (p *GoPanic) Error() string { return fmt.Sprintf("Go panic: %v", p.Value) }

// goWrapper is what every JS view of a Go value implements: Export of the
// view gives it back, so the original Go value returns to Go.
type goWrapper interface{ goValue() reflect.Value }

func (c *Context) mapping() *GoMapping {
	if c.iso.Go == nil {
		c.iso.Go = &GoMapping{}
	}
	return c.iso.Go
}

// ToJS converts a Go value into a value of c. It runs no JavaScript; an
// unconvertible value (invalid json.RawMessage) is an error.
func (c *Context) ToJS(x any) (v sobek.Value, err error) {
	err = c.Guard(func() { v = c.goToJS(x) })
	return v, err
}

// goToJS converts x, panicking with a JS error on failure (for use inside
// native code).
func (c *Context) goToJS(x any) sobek.Value {
	switch v := x.(type) {
	case nil:
		return sobek.Null()
	case sobek.Value:
		return v
	case bool, string, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64, *big.Int:
		return c.rt.ToValue(v)
	case time.Time:
		d, err := c.rt.New(c.builtins.Get("Date"), c.rt.ToValue(float64(v.UnixNano())/1e6))
		if err != nil {
			panic(err)
		}
		return d
	case json.RawMessage:
		parse, _ := sobek.AssertFunction(c.builtins.Get("JSON").(*sobek.Object).Get("parse"))
		r, err := parse(sobek.Undefined(), c.rt.ToValue(string(v)))
		if err != nil {
			panic(err)
		}
		return r
	case []byte:
		return c.uint8Array(v)
	}
	if b := c.mapping().Bridge; b != nil {
		if v, ok := b.ToJS(x, c); ok {
			return v
		}
	}
	if e, ok := x.(error); ok {
		return c.goErrorValue(e)
	}
	return c.reflectToJS(reflect.ValueOf(x))
}

func (c *Context) uint8Array(b []byte) sobek.Value {
	ab := c.rt.NewArrayBuffer(b)
	u, err := c.rt.New(c.builtins.Get("Uint8Array"), c.rt.ToValue(ab))
	if err != nil {
		panic(err)
	}
	return u
}

// NewError makes an error of c's intrinsic constructor name ("Error",
// "TypeError", ...) with message.
func (c *Context) NewError(name, message string) *sobek.Object {
	ctor := c.builtins.Get(name)
	if ctor == nil {
		ctor = c.builtins.Get("Error")
	}
	o, err := c.rt.New(ctor, c.rt.ToValue(message))
	if err != nil {
		return c.rt.NewTypeError(message)
	}
	return o
}

type goKey struct {
	ptr uintptr
	typ reflect.Type
	n   int
}

// cached returns the view of a Go value with identity k, making it once:
// the same Go pointer is the same JS object while the view lives, so
// cyclic Go data is a cyclic JS graph (JSON.stringify reports the cycle)
// and === holds. Views are held weakly: a view keeps its Go value alive,
// so a live entry never stands for a freed (reused) address.
func (c *Context) cached(k goKey, make func() *sobek.Object) *sobek.Object {
	if c.goViews == nil {
		c.goViews = map[goKey]weak.Pointer[sobek.Object]{}
	}
	if o := c.goViews[k].Value(); o != nil {
		return o
	}
	o := make()
	if len(c.goViews) >= c.goViewsSweep {
		for key, p := range c.goViews {
			if p.Value() == nil {
				delete(c.goViews, key)
			}
		}
		c.goViewsSweep = max(64, 2*len(c.goViews))
	}
	c.goViews[k] = weak.Make(o)
	return o
}

func (c *Context) reflectToJS(rv reflect.Value) sobek.Value {
	for rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return sobek.Null()
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return sobek.Null()
	}
	if rv.CanInterface() {
		switch x := rv.Interface().(type) {
		case time.Time, json.RawMessage, []byte, *big.Int, error:
			return c.goToJS(x)
		}
		if b := c.mapping().Bridge; b != nil {
			if v, ok := b.ToJS(rv.Interface(), c); ok {
				return v
			}
		}
	}
	switch rv.Kind() {
	case reflect.Bool:
		return c.rt.ToValue(rv.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return c.rt.ToValue(rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return c.rt.ToValue(rv.Uint())
	case reflect.Float32, reflect.Float64:
		return c.rt.ToValue(rv.Float())
	case reflect.String:
		return c.rt.ToValue(rv.String())
	case reflect.Func:
		if rv.IsNil() {
			return sobek.Null()
		}
		// not cached: closures of one literal share their code pointer
		return c.wrapFunc(rv, "")
	case reflect.Pointer:
		if rv.IsNil() {
			return sobek.Null()
		}
		e := rv.Elem()
		switch e.Kind() {
		case reflect.Struct:
			if e.Type() == reflect.TypeOf(time.Time{}) {
				return c.goToJS(e.Interface())
			}
			return c.cached(goKey{rv.Pointer(), rv.Type(), 0}, func() *sobek.Object { return c.rt.NewDynamicObject(c.newGoStruct(e)) })
		case reflect.Slice:
			return c.cached(goKey{rv.Pointer(), rv.Type(), 0}, func() *sobek.Object {
				return c.rt.NewDynamicArray(&goSlice{c: c, v: e, grow: true})
			})
		case reflect.Array:
			return c.cached(goKey{rv.Pointer(), rv.Type(), 0}, func() *sobek.Object { return c.rt.NewDynamicArray(&goSlice{c: c, v: e}) })
		case reflect.Map:
			return c.reflectToJS(e)
		case reflect.Pointer, reflect.Interface:
			return c.reflectToJS(e)
		}
		// pointer to a number, string...: the value it points at
		return c.reflectToJS(e)
	case reflect.Struct:
		cp := reflect.New(rv.Type()).Elem()
		cp.Set(rv)
		return c.rt.NewDynamicObject(c.newGoStruct(cp))
	case reflect.Array:
		cp := reflect.New(rv.Type()).Elem()
		cp.Set(rv)
		return c.rt.NewDynamicArray(&goSlice{c: c, v: cp})
	case reflect.Slice:
		if rv.IsNil() {
			return sobek.Null()
		}
		return c.cached(goKey{rv.Pointer(), rv.Type(), rv.Len()}, func() *sobek.Object { return c.rt.NewDynamicArray(&goSlice{c: c, v: rv}) })
	case reflect.Map:
		if rv.IsNil() {
			return sobek.Null()
		}
		return c.cached(goKey{rv.Pointer(), rv.Type(), 0}, func() *sobek.Object { return c.rt.NewDynamicObject(&goMap{c: c, v: rv}) })
	}
	// channels, complex numbers, unsafe pointers: an opaque object that
	// gives the value back to Go
	return c.rt.NewDynamicObject(&goOpaque{v: rv})
}

// throwf throws a TypeError of c (from inside native code).
func (c *Context) throwf(format string, args ...any) {
	panic(c.NewError("TypeError", fmt.Sprintf(format, args...)))
}

// --- functions

// wrapFunc makes a JS function of a Go func: arguments converted (strictly
// unless Loose), results returned (a non-nil last error result is thrown as
// an Error), and a panic thrown as an Error naming it.
func (c *Context) wrapFunc(fn reflect.Value, name string) *sobek.Object {
	typ := fn.Type()
	if name == "" {
		name = funcName(fn)
	}
	call := func(fc sobek.FunctionCall) sobek.Value {
		loose := c.mapping().Loose
		nin := typ.NumIn()
		fixed := nin
		if typ.IsVariadic() {
			fixed--
		}
		if len(fc.Arguments) < fixed && !loose {
			c.throwf("%s: expected %d argument%s, got %d", name, fixed, plural(fixed), len(fc.Arguments))
		}
		in := make([]reflect.Value, 0, max(nin, len(fc.Arguments)))
		for i := range fixed {
			var a sobek.Value = sobek.Undefined()
			if i < len(fc.Arguments) {
				a = fc.Arguments[i]
			}
			v, err := c.fromJS(a, typ.In(i), loose, nil, 0)
			if err != nil {
				c.throwf("%s: argument %d: %v", name, i+1, err)
			}
			in = append(in, v)
		}
		if typ.IsVariadic() {
			et := typ.In(fixed).Elem()
			for i := fixed; i < len(fc.Arguments); i++ {
				v, err := c.fromJS(fc.Arguments[i], et, loose, nil, 0)
				if err != nil {
					c.throwf("%s: argument %d: %v", name, i+1, err)
				}
				in = append(in, v)
			}
		}
		out := c.callGo(fn, in)
		if n := len(out); n > 0 && typ.Out(n-1) == errorType {
			if e := out[n-1]; !e.IsNil() {
				panic(c.goErrorValue(e.Interface().(error)))
			}
			out = out[:n-1]
		}
		switch len(out) {
		case 0:
			return sobek.Undefined()
		case 1:
			return c.reflectToJS(out[0])
		}
		items := make([]any, len(out))
		for i, o := range out {
			items[i] = c.reflectToJS(o)
		}
		return c.rt.NewArray(items...)
	}
	f := c.rt.ToValue(call).(*sobek.Object)
	_ = f.DefineDataProperty("name", c.rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	return f
}

// ToJSNamed is ToJS for a value stored under key: a Go func is named key
// in JavaScript (its name property, and in its argument errors).
func (c *Context) ToJSNamed(x any, key string) (v sobek.Value, err error) {
	if rv := reflect.ValueOf(x); rv.Kind() == reflect.Func && !rv.IsNil() {
		err = c.Guard(func() { v = c.wrapFunc(rv, key) })
		return v, err
	}
	return c.ToJS(x)
}

// goErrorValue is the JS value a Go error is thrown as: the bridge's own
// errors (a JS value thrown through Go) as they were, others as an Error
// with the error's text.
func (c *Context) goErrorValue(err error) sobek.Value {
	if b := c.mapping().Bridge; b != nil {
		if v, ok := b.ToJS(err, c); ok {
			return v
		}
	}
	var ex *sobek.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	if isUncatchable(err) {
		panic(err)
	}
	return c.NewError("Error", err.Error())
}

// callGo calls a Go function from JavaScript; a panic becomes a JS Error
// thrown into c, an uncatchable engine error passes as it is.
func (c *Context) callGo(fn reflect.Value, in []reflect.Value) (out []reflect.Value) {
	defer func() {
		if p := recover(); p != nil {
			panic(c.panicValue(p))
		}
	}()
	return fn.Call(in)
}

// panicValue is what a recovered panic p of Go code called from c is
// rethrown as: JS throws and uncatchable engine errors as they are, a Go
// panic as an Error of c whose message names it.
func (c *Context) panicValue(p any) any {
	switch x := p.(type) {
	case sobek.Value, *sobek.Exception:
		return p
	case error:
		if isUncatchable(x) {
			return p
		}
	}
	gp := &GoPanic{Value: p, Stack: string(debug.Stack())}
	e := c.NewError("Error", gp.Error())
	c.iso.notePanic(e, gp)
	return e
}

// CallGo runs fn, Go code called from JavaScript running in c (a linker,
// a module's evaluate step, an import.meta or import() hook): a Go panic
// becomes a JS Error thrown into c, as for a Go function called from JS.
func (c *Context) CallGo(fn func()) {
	defer func() {
		if p := recover(); p != nil {
			panic(c.panicValue(p))
		}
	}()
	fn()
}

// PanicOf returns the Go panic a JS Error was made for, or nil.
func (iso *Isolate) PanicOf(v sobek.Value) *GoPanic {
	o, ok := v.(*sobek.Object)
	if !ok {
		return nil
	}
	iso.tabMu.Lock()
	defer iso.tabMu.Unlock()
	return iso.panics[o]
}

func (iso *Isolate) notePanic(e *sobek.Object, p *GoPanic) {
	iso.tabMu.Lock()
	defer iso.tabMu.Unlock()
	if iso.panics == nil || len(iso.panics) > 64 {
		iso.panics = map[*sobek.Object]*GoPanic{} // only the recent ones matter
	}
	iso.panics[e] = p
}

func isUncatchable(err error) bool {
	var ie *sobek.InterruptedError
	var so *sobek.StackOverflowError
	return engine.As(err, &ie) || engine.As(err, &so)
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// funcName names a Go func that has no JavaScript name: by its Go name,
// or "Go function" for a closure.
func funcName(fn reflect.Value) string {
	f := runtime.FuncForPC(fn.Pointer())
	if f == nil {
		return "Go function"
	}
	n := f.Name()
	if i := strings.LastIndexByte(n, '/'); i >= 0 {
		n = n[i+1:]
	}
	if last := n[strings.LastIndexByte(n, '.')+1:]; strings.HasPrefix(last, "func") || last == "" {
		return "Go function"
	}
	return n
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// --- structs

type goStruct struct {
	c       *Context
	v       reflect.Value // addressable struct
	fields  map[string][]int
	names   []string
	methods map[string]reflect.Value
	bound   map[string]*sobek.Object // methods made functions, by name
	extra   map[string]sobek.Value
	order   []string // extra keys in insertion order
}

func (c *Context) newGoStruct(v reflect.Value) *goStruct {
	m := c.mapping()
	s := &goStruct{c: c, v: v, fields: map[string][]int{}, methods: map[string]reflect.Value{}}
	for _, f := range reflect.VisibleFields(v.Type()) {
		if !f.IsExported() || f.Anonymous && f.Type.Kind() == reflect.Struct {
			continue
		}
		name := f.Name
		if m.FieldName != nil {
			name = m.FieldName(f)
		}
		if name == "" {
			continue
		}
		if _, dup := s.fields[name]; !dup {
			s.names = append(s.names, name)
		}
		s.fields[name] = f.Index
	}
	pv := v.Addr()
	for i := range pv.NumMethod() {
		meth := pv.Type().Method(i)
		name := meth.Name
		if m.MethodName != nil {
			name = m.MethodName(meth)
		}
		if name == "" {
			continue
		}
		if _, isField := s.fields[name]; !isField {
			s.methods[name] = pv.Method(i)
		}
	}
	return s
}

func (s *goStruct) goValue() reflect.Value { return s.v.Addr() }

func (s *goStruct) field(key string) (reflect.Value, bool) {
	idx, ok := s.fields[key]
	if !ok {
		return reflect.Value{}, false
	}
	f, err := s.v.FieldByIndexErr(idx)
	if err != nil { // through a nil embedded pointer
		return reflect.Value{}, true
	}
	return f, true
}

func (s *goStruct) Get(key string) sobek.Value {
	if f, ok := s.field(key); ok {
		if !f.IsValid() {
			return sobek.Undefined()
		}
		return s.c.reflectToJS(f)
	}
	if m, ok := s.methods[key]; ok {
		if f := s.bound[key]; f != nil {
			return f
		}
		if s.bound == nil {
			s.bound = map[string]*sobek.Object{}
		}
		f := s.c.wrapFunc(m, key)
		s.bound[key] = f
		return f
	}
	return s.extra[key]
}

func (s *goStruct) Set(key string, val sobek.Value) bool {
	if f, ok := s.field(key); ok {
		if !f.IsValid() || !f.CanSet() {
			s.c.throwf("Cannot assign to Go field %s of %s", key, s.v.Type())
		}
		g, err := s.c.fromJS(val, f.Type(), s.c.mapping().Loose, nil, 0)
		if err != nil {
			s.c.throwf("Cannot assign to Go field %s of %s: %v", key, s.v.Type(), err)
		}
		f.Set(g)
		return true
	}
	if _, ok := s.methods[key]; ok {
		s.c.throwf("Cannot assign to Go method %s of %s", key, s.v.Type())
	}
	if s.extra == nil {
		s.extra = map[string]sobek.Value{}
	}
	if _, ok := s.extra[key]; !ok {
		s.order = append(s.order, key)
	}
	s.extra[key] = val
	return true
}

func (s *goStruct) Has(key string) bool {
	_, f := s.fields[key]
	_, m := s.methods[key]
	_, e := s.extra[key]
	return f || m || e
}

func (s *goStruct) Delete(key string) bool {
	if _, ok := s.extra[key]; ok {
		delete(s.extra, key)
		for i, k := range s.order {
			if k == key {
				s.order = append(s.order[:i], s.order[i+1:]...)
				break
			}
		}
		return true
	}
	return !s.Has(key)
}

func (s *goStruct) Keys() []string {
	return append(append([]string(nil), s.names...), s.order...)
}

// --- maps

type goMap struct {
	c *Context
	v reflect.Value
}

func (m *goMap) goValue() reflect.Value { return m.v }

// key converts a property name to the map's key type.
func (m *goMap) key(k string) (reflect.Value, bool) {
	kt := m.v.Type().Key()
	kv := reflect.New(kt).Elem()
	switch kt.Kind() {
	case reflect.String:
		kv.SetString(k)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(k, 10, kt.Bits())
		if err != nil {
			return kv, false
		}
		kv.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, err := strconv.ParseUint(k, 10, kt.Bits())
		if err != nil {
			return kv, false
		}
		kv.SetUint(n)
	case reflect.Float32, reflect.Float64:
		n, err := strconv.ParseFloat(k, kt.Bits())
		if err != nil {
			return kv, false
		}
		kv.SetFloat(n)
	case reflect.Bool:
		b, err := strconv.ParseBool(k)
		if err != nil {
			return kv, false
		}
		kv.SetBool(b)
	default:
		// other key types (structs, pointers...) are found by their
		// printed form, read-only
		for _, mk := range m.v.MapKeys() {
			if fmt.Sprint(mk.Interface()) == k {
				return mk, true
			}
		}
		return kv, false
	}
	return kv, true
}

func (m *goMap) Get(key string) sobek.Value {
	k, ok := m.key(key)
	if !ok {
		return nil
	}
	v := m.v.MapIndex(k)
	if !v.IsValid() {
		return nil
	}
	if e := v; e.Kind() == reflect.Interface && !e.IsNil() && e.Elem().Kind() == reflect.Func && !e.Elem().IsNil() {
		return m.c.wrapFunc(e.Elem(), key)
	} else if e.Kind() == reflect.Func && !e.IsNil() {
		return m.c.wrapFunc(e, key)
	}
	return m.c.reflectToJS(v)
}

func (m *goMap) Set(key string, val sobek.Value) bool {
	k, ok := m.key(key)
	if !ok {
		m.c.throwf("Cannot add property %s to a Go %s", key, m.v.Type())
	}
	g, err := m.c.fromJS(val, m.v.Type().Elem(), m.c.mapping().Loose, nil, 0)
	if err != nil {
		m.c.throwf("Cannot assign to property %s of a Go %s: %v", key, m.v.Type(), err)
	}
	m.v.SetMapIndex(k, g)
	return true
}

func (m *goMap) Has(key string) bool {
	k, ok := m.key(key)
	return ok && m.v.MapIndex(k).IsValid()
}

func (m *goMap) Delete(key string) bool {
	if k, ok := m.key(key); ok {
		m.v.SetMapIndex(k, reflect.Value{})
	}
	return true
}

func (m *goMap) Keys() []string {
	keys := make([]string, 0, m.v.Len())
	for _, k := range m.v.MapKeys() {
		if k.Kind() == reflect.String {
			keys = append(keys, k.String())
		} else {
			keys = append(keys, fmt.Sprint(k.Interface()))
		}
	}
	sort.Strings(keys) // Go maps have no order; JS objects do
	return keys
}

// --- slices and arrays

type goSlice struct {
	c    *Context
	v    reflect.Value // slice, addressable slice (grow) or addressable array
	grow bool          // behind a pointer: writes past the end append
}

func (s *goSlice) goValue() reflect.Value {
	if s.grow || s.v.Kind() == reflect.Array {
		return s.v.Addr()
	}
	return s.v
}

func (s *goSlice) Len() int { return s.v.Len() }

func (s *goSlice) Get(i int) sobek.Value {
	if i < 0 || i >= s.v.Len() {
		return nil
	}
	return s.c.reflectToJS(s.v.Index(i))
}

func (s *goSlice) Set(i int, val sobek.Value) bool {
	if i < 0 {
		s.c.throwf("Cannot set index %d of a Go %s", i, s.v.Type())
	}
	g, err := s.c.fromJS(val, s.v.Type().Elem(), s.c.mapping().Loose, nil, 0)
	if err != nil {
		s.c.throwf("Cannot assign to index %d of a Go %s: %v", i, s.v.Type(), err)
	}
	if i >= s.v.Len() && !s.SetLen(i+1) {
		return false
	}
	s.v.Index(i).Set(g)
	return true
}

// maxGoGrow bounds how far a write may grow a Go slice at once.
const maxGoGrow = 1 << 24

func (s *goSlice) SetLen(n int) bool {
	if n == s.v.Len() {
		return true
	}
	if !s.grow {
		s.c.throwf("Cannot change the length of a Go %s from %d to %d (pass a pointer to a slice to let it grow)", s.v.Type(), s.v.Len(), n)
	}
	if n < 0 || n > s.v.Len()+maxGoGrow {
		panic(s.c.NewError("RangeError", "Invalid array length"))
	}
	if n < s.v.Len() {
		s.v.Set(s.v.Slice(0, n))
		return true
	}
	s.v.Set(reflect.AppendSlice(s.v, reflect.MakeSlice(s.v.Type(), n-s.v.Len(), n-s.v.Len())))
	return true
}

// --- opaque values

type goOpaque struct{ v reflect.Value }

func (o *goOpaque) goValue() reflect.Value       { return o.v }
func (o *goOpaque) Get(string) sobek.Value       { return nil }
func (o *goOpaque) Set(string, sobek.Value) bool { return false }
func (o *goOpaque) Has(string) bool              { return false }
func (o *goOpaque) Delete(string) bool           { return true }
func (o *goOpaque) Keys() []string               { return nil }

// --- JavaScript to Go

// maxExportDepth bounds the nesting Export follows.
const maxExportDepth = 10000

// FromJS converts v, a value of c, into a Go value of type typ (nil: any).
// Getters and Proxy traps it meets run; their throws are errors, so call
// it under a watchdog to bound them.
func (c *Context) FromJS(v sobek.Value, typ reflect.Type) (out reflect.Value, err error) {
	if typ == nil {
		typ = anyType
	}
	var convErr error
	if err := c.Guard(func() {
		out, convErr = c.fromJS(v, typ, c.mapping().Loose, map[*sobek.Object]reflect.Value{}, 0)
	}); err != nil {
		return out, err
	}
	return out, convErr
}

var (
	anyType     = reflect.TypeOf((*any)(nil)).Elem()
	timeType    = reflect.TypeOf(time.Time{})
	bytesType   = reflect.TypeOf([]byte(nil))
	wrapperType = reflect.TypeOf((*goWrapper)(nil)).Elem()
)

// goWrapperOf returns the Go value view o is, without exporting o (which
// would read every property of an ordinary object).
func goWrapperOf(o *sobek.Object) (goWrapper, bool) {
	t := o.ExportType()
	if t == nil || !t.Implements(wrapperType) {
		return nil, false
	}
	w, ok := o.Export().(goWrapper)
	return w, ok
}

// DataProperty returns o[key] when it is found as a data property on o or
// its prototypes without running JavaScript: no getter, no Proxy trap
// (membrane wrappers are looked through). It returns nil otherwise. The
// result is a value of c.
func (c *Context) DataProperty(o *sobek.Object, key string) (v sobek.Value) {
	return c.dataProperty(o, key, nil)
}

// dataProperty is DataProperty for a string key, or for sym when it is
// not nil (a well-known symbol: the same in every realm).
func (c *Context) dataProperty(o *sobek.Object, key string, sym *sobek.Symbol) (v sobek.Value) {
	here := c
	for range 64 {
		if o == nil {
			return nil
		}
		home := here
		if orig, h, ok := c.iso.UnwrapContext(o); ok {
			o, home = orig, h
		}
		if o.ExportType() == proxyType {
			return nil
		}
		var k sobek.Value = sym
		if sym == nil {
			k = home.rt.ToValue(key)
		}
		d, err := home.reflect().getOwnPropertyDescriptor(sobek.Undefined(), o, k)
		if err != nil {
			return nil
		}
		if do, ok := d.(*sobek.Object); ok {
			if g := do.Get("get"); g != nil && !sobek.IsUndefined(g) {
				return nil
			}
			if st := do.Get("set"); st != nil && !sobek.IsUndefined(st) {
				return nil
			}
			return Carry(do.Get("value"), home, c)
		}
		o = o.Prototype()
		here = home
	}
	return nil
}

type convError struct {
	path string
	msg  string
}

func (e *convError) Error() string {
	if e.path == "" {
		return e.msg
	}
	return e.path + ": " + e.msg
}

func nest(err error, step string) error {
	var ce *convError
	if errors.As(err, &ce) {
		if len(ce.path) > 200 { // deep data: the path's head says enough
			return ce
		}
		return &convError{path: step + ce.path, msg: ce.msg}
	}
	return err
}

func describe(v sobek.Value) string {
	switch {
	case v == nil || sobek.IsUndefined(v):
		return "undefined"
	case sobek.IsNull(v):
		return "null"
	case sobek.IsString(v):
		s := v.String()
		if len(s) > 20 {
			s = s[:20] + "..."
		}
		return "string " + strconv.Quote(s)
	case sobek.IsNumber(v):
		return "number " + v.String()
	case sobek.IsBigInt(v):
		return "bigint"
	}
	if _, ok := v.(*sobek.Symbol); ok {
		return "symbol"
	}
	if _, ok := sobek.AssertFunction(v); ok {
		return "function"
	}
	if _, ok := v.(*sobek.Object); ok {
		return "object"
	}
	return "boolean " + v.String()
}

func mismatch(want string, v sobek.Value) error {
	return &convError{msg: "must be " + want + ", got " + describe(v)}
}

func (c *Context) fromJS(v sobek.Value, typ reflect.Type, loose bool, seen map[*sobek.Object]reflect.Value, depth int) (reflect.Value, error) {
	if depth > maxExportDepth {
		return reflect.Value{}, &convError{msg: "nested too deeply"}
	}
	if v == nil {
		v = sobek.Undefined()
	}
	o, isObj := v.(*sobek.Object)
	if isObj {
		// a Go value's own view gives it back
		if w, ok := goWrapperOf(o); ok {
			g := w.goValue()
			switch {
			case g.Type().AssignableTo(typ):
				out := reflect.New(typ).Elem()
				out.Set(g)
				return out, nil
			case g.Kind() == reflect.Pointer && g.Elem().Type().AssignableTo(typ):
				return g.Elem(), nil
			}
		}
	}
	if b := c.mapping().Bridge; b != nil && (typ.Kind() != reflect.Interface || isObj) {
		if out, ok, err := b.FromJS(v, c, typ); ok {
			return out, err
		}
	}
	out := reflect.New(typ).Elem()
	switch typ.Kind() {
	case reflect.Interface:
		x, err := c.exportAny(v, loose, seen, depth)
		if err != nil {
			return out, err
		}
		if x == nil {
			return out, nil
		}
		xv := reflect.ValueOf(x)
		if !xv.Type().AssignableTo(typ) {
			return out, mismatch(typ.String(), v)
		}
		out.Set(xv)
		return out, nil
	case reflect.Bool:
		if !loose && !isBool(v) {
			return out, mismatch("a boolean", v)
		}
		out.SetBool(v.ToBoolean())
		return out, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		f, err := c.number(v, loose)
		if err != nil {
			return out, err
		}
		if loose {
			out.SetInt(v.ToInteger())
			return out, nil
		}
		if f != math.Trunc(f) || out.OverflowInt(int64(f)) || math.IsInf(f, 0) || f < -(1<<63) || f >= 1<<63 {
			return out, &convError{msg: fmt.Sprintf("must be an integer that fits %s, got %s", typ, describe(v))}
		}
		out.SetInt(int64(f))
		return out, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		f, err := c.number(v, loose)
		if err != nil {
			return out, err
		}
		if loose {
			out.SetUint(uint64(v.ToInteger()))
			return out, nil
		}
		if f != math.Trunc(f) || f < 0 || f >= 1<<64 || out.OverflowUint(uint64(f)) {
			return out, &convError{msg: fmt.Sprintf("must be an integer that fits %s, got %s", typ, describe(v))}
		}
		out.SetUint(uint64(f))
		return out, nil
	case reflect.Float32, reflect.Float64:
		f, err := c.number(v, loose)
		if err != nil {
			return out, err
		}
		out.SetFloat(f)
		return out, nil
	case reflect.String:
		if !loose && !sobek.IsString(v) {
			return out, mismatch("a string", v)
		}
		out.SetString(v.String())
		return out, nil
	case reflect.Pointer:
		if sobek.IsUndefined(v) || sobek.IsNull(v) {
			return out, nil
		}
		if isObj {
			if p, ok := seen[o]; ok && p.Type() == typ {
				return p, nil
			}
		}
		p := reflect.New(typ.Elem())
		if isObj && seen != nil {
			seen[o] = p
		}
		e, err := c.fromJS(v, typ.Elem(), loose, seen, depth+1)
		if err != nil {
			return out, err
		}
		p.Elem().Set(e)
		return p, nil
	case reflect.Struct:
		if typ == reflect.TypeOf(time.Time{}) {
			if t, ok := c.date(v); ok {
				out.Set(reflect.ValueOf(t))
				return out, nil
			}
			return out, mismatch("a Date", v)
		}
		if !isObj {
			return out, mismatch("an object", v)
		}
		return out, c.objectToStruct(o, out, loose, seen, depth)
	case reflect.Map:
		if !isObj {
			if loose && (sobek.IsUndefined(v) || sobek.IsNull(v)) {
				return out, nil
			}
			return out, mismatch("an object", v)
		}
		m := reflect.MakeMap(typ)
		for _, k := range o.Keys() {
			mk, ok := (&goMap{v: m}).key(k)
			if !ok {
				return out, &convError{msg: fmt.Sprintf("key %q does not fit %s", k, typ.Key())}
			}
			ev, err := c.fromJS(o.Get(k), typ.Elem(), loose, seen, depth+1)
			if err != nil {
				return out, nest(err, "."+k)
			}
			m.SetMapIndex(mk, ev)
		}
		return m, nil
	case reflect.Slice, reflect.Array:
		if typ.Elem().Kind() == reflect.Uint8 && isObj {
			if b, ok := bytesOf(o); ok {
				if typ.Kind() == reflect.Slice {
					out.Set(reflect.ValueOf(append([]byte(nil), b...)).Convert(typ))
				} else {
					reflect.Copy(out, reflect.ValueOf(b))
				}
				return out, nil
			}
		}
		if !isObj {
			if loose && (sobek.IsUndefined(v) || sobek.IsNull(v)) {
				return out, nil
			}
			return out, mismatch("an array", v)
		}
		n := int(o.Get("length").ToInteger())
		if n < 0 {
			n = 0
		}
		if typ.Kind() == reflect.Slice {
			if n > 1<<27 {
				return out, &convError{msg: "array too long to export"}
			}
			out = reflect.MakeSlice(typ, n, n)
		} else if n > typ.Len() {
			return out, &convError{msg: fmt.Sprintf("array of length %d does not fit %s", n, typ)}
		}
		for i := range n {
			ev, err := c.fromJS(o.Get(strconv.Itoa(i)), typ.Elem(), loose, seen, depth+1)
			if err != nil {
				return out, nest(err, "["+strconv.Itoa(i)+"]")
			}
			out.Index(i).Set(ev)
		}
		return out, nil
	case reflect.Func:
		return out, mismatch("a function", v) // the bridge makes Go funcs of JS functions
	}
	return out, &convError{msg: "cannot convert " + describe(v) + " to " + typ.String()}
}

func isBool(v sobek.Value) bool {
	if isObject(v) {
		return false
	}
	_, ok := v.Export().(bool)
	return ok
}

func isObject(v sobek.Value) bool { _, ok := v.(*sobek.Object); return ok }

func (c *Context) number(v sobek.Value, loose bool) (float64, error) {
	if !loose && !sobek.IsNumber(v) {
		return 0, mismatch("a number", v)
	}
	return v.ToFloat(), nil
}

func (c *Context) date(v sobek.Value) (time.Time, bool) {
	o, ok := v.(*sobek.Object)
	if !ok {
		return time.Time{}, false
	}
	if o.ExportType() != timeType {
		return time.Time{}, false
	}
	t, ok := o.Export().(time.Time)
	return t, ok
}

func bytesOf(o *sobek.Object) ([]byte, bool) {
	switch t := o.ExportType(); t {
	case arrayBufferType, bytesType:
	default:
		return nil, false
	}
	switch x := o.Export().(type) {
	case sobek.ArrayBuffer:
		return x.Bytes(), true
	case []byte:
		return x, true
	}
	return nil, false
}

func (c *Context) objectToStruct(o *sobek.Object, out reflect.Value, loose bool, seen map[*sobek.Object]reflect.Value, depth int) error {
	s := c.newGoStruct(out)
	if !loose {
		for _, k := range o.Keys() {
			if _, ok := s.fields[k]; !ok {
				return &convError{msg: fmt.Sprintf("%s has no field %q", out.Type(), k)}
			}
		}
	}
	for _, name := range s.names {
		pv := o.Get(name)
		if pv == nil || sobek.IsUndefined(pv) {
			continue
		}
		f, _ := s.field(name)
		if !f.IsValid() || !f.CanSet() {
			continue
		}
		fv, err := c.fromJS(pv, f.Type(), loose, seen, depth+1)
		if err != nil {
			return nest(err, "."+name)
		}
		f.Set(fv)
	}
	return nil
}

// exportAny converts v for a Go value of type any.
func (c *Context) exportAny(v sobek.Value, loose bool, seen map[*sobek.Object]reflect.Value, depth int) (any, error) {
	if v == nil {
		return nil, nil // a hole: sobek's Get gives a nil Value
	}
	o, ok := v.(*sobek.Object)
	if !ok {
		if _, isSym := v.(*sobek.Symbol); isSym {
			return SymbolString(v), nil
		}
		return v.Export(), nil // nil, bool, int64, float64, string, *big.Int
	}
	if w, ok := goWrapperOf(o); ok {
		return w.goValue().Interface(), nil
	}
	if b := c.mapping().Bridge; b != nil {
		if out, ok, err := b.FromJS(v, c, anyType); ok {
			if err != nil || !out.IsValid() {
				return nil, err
			}
			return out.Interface(), nil
		}
	}
	if seen != nil {
		if p, ok := seen[o]; ok {
			return p.Interface(), nil
		}
	}
	if t, ok := c.date(o); ok {
		return t, nil
	}
	if b, ok := bytesOf(o); ok {
		return append([]byte(nil), b...), nil
	}
	if t := o.ExportType(); t != nil && t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Interface && o.ClassName() != "Array" {
		return o.Export(), nil // a typed array: a Go slice of its element type
	}
	class := o.ClassName()
	if class != "Array" && o.ExportType() == proxyType && c.isArray(o) {
		class = "Array" // an array behind a Proxy (a membrane wrapper, too)
	}
	switch class {
	case "Array":
		n := int(o.Get("length").ToInteger())
		if n > 1<<27 {
			return nil, &convError{msg: "array too long to export"}
		}
		arr := make([]any, n)
		if seen != nil {
			seen[o] = reflect.ValueOf(arr)
		}
		for i := range n {
			x, err := c.exportAny(o.Get(strconv.Itoa(i)), loose, seen, depth+1)
			if err != nil {
				return nil, nest(err, "["+strconv.Itoa(i)+"]")
			}
			arr[i] = x
		}
		return arr, nil
	case "RegExp":
		return o.String(), nil
	}
	if depth > maxExportDepth {
		return nil, &convError{msg: "nested too deeply"}
	}
	m := map[string]any{}
	if seen != nil {
		seen[o] = reflect.ValueOf(m)
	}
	for _, k := range o.Keys() {
		x, err := c.exportAny(o.Get(k), loose, seen, depth+1)
		if err != nil {
			return nil, nest(err, "."+k)
		}
		m[k] = x
	}
	return m, nil
}

// Guard runs fn, Go code that works on c's values outside a run (Export, a
// property read from Go), with c recorded as the executing realm so a
// watchdog reaches it. A JS throw is returned as *sobek.Exception, an
// interrupt or stack overflow as the engine's error and a Go panic as a
// *GoPanic; the isolate stays usable after each.
func (c *Context) Guard(fn func()) (err error) {
	iso := c.iso
	depth := len(iso.active)
	defer func() {
		if p := recover(); p != nil {
			for len(iso.active) > depth {
				iso.pop()
			}
			switch x := p.(type) {
			case *sobek.Exception:
				err = x
			case sobek.Value:
				err = valueException(c, x)
			case error:
				if isUncatchable(x) {
					err = c.asException(x) // an overflow is V8's RangeError
					return
				}
				err = &GoPanic{Value: p, Stack: string(debug.Stack())}
			default:
				err = &GoPanic{Value: p, Stack: string(debug.Stack())}
			}
		}
	}()
	iso.push(c)
	ex := c.rt.Try(fn)
	iso.pop()
	if ex != nil {
		return ex
	}
	return nil
}

// valueException makes a *sobek.Exception of a thrown value.
func valueException(c *Context, v sobek.Value) *sobek.Exception {
	thrower, _ := sobek.AssertFunction(c.rt.ToValue(func(sobek.FunctionCall) sobek.Value { panic(v) }))
	_, err := thrower(sobek.Undefined())
	var ex *sobek.Exception
	if errors.As(err, &ex) {
		return ex
	}
	return nil
}

// Protect runs fn, an entry into the isolate from Go: a Go panic that got
// past every callback boundary becomes a *GoPanic error and the chain of
// executing realms is unwound, so the isolate stays usable.
func (iso *Isolate) Protect(fn func() (sobek.Value, error)) (v sobek.Value, err error) {
	depth := len(iso.active)
	defer func() {
		if p := recover(); p != nil {
			for len(iso.active) > depth {
				iso.pop()
			}
			switch x := p.(type) {
			case *sobek.Exception:
				err = x
			case error:
				if isUncatchable(x) {
					err = x
					return
				}
				err = &GoPanic{Value: p, Stack: string(debug.Stack())}
			default:
				err = &GoPanic{Value: p, Stack: string(debug.Stack())}
			}
		}
	}()
	return fn()
}

// SymbolString is how a Symbol reads in Go: Symbol(description).
func SymbolString(v sobek.Value) string {
	s := v.String()
	if strings.HasPrefix(s, "Symbol(") {
		return s
	}
	return "Symbol(" + s + ")"
}

// isArray is Array.isArray(o), which looks through Proxies.
func (c *Context) isArray(o *sobek.Object) bool {
	ctor, _ := c.builtins.Get("Array").(*sobek.Object)
	if ctor == nil {
		return false
	}
	f, ok := sobek.AssertFunction(ctor.Get("isArray"))
	if !ok {
		return false
	}
	r, err := f(sobek.Undefined(), o)
	return err == nil && r.ToBoolean()
}

// ErrorInto makes an error of c's intrinsic constructor name with message
// and stack (its text as given) and carries it into here: what a vm entry
// point throws for a compile error of a parsing context, which Node makes
// in that context. No code of either realm runs.
func (c *Context) ErrorInto(here *Context, name, message, stackText string) sobek.Value {
	o := c.NewError(name, message)
	_ = o.DefineDataProperty("stack", c.rt.ToValue(stackText), sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	return Carry(o, c, here)
}
