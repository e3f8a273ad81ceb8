// Package os is Node's `os` builtin, answered by Go's os and syscall
// packages (Linux values where Node reports platform facts).
package os

import (
	"bufio"
	"net"
	"os"
	"os/user"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/host"
)

// Load is the loader of the `os` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	ex := rt.NewObject()
	set := func(name string, fn func(sobek.FunctionCall) sobek.Value) {
		f := rt.ToValue(fn).(*sobek.Object)
		_ = f.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
		_ = ex.Set(name, f)
	}
	str := func(name string, fn func() string) {
		set(name, func(sobek.FunctionCall) sobek.Value { return rt.ToValue(fn()) })
	}
	_ = ex.Set("EOL", "\n")
	_ = ex.Set("devNull", "/dev/null")
	str("arch", func() string { return nodeArch(runtime.GOARCH) })
	str("platform", func() string { return runtime.GOOS })
	str("type", func() string { return unameField("sysname", "Linux") })
	str("release", func() string { return unameField("release", "") })
	str("version", func() string { return unameField("version", "") })
	str("machine", func() string { return unameField("machine", "x86_64") })
	str("hostname", func() string { n, _ := os.Hostname(); return n })
	str("homedir", func() string {
		if d := os.Getenv("HOME"); d != "" {
			return d
		}
		d, _ := os.UserHomeDir()
		return d
	})
	str("tmpdir", func() string {
		for _, k := range []string{"TMPDIR", "TMP", "TEMP"} {
			if d := os.Getenv(k); d != "" {
				if len(d) > 1 {
					d = strings.TrimSuffix(d, "/")
				}
				return d
			}
		}
		return "/tmp"
	})
	str("endianness", func() string { return "LE" })
	set("availableParallelism", func(sobek.FunctionCall) sobek.Value { return rt.ToValue(runtime.NumCPU()) })
	set("uptime", func(sobek.FunctionCall) sobek.Value {
		b, err := os.ReadFile("/proc/uptime")
		if err == nil {
			if f := strings.Fields(string(b)); len(f) > 0 {
				v, _ := strconv.ParseFloat(f[0], 64)
				return rt.ToValue(v)
			}
		}
		return rt.ToValue(0)
	})
	set("loadavg", func(sobek.FunctionCall) sobek.Value {
		out := []any{0, 0, 0}
		if b, err := os.ReadFile("/proc/loadavg"); err == nil {
			for i, f := range strings.Fields(string(b))[:3] {
				v, _ := strconv.ParseFloat(f, 64)
				out[i] = v
			}
		}
		return rt.NewArray(out...)
	})
	set("totalmem", func(sobek.FunctionCall) sobek.Value { return rt.ToValue(meminfo("MemTotal")) })
	set("freemem", func(sobek.FunctionCall) sobek.Value { return rt.ToValue(meminfo("MemAvailable")) })
	set("cpus", func(sobek.FunctionCall) sobek.Value { return cpus(rt) })
	set("networkInterfaces", func(sobek.FunctionCall) sobek.Value { return interfaces(rt) })
	set("userInfo", func(call sobek.FunctionCall) sobek.Value {
		u, err := user.Current()
		o := rt.NewObject()
		_ = o.SetPrototype(nil)
		if err != nil {
			panic(nodeerr.New(rt, "SystemError", "ERR_SYSTEM_ERROR", "A system error occurred: uv_os_get_passwd returned ENOENT (no such file or directory)"))
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		_ = o.Set("uid", uid)
		_ = o.Set("gid", gid)
		_ = o.Set("username", u.Username)
		_ = o.Set("homedir", u.HomeDir)
		_ = o.Set("shell", loginShell(u.Username))
		return o
	})
	set("getPriority", func(call sobek.FunctionCall) sobek.Value {
		pid := 0
		if a := call.Argument(0); !sobek.IsUndefined(a) {
			pid = int(a.ToInteger())
		}
		p, err := syscall.Getpriority(syscall.PRIO_PROCESS, pid)
		if err != nil {
			panic(nodeerr.New(rt, "SystemError", "ERR_SYSTEM_ERROR", "A system error occurred: uv_os_getpriority returned ESRCH (no such process)"))
		}
		// the raw syscall returns 20 - nice on Linux
		return rt.ToValue(20 - p)
	})
	set("setPriority", func(call sobek.FunctionCall) sobek.Value {
		pid, prio := 0, call.Argument(0)
		if len(call.Arguments) > 1 {
			pid, prio = int(call.Argument(0).ToInteger()), call.Argument(1)
		}
		if err := syscall.Setpriority(syscall.PRIO_PROCESS, pid, int(prio.ToInteger())); err != nil {
			panic(nodeerr.New(rt, "SystemError", "ERR_SYSTEM_ERROR", "A system error occurred: uv_os_setpriority returned EACCES (permission denied)"))
		}
		return sobek.Undefined()
	})
	consts := rt.NewObject()
	table := func(c []constant) *sobek.Object {
		o := rt.NewObject()
		for _, e := range c {
			_ = o.Set(e.name, e.value)
		}
		return o
	}
	_ = consts.Set("UV_UDP_REUSEADDR", 4)
	_ = consts.Set("dlopen", table(dlopenConstants))
	_ = consts.Set("errno", table(errnoConstants))
	_ = consts.Set("signals", table(signalConstants))
	_ = consts.Set("priority", table(priorityConstants))
	_ = ex.Set("constants", consts)
	return module.Set("exports", ex)
}

