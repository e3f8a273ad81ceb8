package net_test

import (
	"testing"

	"github.com/jsvm-dev/jsvm/internal/jstest"
	"github.com/jsvm-dev/jsvm/node/builtins"
)

// TestHostScripts runs testdata/host/*.js (local servers only) and
// compares with the output recorded from node.
func TestHostScripts(t *testing.T) { jstest.RunHostScripts(t, builtins.DefaultRegistry()) }
