var mkErr = function (Ctor, msg, stack) {
  const e = new Ctor(msg);
  Object.defineProperty(e, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
  return e;
};
