package sandbox_test

import (
	"testing"

	"github.com/jsvm-dev/jsvm/internal/jstest"
	"github.com/jsvm-dev/jsvm/node/builtins"
)

// The scripts' .out files are jsvm's own (node has no jsvm:sandbox):
// written by hand from what the API promises, then checked against a run.
func TestHostScripts(t *testing.T) { jstest.RunHostScripts(t, builtins.DefaultRegistry()) }
