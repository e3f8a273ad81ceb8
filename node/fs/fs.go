// Package fs is Node's `fs` builtin (and fs/promises): the synchronous
// calls are Go system calls (binding below); fs.js builds the callback and
// promise forms on them, Stats, Dirent and the file streams.
//
// The callback and promise forms run the system call on the host's
// goroutine and deliver the result in a later turn of the event loop, as
// Node's thread pool would; they are asynchronous in order, not in time.
package fs

import (
	crand "crypto/rand"
	_ "embed"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
	nodeos "github.com/jsvm-dev/jsvm/node/os"
	"github.com/jsvm-dev/jsvm/node/util"
	"golang.org/x/sys/unix"
)

//go:embed fs.js
var source string

var embedded = &host.Embedded{Name: "node:fs", Params: "module, exports, internals, binding, require", Source: source}

// Load is the loader of the `fs` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	fn, err := embedded.Func(h)
	if err != nil {
		return err
	}
	b := &binding{h: h, rt: h.Runtime}
	req := h.BuiltinRequire()
	_, err = fn(sobek.Undefined(), module, module.Get("exports"), events.Internals(h), b.object(), req)
	if ex, ok := module.Get("exports").(*sobek.Object); ok && err == nil {
		util.SetPromisifyArgs(h.Runtime, ex.Get("read"), "bytesRead", "buffer")
		util.SetPromisifyArgs(h.Runtime, ex.Get("write"), "bytesWritten", "buffer")
		util.SetPromisifyArgs(h.Runtime, ex.Get("readv"), "bytesRead", "buffers")
		util.SetPromisifyArgs(h.Runtime, ex.Get("writev"), "bytesWritten", "buffers")
	}
	return err
}

// LoadPromises is the loader of `fs/promises`.
var LoadPromises = host.ExportsOf("fs", "promises")

type binding struct {
	h  *host.Host
	rt *sobek.Runtime
	in *inotify // fs.watch's, made on first use
}

// uvError throws Node's error for a failed system call: "ENOENT: no such
// file or directory, open '/x'" with errno, code, syscall, path (, dest).
func (b *binding) uvError(err error, syscallName, path, dest string) {
	code, msg := errCode(err)
	errno, _ := nodeos.Errno(code)
	m := code + ": " + msg + ", " + syscallName
	if path != "" {
		m += " '" + path + "'"
	}
	if dest != "" {
		m += " -> '" + dest + "'"
	}
	e := nodeerr.Plain(b.rt, "Error", m)
	_ = e.Set("errno", -errno)
	_ = e.Set("code", code)
	_ = e.Set("syscall", syscallName)
	if path != "" {
		_ = e.Set("path", path)
	}
	if dest != "" {
		_ = e.Set("dest", dest)
	}
	panic(e)
}

var errnoNames = map[syscall.Errno]string{}

func init() {
	for _, name := range []string{"E2BIG", "EACCES", "EAGAIN", "EBADF", "EBUSY", "EEXIST", "EFAULT", "EFBIG", "EINTR", "EINVAL", "EIO",
		"EISDIR", "ELOOP", "EMFILE", "ENAMETOOLONG", "ENFILE", "ENODEV", "ENOENT", "ENOMEM", "ENOSPC", "ENOSYS", "ENOTDIR",
		"ENOTEMPTY", "ENOTSUP", "ENXIO", "EPERM", "EPIPE", "EROFS", "ESPIPE", "ESRCH", "ETXTBSY", "EXDEV", "EOVERFLOW"} {
		if n, ok := nodeos.Errno(name); ok {
			errnoNames[syscall.Errno(n)] = name
		}
	}
}

