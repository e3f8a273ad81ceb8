// Package jsequal implements Node's deep equality (assert.deepEqual,
// assert.deepStrictEqual, util.isDeepStrictEqual) on sobek values.
//
// The comparison reads objects through sobek's Go object API, so user
// getters and Proxy traps run; a JS exception thrown by them propagates as a
// panic with *sobek.Exception (which sobek rethrows when the caller is a
// native function).
package jsequal

import (
	"bytes"
	"strconv"

	"github.com/grafana/sobek"
)

// Options tunes a comparison.
type Options struct {
	// Unwrap, when set, maps a wrapper of an object of another context (a
	// membrane proxy) to the original object and its runtime. Originals are
	// compared by structure, as Node compares objects of other contexts:
	// their prototypes differ from this context's, so strict comparison of a
	// foreign plain object with a local one fails, while loose comparison
	// succeeds.
	Unwrap func(*sobek.Object) (*sobek.Object, *sobek.Runtime, bool)
}

// DeepEqual reports whether a and b are deeply equal: loosely as
// assert.deepEqual when strict is false, as assert.deepStrictEqual when true.
func DeepEqual(a, b sobek.Value, strict bool) bool {
	return DeepEqualWith(a, b, strict, Options{})
}

// DeepEqualWith is DeepEqual with options.
func DeepEqualWith(a, b sobek.Value, strict bool, opts Options) bool {
	c := &comparer{strict: strict, opts: opts, memo: map[[2]*sobek.Object]bool{}}
	return c.equal(a, b)
}

type comparer struct {
	strict bool
	opts   Options
	memo   map[[2]*sobek.Object]bool // pairs under comparison (cycles)
}

func isObject(v sobek.Value) (*sobek.Object, bool) {
	o, ok := v.(*sobek.Object)
	return o, ok && o != nil
}

func isFunction(o *sobek.Object) bool {
	_, ok := sobek.AssertFunction(o)
	return ok
}

func undef(v sobek.Value) sobek.Value {
	if v == nil {
		return sobek.Undefined()
	}
	return v
}

func (c *comparer) unwrap(o *sobek.Object) *sobek.Object {
	if c.opts.Unwrap != nil {
		if orig, _, ok := c.opts.Unwrap(o); ok && orig != nil {
			return orig
		}
	}
	return o
}

func (c *comparer) equal(a, b sobek.Value) bool {
	a, b = undef(a), undef(b)
	oa, aObj := isObject(a)
	ob, bObj := isObject(b)
	if aObj {
		oa = c.unwrap(oa)
	}
	if bObj {
		ob = c.unwrap(ob)
	}
	if aObj && bObj && oa == ob {
		return true
	}
	// Functions are compared by identity, as other non-"object" types.
	aPlain := !aObj || isFunction(oa)
	bPlain := !bObj || isFunction(ob)
	if c.strict {
		if aPlain || bPlain {
			if aObj && bObj {
				return oa == ob
			}
			return a.SameAs(b)
		}
	} else {
		if aPlain || bPlain {
			if aPlain && bPlain {
				if aObj && bObj {
					return oa == ob
				}
				if aObj || bObj {
					// function == primitive: compare as ==
					return a.Equals(b)
				}
				return a.Equals(b) || (sobek.IsNaN(a) && sobek.IsNaN(b))
			}
			return false
		}
	}
	key := [2]*sobek.Object{oa, ob}
	if _, busy := c.memo[key]; busy {
		return true
	}
	c.memo[key] = true
	defer delete(c.memo, key)
	return c.objects(oa, ob)
}

// tag is Object.prototype.toString's tag for o.
func tag(o *sobek.Object) string {
	if t := o.GetSymbol(sobek.SymToStringTag); t != nil && sobek.IsString(t) {
		return t.String()
	}
	switch cn := o.ClassName(); cn {
	case "Array", "Arguments", "Function", "Error", "Boolean", "Number", "String", "Date", "RegExp":
		return cn
	}
	if isFunction(o) {
		return "Function"
	}
	return "Object"
}

type kind int

const (
	kObject kind = iota
	kArray
	kDate
	kRegExp
	kError
	kBoxed
	kMap
	kSet
	kTyped
	kArrayBuffer
	kDataView
)

func kindOf(o *sobek.Object) kind {
	switch o.ClassName() {
	case "Array":
		return kArray
	case "Date":
		return kDate
	case "RegExp":
		return kRegExp
	case "Error":
		return kError
	case "Number", "String", "Boolean":
		return kBoxed
	}
	t := o.ExportType()
	if t == nil {
		return kObject
	}
	switch t.String() {
	case "[][2]interface {}":
		return kMap
	case "[]interface {}":
		return kSet
	case "sobek.ArrayBuffer":
		return kArrayBuffer
	case "[]uint8", "[]int8", "[]uint16", "[]int16", "[]uint32", "[]int32",
		"[]float32", "[]float64", "[]int64", "[]uint64":
		return kTyped
	case "string", "*big.Int":
		return kBoxed // Symbol and BigInt wrappers
	}
	if tag(o) == "DataView" {
		return kDataView
	}
	return kObject
}