// Errno returns the Linux errno of a code name ("ENOENT" -> 2).
func Errno(code string) (int, bool) {
	for _, e := range errnoConstants {
		if e.name == code {
			return e.value, true
		}
	}
	return 0, false
}

func nodeArch(goarch string) string {
	switch goarch {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	}
	return goarch
}

func meminfo(key string) int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && k == key {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n * 1024
		}
	}
	return 0
}

func loginShell(name string) string {
	b, err := os.ReadFile("/etc/passwd")
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Split(l, ":")
		if len(f) >= 7 && f[0] == name {
			return f[6]
		}
	}
	return ""
}

func cpus(rt *sobek.Runtime) sobek.Value {
	model := ""
	var speeds []int64
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			k, v, _ := strings.Cut(l, ":")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			switch k {
			case "model name":
				if model == "" {
					model = v
				}
			case "cpu MHz":
				f, _ := strconv.ParseFloat(v, 64)
				speeds = append(speeds, int64(f))
			}
		}
	}
	// per-cpu times from /proc/stat, in ms (clock ticks are 1/100 s)
	var times [][]int64
	if b, err := os.ReadFile("/proc/stat"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			f := strings.Fields(l)
			if len(f) > 7 && strings.HasPrefix(f[0], "cpu") && f[0] != "cpu" {
				var t []int64
				for _, x := range f[1:8] {
					n, _ := strconv.ParseInt(x, 10, 64)
					t = append(t, n*10)
				}
				times = append(times, t)
			}
		}
	}
	n := runtime.NumCPU()
	if len(times) > 0 {
		n = len(times)
	}
	var out []any
	for i := 0; i < n; i++ {
		c := rt.NewObject()
		_ = c.Set("model", model)
		var sp int64
		if i < len(speeds) {
			sp = speeds[i]
		}
		_ = c.Set("speed", sp)
		t := rt.NewObject()
		var tt []int64
		if i < len(times) {
			tt = times[i]
		} else {
			tt = make([]int64, 7)
		}
		_ = t.Set("user", tt[0])
		_ = t.Set("nice", tt[1])
		_ = t.Set("sys", tt[2])
		_ = t.Set("idle", tt[3])
		_ = t.Set("irq", tt[5])
		_ = c.Set("times", t)
		out = append(out, c)
	}
	return rt.NewArray(out...)
}

func interfaces(rt *sobek.Runtime) sobek.Value {
	o := rt.NewObject()
	ifs, _ := net.Interfaces()
	for _, ifc := range ifs {
		addrs, _ := ifc.Addrs()
		var list []any
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			e := rt.NewObject()
			ones, _ := ipn.Mask.Size()
			mac := ifc.HardwareAddr.String()
			if mac == "" {
				mac = "00:00:00:00:00:00"
			}
			if ip4 := ipn.IP.To4(); ip4 != nil {
				_ = e.Set("address", ip4.String())
				_ = e.Set("netmask", net.IP(ipn.Mask).String())
				_ = e.Set("family", "IPv4")
				_ = e.Set("mac", mac)
				_ = e.Set("internal", ifc.Flags&net.FlagLoopback != 0)
				_ = e.Set("cidr", ip4.String()+"/"+strconv.Itoa(ones))
			} else {
				_ = e.Set("address", ipn.IP.String())
				_ = e.Set("netmask", net.IP(ipn.Mask).String())
				_ = e.Set("family", "IPv6")
				_ = e.Set("mac", mac)
				_ = e.Set("internal", ifc.Flags&net.FlagLoopback != 0)
				_ = e.Set("cidr", ipn.IP.String()+"/"+strconv.Itoa(ones))
				scope := 0
				if ipn.IP.IsLinkLocalUnicast() {
					scope = ifc.Index
				}
				_ = e.Set("scopeid", scope)
			}
			list = append(list, e)
		}
		if len(list) > 0 {
			_ = o.Set(ifc.Name, rt.NewArray(list...))
		}
	}
	return o
}

// ErrnoName returns the code name of a Linux errno (2 -> "ENOENT").
func ErrnoName(errno int) (string, bool) {
	for _, e := range errnoConstants {
		if e.value == errno {
			return e.name, true
		}
	}
	return "", false
}
