// SES: poison Function.prototype.call/apply/bind
for (const k of ['call', 'apply', 'bind', 'toString']) { try { Function.prototype[k] = function () { pwn(this) } } catch (e) {} } 1
