//go:build !linux

package host

import "os"

// IsTerminal reports whether fd is a terminal (approximated by a
// character device off Linux).
func IsTerminal(fd int) bool {
	fi, err := os.NewFile(uintptr(fd), "").Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
