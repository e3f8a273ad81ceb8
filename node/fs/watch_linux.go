package fs

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
	"golang.org/x/sys/unix"
)

// fs.watch on Linux: one inotify instance per host (made on the first
// watch), read by one goroutine through Go's poller; its events are
// posted to the loop as libuv reports them: a change (IN_ATTRIB,
// IN_MODIFY) is 'change', anything else 'rename', with the entry's name
// (the watched file's own name when the event is about itself). A
// recursive watcher adds a watch for each directory below its root,
// also for those made later, and names entries by their path from the
// root, as Node does on Linux.

const watchMask = unix.IN_ATTRIB | unix.IN_CREATE | unix.IN_MODIFY | unix.IN_DELETE |
	unix.IN_DELETE_SELF | unix.IN_MOVE_SELF | unix.IN_MOVED_FROM | unix.IN_MOVED_TO

type inotify struct {
	b    *binding
	fd   int
	f    *os.File
	mu   sync.Mutex
	byWD map[int][]*watcher
}

type watcher struct {
	in        *inotify
	root      string
	base      string // the root's own name
	recursive bool
	wds       map[int]string // wd -> directory relative to root (in.mu)
	onEvent   sobek.Callable
	closed    bool // loop only
	refd      bool // loop only
}

type fsEvent struct {
	w    *watcher
	kind string
	name string
}

func (b *binding) inotify() (*inotify, error) {
	if b.in != nil {
		return b.in, nil
	}
	fd, err := unix.InotifyInit1(unix.IN_NONBLOCK | unix.IN_CLOEXEC)
	if err != nil {
		return nil, err
	}
	in := &inotify{b: b, fd: fd, f: os.NewFile(uintptr(fd), "inotify"), byWD: map[int][]*watcher{}}
	b.in = in
	b.h.OnStop(func() { _ = in.f.Close() })
	go in.read()
	return in, nil
}

// add watches dir for w (in.mu held).
func (in *inotify) add(w *watcher, path, rel string) error {
	wd, err := unix.InotifyAddWatch(in.fd, path, watchMask)
	if err != nil {
		return err
	}
	if _, dup := w.wds[wd]; !dup {
		w.wds[wd] = rel
		in.byWD[wd] = append(in.byWD[wd], w)
	}
	return nil
}

// addTree watches every directory below dir (in.mu held); errors (a
// directory gone meanwhile) skip that directory, as Node's walk does.
func (in *inotify) addTree(w *watcher, dir, rel string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		r := filepath.Join(rel, e.Name())
		if in.add(w, p, r) == nil {
			in.addTree(w, p, r)
		}
	}
}

func (in *inotify) read() {
	buf := make([]byte, 64<<10)
	for {
		n, err := in.f.Read(buf)
		if err != nil {
			return // closed (host stopped)
		}
		var evs []fsEvent
		in.mu.Lock()
		for off := 0; off+unix.SizeofInotifyEvent <= n; {
			e := (*unix.InotifyEvent)(unsafe.Pointer(&buf[off]))
			nameBytes := buf[off+unix.SizeofInotifyEvent : off+unix.SizeofInotifyEvent+int(e.Len)]
			off += unix.SizeofInotifyEvent + int(e.Len)
			name := string(nameBytes)
			for i, c := range nameBytes {
				if c == 0 {
					name = string(nameBytes[:i])
					break
				}
			}
			if e.Mask&unix.IN_Q_OVERFLOW != 0 {
				continue
			}
			kind := "rename"
			if e.Mask&^uint32(unix.IN_ATTRIB|unix.IN_MODIFY|unix.IN_ISDIR) == 0 {
				kind = "change"
			}
			for _, w := range in.byWD[int(e.Wd)] {
				rel := w.wds[int(e.Wd)]
				fname := w.base
				if name != "" {
					fname = filepath.Join(rel, name)
				} else if rel != "" {
					fname = rel
				}
				if w.recursive && name != "" && e.Mask&unix.IN_ISDIR != 0 && e.Mask&(unix.IN_CREATE|unix.IN_MOVED_TO) != 0 {
					p := filepath.Join(w.root, rel, name)
					if in.add(w, p, filepath.Join(rel, name)) == nil {
						in.addTree(w, p, filepath.Join(rel, name))
					}
				}
				evs = append(evs, fsEvent{w, kind, fname})
			}
			// the watch is gone (its file or directory was removed):
			// libuv reports that as one more 'rename'
			if e.Mask&unix.IN_IGNORED != 0 {
				for _, w := range in.byWD[int(e.Wd)] {
					delete(w.wds, int(e.Wd))
				}
				delete(in.byWD, int(e.Wd))
			}
		}
		in.mu.Unlock()
		if len(evs) == 0 {
			continue
		}
		rt := in.b.rt
		in.b.h.Post(func() {
			for _, ev := range evs {
				if ev.w.closed {
					continue
				}
				if _, err := ev.w.onEvent(sobek.Undefined(), rt.ToValue(ev.kind), rt.ToValue(ev.name)); err != nil {
					panic(err)
				}
			}
		})
	}
}

// watch(path, recursive, onEvent) -> {close, ref, unref}; throws Node's
// error when path cannot be watched. The handle keeps the loop alive
// until closed or unref'd.
func (b *binding) watch(path string, recursive bool, onEvent sobek.Callable) *sobek.Object {
	in, err := b.inotify()
	if err != nil {
		b.uvError(err, "watch", path, "")
	}
	abs, _ := filepath.Abs(path)
	w := &watcher{in: in, root: abs, base: filepath.Base(abs), recursive: recursive, wds: map[int]string{}, onEvent: onEvent}
	in.mu.Lock()
	err = in.add(w, abs, "")
	if err == nil && recursive {
		if st, serr := os.Stat(abs); serr == nil && st.IsDir() {
			in.addTree(w, abs, "")
		}
	}
	in.mu.Unlock()
	if err != nil {
		var errno unix.Errno
		if !errors.As(err, &errno) {
			err = unix.EINVAL
		}
		b.uvError(err, "watch", path, "")
	}
	b.h.Ref()
	w.refd = true
	o := b.rt.NewObject()
	_ = o.Set("close", func() {
		if w.closed {
			return
		}
		w.closed = true
		in.mu.Lock()
		for wd := range w.wds {
			list := in.byWD[wd]
			for i, x := range list {
				if x == w {
					list = append(list[:i:i], list[i+1:]...)
					break
				}
			}
			if len(list) == 0 {
				delete(in.byWD, wd)
				_, _ = unix.InotifyRmWatch(in.fd, uint32(wd))
			} else {
				in.byWD[wd] = list
			}
		}
		w.wds = map[int]string{}
		in.mu.Unlock()
		if w.refd {
			w.refd = false
			b.h.Unref()
		}
	})
	_ = o.Set("ref", func() {
		if !w.closed && !w.refd {
			w.refd = true
			b.h.Ref()
		}
	})
	_ = o.Set("unref", func() {
		if w.refd {
			w.refd = false
			b.h.Unref()
		}
	})
	return o
}
