package engine

import (
	"strings"

	"github.com/grafana/sobek"
)

// One native call that allocates past the memory left is Go's fatal
// out-of-memory, which no watchdog can stop (no interrupt lands inside a
// native): 'x'.repeat(1e4).replace(/x/g, 'y'.repeat(1e6)) builds a 10 GB
// string, 'x'.repeat(2**28).split('') 2**28 strings, new
// Array(2**32-1).fill(0) 64 GB of slots. The builtins whose result size
// their arguments tell are checked before they run, as the string caps
// are (sizecaps.go), from sobek's process-wide templates:
//
//   - String.prototype.replace and replaceAll with a string pattern and a
//     string replacement, RegExp.prototype[Symbol.replace] of a standard
//     RegExp (regexguard.go): the result's length, from the number of
//     matches (counted first when the worst case is large);
//   - String.prototype.split with a string separator,
//     RegExp.prototype[Symbol.split]: the number of pieces;
//   - Array.prototype.fill: the slots filled; map, toSorted, toReversed,
//     with, toSpliced and sort: the receiver's length;
//   - ArrayBuffer and the typed arrays (core/sizecaps.go, BufferFits):
//     V8's RangeError "Array buffer allocation failed".
//
// A result longer than V8's longest string is V8's RangeError "Invalid
// string length"; one that would take more than the memory left (the
// running isolates' limit less the heap, MemoryLeft) is RangeError
// [ERR_JSVM_MEMORY_LIMIT], catchable in the realm: nothing was allocated,
// so nothing is kept by catching it (growth in small steps is the heap
// watchdog's, uncatchable). Estimates are sobek's representation: 16
// bytes a slot, 1 byte a character of an ASCII string, 2 of others, about
// 96 bytes a piece of split and a match of a global search.

// MemoryLeft reports how many bytes one native step may still allocate
// (core's heap watchdog sets it; nil: unchecked).
var MemoryLeft func() float64

// MemoryLimitCode is the code of the RangeError a refused allocation throws.
const MemoryLimitCode = "ERR_JSVM_MEMORY_LIMIT"

// checkedBytes: smaller estimates are not checked (no heap read).
const checkedBytes = 32 << 20

const (
	slotBytes  = 16
	pieceBytes = 96
)

// checkAlloc throws the realm's RangeError when bytes would not fit.
func checkAlloc(rt *sobek.Runtime, bytes float64) {
	if bytes < checkedBytes || MemoryLeft == nil {
		return
	}
	if left := MemoryLeft(); bytes > left {
		panic(memoryError(rt))
	}
}

func memoryError(rt *sobek.Runtime) sobek.Value {
	const msg = "Allocation failed - JavaScript heap out of memory (the result would pass the isolate's memory limit)"
	e := NewRangeError(rt, msg)
	if e == nil {
		return rt.NewGoError(rangeErr(msg))
	}
	_ = e.DefineDataProperty("code", rt.ToValue(MemoryLimitCode), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_TRUE)
	return e
}

func stringError(rt *sobek.Runtime) sobek.Value {
	if e := NewRangeError(rt, "Invalid string length"); e != nil {
		return e
	}
	return rt.NewGoError(rangeErr("Invalid string length"))
}

// checkString checks a result of n characters (ascii: one byte each).
func checkString(rt *sobek.Runtime, n float64, ascii bool) {
	if n > MaxStringLength {
		panic(stringError(rt))
	}
	if !ascii {
		n *= 2
	}
	checkAlloc(rt, n)
}

// isASCII: sobek keeps an ASCII string as bytes, others as UTF-16.
func isASCII(str string) bool {
	for i := 0; i < len(str); i++ {
		if str[i] >= 0x80 {
			return false
		}
	}
	return true
}

// substitutionGrowth is how much longer than rep one match's replacement
// may be: each $ pattern ($&, $1, $`, $') may stand for up to n characters.
func substitutionGrowth(rep string, n int) float64 {
	return float64(strings.Count(rep, "$")) * float64(n)
}

// replacedLength bounds the length of n replacements by rep of matches
// totalling matched characters in a string of l: $& and $n stand for
// (part of) their match, $` and $' for up to the whole string.
func replacedLength(rep string, n, matched, l int) float64 {
	size := float64(n) * float64(len(rep))
	if strings.Contains(rep, "$`") || strings.Contains(rep, "$'") {
		return size + float64(n)*float64(l)*float64(strings.Count(rep, "$"))
	}
	return size + float64(strings.Count(rep, "$"))*float64(matched)
}

// countString counts the occurrences of sep in s (as replaceAll and split
// find them: an empty sep matches at every position).
func countString(s, sep string, all bool) int {
	if sep == "" {
		if !all {
			return 1
		}
		return len(s) + 1
	}
	if !all {
		if strings.Contains(s, sep) {
			return 1
		}
		return 0
	}
	return strings.Count(s, sep)
}

// plainString reports v as a Go string when it is a primitive string of
// ASCII characters (the case the checks below handle exactly; UTF-16
// strings are counted by their Go rendering, which only over-counts).
func plainString(v sobek.Value) (string, bool) {
	if v == nil {
		return "", false
	}
	if _, isObj := v.(*sobek.Object); isObj {
		return "", false
	}
	s, ok := v.Export().(string)
	return s, ok
}

