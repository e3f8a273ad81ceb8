// ES module face of the common stand-in (cmd/nodetest).
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const common = require('./index.js');

export const {
  allowGlobals, buildType, expectsError, expectWarning, getArrayBufferViews,
  hasCrypto, hasIntl, invalidArgTypeHelper, isAIX, isFreeBSD, isLinux,
  isOpenBSD, isOSX, isSunOS, isWindows, isIBMi, isASan, localhostIPv4,
  mustCall, mustCallAtLeast, mustNotCall, mustSucceed, platformTimeout, PORT,
  skip, enoughTestMem, isMainThread,
} = common;

export default common;
