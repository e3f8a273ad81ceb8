package host

import (
	"io"
	"math"
	"math/big"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
)

func pid() int { return os.Getpid() }

// Process returns the process object.
func (h *Host) Process() *sobek.Object { return h.process }

func nodeArch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "arm64":
		return "arm64"
	case "arm":
		return "arm"
	}
	return runtime.GOARCH
}

func nodePlatform() string {
	if runtime.GOOS == "windows" {
		return "win32"
	}
	return runtime.GOOS
}

func (h *Host) refreshArgv() {
	if h.process == nil {
		return
	}
	var argv []any
	for _, a := range h.Options.Argv {
		argv = append(argv, a)
	}
	_ = h.process.Set("argv", h.Runtime.NewArray(argv...))
}

func (h *Host) newProcess() *sobek.Object {
	rt := h.Runtime
	p := rt.NewObject()
	h.process = p
	// Object.prototype.toString.call(process) is '[object process]'
	_ = p.DefineDataPropertySymbol(sobek.SymToStringTag, rt.ToValue("process"), sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_FALSE)
	h.emitter = &emitter{h: h, listeners: make(map[string][]listener)}
	h.emitter.onChange = h.signalListeners
	h.emitter.install(p)
	set := func(name string, v any) { _ = p.Set(name, v) }
	fn := func(name string, f func(sobek.FunctionCall) sobek.Value) { _ = p.Set(name, f) }

	h.refreshArgv()
	if len(h.Options.Argv) == 0 {
		set("argv", rt.NewArray(execPath()))
	}
	set("argv0", "node")
	var ea []any
	for _, a := range h.Options.ExecArgv {
		ea = append(ea, a)
	}
	set("execArgv", rt.NewArray(ea...))
	set("execPath", execPath())
	set("title", "node")
	set("platform", nodePlatform())
	set("arch", nodeArch())
	set("pid", pid())
	set("ppid", os.Getppid())
	set("version", NodeVersion)
	versions := rt.NewObject()
	_ = versions.Set("node", strings.TrimPrefix(NodeVersion, "v"))
	_ = versions.Set("v8", "11.3.244.8-node.33")
	_ = versions.Set("uv", "1.46.0")
	_ = versions.Set("modules", "115")
	_ = versions.Set("jsvm", JSVMVersion)
	_ = versions.Set("sobek", "0.0.0-20260429085637-a66d4790012b")
	set("versions", versions)
	release := rt.NewObject()
	_ = release.Set("name", "node")
	_ = release.Set("lts", "Iron")
	set("release", release)
	features := rt.NewObject()
	set("features", features)
	cfg := rt.NewObject()
	_ = cfg.Set("variables", rt.NewObject())
	set("config", cfg)
	set("env", h.envObject())
	set("noDeprecation", false)
	set("throwDeprecation", false)

	_ = p.DefineAccessorProperty("exitCode", rt.ToValue(func(sobek.FunctionCall) sobek.Value {
		if h.exitCodeSet {
			return rt.ToValue(h.exitCode)
		}
		return sobek.Undefined()
	}), rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		v := c.Argument(0)
		if sobek.IsUndefined(v) || sobek.IsNull(v) {
			h.exitCodeSet = false
			h.exitCode = 0
			return sobek.Undefined()
		}
		h.exitCode = h.validateExitCode(v)
		h.exitCodeSet = true
		return sobek.Undefined()
	}), sobek.FLAG_FALSE, sobek.FLAG_TRUE)

	fn("exit", func(c sobek.FunctionCall) sobek.Value {
		if v := c.Argument(0); !sobek.IsUndefined(v) {
			h.exitCode = h.validateExitCode(v)
			h.exitCodeSet = true
		}
		h.exit()
		return sobek.Undefined()
	})
	fn("reallyExit", func(c sobek.FunctionCall) sobek.Value {
		h.exitCode = int(c.Argument(0).ToInteger())
		h.stopped = true
		h.exiting = true
		rt.Interrupt(exitSignal{})
		return sobek.Undefined()
	})
	fn("abort", func(c sobek.FunctionCall) sobek.Value {
		h.exitCode = 134
		h.stopped = true
		h.exiting = true
		rt.Interrupt(exitSignal{})
		return sobek.Undefined()
	})
	fn("nextTick", func(c sobek.FunctionCall) sobek.Value {
		f, ok := sobek.AssertFunction(c.Argument(0))
		if !ok {
			panic(nodeerr.InvalidArgType(rt, "callback", "of type function", c.Argument(0)))
		}
		var args []sobek.Value
		if len(c.Arguments) > 1 {
			args = append(args, c.Arguments[1:]...)
		}
		if !h.stopped {
			h.ticks = append(h.ticks, tick{fn: f, args: args})
		}
		return sobek.Undefined()
	})
	hr := rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		d := time.Since(processStart)
		sec, ns := int64(d/time.Second), int64(d%time.Second)
		if prev, ok := c.Argument(0).(*sobek.Object); ok {
			var arr []int64
			if err := rt.ExportTo(prev, &arr); err != nil || len(arr) != 2 {
				panic(nodeerr.InvalidArgType(rt, "time", "an instance of Array", prev))
			}
			sec -= arr[0]
			ns -= arr[1]
			if ns < 0 {
				sec--
				ns += 1e9
			}
		}
		return rt.NewArray(sec, ns)
	}).(*sobek.Object)
	_ = hr.Set("bigint", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(big.NewInt(int64(time.Since(processStart))))
	})
	set("hrtime", hr)
	fn("uptime", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(time.Since(processStart).Seconds())
	})
	mem := rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		o := rt.NewObject()
		_ = o.Set("rss", ms.Sys)
		_ = o.Set("heapTotal", ms.HeapSys)
		_ = o.Set("heapUsed", ms.HeapAlloc)
		_ = o.Set("external", 0)
		_ = o.Set("arrayBuffers", 0)
		return o
	}).(*sobek.Object)
	_ = mem.Set("rss", func(c sobek.FunctionCall) sobek.Value {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return rt.ToValue(ms.Sys)
	})
	set("memoryUsage", mem)
	fn("cpuUsage", func(c sobek.FunctionCall) sobek.Value {
		// Node: with prevValue, the difference since it (validated first).
		var pu, ps float64
		if prev := c.Argument(0); !sobek.IsUndefined(prev) && !sobek.IsNull(prev) {
			po, ok := prev.(*sobek.Object)
			if !ok {
				panic(nodeerr.InvalidArgType(rt, "prevValue", "of type object", prev))
			}
			read := func(name string) float64 {
				v := po.Get(name)
				if v == nil || !sobek.IsNumber(v) {
					if v == nil {
						v = sobek.Undefined()
					}
					panic(nodeerr.InvalidArgType(rt, "prevValue."+name, "of type number", v))
				}
				f := v.ToFloat()
				if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
					panic(nodeerr.New(rt, "RangeError", "ERR_INVALID_ARG_VALUE",
						"The property 'prevValue."+name+"' is invalid. Received "+nodeerr.InspectShort(v, 128)))
				}
				return f
			}
			pu, ps = read("user"), read("system")
		}
		o := rt.NewObject()
		u, s := cpuTimes()
		if pu != 0 || ps != 0 {
			_ = o.Set("user", float64(u)-pu)
			_ = o.Set("system", float64(s)-ps)
			return o
		}
		_ = o.Set("user", u)
		_ = o.Set("system", s)
		return o
	})
	fn("cwd", func(c sobek.FunctionCall) sobek.Value {
		d, err := os.Getwd()
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return rt.ToValue(d)
	})
	fn("chdir", func(c sobek.FunctionCall) sobek.Value {
		d := c.Argument(0)
		if _, ok := d.Export().(string); !ok {
			panic(nodeerr.InvalidArgType(rt, "directory", "of type string", d))
		}
		if err := os.Chdir(d.String()); err != nil {
			e := nodeerr.New(rt, "Error", "ENOENT", "ENOENT: no such file or directory, chdir "+mustCwd()+" -> '"+d.String()+"'")
			panic(e)
		}
		return sobek.Undefined()
	})
	fn("umask", func(c sobek.FunctionCall) sobek.Value { return rt.ToValue(0o22) })
	fn("emitWarning", func(c sobek.FunctionCall) sobek.Value {
		h.emitWarning(c)
		return sobek.Undefined()
	})
	fn("kill", func(c sobek.FunctionCall) sobek.Value {
		pidv := int(c.Argument(0).ToInteger())
		sig := syscall.SIGTERM
		if s := c.Argument(1); !sobek.IsUndefined(s) {
			if n, ok := s.Export().(int64); ok {
				sig = syscall.Signal(n)
			} else if n, ok := signalByName[s.String()]; ok {
				sig = n
			}
		}
		if err := syscall.Kill(pidv, sig); err != nil {
			panic(rt.NewGoError(err))
		}
		return rt.ToValue(true)
	})
	h.installStdio(p)
	h.installIDs(p)
	return p
}

