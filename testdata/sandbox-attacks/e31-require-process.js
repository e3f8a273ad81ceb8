// Node vm: ambient host capabilities
for (const n of ['require', 'process', 'module', 'global', 'Buffer', 'setTimeout', 'setImmediate', 'queueMicrotask', 'console', '__dirname']) { try { pwn(eval(n)) } catch (e) {} } 1
