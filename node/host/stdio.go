package host

import (
	"io"
	"os"

	"github.com/grafana/sobek"
)

// process.stdin, stdout and stderr. With the stream builtin registered
// they are stream.Readable / stream.Writable instances made on first
// access (writes to stdout/stderr are synchronous, as Node's for files
// and terminals); without it, minimal objects with write().

const stdioSource = `(function (stream, binding) {
  const { Readable, Writable } = stream;
  function writable(fd, tty, write) {
    const w = new Writable({
      decodeStrings: false,
      write(chunk, enc, cb) { write(typeof chunk === 'string' ? chunk : chunk); cb(); },
    });
    own.set(w, { impl: w._write, write });
    w.fd = fd;
    w._type = tty ? 'tty' : 'fs';
    w._isStdio = true;
    w.destroySoon = w.destroy;
    w._destroy = function (err, cb) { cb(err); };
    if (tty) {
      w.isTTY = true;
      w.columns = binding.columns(fd) || 80;
      w.rows = binding.rows(fd) || 24;
      w.getColorDepth = function (env = process.env) {
        if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === '0' ? 1 : env.FORCE_COLOR === '3' ? 24 : env.FORCE_COLOR === '2' ? 8 : 4;
        if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return 1;
        if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
        if (/-256(color)?$/i.test(env.TERM || '')) return 8;
        return 4;
      };
      w.hasColors = function (count = 16, env) { if (typeof count === 'object') { env = count; count = 16; } return count <= 2 ** w.getColorDepth(env); };
      w.getWindowSize = function () { return [w.columns, w.rows]; };
      w.cursorTo = function (x, y, cb) { return require('readline').cursorTo(w, x, y, cb); };
      w.moveCursor = function (dx, dy, cb) { return require('readline').moveCursor(w, dx, dy, cb); };
      w.clearLine = function (dir, cb) { return require('readline').clearLine(w, dir, cb); };
      w.clearScreenDown = function (cb) { return require('readline').clearScreenDown(w, cb); };
    }
    return w;
  }
  // writeToConsole is Node's kWriteToConsole for a console that ignores
  // errors (the global one): a write's synchronous throw is swallowed
  // (not a stack overflow), an 'error' it emits meanwhile goes to a no-op
  // listener. A stdio stream made here whose write is still the one it
  // was made with, with nothing buffered, corked, ended or errored, is
  // written straight through (direct): what Writable.write would do,
  // without its per-call cost.
  const own = new WeakMap();
  const WritableWrite = Writable.prototype.write;
  function noop() {}
  function isStackOverflowError(e) {
    return e instanceof RangeError && e.message === 'Maximum call stack size exceeded';
  }
  function errorHandler(err) {
    const stream = this;
    if (err !== null && !(stream._writableState && stream._writableState.errorEmitted)) {
      if (stream.listenerCount('error') === 0) stream.once('error', noop);
    }
  }
  function writeToConsole(stream, string) {
    const direct = own.get(stream);
    if (direct !== undefined && stream.write === WritableWrite && stream._write === direct.impl) {
      const st = stream._writableState;
      if (st && !st.writing && !st.corked && !st.ending && !st.destroyed && !st.errored &&
          st.constructed && st.buffered.length === 0 && !st.objectMode) {
        direct.write(string);
        return;
      }
    }
    try {
      if (stream.listenerCount('error') === 0) stream.once('error', noop);
      stream.write(string, (err) => errorHandler.call(stream, err));
    } catch (e) {
      if (isStackOverflowError(e)) throw e;
    } finally {
      stream.removeListener('error', noop);
    }
  }
  function readable(tty) {
    const r = new Readable({
      highWaterMark: 64 * 1024,
      read() { binding.readMore((chunk) => { r.push(chunk === null ? null : chunk); }); },
    });
    r.fd = 0;
    r._isStdio = true;
    if (tty) { r.isTTY = true; r.isRaw = false; r.setRawMode = function (mode) { r.isRaw = !!mode; return r; }; }
    r.ref = function () { return r; };
    r.unref = function () { return r; };
    return r;
  }
  return { writable, readable, writeToConsole };
})`

var stdioProg = sobek.MustCompile("node:internal/bootstrap/switches/is_main_thread", stdioSource, true)

func (h *Host) installStdio(p *sobek.Object) {
	rt := h.Runtime
	var made *sobek.Object // {writable, readable}
	factory := func() *sobek.Object {
		if made != nil {
			return made
		}
		if _, ok := h.Options.Registry.Lookup("stream"); !ok {
			return nil
		}
		st, err := h.Require("stream")
		if err != nil {
			return nil
		}
		fv, err := rt.RunProgram(stdioProg)
		if err != nil {
			return nil
		}
		fn, _ := sobek.AssertFunction(fv)
		r, err := fn(sobek.Undefined(), st, h.stdioBinding())
		if err != nil {
			return nil
		}
		made = r.(*sobek.Object)
		h.writeToConsole, _ = sobek.AssertFunction(made.Get("writeToConsole"))
		return made
	}
	lazy := func(name string, mk func() sobek.Value) {
		var v sobek.Value
		fd := stdioFD(name)
		_ = p.DefineAccessorProperty(name, rt.ToValue(func(sobek.FunctionCall) sobek.Value {
			if v == nil {
				v = mk()
				if h.stdio[fd] == nil {
					h.stdio[fd] = v
				}
			}
			return v
		}), rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
			v = c.Argument(0) // Node lets a program replace them
			return sobek.Undefined()
		}), sobek.FLAG_TRUE, sobek.FLAG_TRUE)
	}
	out := func(fd int, w func() io.Writer) func() sobek.Value {
		return func() sobek.Value {
			tty := false
			if f, ok := w().(*os.File); ok {
				tty = isTerminal(f)
			}
			if f := factory(); f != nil {
				mk, _ := sobek.AssertFunction(f.Get("writable"))
				v, err := mk(sobek.Undefined(), rt.ToValue(fd), rt.ToValue(tty), rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
					_, _ = w().Write(bytesOfChunk(c.Argument(0)))
					return sobek.Undefined()
				}))
				if err == nil {
					return v
				}
			}
			return h.stream(fd, w)
		}
	}
	lazy("stdout", out(1, func() io.Writer { return h.Options.Stdout }))
	lazy("stderr", out(2, func() io.Writer { return h.Options.Stderr }))
	lazy("stdin", func() sobek.Value {
		tty := false
		if f, ok := h.Options.Stdin.(*os.File); ok {
			tty = isTerminal(f)
		}
		if f := factory(); f != nil {
			mk, _ := sobek.AssertFunction(f.Get("readable"))
			if v, err := mk(sobek.Undefined(), rt.ToValue(tty)); err == nil {
				return v
			}
		}
		o := rt.NewObject()
		_ = o.Set("fd", 0)
		if tty {
			_ = o.Set("isTTY", true)
		}
		return o
	})
}

