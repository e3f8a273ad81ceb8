package assert

import (
	"testing"

	"github.com/jsvm-dev/jsvm/internal/jstest"
	"github.com/jsvm-dev/jsvm/node/console"
	"github.com/jsvm-dev/jsvm/node/host"
	"github.com/jsvm-dev/jsvm/node/util"
	"github.com/jsvm-dev/jsvm/node/vm"
)

// TestHostScripts runs testdata/host/*.js in a real host with vm, so that
// objects of other contexts (membrane proxies) are compared and rendered.
func TestHostScripts(t *testing.T) {
	reg := host.NewRegistry()
	reg.Register("assert", Load)
	reg.Register("console", console.Load)
	reg.Register("util", util.Load)
	reg.Register("vm", vm.Load)
	jstest.RunHostScripts(t, reg)
}
