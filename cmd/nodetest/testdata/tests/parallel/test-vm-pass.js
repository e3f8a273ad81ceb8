'use strict';
// Flags: --expose-gc
// Flags: --experimental-vm-modules
// fake: exit 0
