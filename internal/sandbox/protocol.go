package sandbox

import (
	"context"
	"errors"
)

// The worker protocol. The host writes requests and answers to the
// worker's stdin; the worker writes replies, host calls and console lines
// to its stdout. One request is in flight at a time (a sandbox runs one
// thing at a time); while it is, the worker may call exported functions
// (kCall, answered by kReturn, synchronously) and asynchronous ones
// (kCallAsync, answered by kSettle whenever the host function is done).
const (
	// host -> worker
	kNew     byte = iota + 1 // options -> kReply
	kSet                     // name, value -> kReply
	kExport                  // name, function id, async -> kReply
	kRun                     // script id, name, source, has source, async, ns to the ctx deadline (-1) -> kReply(value)
	kMemory                  // -> kReply(bytes)
	kCompile                 // script id, name, source -> kReply
	kWarm                    // memory limit, console: set a sandbox up ahead of kNew -> kReply
	kCancel                  // the run's context is done
	kReturn                  // an exported function's outcome: value, error
	kSettle                  // call id, value, error
	// worker -> host
	kHello     // the worker is ready
	kReply     // value, error
	kCall      // function id, call id (for a Later answer), arguments
	kCallAsync // call id, function id, arguments
	kConsole   // a line of the console option
)

// CodeWorkerExited is a run whose worker process died (out of memory,
// stack exhaustion, a signal, its CPU rlimit): the sandbox is disposed.
const CodeWorkerExited = "ERR_SANDBOX_WORKER_EXITED"

// Error kinds on the wire.
const (
	eNone = iota
	eThrown
	eLimit
	eClone
	eSyntax
	eError // an exported function's error: name ("" for a plain error), message
	ePanic // an exported function panicked
	eLater // an exported function answers later (a kSettle of the call's id)
	eOther
)

// putErr appends err to m, in a form errOf reads back as the same type.
func putErr(m *msg, err error) {
	var (
		le *LimitError
		te *ThrownError
		ce *DataCloneError
		se *SyntaxError
		ee *Error
	)
	switch {
	case err == nil:
		m.add(eNone)
	case errors.As(err, &te):
		m.add(eThrown, te.Value)
	case errors.As(err, &le):
		cause := ""
		switch le.Cause {
		case context.Canceled:
			cause = "canceled"
		case context.DeadlineExceeded:
			cause = "deadline"
		}
		m.add(eLimit, le.Code, le.Name, le.Message, le.Disposed, cause)
	case errors.As(err, &ce):
		m.add(eClone, ce.Message)
	case errors.As(err, &se):
		m.add(eSyntax, se.Message)
	case errors.As(err, &ee):
		m.add(eError, ee.Name, ee.Message)
	case errors.Is(err, errHostPanic):
		m.add(ePanic)
	case errors.Is(err, errLater):
		m.add(eLater)
	default:
		m.add(eOther, err.Error())
	}
}

var (
	errHostPanic = errors.New("the exported function panicked")
	errLater     = errors.New("the exported function answers later")
)

// errOf reads an error written by putErr.
func errOf(p *parse) error {
	switch p.int() {
	case eNone:
		return nil
	case eThrown:
		return &ThrownError{Value: p.any()}
	case eLimit:
		le := &LimitError{Code: p.str(), Name: p.str(), Message: p.str(), Disposed: p.boolean()}
		switch p.str() {
		case "canceled":
			le.Cause = context.Canceled
		case "deadline":
			le.Cause = context.DeadlineExceeded
		}
		return le
	case eClone:
		return &DataCloneError{Message: p.str()}
	case eSyntax:
		return &SyntaxError{Message: p.str()}
	case eError:
		name, message := p.str(), p.str()
		if name == "" {
			return errors.New(message)
		}
		return &Error{Name: name, Message: message}
	case ePanic:
		return errHostPanic
	case eLater:
		return errLater
	case eOther:
		return errors.New(p.str())
	}
	if p.err == nil {
		p.err = errWire
	}
	return p.err
}
