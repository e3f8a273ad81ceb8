// vm2: sandbox error subclass with accessor name
class E extends Error { get name() { try { pwn(arguments.callee.caller) } catch (e) {} return 'E' } } throw new E('x');