func (c *comparer) objects(a, b *sobek.Object) bool {
	if c.strict {
		pa, pb := a.Prototype(), b.Prototype()
		if pa != pb {
			return false
		}
	}
	if tag(a) != tag(b) {
		return false
	}
	ka, kb := kindOf(a), kindOf(b)
	if ka != kb {
		return false
	}
	switch ka {
	case kArray:
		la, lb := a.Get("length").ToInteger(), b.Get("length").ToInteger()
		if la != lb {
			return false
		}
		return c.keyCheck(a, b, true)
	case kDate:
		// Node compares getTime() with !==: invalid dates never match
		if callMethod(a, "getTime").ToFloat() != callMethod(b, "getTime").ToFloat() {
			return false
		}
	case kRegExp:
		if a.Get("source").String() != b.Get("source").String() ||
			a.Get("flags").String() != b.Get("flags").String() ||
			!undef(a.Get("lastIndex")).SameAs(undef(b.Get("lastIndex"))) {
			return false
		}
	case kError:
		if !undef(a.Get("message")).StrictEquals(undef(b.Get("message"))) ||
			!undef(a.Get("name")).StrictEquals(undef(b.Get("name"))) {
			return false
		}
	case kBoxed:
		va, vb := callMethod(a, "valueOf"), callMethod(b, "valueOf")
		if !va.SameAs(vb) {
			return false
		}
		if a.ClassName() == "String" {
			// string indices are own enumerable keys; skip them
			return c.keyCheck(a, b, true)
		}
	case kTyped, kDataView:
		if !c.typedEqual(a, b) {
			return false
		}
		return c.keyCheck(a, b, true)
	case kArrayBuffer:
		ba, _ := a.Export().(sobek.ArrayBuffer)
		bb, _ := b.Export().(sobek.ArrayBuffer)
		if !bytes.Equal(ba.Bytes(), bb.Bytes()) {
			return false
		}
	case kMap:
		if !c.keyCheck(a, b, false) {
			return false
		}
		return c.mapEqual(a, b)
	case kSet:
		if !c.keyCheck(a, b, false) {
			return false
		}
		return c.setEqual(a, b)
	}
	return c.keyCheck(a, b, false)
}

func callMethod(o *sobek.Object, name string) sobek.Value {
	fn, ok := sobek.AssertFunction(o.Get(name))
	if !ok {
		return sobek.Undefined()
	}
	v, err := fn(o)
	if err != nil {
		panic(err)
	}
	return undef(v)
}

func isIndex(k string) bool {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return false
	}
	n, err := strconv.ParseUint(k, 10, 64)
	return err == nil && n < 1<<32-1
}

// keyCheck compares own enumerable string keys (and enumerable symbols in
// strict mode) and their values. With indexed, array-index keys are
// compared too (arrays), by position; holes matter in strict mode.
func (c *comparer) keyCheck(a, b *sobek.Object, indexed bool) bool {
	keysA, keysB := a.Keys(), b.Keys()
	if len(keysA) != len(keysB) {
		return false
	}
	inB := make(map[string]struct{}, len(keysB))
	for _, k := range keysB {
		inB[k] = struct{}{}
	}
	for _, k := range keysA {
		if _, ok := inB[k]; !ok {
			return false
		}
	}
	if c.strict {
		sa, sb := a.Symbols(), b.Symbols()
		if len(sa) != len(sb) {
			return false
		}
		symB := make(map[*sobek.Symbol]struct{}, len(sb))
		for _, s := range sb {
			symB[s] = struct{}{}
		}
		for _, s := range sa {
			if _, ok := symB[s]; !ok {
				return false
			}
			if !c.equal(a.GetSymbol(s), b.GetSymbol(s)) {
				return false
			}
		}
	}
	if indexed && a.ClassName() == "Array" {
		n := a.Get("length").ToInteger()
		for i := int64(0); i < n; i++ {
			k := strconv.FormatInt(i, 10)
			if !c.equal(a.Get(k), b.Get(k)) {
				return false
			}
		}
		for _, k := range keysA {
			if isIndex(k) {
				continue
			}
			if !c.equal(a.Get(k), b.Get(k)) {
				return false
			}
		}
		return true
	}
	for _, k := range keysA {
		if indexed && isIndex(k) {
			continue // typed arrays, strings: contents compared already
		}
		if !c.equal(a.Get(k), b.Get(k)) {
			return false
		}
	}
	return true
}

func viewBytes(o *sobek.Object) []byte {
	buf, ok := o.Get("buffer").(*sobek.Object)
	if !ok {
		return nil
	}
	ab, ok := buf.Export().(sobek.ArrayBuffer)
	if !ok {
		return nil
	}
	off := o.Get("byteOffset").ToInteger()
	n := o.Get("byteLength").ToInteger()
	all := ab.Bytes()
	if off < 0 || n < 0 || off+n > int64(len(all)) {
		return nil
	}
	return all[off : off+n]
}

