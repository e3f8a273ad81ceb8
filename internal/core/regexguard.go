package core

import (
	"strings"

	"github.com/jsvm-dev/jsvm/internal/engine"
)

// A regular expression match past the engine's bound throws RangeError
// [ERR_JSVM_REGEX_TIMEOUT] instead of reading as no match
// (engine/regexguard.go). A realm's RegExp.prototype is wrapped when its
// code may first make a RegExp: the main realm at creation, a context at
// the first run of a script, module or function whose source may hold a
// regular expression literal or name RegExp (mayUseRegExp), at an eval or
// new Function of such a source (checkParse), and, for a RegExp made from
// a string by String.prototype.match, matchAll or search, by those
// methods themselves. A context that never runs such code does not pay
// for it (RegExp.prototype and six wrappers).

// capRegExp marks a context whose RegExp.prototype is guarded.
const capRegExp = 1 << 11

// mayUseRegExp reports whether src may make a RegExp: a literal needs a
// slash, the constructor its name (the String methods guard themselves).
func mayUseRegExp(src string) bool {
	return strings.IndexByte(src, '/') >= 0 || strings.Contains(src, "RegExp")
}

// guardRegExps guards c's RegExp.prototype; create says to make one when c
// has none yet (else only an existing one is guarded).
func (c *Context) guardRegExps(create bool) {
	if c.capped&capRegExp != 0 {
		return
	}
	if !create && !engine.HasRegExpPrototype(c.rt) {
		return
	}
	if engine.GuardRegExps(c.rt, create) {
		c.capped |= capRegExp
	}
}

// capIteration marks a context whose array iterators check the memory
// left (engine/iterguard.go): guarded like RegExp.prototype, when its
// code may first drain one natively (spread, from, Set, Map).
const capIteration = 1 << 12

func mayIterate(src string) bool {
	return strings.Contains(src, "...") || strings.Contains(src, "from") || strings.Contains(src, "Set") || strings.Contains(src, "Map")
}

func (c *Context) guardIteration() {
	if c.capped&capIteration == 0 && engine.GuardArrayIteration(c.rt) {
		c.capped |= capIteration
	}
}