// wrapAllocChecks puts the checking wrappers into sobek's templates (from
// Prepare).
func wrapAllocChecks() {
	wrapArrayCopies()
	for _, all := range []bool{false, true} {
		name := "replace"
		if all {
			name = "replaceAll"
		}
		WrapLazyMethod("String.prototype", name, checkedMethod(name, func(rt *sobek.Runtime, fc sobek.FunctionCall) {
			s, ok1 := plainString(fc.This)
			pat, ok2 := plainString(fc.Argument(0))
			rep, ok3 := plainString(fc.Argument(1))
			if !ok1 || !ok2 || !ok3 {
				return // objects: their own methods, or conversions that run code
			}
			worst := float64(len(s)) + float64(len(s)+1)*(float64(len(rep))+substitutionGrowth(rep, len(s)))
			if worst < checkedBytes/2 {
				return
			}
			n := countString(s, pat, all)
			size := float64(len(s)-n*len(pat)) + replacedLength(rep, n, n*len(pat), len(s))
			checkString(rt, size, isASCII(s) && isASCII(rep))
			checkAlloc(rt, float64(n)*slotBytes)
		}))
	}
	WrapLazyMethod("String.prototype", "split", checkedMethod("split", func(rt *sobek.Runtime, fc sobek.FunctionCall) {
		s, ok1 := plainString(fc.This)
		sep, ok2 := plainString(fc.Argument(0))
		if !ok1 || !ok2 || !sobek.IsUndefined(fc.Argument(1)) {
			return
		}
		if float64(len(s)+1)*pieceBytes < checkedBytes {
			return
		}
		n := countString(s, sep, true)
		if sep == "" {
			n = len(s)
		}
		// sobek splits a Go copy of the string
		checkAlloc(rt, float64(n+1)*pieceBytes+float64(len(s)))
	}))
	WrapLazyMethod("Array.prototype", "fill", checkedMethod("fill", func(rt *sobek.Runtime, fc sobek.FunctionCall) {
		a, ok := fc.This.(*sobek.Object)
		if !ok || !isArray(a) {
			return
		}
		// a real Array's length is a data property: reading it is not
		// observable; start and end are numbers (converted by the wrapper)
		l := a.Get("length").ToFloat()
		k := relIndex(fc.Argument(1), l, 0)
		end := relIndex(fc.Argument(2), l, l)
		if end > k {
			checkAlloc(rt, (end-k)*slotBytes)
		}
	}, 1, 2))
}

// copyingArrayMethods make a new Array of their receiver's length (map
// with ArraySpeciesCreate, which sobek fills as a dense array).
var copyingArrayMethods = [...]string{"map", "toSorted", "toReversed", "with", "toSpliced"}

func wrapArrayCopies() {
	for _, name := range copyingArrayMethods {
		WrapLazyMethod("Array.prototype", name, checkedMethod(name, func(rt *sobek.Runtime, fc sobek.FunctionCall) {
			if a, ok := fc.This.(*sobek.Object); ok && isArray(a) {
				checkAlloc(rt, a.Get("length").ToFloat()*slotBytes)
			}
		}))
	}
	// sort copies an Array with holes into a slice of its length first
	// (a dense one is sorted in place, and its slots exist already)
	WrapLazyMethod("Array.prototype", "sort", checkedMethod("sort", func(rt *sobek.Runtime, fc sobek.FunctionCall) {
		if a, ok := fc.This.(*sobek.Object); ok && isArray(a) {
			checkAlloc(rt, a.Get("length").ToFloat()*slotBytes)
		}
	}))
}

// BufferFits reports whether an ArrayBuffer of n bytes fits in the memory
// left (core's buffer caps: V8's "Array buffer allocation failed").
func BufferFits(n float64) bool {
	return n < checkedBytes || MemoryLeft == nil || n <= MemoryLeft()
}

// relIndex is the spec's relative index of a converted argument.
func relIndex(v sobek.Value, l, undef float64) float64 {
	if v == nil || sobek.IsUndefined(v) {
		return undef
	}
	f := v.ToFloat()
	if f != f { // NaN
		return 0
	}
	if f < 0 {
		return max(l+f, 0)
	}
	return min(f, l)
}

// checkedMethod wraps a builtin with a check that runs first; the
// arguments at convert are converted to numbers before it (and handed so
// to the builtin, which converts nothing twice).
func checkedMethod(name string, check func(rt *sobek.Runtime, fc sobek.FunctionCall), convert ...int) MethodWrapper {
	return func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		call, ok := sobek.AssertFunction(orig)
		if !ok {
			return orig
		}
		fn := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
			if len(convert) > 0 {
				if this, ok := fc.This.(*sobek.Object); !ok || !isArray(this) {
					return Call(call, fc.This, fc.Arguments...)
				}
				args := append([]sobek.Value(nil), fc.Arguments...)
				for _, i := range convert {
					if i < len(args) && !sobek.IsUndefined(args[i]) {
						args[i] = args[i].ToNumber()
					}
				}
				fc.Arguments = args
			}
			check(rt, fc)
			return Call(call, fc.This, fc.Arguments...)
		}).(*sobek.Object)
		_ = fn.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = fn.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		return fn
	}
}

// isArray reports whether o is an Array, not a Proxy of one (whose length
// read would run a trap).
func isArray(o *sobek.Object) bool {
	if o.ClassName() != "Array" {
		return false
	}
	if !RegExpGuardWorks() { // the layout of Object.self is known
		return false
	}
	impl := implOf(o)
	return impl.IsValid() && !strings.Contains(impl.Type().String(), "roxy")
}
