//go:build !unix

package sandbox

import (
	"errors"
	"time"
)

// workersSupported tells whether Options.Process can work here: worker
// processes need rlimits, which only Unix systems have.
const workersSupported = false

func setRlimits(Options) error {
	return errors.New("sandbox worker: rlimits need a Unix system")
}

func armCPU(time.Duration) {}
func disarmCPU()           {}
