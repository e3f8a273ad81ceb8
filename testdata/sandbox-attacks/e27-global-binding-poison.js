// SES: rebind the global's intrinsics
try { globalThis.Object = function () {} } catch (e) {} try { globalThis.Array = 1 } catch (e) {} try { globalThis.Promise = null } catch (e) {} try { delete globalThis.Math } catch (e) {} 1
