package vm_test

import "testing"

// TestIntlCases: Intl (shapes, option order and messages, en-US
// formatting), the builtins' locale methods, SharedArrayBuffer and
// Atomics, in the main realm, in contexts and across them.
func TestIntlCases(t *testing.T) {
	t.Setenv("TZ", "UTC") // node records, and jsvm runs, in UTC
	runHostCases(t, "intl_cases.js", "intl_cases.golden", map[int]string{
		1184: "DateTimeFormat has en data only: de falls back to en-US (resolvedOptions says so)",
		1186: "DateTimeFormat has en data only: fr falls back to en-US",
		1188: "DateTimeFormat has en data only: ja-JP falls back to en-US",
		1193: "only the gregorian calendar is supported",
		1779: "a method of one realm's Intl given another realm's instance: the membrane's wrapper has no internal slots (no brand forwarding for Intl)",
		1780: "a method of one realm's Intl given another realm's instance: the membrane's wrapper has no internal slots (no brand forwarding for Intl)",
	})
}