// uvMessages are libuv's words where they differ from strerror's.
var uvMessages = map[string]string{
	"ENOTEMPTY":    "directory not empty",
	"ENOTSUP":      "operation not supported on socket",
	"EEXIST":       "file already exists",
	"ELOOP":        "too many symbolic links encountered",
	"EXDEV":        "cross-device link not permitted",
	"ETXTBSY":      "text file is busy",
	"EOVERFLOW":    "value too large for defined data type",
	"EMFILE":       "too many open files",
	"ENAMETOOLONG": "name too long",
	"ENOSYS":       "function not implemented",
	"EISDIR":       "illegal operation on a directory",
}

func errCode(err error) (code, msg string) {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		code = errnoNames[errno]
		if code == "" {
			code = "EIO"
		}
		msg = errno.Error()
		if m, ok := uvMessages[code]; ok {
			msg = m
		}
		return code, msg
	}
	return "EIO", err.Error()
}

func (b *binding) object() *sobek.Object {
	rt := b.rt
	o := rt.NewObject()
	set := func(name string, fn any) { _ = o.Set(name, fn) }
	set("open", b.open)
	set("watch", b.watch)
	set("close", func(fd int) {
		if err := syscall.Close(fd); err != nil {
			b.uvError(err, "close", "", "")
		}
	})
	set("read", b.read)
	set("write", b.write)
	set("readFile", b.readFile)
	set("fdReadAll", b.fdReadAll)
	set("stat", func(path string, follow bool, throwIfMissing bool) sobek.Value {
		var st syscall.Stat_t
		var err error
		name := "stat"
		if follow {
			err = syscall.Stat(path, &st)
		} else {
			name = "lstat"
			err = syscall.Lstat(path, &st)
		}
		if err != nil {
			if !throwIfMissing && (errors.Is(err, syscall.ENOENT) || errors.Is(err, syscall.ENOTDIR)) {
				return sobek.Undefined()
			}
			b.uvError(err, name, path, "")
		}
		return statArray(rt, &st)
	})
	set("fstat", func(fd int) sobek.Value {
		var st syscall.Stat_t
		if err := syscall.Fstat(fd, &st); err != nil {
			b.uvError(err, "fstat", "", "")
		}
		return statArray(rt, &st)
	})
	set("readdir", func(path string, withTypes bool) sobek.Value {
		f, err := os.Open(path)
		if err != nil {
			b.uvError(unwrapPathErr(err), "scandir", path, "")
		}
		defer f.Close()
		ents, err := f.ReadDir(-1)
		if err != nil {
			b.uvError(unwrapPathErr(err), "scandir", path, "")
		}
		sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
		names := make([]any, len(ents))
		types := make([]any, len(ents))
		for i, e := range ents {
			names[i] = e.Name()
			types[i] = direntType(e.Type())
		}
		if !withTypes {
			return rt.NewArray(names...)
		}
		return rt.NewArray(rt.NewArray(names...), rt.NewArray(types...))
	})
	set("mkdir", func(path string, recursive bool, mode int) sobek.Value {
		if !recursive {
			if err := syscall.Mkdir(path, uint32(mode)); err != nil {
				b.uvError(err, "mkdir", path, "")
			}
			return sobek.Undefined()
		}
		// the first directory created, as Node returns
		abs, _ := filepath.Abs(path)
		first := ""
		for p := abs; ; p = filepath.Dir(p) {
			fi, err := os.Stat(p)
			if err == nil {
				if !fi.IsDir() {
					b.uvError(syscall.ENOTDIR, "mkdir", path, "")
				}
				break
			}
			first = p
			if filepath.Dir(p) == p {
				break
			}
		}
		if err := os.MkdirAll(path, os.FileMode(mode)); err != nil {
			b.uvError(unwrapPathErr(err), "mkdir", path, "")
		}
		if first == "" {
			return sobek.Undefined()
		}
		return rt.ToValue(first)
	})
	set("rmdir", func(path string) {
		if err := syscall.Rmdir(path); err != nil {
			b.uvError(err, "rmdir", path, "")
		}
	})
	set("rm", func(path string, recursive, force bool) {
		var st syscall.Stat_t
		if err := syscall.Lstat(path, &st); err != nil {
			if force && errors.Is(err, syscall.ENOENT) {
				return
			}
			b.uvError(err, "lstat", path, "")
		}
		if st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
			if !recursive {
				e := b.rt.NewGoError(errors.New("Path is a directory: rm returned EISDIR (is a directory) " + path))
				_ = e.Set("name", "SystemError")
				_ = e.Set("code", "ERR_FS_EISDIR")
				_ = e.Set("errno", 21)
				_ = e.Set("syscall", "rm")
				_ = e.Set("path", path)
				panic(e)
			}
			if err := os.RemoveAll(path); err != nil {
				b.uvError(unwrapPathErr(err), "rm", path, "")
			}
			return
		}
		if err := syscall.Unlink(path); err != nil {
			b.uvError(err, "rm", path, "")
		}
	})
	set("unlink", func(path string) {
		if err := syscall.Unlink(path); err != nil {
			b.uvError(err, "unlink", path, "")
		}
	})
	set("rename", func(from, to string) {
		if err := syscall.Rename(from, to); err != nil {
			b.uvError(err, "rename", from, to)
		}
	})
	set("link", func(from, to string) {
		if err := syscall.Link(from, to); err != nil {
			b.uvError(err, "link", from, to)
		}
	})
	set("symlink", func(target, path string) {
		if err := syscall.Symlink(target, path); err != nil {
			b.uvError(err, "symlink", target, path)
		}
	})
	set("readlink", func(path string) string {
		s, err := os.Readlink(path)
		if err != nil {
			b.uvError(unwrapPathErr(err), "readlink", path, "")
		}
		return s
	})
	set("realpath", func(path string) string {
		abs, err := filepath.Abs(path)
		if err == nil {
			var r string
			if r, err = filepath.EvalSymlinks(abs); err == nil {
				return r
			}
		}
		b.uvError(unwrapPathErr(err), "lstat", path, "") // Node's realpath walks with lstat
		return ""
	})
	set("access", func(path string, mode int) {
		if err := syscall.Access(path, uint32(mode)); err != nil {
			b.uvError(err, "access", path, "")
		}
	})
	set("exists", func(path string) bool {
		var st syscall.Stat_t
		return syscall.Stat(path, &st) == nil
	})
	set("chmod", func(path string, mode int) {
		if err := syscall.Chmod(path, uint32(mode)); err != nil {
			b.uvError(err, "chmod", path, "")
		}
	})
	set("chown", func(path string, uid, gid int) {
		if err := syscall.Chown(path, uid, gid); err != nil {
			b.uvError(err, "chown", path, "")
		}
	})
	set("utimes", func(path string, atime, mtime float64) {
		at := time.UnixMicro(int64(atime * 1e6))
		mt := time.UnixMicro(int64(mtime * 1e6))
		if err := os.Chtimes(path, at, mt); err != nil {
			b.uvError(unwrapPathErr(err), "utime", path, "")
		}
	})
	tv := func(atime, mtime float64) []syscall.Timeval {
		return []syscall.Timeval{syscall.NsecToTimeval(int64(atime * 1e9)), syscall.NsecToTimeval(int64(mtime * 1e9))}
	}
	set("futimes", func(fd int, atime, mtime float64) {
		if err := syscall.Futimes(fd, tv(atime, mtime)); err != nil {
			b.uvError(err, "futime", "", "")
		}
	})
	set("lutimes", func(path string, atime, mtime float64) {
		ts := []unix.Timespec{unix.NsecToTimespec(int64(atime * 1e9)), unix.NsecToTimespec(int64(mtime * 1e9))}
		if err := unix.UtimesNanoAt(unix.AT_FDCWD, path, ts, unix.AT_SYMLINK_NOFOLLOW); err != nil {
			b.uvError(err, "lutime", path, "")
		}
	})
	set("fchmod", func(fd int, mode uint32) {
		if err := syscall.Fchmod(fd, mode); err != nil {
			b.uvError(err, "fchmod", "", "")
		}
	})
	set("fchown", func(fd, uid, gid int) {
		if err := syscall.Fchown(fd, uid, gid); err != nil {
			b.uvError(err, "fchown", "", "")
		}
	})
	set("truncate", func(path string, n int64) {
		if err := syscall.Truncate(path, n); err != nil {
			b.uvError(err, "open", path, "")
		}
	})
	set("ftruncate", func(fd int, n int64) {
		if err := syscall.Ftruncate(fd, n); err != nil {
			b.uvError(err, "ftruncate", "", "")
		}
	})
	set("fsync", func(fd int) {
		if err := syscall.Fsync(fd); err != nil {
			b.uvError(err, "fsync", "", "")
		}
	})
	set("copyFile", func(from, to string, excl bool) {
		in, err := os.Open(from)
		if err != nil {
			b.uvError(unwrapPathErr(err), "copyfile", from, to)
		}
		defer in.Close()
		fi, _ := in.Stat()
		if fi != nil && fi.IsDir() {
			b.uvError(syscall.EISDIR, "copyfile", from, to)
		}
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if excl {
			flags |= os.O_EXCL
		}
		out, err := os.OpenFile(to, flags, fi.Mode().Perm())
		if err != nil {
			b.uvError(unwrapPathErr(err), "copyfile", from, to)
		}
		defer out.Close()
		if _, err := io.Copy(out, in); err != nil {
			b.uvError(unwrapPathErr(err), "copyfile", from, to)
		}
	})
	set("mkdtemp", func(prefix string) string {
		// six random characters, as libuv's mkdtemp(3) template
		const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
		var err error
		for range 100 {
			var rnd [6]byte
			_, _ = crand.Read(rnd[:])
			for i := range rnd {
				rnd[i] = chars[int(rnd[i])%len(chars)]
			}
			p := prefix + string(rnd[:])
			if err = syscall.Mkdir(p, 0o700); err == nil {
				return p
			}
			if !errors.Is(err, syscall.EEXIST) {
				break
			}
		}
		b.uvError(err, "mkdtemp", prefix+"XXXXXX", "")
		return ""
	})
	set("umask", func() int {
		m := syscall.Umask(0)
		syscall.Umask(m)
		return m
	})
	return o
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func direntType(m os.FileMode) int {
	// UV_DIRENT_*: 1 file, 2 dir, 3 link, 4 fifo, 5 socket, 6 char, 7 block
	switch {
	case m.IsRegular():
		return 1
	case m.IsDir():
		return 2
	case m&os.ModeSymlink != 0:
		return 3
	case m&os.ModeNamedPipe != 0:
		return 4
	case m&os.ModeSocket != 0:
		return 5
	case m&os.ModeCharDevice != 0:
		return 6
	case m&os.ModeDevice != 0:
		return 7
	}
	return 0
}

