// resource attack: timeout
for (;;) {}
