package assert

import (
	"github.com/jsvm-dev/jsvm/internal/jstest"
	"testing"

	"github.com/jsvm-dev/jsvm/node/host"
)

func TestScripts(t *testing.T) {
	jstest.RunScripts(t, map[string]host.Loader{"assert": Load, "assert/strict": LoadStrict})
}