func statArray(rt *sobek.Runtime, st *syscall.Stat_t) sobek.Value {
	ms := func(t syscall.Timespec) float64 { return float64(t.Sec)*1e3 + float64(t.Nsec)/1e6 }
	return rt.NewArray(float64(st.Dev), float64(st.Mode), float64(st.Nlink), float64(st.Uid), float64(st.Gid),
		float64(st.Rdev), float64(st.Blksize), float64(st.Ino), float64(st.Size), float64(st.Blocks),
		ms(st.Atim), ms(st.Mtim), ms(st.Ctim), 0.0)
}

// flags parses Node's flag strings ('r', 'w+', 'ax', ...) or numbers.
func parseFlags(v sobek.Value) (int, bool) {
	if n, ok := v.Export().(int64); ok {
		return int(n), true
	}
	if f, ok := v.Export().(float64); ok {
		return int(f), true
	}
	s, ok := v.Export().(string)
	if !ok {
		return 0, false
	}
	switch s {
	case "r":
		return syscall.O_RDONLY, true
	case "rs", "sr":
		return syscall.O_RDONLY | syscall.O_SYNC, true
	case "r+":
		return syscall.O_RDWR, true
	case "rs+", "sr+":
		return syscall.O_RDWR | syscall.O_SYNC, true
	case "w":
		return syscall.O_TRUNC | syscall.O_CREAT | syscall.O_WRONLY, true
	case "wx", "xw":
		return syscall.O_TRUNC | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_EXCL, true
	case "w+":
		return syscall.O_TRUNC | syscall.O_CREAT | syscall.O_RDWR, true
	case "wx+", "xw+":
		return syscall.O_TRUNC | syscall.O_CREAT | syscall.O_RDWR | syscall.O_EXCL, true
	case "a":
		return syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY, true
	case "ax", "xa":
		return syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_EXCL, true
	case "as", "sa":
		return syscall.O_APPEND | syscall.O_CREAT | syscall.O_WRONLY | syscall.O_SYNC, true
	case "a+":
		return syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR, true
	case "ax+", "xa+":
		return syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR | syscall.O_EXCL, true
	case "as+", "sa+":
		return syscall.O_APPEND | syscall.O_CREAT | syscall.O_RDWR | syscall.O_SYNC, true
	}
	return 0, false
}

