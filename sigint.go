package jsvm

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/jsvm-dev/jsvm/internal/core"
)

// watchSIGINT makes a SIGINT fire wd until the returned stop is called
// (RunOptions.BreakOnSigint).
func watchSIGINT(wd *core.Watchdog) (stop func()) {
	ch := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(ch, syscall.SIGINT)
	go func() {
		select {
		case <-ch:
			wd.Fire(&interrupt{sigint: true})
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
