package sandbox_test

import (
	"os"
	"testing"

	core "github.com/jsvm-dev/jsvm/internal/sandbox"
)

// TestMain lets the test binary be a sandbox worker (process: true
// sandboxes re-execute it).
func TestMain(m *testing.M) {
	core.RunWorkerIfRequested()
	os.Exit(m.Run())
}
