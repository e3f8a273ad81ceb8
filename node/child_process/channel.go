package child_process

import (
	"os"
	"strconv"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/host"
)

// SetupChannel gives a process spawned with an 'ipc' stdio entry its side
// of the channel: when NODE_CHANNEL_FD is set it installs process.send,
// process.disconnect and process.connected, and emits 'message' (and
// 'disconnect') on process. Messages are Node's "json" serialization: one
// JSON text per line. Call it after host.New, before running code; it does
// nothing when the variable is unset. The channel does not keep the
// process alive.
func SetupChannel(h *host.Host) error {
	fdText, ok := os.LookupEnv("NODE_CHANNEL_FD")
	if !ok {
		return nil
	}
	_ = os.Unsetenv("NODE_CHANNEL_FD")
	_ = os.Unsetenv("NODE_CHANNEL_SERIALIZATION_MODE")
	rt := h.Runtime
	proc := h.Process()
	if env, ok := proc.Get("env").(*sobek.Object); ok {
		_ = env.Delete("NODE_CHANNEL_FD")
		_ = env.Delete("NODE_CHANNEL_SERIALIZATION_MODE")
	}
	fd, err := strconv.Atoi(fdText)
	if err != nil || fd < 0 {
		return nil
	}
	f := os.NewFile(uintptr(fd), "ipc")
	if f == nil {
		return nil
	}
	connected := true
	w := newQueueWriter(f, nil)
	w.keepFile = true
	emit := func(ev string, args ...sobek.Value) {
		if fn, ok := sobek.AssertFunction(proc.Get("emit")); ok {
			_, _ = fn(proc, append([]sobek.Value{rt.ToValue(ev)}, args...)...)
		}
	}
	// Like Node, the channel keeps the process alive only while someone
	// listens for 'message' or 'disconnect'.
	listeners, refd := 0, false
	setRef := func() {
		want := connected && listeners > 0
		if want && !refd {
			h.Ref()
		} else if !want && refd {
			h.Unref()
		}
		refd = want
	}
	watch := func(delta int) func(ev string) {
		return func(ev string) {
			if ev == "message" || ev == "disconnect" {
				listeners += delta
				if listeners < 0 {
					listeners = 0
				}
				setRef()
			}
		}
	}
	if on, ok := sobek.AssertFunction(proc.Get("on")); ok {
		_, _ = on(proc, rt.ToValue("newListener"), rt.ToValue(watch(1)))
		_, _ = on(proc, rt.ToValue("removeListener"), rt.ToValue(watch(-1)))
	}
	disconnected := func() {
		if !connected {
			return
		}
		connected = false
		setRef()
		_ = proc.Set("connected", false)
		emit("disconnect")
	}
	go func() {
		readLines(f, func(line string) {
			h.Post(func() {
				if !connected {
					return
				}
				v, err := parseJSON(rt, line)
				if err != nil {
					return
				}
				emit("message", v)
			})
		})
		w.stop()
		h.Post(disconnected)
	}()
	_ = proc.Set("connected", true)
	_ = proc.Set("send", func(c sobek.FunctionCall) sobek.Value {
		msg := c.Argument(0)
		var cb sobek.Callable
		for _, a := range c.Arguments[1:] {
			if fn, ok := sobek.AssertFunction(a); ok {
				cb = fn
				break
			}
		}
		if sobek.IsUndefined(msg) {
			panic(nodeerr.InvalidArgType(rt, "message", "of type string or object", msg))
		}
		if !connected {
			err := nodeerr.New(rt, "Error", "ERR_IPC_CHANNEL_CLOSED", "Channel closed")
			h.Post(func() {
				if cb != nil {
					_, _ = cb(sobek.Undefined(), err)
				} else {
					emit("error", err)
				}
			})
			return rt.ToValue(false)
		}
		text, err := stringifyJSON(rt, msg)
		if err != nil {
			panic(err)
		}
		// A pending write keeps the process alive, as in Node, so that
		// a message sent just before exit is not lost.
		h.Ref()
		w.send(writeOp{data: []byte(text + "\n"), cb: func(err error) {
			if cb != nil {
				h.Post(func() {
					if err != nil {
						_, _ = cb(sobek.Undefined(), rt.NewGoError(err))
					} else {
						_, _ = cb(sobek.Undefined(), sobek.Null())
					}
				})
			}
			h.Unref()
		}})
		return rt.ToValue(true)
	})
	_ = proc.Set("disconnect", func() {
		if !connected {
			return
		}
		h.Ref()
		w.send(writeOp{end: true, cb: func(error) { h.Unref() }})
		h.Post(disconnected)
	})
	return nil
}

func parseJSON(rt *sobek.Runtime, text string) (sobek.Value, error) {
	j, _ := rt.Get("JSON").(*sobek.Object)
	fn, _ := sobek.AssertFunction(j.Get("parse"))
	return fn(j, rt.ToValue(text))
}

func stringifyJSON(rt *sobek.Runtime, v sobek.Value) (string, error) {
	j, _ := rt.Get("JSON").(*sobek.Object)
	fn, _ := sobek.AssertFunction(j.Get("stringify"))
	r, err := fn(j, v)
	if err != nil {
		return "", err
	}
	return r.String(), nil
}