func (c *comparer) typedEqual(a, b *sobek.Object) bool {
	if !c.strict {
		switch xa := a.Export().(type) {
		case []float64:
			xb, ok := b.Export().([]float64)
			if !ok || len(xa) != len(xb) {
				return false
			}
			for i := range xa {
				if xa[i] != xb[i] {
					return false
				}
			}
			return true
		case []float32:
			xb, ok := b.Export().([]float32)
			if !ok || len(xa) != len(xb) {
				return false
			}
			for i := range xa {
				if xa[i] != xb[i] {
					return false
				}
			}
			return true
		}
	}
	return bytes.Equal(viewBytes(a), viewBytes(b))
}

func iterate(o *sobek.Object, method string) []sobek.Value {
	fn, ok := sobek.AssertFunction(o.Get(method))
	if !ok {
		return nil
	}
	itv, err := fn(o)
	if err != nil {
		panic(err)
	}
	it, ok := itv.(*sobek.Object)
	if !ok {
		return nil
	}
	next, ok := sobek.AssertFunction(it.Get("next"))
	if !ok {
		return nil
	}
	var out []sobek.Value
	for {
		rv, err := next(it)
		if err != nil {
			panic(err)
		}
		r, ok := rv.(*sobek.Object)
		if !ok || r.Get("done").ToBoolean() {
			return out
		}
		out = append(out, undef(r.Get("value")))
	}
}

// sameValueZero is the key equality of Map and Set.
func sameValueZero(a, b sobek.Value) bool {
	if a.SameAs(b) {
		return true
	}
	if sobek.IsNumber(a) && sobek.IsNumber(b) {
		return a.ToFloat() == b.ToFloat()
	}
	return false
}

func (c *comparer) setEqual(a, b *sobek.Object) bool {
	if a.Get("size").ToInteger() != b.Get("size").ToInteger() {
		return false
	}
	va, vb := iterate(a, "values"), iterate(b, "values")
	if len(va) != len(vb) {
		return false
	}
	used := make([]bool, len(vb))
	var rest []sobek.Value
	// exact matches first
	for _, x := range va {
		found := false
		for j, y := range vb {
			if !used[j] && c.sameKey(x, y) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			rest = append(rest, x)
		}
	}
	for _, x := range rest {
		if _, isObj := isObject(x); c.strict && !isObj {
			return false
		}
		found := false
		for j, y := range vb {
			if !used[j] && c.equal(x, y) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (c *comparer) sameKey(x, y sobek.Value) bool {
	ox, okx := isObject(x)
	oy, oky := isObject(y)
	if okx && oky {
		return c.unwrap(ox) == c.unwrap(oy)
	}
	return sameValueZero(x, y)
}

func (c *comparer) mapEqual(a, b *sobek.Object) bool {
	if a.Get("size").ToInteger() != b.Get("size").ToInteger() {
		return false
	}
	ea, eb := iterate(a, "entries"), iterate(b, "entries")
	if len(ea) != len(eb) {
		return false
	}
	pair := func(v sobek.Value) (sobek.Value, sobek.Value) {
		o, ok := isObject(v)
		if !ok {
			return sobek.Undefined(), sobek.Undefined()
		}
		return undef(o.Get("0")), undef(o.Get("1"))
	}
	type kv struct{ k, v sobek.Value }
	var la, lb []kv
	for _, e := range ea {
		k, v := pair(e)
		la = append(la, kv{k, v})
	}
	for _, e := range eb {
		k, v := pair(e)
		lb = append(lb, kv{k, v})
	}
	used := make([]bool, len(lb))
	var rest []kv
	for _, x := range la {
		found := false
		for j, y := range lb {
			if !used[j] && c.sameKey(x.k, y.k) {
				if !c.equal(x.v, y.v) {
					return false
				}
				used[j], found = true, true
				break
			}
		}
		if !found {
			rest = append(rest, x)
		}
	}
	for _, x := range rest {
		if _, isObj := isObject(x.k); c.strict && !isObj {
			return false
		}
		found := false
		for j, y := range lb {
			if !used[j] && c.equal(x.k, y.k) && c.equal(x.v, y.v) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Kind names the built-in kind of o as Node's util.types sees it, from its
// internal slots rather than its prototype: "array", "date", "regexp",
// "error", "number", "string", "boolean", "bigint", "symbol" (boxed
// primitives), "map", "set", "typedarray", "arraybuffer", "dataview",
// "function" or "object".
func Kind(o *sobek.Object) string {
	if o == nil {
		return ""
	}
	if isFunction(o) {
		return "function"
	}
	switch kindOf(o) {
	case kArray:
		return "array"
	case kDate:
		return "date"
	case kRegExp:
		return "regexp"
	case kError:
		return "error"
	case kBoxed:
		switch o.ClassName() {
		case "Number":
			return "number"
		case "String":
			return "string"
		case "Boolean":
			return "boolean"
		}
		if o.ExportType().String() == "string" {
			return "symbol"
		}
		return "bigint"
	case kMap:
		return "map"
	case kSet:
		return "set"
	case kTyped:
		return "typedarray"
	case kArrayBuffer:
		return "arraybuffer"
	case kDataView:
		return "dataview"
	}
	return "object"
}
