package buffer

import (
	"testing"

	"github.com/jsvm-dev/jsvm/internal/jstest"
	"github.com/jsvm-dev/jsvm/node/console"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
)

// TestHostScripts runs testdata/host/*.js in a real host, whose web
// globals (Buffer) come from this module, with util.inspect rendering.
func TestHostScripts(t *testing.T) {
	reg := host.NewRegistry()
	reg.Register("buffer", Load)
	reg.Register("console", console.Load)
	reg.Register("util", util.Load)
	jstest.RunHostScripts(t, reg)
}
