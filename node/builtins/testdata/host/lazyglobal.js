// a builtin that reads a lazy global while it loads (events.js asks for
// DOMException) leaves the global in place
require('events');
console.log(typeof DOMException, new DOMException('m', 'AbortError').name);