var processStart = time.Now()

func mustCwd() string {
	d, _ := os.Getwd()
	return d
}

func (h *Host) validateExitCode(v sobek.Value) int {
	rt := h.Runtime
	switch x := v.Export().(type) {
	case int64:
		return int(x)
	case float64:
		if x == float64(int64(x)) {
			return int(x)
		}
		panic(nodeerr.OutOfRange(rt, "code", "an integer", v))
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil && strings.TrimSpace(x) != "" {
			return n
		}
	}
	panic(nodeerr.InvalidArgType(rt, "code", "of type number", v))
}

// exit implements process.exit: 'exit' listeners, then stop everything.
func (h *Host) exit() {
	if !h.exiting {
		h.exiting = true
		code := h.exitCode
		if err := h.emitter.emitErr("exit", h.Runtime.ToValue(code)); err != nil {
			h.stopped = false
			h.reportError(err)
		}
	}
	h.stopped = true
	h.Runtime.Interrupt(exitSignal{})
}

// Exit ends the process as process.exit(code) would, from Go (on the host
// goroutine).
func (h *Host) Exit(code int) {
	h.exitCode = code
	h.exitCodeSet = true
	h.exit()
}

func (h *Host) emitWarning(c sobek.FunctionCall) {
	rt := h.Runtime
	w := c.Argument(0)
	typ := "Warning"
	code := ""
	if o, ok := c.Argument(1).(*sobek.Object); ok && !h.isCallable(o) {
		if t := o.Get("type"); t != nil && !sobek.IsUndefined(t) {
			typ = t.String()
		}
		if t := o.Get("code"); t != nil && !sobek.IsUndefined(t) {
			code = t.String()
		}
	} else {
		if t := c.Argument(1); !sobek.IsUndefined(t) {
			typ = t.String()
		}
		if t := c.Argument(2); !sobek.IsUndefined(t) && !h.isCallable(t) {
			code = t.String()
		}
	}
	var warning *sobek.Object
	if h.isError(w) {
		warning = w.(*sobek.Object)
	} else {
		if _, ok := w.Export().(string); !ok {
			panic(nodeerr.InvalidArgType(rt, "warning", "of type string or an instance of Error", w))
		}
		ctor, _ := sobek.AssertConstructor(h.intrinsicError())
		warning, _ = ctor(nil, w)
		_ = warning.Set("name", typ)
		if code != "" {
			_ = warning.Set("code", code)
		}
	}
	name := warning.Get("name").String()
	if name == "DeprecationWarning" && h.process.Get("noDeprecation").ToBoolean() {
		return
	}
	wv := sobek.Value(warning)
	h.ticks = append(h.ticks, tick{fn: func(this sobek.Value, args ...sobek.Value) (sobek.Value, error) {
		h.emitter.emitErr("warning", wv)
		if h.Options.NoWarnings {
			return nil, nil
		}
		msg := warning.Get("message").String()
		line := "(node:" + strconv.Itoa(pid()) + ") "
		if c := warning.Get("code"); c != nil && !sobek.IsUndefined(c) {
			line += "[" + c.String() + "] "
		}
		line += name + ": " + msg + "\n"
		h.writeErr(line)
		if !h.warnedUse {
			h.warnedUse = true
			flag := "--trace-warnings"
			if name == "DeprecationWarning" {
				flag = "--trace-deprecation" // as node's hint for a deprecation
			}
			h.writeErr("(Use `node " + flag + " ...` to show where the warning was created)\n")
		}
		return nil, nil
	}})
}

