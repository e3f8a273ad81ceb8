package host

import (
	"syscall"
	"unsafe"
)

// IsTerminal reports whether fd is a terminal (the TCGETS ioctl
// succeeds), as isatty(3): /dev/null is a character device, not a terminal.
func IsTerminal(fd int) bool {
	var t syscall.Termios
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TCGETS, uintptr(unsafe.Pointer(&t)))
	return e == 0
}
