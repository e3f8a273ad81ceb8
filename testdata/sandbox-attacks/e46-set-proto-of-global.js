// SES/near-membrane: reparent the global
try { Object.setPrototypeOf(Object.prototype, { __escaped: true }) } catch (e) {} try { Object.prototype.__proto__ = { __escaped: true } } catch (e) {} 1
