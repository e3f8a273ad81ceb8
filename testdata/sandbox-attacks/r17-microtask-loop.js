// resource attack: microtask loop
function f() { Promise.resolve().then(f) } f(); 1
