package engine

import (
	"sync"
	"time"

	"github.com/dlclark/regexp2"
)

// RegexMatchTimeout bounds one match of sobek's backtracking regular
// expression engine (regexp2). Neither an interrupt nor a timeout can stop
// a match in progress, so without a bound a catastrophic pattern
// (/^(a+)+\1?b$/ on 'a'.repeat(40)) hangs its run whatever its timeout.
// sobek drops regexp2's timeout error (a match that runs longer than this
// reads as no match); the realms' matching builtins are wrapped to throw
// RangeError [ERR_JSVM_REGEX_TIMEOUT] instead, or to let the run's own
// interrupt (its timeout) end it (regexguard.go). V8 instead runs such a
// match to its end or to the run's timeout.
const RegexMatchTimeout = time.Second

var boundRegex sync.Once

// BoundRegexMatches sets regexp2's process-wide default match timeout to
// RegexMatchTimeout (regexp2 reads it when sobek compiles a pattern). It
// is called when the first isolate or sandbox is made, not at init, so a
// program that links jsvm without using it keeps regexp2's defaults.
func BoundRegexMatches() {
	boundRegex.Do(func() {
		if regexp2.DefaultMatchTimeout > RegexMatchTimeout {
			regexp2.DefaultMatchTimeout = RegexMatchTimeout
		}
	})
}
