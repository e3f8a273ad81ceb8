package worker_threads

import (
	"sync"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/host"
)

// An endpoint is one end of a message channel. Its queue holds the
// messages sent to it; it is bound to at most one host at a time (the
// thread whose MessagePort object stands for it), and to none while it
// travels inside a message. Senders on any goroutine append to the queue;
// delivery happens on the binding host's goroutine.
type endpoint struct {
	mu     sync.Mutex
	peer   *endpoint
	queue  []*envelope
	closed bool
	owner  *binding // nil while unbound
}

// envelope is one message: the copy graph and the endpoints that moved
// with it (in transfer-list order).
type envelope struct {
	graph any
	ports []*endpoint
}

func newChannel() (*endpoint, *endpoint) {
	a, b := &endpoint{}, &endpoint{}
	a.peer, b.peer = b, a
	return a, b
}

// send queues m at the peer of e; false when the channel is closed.
func (e *endpoint) send(m *envelope) bool {
	e.mu.Lock()
	closed := e.closed
	p := e.peer
	e.mu.Unlock()
	if closed || p == nil {
		return false
	}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return false
	}
	p.queue = append(p.queue, m)
	b := p.owner
	p.mu.Unlock()
	if b != nil {
		b.schedule(1)
	}
	return true
}

// close closes both ends: no more sends; each bound end delivers what it
// already has, then 'close'.
func (e *endpoint) close() {
	for _, x := range []*endpoint{e, e.peer} {
		if x == nil {
			continue
		}
		x.mu.Lock()
		was := x.closed
		x.closed = true
		b := x.owner
		x.mu.Unlock()
		if !was && b != nil {
			b.h.Post(b.closed)
		}
	}
}

// binding is an endpoint as one host sees it: the JS callbacks of its
// MessagePort (or Worker) and whether it keeps the host's loop alive.
type binding struct {
	st        *state
	h         *host.Host
	port      *sobek.Object // its MessagePort object (nil for a Worker's end)
	ep        *endpoint
	onMessage sobek.Callable // (value, ports)
	onError   sobek.Callable // (err): 'messageerror'
	onClose   sobek.Callable
	started   bool
	alive     bool // wants to keep the loop alive (ref'd, listened to)
	holding   bool // holds a Ref of h
	gone      bool // transferred away or closed
	closedRun bool
}

// bind binds ep to the host of st (on its goroutine).
func (st *state) bind(ep *endpoint) *binding {
	b := &binding{st: st, h: st.h, ep: ep}
	ep.mu.Lock()
	ep.owner = b
	closed := ep.closed
	ep.mu.Unlock()
	st.bindings[b] = struct{}{}
	if closed {
		st.h.Post(b.closed)
	}
	return b
}

// schedule posts n deliveries to the binding's host; each delivers the
// message at the head of the queue, if it is still the binding's turn.
func (b *binding) schedule(n int) {
	for i := 0; i < n; i++ {
		b.h.Post(b.deliverOne)
	}
}

func (b *binding) start() {
	if b.started || b.gone {
		return
	}
	b.started = true
	b.ep.mu.Lock()
	n := len(b.ep.queue)
	b.ep.mu.Unlock()
	b.schedule(n)
}

// take pops the head of the queue if b still owns the endpoint.
func (b *binding) take() *envelope {
	b.ep.mu.Lock()
	defer b.ep.mu.Unlock()
	if b.ep.owner != b || len(b.ep.queue) == 0 {
		return nil
	}
	m := b.ep.queue[0]
	b.ep.queue[0] = nil
	b.ep.queue = b.ep.queue[1:]
	return m
}

func (b *binding) deliverOne() {
	if b.gone || !b.started || b.onMessage == nil {
		return
	}
	m := b.take()
	if m == nil {
		return
	}
	v, ports, err := b.st.open(m)
	if err != nil {
		if b.onError != nil {
			b.st.call(b.onError, b.st.errorValue(err))
		}
		return
	}
	b.st.call(b.onMessage, v, ports)
}

// receive is receiveMessageOnPort: the head of the queue, now.
func (b *binding) receive() (sobek.Value, bool, error) {
	if b.gone {
		return nil, false, nil
	}
	m := b.take()
	if m == nil {
		return nil, false, nil
	}
	v, _, err := b.st.open(m)
	if err != nil {
		return nil, false, err
	}
	return v, true, nil
}

// setAlive makes the binding keep its host's loop alive (or not).
func (b *binding) setAlive(on bool) {
	b.alive = on
	b.updateRef()
}

func (b *binding) updateRef() {
	want := b.alive && !b.gone
	if want && !b.holding {
		b.holding = true
		b.h.Ref()
	} else if !want && b.holding {
		b.holding = false
		b.h.Unref()
	}
}

// detach unbinds the endpoint from this host (it moves with a message).
func (b *binding) detach() {
	b.ep.mu.Lock()
	if b.ep.owner == b {
		b.ep.owner = nil
	}
	b.ep.mu.Unlock()
	b.gone = true
	b.updateRef()
	delete(b.st.bindings, b)
	delete(b.st.ports, b.port)
}

// closed runs on the host's goroutine after the channel closed: the
// messages already queued are delivered, then 'close'.
func (b *binding) closed() {
	if b.closedRun {
		return
	}
	b.ep.mu.Lock()
	mine := b.ep.owner == b
	b.ep.mu.Unlock()
	if !mine {
		return
	}
	if b.started {
		for !b.gone {
			m := b.take()
			if m == nil {
				break
			}
			if v, ports, err := b.st.open(m); err == nil && b.onMessage != nil {
				b.st.call(b.onMessage, v, ports)
			}
		}
	}
	b.closedRun = true
	b.gone = true
	b.updateRef()
	delete(b.st.bindings, b)
	delete(b.st.ports, b.port)
	if b.onClose != nil {
		b.st.call(b.onClose)
	}
}
