// vm2: own properties of host functions
for (const k of Reflect.ownKeys(log)) { try { pwn(log[k]) } catch (e) {} } try { log.__escaped = true } catch (e) {} try { Object.setPrototypeOf(log, null) } catch (e) {} try { log.name = 'x' } catch (e) {} 1
