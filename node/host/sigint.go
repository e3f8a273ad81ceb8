package host

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// sigintState routes SIGINT for one host. The os/signal handler is
// installed while process has 'SIGINT' listeners or a watcher is
// registered; a signal goes to the watchers when there are any (a
// breakOnSigint run), to the listeners otherwise. With neither, the signal
// has its default effect and kills the process.
type sigintState struct {
	mu        sync.Mutex
	listeners bool
	watchers  []*sigintWatcher
	ch        chan os.Signal
	closed    bool // the host has ended: no handler any more
}

type sigintWatcher struct{ fn func() }

// WatchSIGINT registers fn to be called, on a goroutine of its own, when the
// process receives SIGINT, until the returned stop is called. While at least
// one watcher is registered, a SIGINT neither reaches process's 'SIGINT'
// listeners nor kills the process: it is handed to the most recently
// registered watcher only (as in Node, a SIGINT during nested breakOnSigint
// runs interrupts the innermost one). As Node's breakOnSigint does, the
// watch takes process's 'SIGINT' listeners off (process.listenerCount is 0
// meanwhile) and stop puts them back, after any added during the watch.
// Call both on the host goroutine (the one running JS); stop may be called
// more than once. It is what vm's breakOnSigint uses.
func (h *Host) WatchSIGINT(fn func()) (stop func()) {
	s := &h.sigint
	w := &sigintWatcher{fn: fn}
	s.mu.Lock()
	s.watchers = append(s.watchers, w)
	h.updateSIGINT()
	s.mu.Unlock()
	// the watcher is in place: taking the listeners off leaves no moment
	// without a handler
	var saved []listener
	if e := h.emitter; e != nil && e.count("SIGINT") > 0 {
		saved = e.listeners["SIGINT"]
		delete(e.listeners, "SIGINT")
		if e.onChange != nil {
			e.onChange("SIGINT", 0)
		}
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			if e := h.emitter; e != nil && len(saved) > 0 {
				e.listeners["SIGINT"] = append(e.listeners["SIGINT"], saved...)
				if e.onChange != nil {
					e.onChange("SIGINT", len(e.listeners["SIGINT"]))
				}
			}
			s.mu.Lock()
			defer s.mu.Unlock()
			for i, x := range s.watchers {
				if x == w {
					s.watchers = append(s.watchers[:i], s.watchers[i+1:]...)
					break
				}
			}
			h.updateSIGINT()
		})
	}
}

// sigintListeners records whether process has 'SIGINT' listeners.
func (h *Host) sigintListeners(any bool) {
	s := &h.sigint
	s.mu.Lock()
	s.listeners = any
	h.updateSIGINT()
	s.mu.Unlock()
}

// stopSIGINT removes the handler when the host ends.
func (h *Host) stopSIGINT() {
	s := &h.sigint
	s.mu.Lock()
	s.listeners = false
	s.watchers = nil
	s.closed = true
	h.updateSIGINT()
	s.mu.Unlock()
}

// updateSIGINT installs or removes the os/signal handler; s.mu is held.
func (h *Host) updateSIGINT() {
	s := &h.sigint
	want := !s.closed && (s.listeners || len(s.watchers) > 0)
	if want && s.ch == nil {
		ch := make(chan os.Signal, 4)
		s.ch = ch
		signal.Notify(ch, syscall.SIGINT)
		go h.dispatchSIGINT(ch)
	} else if !want && s.ch != nil {
		// Once the last channel stops, the Go runtime restores the
		// default action (termination by the signal).
		signal.Stop(s.ch)
		close(s.ch)
		s.ch = nil
	}
}

func (h *Host) dispatchSIGINT(ch chan os.Signal) {
	for range ch {
		s := &h.sigint
		s.mu.Lock()
		var top *sigintWatcher
		if n := len(s.watchers); n > 0 {
			top = s.watchers[n-1]
		}
		listeners := s.listeners
		s.mu.Unlock()
		if top != nil {
			top.fn()
			continue
		}
		if listeners {
			h.Post(func() {
				rt := h.Runtime
				h.emitter.emit("SIGINT", rt.ToValue("SIGINT"), rt.ToValue(int(syscall.SIGINT)))
			})
		}
	}
}