func (h *Host) isCallable(v sobek.Value) bool {
	_, ok := sobek.AssertFunction(v)
	return ok
}

// stream is a minimal writable for process.stdout/stderr.
func (h *Host) stream(fd int, w func() io.Writer) *sobek.Object {
	rt := h.Runtime
	s := rt.NewObject()
	_ = s.Set("fd", fd)
	tty := false
	if f, ok := w().(*os.File); ok {
		tty = isTerminal(f)
	}
	if tty {
		_ = s.Set("isTTY", true)
		_ = s.Set("columns", 80)
		_ = s.Set("rows", 24)
	}
	_ = s.Set("writable", true)
	_ = s.Set("write", func(c sobek.FunctionCall) sobek.Value {
		chunk := c.Argument(0)
		var b []byte
		switch x := chunk.Export().(type) {
		case string:
			b = []byte(x)
		case []byte:
			b = x
		case sobek.ArrayBuffer:
			b = x.Bytes()
		default:
			if o, ok := chunk.(*sobek.Object); ok {
				if ab, ok := o.Get("buffer").Export().(sobek.ArrayBuffer); ok {
					off := int(o.Get("byteOffset").ToInteger())
					n := int(o.Get("byteLength").ToInteger())
					b = ab.Bytes()[off : off+n]
					break
				}
			}
			panic(nodeerr.InvalidArgType(rt, "chunk", "of type string or an instance of Buffer or Uint8Array", chunk))
		}
		_, _ = w().Write(b)
		for _, a := range c.Arguments[1:] {
			if f, ok := sobek.AssertFunction(a); ok {
				h.ticks = append(h.ticks, tick{fn: f})
			}
		}
		return rt.ToValue(true)
	})
	emitterStub := &emitter{h: h, listeners: make(map[string][]listener)}
	emitterStub.install(s)
	_ = s.Set("end", func(c sobek.FunctionCall) sobek.Value { return sobek.Undefined() })
	return s
}

