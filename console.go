package jsvm

import (
	"io"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/node/util"
)

// Console is where a context's console writes (ContextOptions.Console):
// log, info and debug go to Stdout, warn, error and trace to Stderr. A nil
// writer discards. Arguments are formatted as Node formats them
// (util.format, and util.inspect for objects: the jsvm command's own
// implementation); console.dir inspects its argument. The rest of Node's
// console (time, count, group, table, assert) is the jsvm command's.
type Console struct {
	Stdout, Stderr io.Writer
}

// installConsole gives c a global console writing to con.
func (c *Context) installConsole(con *Console) error {
	if err := c.iso.enter(); err != nil {
		return err
	}
	defer c.iso.exit()
	out, errw := con.Stdout, con.Stderr
	if out == nil {
		out = io.Discard
	}
	if errw == nil {
		errw = io.Discard
	}
	return c.iso.thrown(c.c.Guard(func() { installConsole(c.c, out, errw) }), c.c)
}

func installConsole(c *core.Context, out, errw io.Writer) {
	rt := c.Runtime()
	opts := util.InspectOptions{Unwrap: c.Isolate().Unwrap, Captured: c.Isolate().CapturedReflect, Cache: util.NewCacheCaptured(rt, c.Isolate().CapturedReflect)}
	obj := rt.NewObject()
	def := func(name string, fn func(sobek.FunctionCall) sobek.Value) {
		f := rt.ToValue(fn).(*sobek.Object)
		_ = f.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
		_ = obj.Set(name, f)
	}
	write := func(w io.Writer, s string) {
		_, _ = io.WriteString(w, s+"\n")
	}
	printer := func(w io.Writer) func(sobek.FunctionCall) sobek.Value {
		return func(call sobek.FunctionCall) sobek.Value {
			write(w, util.Format(rt, call.Arguments, opts))
			return sobek.Undefined()
		}
	}
	def("log", printer(out))
	def("info", printer(out))
	def("debug", printer(out))
	def("warn", printer(errw))
	def("error", printer(errw))
	def("dir", func(call sobek.FunctionCall) sobek.Value {
		o := opts
		o.NoCustomInspect = true
		write(out, util.Inspect(rt, call.Argument(0), o))
		return sobek.Undefined()
	})
	def("trace", func(call sobek.FunctionCall) sobek.Value {
		msg := "Trace"
		if len(call.Arguments) > 0 {
			msg += ": " + util.Format(rt, call.Arguments, opts)
		}
		e := c.NewError("Error", msg)
		st := e.Get("stack").String()
		if len(st) > 7 && st[:7] == "Error: " {
			st = "Trace: " + st[7:]
		}
		write(errw, st)
		return sobek.Undefined()
	})
	_ = c.Builtins().DefineDataProperty("console", obj, sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
}
