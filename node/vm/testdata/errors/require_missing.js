// Node shows the loader's own throw site above a failed require.
require('./no-such-module');
