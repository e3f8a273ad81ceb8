package sandbox

import (
	"syscall"
	"time"
	"unsafe"
)

// threadClock reads the CPU time of one OS thread (the run's goroutine is
// locked to it for the run): Linux's per-thread CPU clock, named by the
// thread id as glibc's pthread_getcpuclockid does (MAKE_THREAD_CPUCLOCK).
type threadClock struct{ id int32 }

func currentThreadClock() threadClock {
	tid := syscall.Gettid()
	return threadClock{id: int32((^tid)<<3 | 6)}
}

// Read returns the thread's CPU time, or ok=false if it cannot be read.
func (c threadClock) Read() (time.Duration, bool) {
	var ts syscall.Timespec
	_, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, uintptr(c.id), uintptr(unsafe.Pointer(&ts)), 0)
	if e != 0 {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}
