// Package util is Node's `util` builtin and the value inspector behind it
// (util.inspect, util.format) that console and error messages use.
package util

import (
	"math"

	"github.com/grafana/sobek"
)

// Special values for the numeric fields of InspectOptions (Depth,
// MaxArrayLength, MaxStringLength, BreakLength). The zero value of a field
// always means Node's default (depth 2, 100 array items, 10000 characters,
// breakLength 80).
const (
	// Unlimited is Node's `null` / `Infinity`. Any negative value other than
	// Zero means the same.
	Unlimited = -1
	// Zero asks for a literal 0 (e.g. `depth: 0`), which the zero value
	// cannot express.
	Zero = math.MinInt32
	// DepthMinusOne is `depth: -1` (or any negative depth from JS): even the
	// top-level object is shown as [Object].
	DepthMinusOne = math.MinInt32 + 1
	// CompactFalse in InspectOptions.Compact is Node's `compact: false`
	// (every property on its own line). Zero value means Node's default 3.
	CompactFalse = -1
	// CompactTrue in InspectOptions.Compact is Node's `compact: true`.
	CompactTrue = -2
)

// InspectOptions are util.inspect's options. The zero value is Node's
// defaults; see the constants above for the special numeric values.
type InspectOptions struct {
	// Depth is how many levels of nesting to show (Node's default 2).
	Depth      int
	Colors     bool
	ShowHidden bool
	// BreakLength is the line width above which entries are split (80).
	BreakLength int
	// Compact: 0 means 3; a positive n is `compact: n`; CompactFalse and
	// CompactTrue as Node's booleans; Zero is `compact: 0`.
	Compact         int
	Sorted          bool
	Getters         bool
	MaxArrayLength  int
	MaxStringLength int
	// ShowProxy prints Proxy objects as `Proxy [ target, handler ]`.
	ShowProxy bool
	// NoCustomInspect disables calls to [util.inspect.custom] methods
	// (Node's `customInspect: false`).
	NoCustomInspect bool
	// Unwrap, when set, maps a membrane wrapper to the original object of
	// another context and the runtime it lives in (core.Isolate.Unwrap).
	Unwrap func(o *sobek.Object) (orig *sobek.Object, home *sobek.Runtime, ok bool)
	// Captured, when set, gives the Reflect functions a context had before
	// its code ran (core.Isolate.CapturedReflect): inspect uses them, not
	// the live Reflect/Object, as Node's util uses its primordials.
	Captured CapturedReflect
	// Cache, when set, keeps the intrinsics of one runtime between calls
	// (NewCache); it makes repeated inspection of small values much faster.
	Cache *Cache
}

// Cache holds the intrinsics (Object.getOwnPropertyDescriptor,
// Map.prototype.forEach, ...) inspect uses for one runtime. Intrinsics are
// looked up on first use and kept, like Node's primordials. A Cache belongs
// to its runtime's goroutine; keep one per host.
type Cache struct {
	rt *sobek.Runtime
	r  *realm
}

// CapturedReflect returns Reflect.ownKeys, getOwnPropertyDescriptor and has
// of the realm of rt as captured before its code ran; ok false if unknown.
type CapturedReflect func(rt *sobek.Runtime) (ownKeys, getOwnPropertyDescriptor, has sobek.Callable, ok bool)

// NewCache returns a Cache for rt.
func NewCache(rt *sobek.Runtime) *Cache { return &Cache{rt: rt, r: newRealm(rt, nil)} }

// NewCacheCaptured is NewCache for a runtime whose captured intrinsics
// captured gives.
func NewCacheCaptured(rt *sobek.Runtime, captured CapturedReflect) *Cache {
	return &Cache{rt: rt, r: newRealm(rt, captured)}
}

// resolveNum turns a field into Node's number; -1 means Infinity.
func resolveNum(v, def int) int {
	switch {
	case v == 0:
		return def
	case v == Zero:
		return 0
	case v < 0:
		return -1
	}
	return v
}

// OptionsFromJS reads util.inspect's JS options: args[0] is an options
// object, or (legacy form) showHidden, then depth and colors.
func OptionsFromJS(rt *sobek.Runtime, args []sobek.Value) InspectOptions {
	var o InspectOptions
	if len(args) == 0 {
		return o
	}
	obj, ok := args[0].(*sobek.Object)
	if !ok {
		if len(args) > 0 && !sobek.IsUndefined(args[0]) {
			o.ShowHidden = args[0].ToBoolean()
		}
		if len(args) > 1 && !sobek.IsUndefined(args[1]) {
			o.Depth = jsDepth(args[1])
		}
		if len(args) > 2 && !sobek.IsUndefined(args[2]) {
			o.Colors = args[2].ToBoolean()
		}
		return o
	}
	get := func(name string) (sobek.Value, bool) {
		v := obj.Get(name)
		if v == nil || sobek.IsUndefined(v) {
			return nil, false
		}
		return v, true
	}
	if v, ok := get("depth"); ok {
		o.Depth = jsDepth(v)
	}
	if v, ok := get("colors"); ok {
		o.Colors = v.ToBoolean()
	}
	if v, ok := get("showHidden"); ok {
		o.ShowHidden = v.ToBoolean()
	}
	if v, ok := get("showProxy"); ok {
		o.ShowProxy = v.ToBoolean()
	}
	if v, ok := get("customInspect"); ok {
		o.NoCustomInspect = !v.ToBoolean()
	}
	if v, ok := get("breakLength"); ok {
		o.BreakLength = jsNum(v, 0)
	}
	if v, ok := get("maxArrayLength"); ok {
		o.MaxArrayLength = jsNum(v, 0)
	}
	if v, ok := get("maxStringLength"); ok {
		o.MaxStringLength = jsNum(v, 0)
	}
	if v, ok := get("sorted"); ok {
		o.Sorted = v.ToBoolean()
	}
	if v, ok := get("getters"); ok {
		o.Getters = v.ToBoolean()
	}
	if v, ok := get("compact"); ok {
		if sobek.IsNumber(v) {
			n := jsNum(v, 0)
			if n == Unlimited {
				n = math.MaxInt32
			}
			o.Compact = n
		} else if v.ToBoolean() {
			o.Compact = CompactTrue
		} else {
			o.Compact = CompactFalse
		}
	}
	return o
}

// jsNum maps a JS number option to the Go encoding: null/Infinity are
// Unlimited, 0 is Zero, negatives clamp to Zero.
func jsNum(v sobek.Value, _ int) int {
	if sobek.IsNull(v) {
		return Unlimited
	}
	f := v.ToFloat()
	switch {
	case math.IsInf(f, 1):
		return Unlimited
	case math.IsNaN(f) || f <= 0:
		return Zero
	case f >= math.MaxInt32:
		return Unlimited
	}
	return int(f)
}

func jsDepth(v sobek.Value) int {
	if !sobek.IsNull(v) {
		if f := v.ToFloat(); f < 0 {
			return DepthMinusOne
		}
	}
	return jsNum(v, 0)
}
