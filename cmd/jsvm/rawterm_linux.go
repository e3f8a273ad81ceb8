package main

import "golang.org/x/sys/unix"

// rawState is the terminal's mode before makeRaw.
type rawState struct{ t unix.Termios }

// makeRaw puts the terminal in raw input mode for line editing. Unlike
// term.MakeRaw it keeps output processing (OPOST), so what timers print
// while a line is edited still starts at column 0.
func makeRaw(fd int) (*rawState, error) {
	t, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return nil, err
	}
	old := &rawState{*t}
	t.Iflag &^= unix.IGNBRK | unix.BRKINT | unix.PARMRK | unix.ISTRIP | unix.INLCR | unix.IGNCR | unix.ICRNL | unix.IXON
	t.Lflag &^= unix.ECHO | unix.ECHONL | unix.ICANON | unix.ISIG | unix.IEXTEN
	t.Cflag &^= unix.CSIZE | unix.PARENB
	t.Cflag |= unix.CS8
	t.Cc[unix.VMIN] = 1
	t.Cc[unix.VTIME] = 0
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, t); err != nil {
		return nil, err
	}
	return old, nil
}

func restoreTerminal(fd int, s *rawState) { _ = unix.IoctlSetTermios(fd, unix.TCSETS, &s.t) }
