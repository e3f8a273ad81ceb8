package worker_threads_test

import (
	"testing"

	"github.com/jsvm-dev/jsvm/internal/jstest"
	"github.com/jsvm-dev/jsvm/node/builtins"
)

// TestHostScripts runs testdata/host/*.js (workers, ports, clones) in a
// host with every builtin and compares with node's recorded output.
func TestHostScripts(t *testing.T) { jstest.RunHostScripts(t, builtins.DefaultRegistry()) }
