package org.uapispec.device.process;

import org.uapispec.api.Credentials;
import org.uapispec.api.Pid;

/** A process: credentials, an address space and a file-descriptor table, until it exits. */
public final class Process {
    private final Pid pid;
    private final Credentials credentials;
    private final AddressSpace memory;
    private final FdTable files;
    private boolean alive = true;

    public Process(Pid pid, Credentials credentials) {
        this(pid, credentials, new AddressSpace(), new FdTable());
    }

    private Process(Pid pid, Credentials credentials, AddressSpace memory, FdTable files) {
        this.pid = pid;
        this.credentials = credentials;
        this.memory = memory;
        this.files = files;
    }

    /** fork: the child runs as the parent, with a copy of its memory and the same open files. */
    public Process fork(Pid childPid) {
        return new Process(childPid, credentials, memory.fork(), files.fork());
    }

    /** exit: every file is closed and the address space torn down [16, 50]. */
    public void exit() {
        alive = false;
        files.closeAll();
        memory.teardown();
    }

    public Pid pid() {
        return pid;
    }

    public Credentials credentials() {
        return credentials;
    }

    public AddressSpace memory() {
        return memory;
    }

    public FdTable files() {
        return files;
    }

    public boolean alive() {
        return alive;
    }
}
