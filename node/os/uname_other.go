//go:build !linux

package os

func unameField(field, def string) string { return def }
