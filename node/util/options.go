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
