function f() {
    throw new Error("s"); }
f();