func stdioFD(name string) int {
	switch name {
	case "stdout":
		return 1
	case "stderr":
		return 2
	}
	return 0
}

// ConsoleWriter is where the global console writes fd 1 or 2: as Node's,
// through process.stdout.write / process.stderr.write (code that patches
// them, test runners and loggers, sees console output), with the global
// console's error handling. Until a program has touched process.stdout
// (or stderr) nothing can have patched it, and the bytes go straight to
// Options.Stdout (Stderr). As Node's, the console keeps the stream the
// process made: a replaced process.stdout is not its target.
func (h *Host) ConsoleWriter(fd int) io.Writer { return consoleWriter{h: h, fd: fd} }

type consoleWriter struct {
	h  *Host
	fd int
}

func (w consoleWriter) Write(p []byte) (int, error) {
	h := w.h
	v := h.stdio[w.fd]
	if v == nil || h.writeToConsole == nil {
		// untouched, or the stream-less fallback of a registry without
		// the stream builtin
		out := h.Options.Stdout
		if w.fd == 2 {
			out = h.Options.Stderr
		}
		return out.Write(p)
	}
	if _, err := h.writeToConsole(sobek.Undefined(), v, h.Runtime.ToValue(string(p))); err != nil {
		panic(err)
	}
	return len(p), nil
}

func bytesOfChunk(v sobek.Value) []byte {
	switch x := v.Export().(type) {
	case string:
		return []byte(x)
	case []byte:
		return x
	}
	if o, ok := v.(*sobek.Object); ok {
		if ab, ok := o.Get("buffer").Export().(sobek.ArrayBuffer); ok {
			off := int(o.Get("byteOffset").ToInteger())
			n := int(o.Get("byteLength").ToInteger())
			return ab.Bytes()[off : off+n]
		}
	}
	return []byte(v.String())
}

// stdioBinding reads Options.Stdin on a goroutine, one chunk per request:
// a pending request holds a Ref (the process waits for input only while
// the stream wants data, as Node's stdin handle).
func (h *Host) stdioBinding() *sobek.Object {
	rt := h.Runtime
	b := rt.NewObject()
	type chunk struct {
		data []byte
		eof  bool
	}
	var (
		want    chan struct{}
		pending bool
		done    bool
	)
	_ = b.Set("readMore", func(cb sobek.Callable) {
		if pending || done {
			return
		}
		if h.Options.Stdin == nil {
			done = true
			h.ticks = append(h.ticks, tick{fn: cb, args: []sobek.Value{sobek.Null()}})
			return
		}
		if want == nil {
			want = make(chan struct{}, 1)
			src := h.Options.Stdin
			go func() {
				buf := make([]byte, 64*1024)
				for range want {
					n, err := src.Read(buf)
					c := chunk{data: append([]byte(nil), buf[:n]...), eof: err != nil && n == 0}
					if err != nil && n > 0 {
						// deliver the data now, the end on the next request
						h.Post(func() { pending = false; h.Unref(); deliver(rt, cb, c.data) })
						<-want
						h.Post(func() { pending = false; done = true; h.Unref(); deliver(rt, cb, nil) })
						return
					}
					h.Post(func() {
						pending = false
						h.Unref()
						if c.eof {
							done = true
							deliver(rt, cb, nil)
							return
						}
						deliver(rt, cb, c.data)
					})
					if c.eof {
						return
					}
				}
			}()
		}
		pending = true
		h.Ref()
		want <- struct{}{}
	})
	_ = b.Set("columns", func(fd int) int { return 0 })
	_ = b.Set("rows", func(fd int) int { return 0 })
	return b
}

// deliver pushes a chunk (nil: the end) into the stream; a throw from a
// 'data' listener is an uncaught exception of this macrotask.
func deliver(rt *sobek.Runtime, cb sobek.Callable, data []byte) {
	call := func(v sobek.Value) {
		if _, err := cb(sobek.Undefined(), v); err != nil {
			panic(err)
		}
	}
	if data == nil {
		call(sobek.Null())
		return
	}
	bufCtor := rt.Get("Buffer")
	if bo, ok := bufCtor.(*sobek.Object); ok {
		if from, ok := sobek.AssertFunction(bo.Get("from")); ok {
			if v, err := from(bo, rt.ToValue(rt.NewArrayBuffer(data))); err == nil {
				call(v)
				return
			}
		}
	}
	call(rt.ToValue(rt.NewArrayBuffer(data)))
}
