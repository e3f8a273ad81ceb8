const debug = require('debug');
debug.inspectOpts.hideDate = true;
debug.enable('app:*');
debug.log = (...a) => console.log('LOG', a.map(String).join(' ').replace(/\+\d+ms/, '+Nms'));
const log = debug('app:x');
log.useColors = false;
log('hello %s %d', 'world', 42);
console.log(debug.enabled('app:y'), debug.enabled('other'));
