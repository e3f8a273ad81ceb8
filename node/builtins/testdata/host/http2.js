// http2 loads with node's constants (superagent reads them at load);
// sessions are refused clearly.
const http2 = require('http2');
console.log(Object.keys(http2));
console.log(Object.keys(http2.constants).length, http2.constants.HTTP2_HEADER_PATH, http2.constants.NGHTTP2_CANCEL, http2.constants.HTTP_STATUS_OK);
console.log(http2.getDefaultSettings(), typeof http2.sensitiveHeaders);
