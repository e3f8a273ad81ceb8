// Package console is Node's `console` builtin (module.exports is the
// console object; the host also makes it the global `console`).
package console

import (
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/stack"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
)

// Now is the clock of console.time; tests may replace it.
var Now = time.Now

type console struct {
	h        *host.Host
	rt       *sobek.Runtime
	stdout   io.Writer
	stderr   io.Writer
	unwrap   func(*sobek.Object) (*sobek.Object, *sobek.Runtime, bool)
	captured util.CapturedReflect
	indent   string
	counts   map[string]int
	timers   map[string]time.Time
	types    *sobek.Object

	cache       *util.Cache
	inspectOpts *sobek.Object // Console's inspectOptions
	groupIndent string
}

// Load is the loader of the `console` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	cache := util.NewCacheCaptured(rt, util.CapturedOf(h))
	con := newConsole(h, cache, h.ConsoleWriter(1), h.ConsoleWriter(2), nil, 2)
	ctor := consoleClass(h, cache)
	_ = con.Set("Console", ctor)
	_ = module.Set("exports", con)
	return nil
}

// newConsole builds a console object writing to stdout and stderr.
func newConsole(h *host.Host, cache *util.Cache, outw, errw io.Writer, inspectOpts *sobek.Object, groupIndent int) *sobek.Object {
	rt := h.Runtime
	c := &console{
		h: h, rt: rt,
		stdout: outw, stderr: errw,
		unwrap:      util.UnwrapOf(h),
		captured:    util.CapturedOf(h),
		counts:      make(map[string]int),
		timers:      make(map[string]time.Time),
		cache:       cache,
		inspectOpts: inspectOpts,
		groupIndent: strings.Repeat(" ", groupIndent),
	}
	if c.stdout == nil {
		c.stdout = io.Discard
	}
	if c.stderr == nil {
		c.stderr = io.Discard
	}
	con := rt.NewObject()
	def := func(name string, f func(call sobek.FunctionCall) sobek.Value) {
		fo := rt.ToValue(f).(*sobek.Object)
		_ = fo.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = con.Set(name, fo)
	}
	out := func(w func() io.Writer) func(call sobek.FunctionCall) sobek.Value {
		return func(call sobek.FunctionCall) sobek.Value {
			c.write(w(), c.format(call.Arguments))
			return sobek.Undefined()
		}
	}
	stdout := func() io.Writer { return c.stdout }
	stderr := func() io.Writer { return c.stderr }
	def("log", out(stdout))
	def("info", out(stdout))
	def("debug", out(stdout))
	def("dirxml", out(stdout))
	def("warn", out(stderr))
	def("error", out(stderr))
	def("dir", func(call sobek.FunctionCall) sobek.Value {
		opts := c.options()
		opts.NoCustomInspect = true
		if o, ok := call.Argument(1).(*sobek.Object); ok {
			opts = mergeDir(rt, opts, o)
		}
		c.write(c.stdout, util.Inspect(rt, call.Argument(0), opts))
		return sobek.Undefined()
	})
	def("time", func(call sobek.FunctionCall) sobek.Value {
		label := c.label(call.Argument(0))
		if _, ok := c.timers[label]; ok {
			c.warning(fmt.Sprintf("Label '%s' already exists for console.time()", label))
			return sobek.Undefined()
		}
		c.timers[label] = Now()
		return sobek.Undefined()
	})
	def("timeEnd", func(call sobek.FunctionCall) sobek.Value {
		label := c.label(call.Argument(0))
		if c.timeLog("timeEnd", label, nil) {
			delete(c.timers, label)
		}
		return sobek.Undefined()
	})
	def("timeLog", func(call sobek.FunctionCall) sobek.Value {
		label := c.label(call.Argument(0))
		var data []sobek.Value
		if len(call.Arguments) > 1 {
			data = call.Arguments[1:]
		}
		c.timeLog("timeLog", label, data)
		return sobek.Undefined()
	})
	def("trace", func(call sobek.FunctionCall) sobek.Value {
		msg := util.Format(rt, call.Arguments, c.options())
		s := "Trace"
		if msg != "" {
			s += ": " + msg
		}
		frames := rt.CaptureCallStack(0, nil)
		// The first frame is console.trace itself.
		if len(frames) > 0 && frames[0].SrcName() == "<native>" {
			frames = frames[1:]
		}
		if len(frames) > 10 {
			frames = frames[:10]
		}
		c.write(c.stderr, s+stack.Frames(frames))
		return sobek.Undefined()
	})
	def("assert", func(call sobek.FunctionCall) sobek.Value {
		if call.Argument(0).ToBoolean() {
			return sobek.Undefined()
		}
		args := append([]sobek.Value(nil), call.Arguments...)
		if len(args) <= 1 {
			args = []sobek.Value{rt.ToValue("Assertion failed")}
		} else {
			args = args[1:]
			args[0] = rt.ToValue("Assertion failed: " + jsString(rt, args[0]))
		}
		c.write(c.stderr, c.format(args))
		return sobek.Undefined()
	})
	def("clear", func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() })
	def("count", func(call sobek.FunctionCall) sobek.Value {
		label := c.label(call.Argument(0))
		c.counts[label]++
		c.write(c.stdout, label+": "+strconv.Itoa(c.counts[label]))
		return sobek.Undefined()
	})
	def("countReset", func(call sobek.FunctionCall) sobek.Value {
		label := c.label(call.Argument(0))
		if _, ok := c.counts[label]; !ok {
			c.warning(fmt.Sprintf("Count for '%s' does not exist", label))
			return sobek.Undefined()
		}
		delete(c.counts, label)
		return sobek.Undefined()
	})
	def("group", func(call sobek.FunctionCall) sobek.Value {
		if len(call.Arguments) > 0 {
			c.write(c.stdout, c.format(call.Arguments))
		}
		c.indent += c.groupIndent
		return sobek.Undefined()
	})
	def("groupEnd", func(sobek.FunctionCall) sobek.Value {
		if len(c.indent) >= len(c.groupIndent) {
			c.indent = c.indent[:len(c.indent)-len(c.groupIndent)]
		}
		return sobek.Undefined()
	})
	def("table", func(call sobek.FunctionCall) sobek.Value {
		c.table(call.Argument(0), call.Argument(1))
		return sobek.Undefined()
	})
	_ = con.Set("groupCollapsed", con.Get("group"))
	return con
}

