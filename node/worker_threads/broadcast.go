package worker_threads

import (
	"sync"

	"github.com/grafana/sobek"
)

// broadcastGroups are the BroadcastChannels of the process by name: a
// message goes to every other open channel of its name, in every thread.
var broadcastGroups = struct {
	mu sync.Mutex
	m  map[string]map[*bcMember]struct{}
}{m: map[string]map[*bcMember]struct{}{}}

type bcMember struct {
	st        *state
	name      string
	onMessage sobek.Callable
	mu        sync.Mutex
	closed    bool
	holding   bool // holds a Ref of its host (host goroutine only)
}

// broadcast(name, onMessage) joins the group of name; it returns the
// channel's native handle.
func (st *state) broadcast(name string, onMessage sobek.Callable) sobek.Value {
	m := &bcMember{st: st, name: name, onMessage: onMessage}
	g := &broadcastGroups
	g.mu.Lock()
	if g.m[name] == nil {
		g.m[name] = map[*bcMember]struct{}{}
	}
	g.m[name][m] = struct{}{}
	g.mu.Unlock()
	rt := st.rt
	o := rt.NewObject()
	_ = o.Set("post", func(v sobek.Value) {
		env := st.seal(v, nil, nil)
		g.mu.Lock()
		var to []*bcMember
		for x := range g.m[name] {
			if x != m {
				to = append(to, x)
			}
		}
		g.mu.Unlock()
		for _, x := range to {
			x.st.h.Post(x.deliver(env))
		}
	})
	_ = o.Set("close", func() {
		m.mu.Lock()
		m.closed = true
		m.mu.Unlock()
		g.mu.Lock()
		delete(g.m[name], m)
		if len(g.m[name]) == 0 {
			delete(g.m, name)
		}
		g.mu.Unlock()
		m.setAlive(false)
	})
	_ = o.Set("setAlive", func(on bool) { m.setAlive(on) })
	st.broadcasts = append(st.broadcasts, m)
	return o
}

func (m *bcMember) setAlive(on bool) {
	m.mu.Lock()
	closed := m.closed
	m.mu.Unlock()
	on = on && !closed
	if on && !m.holding {
		m.holding = true
		m.st.h.Ref()
	} else if !on && m.holding {
		m.holding = false
		m.st.h.Unref()
	}
}

func (m *bcMember) deliver(env *envelope) func() {
	return func() {
		m.mu.Lock()
		closed := m.closed
		m.mu.Unlock()
		if closed {
			return
		}
		v, _, err := m.st.open(env)
		if err != nil {
			return
		}
		m.st.call(m.onMessage, v)
	}
}

// leave takes the thread's channels out of their groups when it stops.
func (st *state) leaveBroadcasts() {
	g := &broadcastGroups
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, m := range st.broadcasts {
		m.mu.Lock()
		m.closed = true
		m.mu.Unlock()
		delete(g.m[m.name], m)
		if len(g.m[m.name]) == 0 {
			delete(g.m, m.name)
		}
	}
	st.broadcasts = nil
}
