package fetch_test

import (
	"testing"

	"github.com/jsvm-dev/jsvm/internal/jstest"
	"github.com/jsvm-dev/jsvm/node/builtins"
)

// TestHostScripts runs testdata/host/*.js, each against its .out as
// node v20 printed it (regenerate: node file.js > file.out 2>&1).
func TestHostScripts(t *testing.T) { jstest.RunHostScripts(t, builtins.DefaultRegistry()) }