func jsString(rt *sobek.Runtime, v sobek.Value) string {
	if s, ok := v.(*sobek.Symbol); ok {
		_ = s
		panic(rt.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return v.String()
}

func (c *console) options() util.InspectOptions {
	o := util.DefaultOptions(c.rt)
	if c.inspectOpts != nil {
		o = mergeDir(c.rt, o, c.inspectOpts)
	}
	o.Unwrap = c.unwrap
	o.Captured = c.captured
	o.Cache = c.cache
	return o
}

func (c *console) format(args []sobek.Value) string {
	return util.Format(c.rt, args, c.options())
}

func (c *console) label(v sobek.Value) string {
	if v == nil || sobek.IsUndefined(v) {
		return "default"
	}
	return jsString(c.rt, v)
}

// write prints s and a newline, indented by the current group.
func (c *console) write(w io.Writer, s string) {
	if c.indent != "" {
		if strings.Contains(s, "\n") {
			s = strings.ReplaceAll(s, "\n", "\n"+c.indent)
		}
		s = c.indent + s
	}
	_, _ = io.WriteString(w, s+"\n")
}

// warning emits a process warning: through process.emitWarning when the
// host has one, else straight to stderr in Node's format.
func (c *console) warning(msg string) {
	if p, ok := c.rt.GlobalObject().Get("process").(*sobek.Object); ok {
		if f, ok := sobek.AssertFunction(p.Get("emitWarning")); ok {
			if _, err := f(p, c.rt.ToValue(msg)); err != nil {
				panic(err)
			}
			return
		}
	}
	_, _ = fmt.Fprintf(c.stderr, "(node:%d) Warning: %s\n", os.Getpid(), msg)
}

func (c *console) timeLog(name, label string, data []sobek.Value) bool {
	start, ok := c.timers[label]
	if !ok {
		c.warning(fmt.Sprintf("No such label '%s' for console.%s()", label, name))
		return false
	}
	ms := float64(Now().Sub(start).Nanoseconds()) / 1e6
	args := []sobek.Value{c.rt.ToValue("%s: %s"), c.rt.ToValue(label), c.rt.ToValue(formatTime(ms))}
	args = append(args, data...)
	c.write(c.stdout, c.format(args))
	return true
}

// formatTime renders a duration as console.timeEnd does.
func formatTime(ms float64) string {
	var hours, minutes float64
	seconds := 0.0
	if ms >= 1000 {
		if ms >= 60000 {
			if ms >= 3600000 {
				hours = math.Floor(ms / 3600000)
				ms = math.Mod(ms, 3600000)
			}
			minutes = math.Floor(ms / 60000)
			ms = math.Mod(ms, 60000)
		}
		seconds = ms / 1000
	}
	if hours != 0 || minutes != 0 {
		parts := strings.SplitN(strconv.FormatFloat(seconds, 'f', 3, 64), ".", 2)
		res := strconv.Itoa(int(minutes))
		unit := "m:ss.mmm"
		if hours != 0 {
			res = strconv.Itoa(int(hours)) + ":" + pad2(strconv.Itoa(int(minutes)))
			unit = "h:mm:ss.mmm"
		}
		return res + ":" + pad2(parts[0]) + "." + parts[1] + " (" + unit + ")"
	}
	if seconds != 0 {
		return strconv.FormatFloat(seconds, 'f', 3, 64) + "s"
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(ms, 'f', 3, 64), 64)
	return strconv.FormatFloat(v, 'f', -1, 64) + "ms"
}

func pad2(s string) string {
	if len(s) < 2 {
		return "0" + s
	}
	return s
}

func mergeDir(rt *sobek.Runtime, base util.InspectOptions, o *sobek.Object) util.InspectOptions {
	d := util.OptionsFromJS(rt, []sobek.Value{o})
	has := func(k string) bool {
		v := o.Get(k)
		return v != nil && !sobek.IsUndefined(v)
	}
	if has("depth") {
		base.Depth = d.Depth
	}
	if has("colors") {
		base.Colors = d.Colors
	}
	if has("showHidden") {
		base.ShowHidden = d.ShowHidden
	}
	if has("customInspect") {
		base.NoCustomInspect = d.NoCustomInspect
	}
	if has("breakLength") {
		base.BreakLength = d.BreakLength
	}
	if has("compact") {
		base.Compact = d.Compact
	}
	if has("sorted") {
		base.Sorted = d.Sorted
	}
	if has("maxArrayLength") {
		base.MaxArrayLength = d.MaxArrayLength
	}
	if has("maxStringLength") {
		base.MaxStringLength = d.MaxStringLength
	}
	if has("getters") {
		base.Getters = d.Getters
	}
	if has("showProxy") {
		base.ShowProxy = d.ShowProxy
	}
	return base
}
