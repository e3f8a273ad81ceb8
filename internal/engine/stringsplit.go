package engine

import (
	"math"

	"github.com/grafana/sobek"
)

// sobek's String.prototype.split with a string separator splits a Go
// (UTF-8) copy of the string: '' splits by code points, not code units
// ('\u{1F600}'.split('') is one piece, V8's two), a lone surrogate becomes
// U+FFFD, and an undefined separator is split on as "undefined"
// ('xundefinedy'.split() is ['x', 'y']). The entities package builds its
// decoding tables with "…".split(''), so htmlparser2 and cheerio decoded
// no entity. wrapStringSplit replaces the string case, in sobek's
// process-wide String.prototype template, with the spec's algorithm on
// UTF-16 code units; a separator that is an object (a RegExp, or anything
// with Symbol.split) still goes to sobek's own split, which dispatches it.
// TestSobekSplitsByCodePoints fails when sobek gets this right itself.

func wrapStringSplit() {
	WrapLazyMethod("String.prototype", "split", func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		call, ok := sobek.AssertFunction(orig)
		if !ok {
			return orig
		}
		fn := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
			if fc.This == nil || sobek.IsUndefined(fc.This) || sobek.IsNull(fc.This) {
				panic(rt.NewTypeError("String.prototype.split called on null or undefined"))
			}
			s, ok := fc.This.(sobek.String)
			sepv := fc.Argument(0)
			if _, isObj := sepv.(*sobek.Object); !ok || isObj || sobek.IsNull(sepv) {
				return Call(call, fc.This, fc.Arguments...)
			}
			// ToUint32(limit) (this and the separator are primitives:
			// only the limit's conversion can run code, in the spec's
			// order after ToString(this))
			lim := uint32(0xFFFFFFFF)
			if l := fc.Argument(1); !sobek.IsUndefined(l) {
				lim = toUint32(l.ToFloat())
			}
			if sobek.IsUndefined(sepv) {
				if lim == 0 {
					return rt.NewArray()
				}
				return rt.NewArray(s)
			}
			sep, ok := sepv.(sobek.String)
			if !ok {
				if _, isSym := sepv.(*sobek.Symbol); isSym {
					panic(rt.NewTypeError("Cannot convert a Symbol value to a string"))
				}
				// a number, boolean or bigint: its Go rendering is exact
				sep, _ = rt.ToValue(sepv.String()).(sobek.String)
				if sep == nil {
					return Call(call, fc.This, fc.Arguments...)
				}
			}
			return rt.NewArray(splitUnits(s, sep, lim)...)
		}).(*sobek.Object)
		_ = fn.DefineDataProperty("name", rt.ToValue("split"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = fn.DefineDataProperty("length", orig.Get("length"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		return fn
	})
}

func toUint32(f float64) uint32 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	m := math.Mod(math.Trunc(f), 4294967296)
	if m < 0 {
		m += 4294967296
	}
	return uint32(m)
}

// splitUnits is String.prototype.split's algorithm (ES2024 22.1.3.23)
// for a string separator, on code units.
func splitUnits(s, sep sobek.String, lim uint32) []any {
	if lim == 0 {
		return []any{}
	}
	n, m := s.Length(), sep.Length()
	if m == 0 {
		k := min(uint32(n), lim)
		out := make([]any, k)
		for i := range out {
			out[i] = s.Substring(i, i+1)
		}
		return out
	}
	if n == 0 {
		return []any{s}
	}
	su, pu := units(s), units(sep)
	fail := kmpTable(pu)
	var out []any
	start, j := 0, 0
	for i := 0; i < n; i++ {
		for j > 0 && su[i] != pu[j] {
			j = fail[j-1]
		}
		if su[i] == pu[j] {
			j++
		}
		if j == m {
			p := i - m + 1
			out = append(out, s.Substring(start, p))
			if uint32(len(out)) == lim {
				return out
			}
			start, j = i+1, 0
		}
	}
	return append(out, s.Substring(start, n))
}

func units(s sobek.String) []uint16 {
	u := make([]uint16, s.Length())
	for i := range u {
		u[i] = s.CharAt(i)
	}
	return u
}

// kmpTable is the failure function of p (non-overlapping matches restart
// at 0, so only the mismatch fall-back is used).
func kmpTable(p []uint16) []int {
	f := make([]int, len(p))
	for i, k := 1, 0; i < len(p); i++ {
		for k > 0 && p[i] != p[k] {
			k = f[k-1]
		}
		if p[i] == p[k] {
			k++
		}
		f[i] = k
	}
	return f
}
