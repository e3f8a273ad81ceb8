package intl

import (
	"math"
	"math/big"
	"sync"
	"time"

	"github.com/grafana/sobek"

	"github.com/jsvm-dev/jsvm/internal/engine"
)

// The builtins' locale methods (ECMA-402 §19-20) call the realm's Intl:
// Number/BigInt.prototype.toLocaleString, Date.prototype.toLocaleString,
// toLocaleDateString, toLocaleTimeString and String.prototype.
// localeCompare. They are wrapped into sobek's process-wide prototype
// templates (engine.WrapLazyMethod), so a realm builds its Intl only
// when one of them is first called.

var prepared sync.Once

// Prepare wraps the locale methods, once per process, before the first
// realm is made (after engine.Prepare).
func Prepare() {
	engine.Prepare()
	prepared.Do(func() {
		wrap := func(proto, name string, f func(r *Realm, c sobek.FunctionCall) sobek.Value) {
			engine.WrapLazyMethod(proto, name, func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
				r := For(rt)
				fn := rt.ToValue(func(c sobek.FunctionCall) sobek.Value { return f(r, c) }).(*sobek.Object)
				_ = fn.DefineDataProperty("name", orig.Get("name"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
				_ = fn.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
				return fn
			})
		}
		wrap("Number.prototype", "toLocaleString", func(r *Realm, c sobek.FunctionCall) sobek.Value {
			x, ok := thisNumber(c.This)
			if !ok {
				panic(r.rt.NewTypeError("Number.prototype.toLocaleString requires that 'this' be a Number"))
			}
			return r.hook("numberToLocaleString", r.rt.ToValue(x), c.Argument(0), c.Argument(1))
		})
		wrap("BigInt.prototype", "toLocaleString", func(r *Realm, c sobek.FunctionCall) sobek.Value {
			x, ok := thisBigInt(c.This)
			if !ok {
				panic(r.rt.NewTypeError("BigInt.prototype.toLocaleString requires that 'this' be a BigInt"))
			}
			return r.hook("numberToLocaleString", r.rt.ToValue(x), c.Argument(0), c.Argument(1))
		})
		for _, m := range [...][3]string{{"toLocaleString", "any", "all"}, {"toLocaleDateString", "date", "date"}, {"toLocaleTimeString", "time", "time"}} {
			wrap("Date.prototype", m[0], func(r *Realm, c sobek.FunctionCall) sobek.Value {
				t, ok := thisTime(c.This)
				if !ok {
					panic(r.rt.NewTypeError("Method Date.prototype." + m[0] + " called on incompatible receiver " + describe(c.This)))
				}
				return r.hook("dateToLocale", r.rt.ToValue(t), c.Argument(0), c.Argument(1), r.rt.ToValue(m[1]), r.rt.ToValue(m[2]))
			})
		}
		wrap("String.prototype", "localeCompare", func(r *Realm, c sobek.FunctionCall) sobek.Value {
			if c.This == nil || sobek.IsUndefined(c.This) || sobek.IsNull(c.This) {
				panic(r.rt.NewTypeError("String.prototype.localeCompare called on null or undefined"))
			}
			a := c.This.ToString()
			b := c.Argument(0).ToString()
			return r.hook("localeCompare", a, b, c.Argument(1), c.Argument(2))
		})
	})
}

func thisNumber(v sobek.Value) (float64, bool) {
	if o, ok := v.(*sobek.Object); ok {
		if o.ClassName() != "Number" {
			return 0, false
		}
		switch x := o.Export().(type) {
		case float64:
			return x, true
		case int64:
			return float64(x), true
		}
		return 0, false
	}
	switch v.ExportType() {
	case typeFloat, typeInt:
		return v.ToFloat(), true
	}
	return 0, false
}

func thisBigInt(v sobek.Value) (*big.Int, bool) {
	if o, ok := v.(*sobek.Object); ok {
		if o.ClassName() != "BigInt" {
			return nil, false
		}
		b, ok := o.Export().(*big.Int)
		return b, ok
	}
	b, ok := v.Export().(*big.Int)
	return b, ok
}

// thisTime is a Date's time value (NaN for an invalid date).
func thisTime(v sobek.Value) (float64, bool) {
	o, ok := v.(*sobek.Object)
	if !ok || o.ClassName() != "Date" {
		return 0, false
	}
	switch t := o.Export().(type) {
	case time.Time:
		return float64(t.UnixMilli()), true
	case nil:
		return math.NaN(), true
	}
	return 0, false
}
