function later() { throw new RangeError('in timer'); }
setTimeout(function tick() { later(); }, 1);
