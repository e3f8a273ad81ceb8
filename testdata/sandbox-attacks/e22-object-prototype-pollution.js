// vm2/Node vm: __proto__ pollution of the host
({}).__proto__.__escaped = true; Object.prototype.__escaped = true; try { Object.defineProperty(Object.prototype, '__escaped', { value: true }) } catch (e) {} log({ __proto__: { __escaped: true } }); log(JSON.parse('{"__proto__": {"__escaped": true}}'));
