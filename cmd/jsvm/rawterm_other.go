//go:build !linux

package main

import "golang.org/x/term"

type rawState struct{ s *term.State }

func makeRaw(fd int) (*rawState, error) {
	s, err := term.MakeRaw(fd)
	if err != nil {
		return nil, err
	}
	return &rawState{s}, nil
}

func restoreTerminal(fd int, s *rawState) { _ = term.Restore(fd, s.s) }