func (b *binding) open(path string, flags sobek.Value, mode int) int {
	fl, ok := parseFlags(flags)
	if !ok {
		panic(events.Internals(b.h).Get("invalidArgValue").Export().(func(string, sobek.Value, string) *sobek.Object)("flags", flags, "is invalid"))
	}
	fd, err := syscall.Open(path, fl|syscall.O_CLOEXEC, uint32(mode))
	if err != nil {
		b.uvError(err, "open", path, "")
	}
	return fd
}

func (b *binding) bytes(v sobek.Value) []byte {
	var buf []byte
	if err := b.rt.ExportTo(v, &buf); err != nil {
		panic(b.rt.NewTypeError("not a buffer"))
	}
	return buf
}

// read reads into buf[off:off+n] at pos (-1: the current position).
func (b *binding) read(fd int, bufv sobek.Value, off, n int, pos int64) int {
	buf := b.bytes(bufv)
	if off < 0 || n < 0 || off+n > len(buf) {
		panic(b.rt.NewTypeError("read out of range"))
	}
	var r int
	var err error
	for {
		if pos >= 0 {
			r, err = syscall.Pread(fd, buf[off:off+n], pos)
		} else {
			r, err = syscall.Read(fd, buf[off:off+n])
		}
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		b.uvError(err, "read", "", "")
	}
	return r
}

