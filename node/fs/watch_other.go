//go:build !linux

package fs

import (
	"syscall"

	"github.com/grafana/sobek"
)

type inotify struct{}

// watch: fs.watch needs inotify; elsewhere it fails as an unsupported
// system call would.
func (b *binding) watch(path string, recursive bool, onEvent sobek.Callable) *sobek.Object {
	b.uvError(syscall.ENOSYS, "watch", path, "")
	return nil
}
