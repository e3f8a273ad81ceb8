//go:build race

package core

// raceStackFactor scales stack budgets in tests: the race detector's
// instrumentation makes every Go frame larger.
const raceStackFactor = 4
