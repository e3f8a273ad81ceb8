// A rejection nobody handles in another context ends the process as in
// the main context.
require('vm').runInNewContext('Promise.reject(new RangeError("in context"))');
