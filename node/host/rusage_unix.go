//go:build unix

package host

import (
	"syscall"

	"github.com/grafana/sobek"
)

// installIDs adds process.resourceUsage and the uid/gid getters.
func (h *Host) installIDs(p *sobek.Object) {
	rt := h.Runtime
	_ = p.Set("resourceUsage", func(sobek.FunctionCall) sobek.Value {
		var ru syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		o := rt.NewObject()
		us := func(t syscall.Timeval) int64 { return t.Sec*1e6 + int64(t.Usec) }
		for _, kv := range []struct {
			k string
			v int64
		}{
			{"userCPUTime", us(ru.Utime)}, {"systemCPUTime", us(ru.Stime)}, {"maxRSS", ru.Maxrss},
			{"sharedMemorySize", ru.Ixrss}, {"unsharedDataSize", ru.Idrss}, {"unsharedStackSize", ru.Isrss},
			{"minorPageFault", ru.Minflt}, {"majorPageFault", ru.Majflt}, {"swappedOut", ru.Nswap},
			{"fsRead", ru.Inblock}, {"fsWrite", ru.Oublock}, {"ipcSent", ru.Msgsnd}, {"ipcReceived", ru.Msgrcv},
			{"signalsCount", ru.Nsignals}, {"voluntaryContextSwitches", ru.Nvcsw}, {"involuntaryContextSwitches", ru.Nivcsw},
		} {
			_ = o.Set(kv.k, kv.v)
		}
		return o
	})
	_ = p.Set("getuid", func() int { return syscall.Getuid() })
	_ = p.Set("geteuid", func() int { return syscall.Geteuid() })
	_ = p.Set("getgid", func() int { return syscall.Getgid() })
	_ = p.Set("getegid", func() int { return syscall.Getegid() })
	_ = p.Set("getgroups", func() []int { g, _ := syscall.Getgroups(); return g })
}
