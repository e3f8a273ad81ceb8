// resource attack: a looping getter on an exported function's argument
log({ get x() { for (;;) {} } })
