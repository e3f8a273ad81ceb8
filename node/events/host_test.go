package events

import (
	"testing"

	"github.com/jsvm-dev/jsvm/internal/jstest"
	"github.com/jsvm-dev/jsvm/node/console"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
)

// TestHostScripts runs testdata/host/*.js in a real host, whose web
// globals (EventTarget, AbortController, ...) come from this module.
func TestHostScripts(t *testing.T) {
	reg := host.NewRegistry()
	reg.Register("events", Load)
	reg.Register("console", console.Load)
	reg.Register("util", util.Load)
	jstest.RunHostScripts(t, reg)
}
