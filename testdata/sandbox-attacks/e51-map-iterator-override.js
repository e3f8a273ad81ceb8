// SES: overriding Map/Set iteration a copy may use
try { Map.prototype.entries = function () { pwn(this) } } catch (e) {} try { Set.prototype.values = function () { pwn(this) } } catch (e) {} const m = new Map([[1, 2]]); try { m.entries = function () { pwn(1); return [][Symbol.iterator]() } } catch (e) {} log(m); m
