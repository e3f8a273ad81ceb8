package jsvm_test

import (
	"os"
	"testing"

	"github.com/jsvm-dev/jsvm"
)

// TestMain lets the test binary be a sandbox worker: process sandboxes
// re-execute it (jsvm.RunWorkerIfRequested).
func TestMain(m *testing.M) {
	jsvm.RunWorkerIfRequested()
	os.Exit(m.Run())
}
