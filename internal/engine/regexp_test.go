package engine

import (
	"testing"
	"time"

	"github.com/dlclark/regexp2"
	"github.com/grafana/sobek"
)

// TestSobekRegexTimeoutReadsAsNoMatch pins what BoundRegexMatches relies
// on: sobek compiles patterns with regexp2's DefaultMatchTimeout and reads
// a timed-out match as no match. If sobek starts throwing instead (or an
// interrupt can stop a match), the bound and its documentation change.
func TestSobekRegexTimeoutReadsAsNoMatch(t *testing.T) {
	old := regexp2.DefaultMatchTimeout
	regexp2.DefaultMatchTimeout = 50 * time.Millisecond
	defer func() { regexp2.DefaultMatchTimeout = old }()
	rt := sobek.New()
	start := time.Now()
	v, err := rt.RunString(`/^(a+)+\1?b$/.test('a'.repeat(40))`)
	if err != nil {
		t.Fatalf("sobek now throws on a regexp2 timeout: %v", err)
	}
	if v.ToBoolean() {
		t.Fatal("catastrophic pattern matched")
	}
	if d := time.Since(start); d > time.Minute {
		t.Fatalf("the match timeout was not applied (%v)", d)
	}
}

func TestBoundRegexMatches(t *testing.T) {
	BoundRegexMatches()
	if regexp2.DefaultMatchTimeout > RegexMatchTimeout {
		t.Fatalf("DefaultMatchTimeout = %v", regexp2.DefaultMatchTimeout)
	}
}
