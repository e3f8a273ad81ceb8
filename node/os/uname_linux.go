package os

import "syscall"

func unameField(field, def string) string {
	var u syscall.Utsname
	if err := syscall.Uname(&u); err != nil {
		return def
	}
	conv := func(a [65]int8) string {
		b := make([]byte, 0, len(a))
		for _, c := range a {
			if c == 0 {
				break
			}
			b = append(b, byte(c))
		}
		return string(b)
	}
	switch field {
	case "sysname":
		return conv(u.Sysname)
	case "release":
		return conv(u.Release)
	case "version":
		return conv(u.Version)
	case "machine":
		return conv(u.Machine)
	}
	return def
}
