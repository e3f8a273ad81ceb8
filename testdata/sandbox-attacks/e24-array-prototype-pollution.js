// SES: poison Array.prototype for later runs and other tenants
try { Array.prototype.push = function () { pwn(this) } } catch (e) {} try { Array.prototype.map = null } catch (e) {} try { Object.defineProperty(Array.prototype, 'join', { value: () => 'pwned' }) } catch (e) {} 1