func (b *binding) write(fd int, bufv sobek.Value, off, n int, pos int64) int {
	buf := b.bytes(bufv)
	if off < 0 || n < 0 || off+n > len(buf) {
		panic(b.rt.NewTypeError("write out of range"))
	}
	total := 0
	for total < n {
		var w int
		var err error
		if pos >= 0 {
			w, err = syscall.Pwrite(fd, buf[off+total:off+n], pos+int64(total))
		} else {
			w, err = syscall.Write(fd, buf[off+total:off+n])
		}
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			b.uvError(err, "write", "", "")
		}
		total += w
	}
	return total
}

// readFile reads a whole file by path.
func (b *binding) readFile(path string, flags sobek.Value) sobek.Value {
	fd := b.open(path, flags, 0o666)
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err == nil && st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
		b.uvError(syscall.EISDIR, "read", "", "")
	}
	return b.readAll(fd)
}

func (b *binding) fdReadAll(fd int) sobek.Value { return b.readAll(fd) }

func (b *binding) readAll(fd int) sobek.Value {
	var out []byte
	buf := make([]byte, 64*1024)
	for {
		n, err := syscall.Read(fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			b.uvError(err, "read", "", "")
		}
		if n == 0 {
			break
		}
		out = append(out, buf[:n]...)
	}
	return b.rt.ToValue(b.rt.NewArrayBuffer(out))
}
