// resource attack: a looping getter on the result (copy under the deadline)
({ get x() { for (;;) {} } })
