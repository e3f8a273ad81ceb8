const tty = require('tty');
console.log(tty.isatty(-1), tty.isatty(1.5), tty.isatty('x'), tty.isatty(99), typeof tty.ReadStream, typeof tty.WriteStream);
console.log(Object.keys(tty));