func isTerminal(f *os.File) bool { return IsTerminal(int(f.Fd())) }

// envObject is process.env: a live view of the OS environment.
func (h *Host) envObject() *sobek.Object {
	rt := h.Runtime
	target := rt.NewObject()
	env := h.Options.Env
	return rt.ToValue(rt.NewProxy(target, &sobek.ProxyTrapConfig{
		Get: func(t *sobek.Object, prop string, r sobek.Value) sobek.Value {
			if v, ok := env.Lookup(prop); ok {
				return rt.ToValue(v)
			}
			return t.Get(prop)
		},
		Set: func(t *sobek.Object, prop string, v sobek.Value, r sobek.Value) bool {
			env.Set(prop, v.String())
			return true
		},
		Has: func(t *sobek.Object, prop string) bool {
			_, ok := env.Lookup(prop)
			return ok
		},
		DeleteProperty: func(t *sobek.Object, prop string) bool {
			env.Unset(prop)
			return true
		},
		OwnKeys: func(t *sobek.Object) *sobek.Object {
			var keys []any
			for _, k := range env.Keys() {
				keys = append(keys, k)
			}
			return rt.NewArray(keys...)
		},
		GetOwnPropertyDescriptor: func(t *sobek.Object, prop string) sobek.PropertyDescriptor {
			if v, ok := env.Lookup(prop); ok {
				return sobek.PropertyDescriptor{Value: rt.ToValue(v), Writable: sobek.FLAG_TRUE, Enumerable: sobek.FLAG_TRUE, Configurable: sobek.FLAG_TRUE}
			}
			return sobek.PropertyDescriptor{}
		},
	})).(*sobek.Object)
}

var signalByName = map[string]syscall.Signal{
	"SIGINT": syscall.SIGINT, "SIGTERM": syscall.SIGTERM, "SIGHUP": syscall.SIGHUP,
	"SIGKILL": syscall.SIGKILL, "SIGUSR1": syscall.SIGUSR1, "SIGUSR2": syscall.SIGUSR2,
	"SIGQUIT": syscall.SIGQUIT, "SIGPIPE": syscall.SIGPIPE, "SIGWINCH": syscall.SIGWINCH,
}

// signalListeners installs an os/signal handler while a process signal
// event has listeners; with none, the default behaviour returns.
func (h *Host) signalListeners(ev string, n int) {
	sig, ok := signalByName[ev]
	if !ok || sig == syscall.SIGKILL || h.Options.Thread != nil {
		// signals are not delivered to workers (as in Node)
		return
	}
	if sig == syscall.SIGINT {
		h.sigintListeners(n > 0) // sigint.go: shared with vm's breakOnSigint
		return
	}
	h.sigMu.Lock()
	defer h.sigMu.Unlock()
	if h.sigChans == nil {
		h.sigChans = make(map[string]chan os.Signal)
	}
	ch, active := h.sigChans[ev]
	if n > 0 && !active {
		ch = make(chan os.Signal, 4)
		h.sigChans[ev] = ch
		signal.Notify(ch, sig)
		go func() {
			for range ch {
				h.Post(func() {
					h.emitter.emit(ev, h.Runtime.ToValue(ev), h.Runtime.ToValue(int(sig)))
				})
			}
		}()
	} else if n == 0 && active {
		signal.Stop(ch)
		close(ch)
		delete(h.sigChans, ev)
		signal.Reset(sig)
	}
}

func (h *Host) stopSignals() {
	h.stopSIGINT()
	h.sigMu.Lock()
	defer h.sigMu.Unlock()
	for ev, ch := range h.sigChans {
		signal.Stop(ch)
		close(ch)
		delete(h.sigChans, ev)
	}
}
