// Package tty is Node's `tty` builtin: isatty, and ReadStream/WriteStream
// as the stream classes of the terminal's file descriptors.
package tty

import (
	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/host"
)

// Load is the loader of the `tty` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	ex := rt.NewObject()
	_ = ex.Set("isatty", func(v sobek.Value) bool {
		n, ok := v.Export().(int64)
		if !ok || n < 0 || n > 2147483647 {
			return false
		}
		return host.IsTerminal(int(n))
	})
	fn, err := rt.RunString(`(function (ex, require) {
		const { Readable, Writable } = require('stream');
		function ReadStream(fd, options) {
			if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
			Readable.call(this, options);
			this.fd = fd; this.isRaw = false; this.isTTY = true;
		}
		Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
		ReadStream.prototype.setRawMode = function (flag) { this.isRaw = !!flag; return this; };
		ReadStream.prototype._read = function () {};
		function WriteStream(fd) {
			if (!(this instanceof WriteStream)) return new WriteStream(fd);
			Writable.call(this);
			this.fd = fd; this.isTTY = true; this.columns = 80; this.rows = 24;
		}
		Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
		WriteStream.prototype._write = function (chunk, enc, cb) { require('fs').writeSync(this.fd, chunk); cb(); };
		WriteStream.prototype.getColorDepth = function (env = process.env) {
			if (env.FORCE_COLOR === '0' || env.NO_COLOR !== undefined) return 1;
			if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
			if (/-256(color)?$/i.test(env.TERM || '')) return 8;
			return env.TERM === 'dumb' ? 1 : 4;
		};
		WriteStream.prototype.hasColors = function (count = 16, env) {
			if (typeof count === 'object') { env = count; count = 16; }
			return count <= 2 ** this.getColorDepth(env);
		};
		WriteStream.prototype.getWindowSize = function () { return [this.columns, this.rows]; };
		WriteStream.prototype.clearLine = function (dir, cb) { return require('readline').clearLine(this, dir, cb); };
		WriteStream.prototype.clearScreenDown = function (cb) { return require('readline').clearScreenDown(this, cb); };
		WriteStream.prototype.cursorTo = function (x, y, cb) { return require('readline').cursorTo(this, x, y, cb); };
		WriteStream.prototype.moveCursor = function (dx, dy, cb) { return require('readline').moveCursor(this, dx, dy, cb); };
		ex.ReadStream = ReadStream;
		ex.WriteStream = WriteStream;
	})`)
	if err != nil {
		return err
	}
	f, _ := sobek.AssertFunction(fn)
	if _, err := f(sobek.Undefined(), ex, h.BuiltinRequire()); err != nil {
		return err
	}
	return module.Set("exports", ex)
}
