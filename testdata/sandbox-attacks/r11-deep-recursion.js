// resource attack: stack: deep recursion
(function f() { f() })()
