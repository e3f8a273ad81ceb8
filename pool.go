package jsvm

import (
	"context"
	"errors"
)

// Pool is a fixed set of isolates for serving concurrent requests: Do
// waits for a free isolate, locks it to the calling goroutine for fn and
// gives it back. Each isolate keeps its state between requests (what
// setup made, and what requests leave in it), so a request that must not
// see another's data makes a fresh context with NewContext.
type Pool struct {
	free chan *Isolate
	all  []*Isolate
}

// NewPool makes a pool of size isolates, each made with opts and handed
// to setup (which may be nil) once, to compile shared scripts or install
// globals.
func NewPool(size int, opts IsolateOptions, setup func(*Isolate) error) (*Pool, error) {
	if size < 1 {
		return nil, errors.New("jsvm: a pool needs at least one isolate")
	}
	p := &Pool{free: make(chan *Isolate, size)}
	for range size {
		iso := NewIsolate(opts)
		if setup != nil {
			if err := setup(iso); err != nil {
				return nil, err
			}
		}
		p.all = append(p.all, iso)
		p.free <- iso
	}
	return p, nil
}

// Do runs fn with an isolate of the pool, waiting for one to be free; ctx
// bounds the wait (its error is returned if it ends first) and is what
// fn should pass to the runs it makes. The isolate is locked to the
// calling goroutine while fn runs.
func (p *Pool) Do(ctx context.Context, fn func(*Isolate) error) error {
	if ctx == nil {
		ctx = context.Background()
	}
	var iso *Isolate
	select {
	case iso = <-p.free:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { p.free <- iso }()
	if err := iso.Lock(ctx); err != nil {
		return err
	}
	defer iso.Unlock()
	return fn(iso)
}

// Size returns the number of isolates in the pool.
func (p *Pool) Size() int { return len(p.all) }
