package builtins_test

import (
	"testing"

	"github.com/jsvm-dev/jsvm/internal/jstest"
	"github.com/jsvm-dev/jsvm/node/builtins"
)

// TestHostScripts runs testdata/host/*.js (node-recorded .out files): the
// surface everyday npm packages touch across builtins.
func TestHostScripts(t *testing.T) { jstest.RunHostScripts(t, builtins.DefaultRegistry()) }
