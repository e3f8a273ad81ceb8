package assert

import (
	"testing"

	"github.com/jsvm-dev/jsvm/node/host"
)

func TestScripts(t *testing.T) {
	runScripts(t, map[string]host.Loader{"assert": Load, "assert/strict": LoadStrict})
}
