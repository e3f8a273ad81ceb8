//go:build !linux

package sandbox

import "time"

// threadClock falls back to wall-clock time where no per-thread CPU clock
// is available: the CPU budget then acts as a second timeout.
type threadClock struct{ start time.Time }

func currentThreadClock() threadClock { return threadClock{start: time.Now()} }

func (c threadClock) Read() (time.Duration, bool) { return time.Since(c.start), true }
