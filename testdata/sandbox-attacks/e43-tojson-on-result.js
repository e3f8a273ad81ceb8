// host JSON.stringify of a result calls sandbox toJSON
({ toJSON() { try { pwn(arguments.callee.caller) } catch (e) {} return 1 }, valueOf() { try { pwn(arguments.callee.caller) } catch (e) {} return 1 } })
