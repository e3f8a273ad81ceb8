package jsvm

import (
	"os"
	"os/signal"
	"syscall"
	"time"

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
		case <-done:
			return
		}
		// fire until the run ends: one Fire lands on the runtime executing
		// at that instant, which may be one the script is only passing
		// through; wd.Stop clears the extra interrupts
		v := &interrupt{sigint: true}
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			wd.Fire(v)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
