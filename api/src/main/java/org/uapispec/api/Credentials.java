package org.uapispec.api;

/**
 * Who a process runs as: its uid and whether it holds CAP_SYS_ADMIN.
 *
 * @param uid       the real and effective user id, as the bits of a {@code uid_t}: {@code -1} is
 *                  {@code (uid_t)-1}, which names no user (spawn answers EINVAL, as setuid does)
 * @param sysAdmin  whether the process has CAP_SYS_ADMIN
 */
public record Credentials(int uid, boolean sysAdmin) {
    /** uid 0 with every capability. */
    public static final Credentials ROOT = new Credentials(0, true);

    /** An unprivileged user. */
    public static Credentials user(int uid) {
        return new Credentials(uid, false);
    }
}
