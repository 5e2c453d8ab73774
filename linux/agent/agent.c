/*
 * uapispec guest agent: a generic remote-syscall server. It knows nothing about DRM; every
 * ioctl argument is raw bytes and all uAPI knowledge stays on the Java side, so one static binary
 * serves every kernel version.
 *
 * The agent is process 0. It holds the host connection, one socket per guest process, and never
 * opens a device itself: a forked child inherits every fd of its parent, and the first opener of a
 * DRM card node becomes its master. Every process shares the host connection too, and the one
 * whose requests come next reads and answers them itself (it "holds the floor"), so a request for
 * a process costs one hop; the agent serves everything else (spawn, fork, exit, passing fds, the
 * kernel log, errors), and fds travel between processes as SCM_RIGHTS through it.
 *
 * Wire format: ../PROTOCOL.md. Usage:
 *   agent --port /dev/vportNpM      virtio-serial port device (guest)
 *   agent --port-name NAME          the port whose /sys/class/virtio-ports/<port>/name is NAME
 *   agent --listen PATH [--once]    UNIX socket, one connection at a time (host mode); with --once
 *                                   the agent exits when its first connection ends
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/capability.h>
#include <poll.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PROTOCOL_VERSION 3
#define REQUEST_MAGIC 0x51504155u /* "UAPQ" */
#define ANSWER_MAGIC 0x41504155u  /* "UAPA" */
#define HEADER_SIZE 24
#define MAX_TRANSFER (16u << 20)
#define MAX_FRAME (MAX_TRANSFER + 4096u)

enum op {
    OP_PING = 1, OP_SPAWN, OP_FORK, OP_EXIT, OP_SETIDS, OP_OPEN, OP_CLOSE, OP_IOCTL, OP_MMAP,
    OP_MUNMAP, OP_MPROTECT, OP_LSEEK, OP_READ_MEM, OP_WRITE_MEM, OP_MAPPED, OP_SEND_FD, OP_KMSG,
    OP_READ_FD, OP_CAPGET, OP_CAPSET, OP_PRCTL, OP_POLL, OP_MEMFD_CREATE, OP_FTRUNCATE, OP_FCNTL,
    OP_HOST_LAST = OP_FCNTL,
    OP_RECV_FD = 100, /* agent -> process only: the fd rides along as SCM_RIGHTS */
    OP_FLOOR = 101,   /* agent -> process: serve the host; process -> agent: the floor is back */
};

/* Fixed u64 arguments per host operation; -1 marks a number no operation has. */
static const int ARG_COUNT[OP_HOST_LAST + 1] = {
    -1, 0, 0, 0, 0, 2, 2, 1, 3, 6, 2, 3, 3, 2, 1, 1, 2, 1, 2, 0, 3, 5, 2, 1, 2, 3,
};

/* Operations whose payload carries bytes after the fixed arguments. */
static int takes_bytes(uint32_t op) {
    return op == OP_OPEN || op == OP_IOCTL || op == OP_WRITE_MEM || op == OP_MEMFD_CREATE;
}

struct frame {
    uint32_t id, op, process, reserved;
    uint8_t *payload; /* after the header; points into a buffer owned elsewhere */
    uint32_t payload_len;
};

static uint64_t arg(const struct frame *f, int i) {
    uint64_t v;
    memcpy(&v, f->payload + 8 * i, 8); /* x86-64 and arm64 guests are little-endian */
    return v;
}

static const uint8_t *bytes_of(const struct frame *f, uint32_t *len) {
    uint32_t fixed = 8u * (uint32_t) ARG_COUNT[f->op];
    *len = f->payload_len - fixed;
    return f->payload + fixed;
}

/* ---------------------------------------------------------------- I/O */

static int write_full(int fd, const void *buf, size_t len) {
    const uint8_t *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        p += n;
        len -= (size_t) n;
    }
    return 0;
}

/* sendmsg of a whole buffer with one fd attached to its first byte. */
static int send_with_fd(int sock, const void *buf, size_t len, int fd) {
    union { struct cmsghdr h; char space[CMSG_SPACE(sizeof(int))]; } ctl;
    struct iovec iov = { .iov_base = (void *) buf, .iov_len = len };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
    memset(&ctl, 0, sizeof ctl);
    msg.msg_control = ctl.space;
    msg.msg_controllen = sizeof ctl.space;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    ssize_t n;
    do n = sendmsg(sock, &msg, MSG_NOSIGNAL); while (n < 0 && errno == EINTR);
    if (n < 0) return -errno;
    return write_full(sock, (const uint8_t *) buf + n, len - (size_t) n) < 0 ? -EPIPE : 0;
}

/*
 * Reads exactly len bytes from a process socket; an fd that arrives with them is stored in *fd_out
 * (or closed when the caller expects none). *ctrunc is set when the kernel could not install a
 * passed fd (MSG_CTRUNC, e.g. EMFILE in the receiver).
 */
static int recv_full(int sock, void *buf, size_t len, int *fd_out, int *ctrunc) {
    uint8_t *p = buf;
    while (len > 0) {
        union { struct cmsghdr h; char space[CMSG_SPACE(4 * sizeof(int))]; } ctl;
        struct iovec iov = { .iov_base = p, .iov_len = len };
        struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                              .msg_control = ctl.space, .msg_controllen = sizeof ctl.space };
        ssize_t n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        if ((msg.msg_flags & MSG_CTRUNC) && ctrunc) *ctrunc = 1;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
            size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (size_t i = 0; i < count; i++) {
                int fd;
                memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
                if (fd_out && *fd_out < 0) *fd_out = fd; else close(fd);
            }
        }
        p += n;
        len -= (size_t) n;
    }
    return 0;
}

/* A growable buffer; frames of up to MAX_FRAME bytes live in one. */
struct buffer { uint8_t *data; size_t cap; };

static uint8_t *reserve(struct buffer *b, size_t len) {
    if (len > b->cap) {
        uint8_t *d = realloc(b->data, len);
        if (!d) return NULL;
        b->data = d;
        b->cap = len;
    }
    return b->data;
}

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }
static uint32_t get32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }

static void answer_header(uint8_t *h, uint32_t id, uint32_t data_len, int64_t result, uint32_t sig) {
    put32(h, ANSWER_MAGIC);
    put32(h + 4, HEADER_SIZE + data_len);
    put32(h + 8, id);
    put32(h + 12, sig);
    put64(h + 16, (uint64_t) result);
}

/*
 * The host stream. Its holder reads requests from the host connection and writes their answers
 * to it. The bytes read ahead and the answers gathered but not yet written live in memory that the
 * agent maps shared before its first fork, so every process sees the same stream state and the
 * floor passes between holders without copying: a holder that meets a request it does not serve
 * leaves it unread and gives the floor back to the agent, which serves it or hands the floor to
 * the process it is for. Only the holder touches the stream; handing the floor over is a message
 * on a socket, which orders the memory accesses of the two sides.
 *
 * Answers are gathered while more requests are already buffered and written when the holder would
 * wait for input: a pipeline of small requests then costs a few system calls, not two per request
 * (each one is slow in an emulated guest).
 */
struct host_stream {
    uint8_t in[65536];
    size_t pos, end;  /* unread bytes: in[pos, end) */
    uint8_t out[65536];
    size_t out_len;   /* answers gathered, not yet written */
    int eof;          /* the connection ended or failed */
    int busy;         /* a process is serving a request it has not answered... */
    uint32_t busy_id; /* ...with this id; if it dies, the agent answers ESRCH for it */
};
static struct host_stream *hs;
static int host_fd = -1;

static int flush_host(void) {
    int r = hs->out_len ? write_full(host_fd, hs->out, hs->out_len) : 0;
    hs->out_len = 0;
    if (r < 0) hs->eof = 1;
    return r;
}

static int emit(int fd, const void *buf, size_t len) {
    if (fd != host_fd) return write_full(fd, buf, len);
    if (hs->out_len + len > sizeof hs->out && flush_host() < 0) return -1;
    if (len > sizeof hs->out) return write_full(fd, buf, len);
    memcpy(hs->out + hs->out_len, buf, len);
    hs->out_len += len;
    return 0;
}

/* Makes at least want (at most 24) unread bytes available; what is gathered goes out before a wait. */
static int need(size_t want) {
    while (hs->end - hs->pos < want) {
        if (hs->eof) return -1;
        if (hs->pos > 0) {
            memmove(hs->in, hs->in + hs->pos, hs->end - hs->pos);
            hs->end -= hs->pos;
            hs->pos = 0;
        }
        if (flush_host() < 0) return -1;
        ssize_t n = read(host_fd, hs->in + hs->end, sizeof hs->in - hs->end);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            hs->eof = 1;
            return -1;
        }
        hs->end += (size_t) n;
    }
    return 0;
}

/* Consumes len bytes of the stream into dst (or drops them when dst is NULL). */
static int take(uint8_t *dst, size_t len) {
    while (len > 0) {
        if (hs->pos == hs->end && need(1) < 0) return -1;
        size_t n = hs->end - hs->pos < len ? hs->end - hs->pos : len;
        if (dst) {
            memcpy(dst, hs->in + hs->pos, n);
            dst += n;
        }
        hs->pos += n;
        len -= n;
    }
    return 0;
}

/*
 * The next request's header, left unread, and its length. Bytes before a request magic are
 * skipped: a virtio port can hold part of a frame from before the agent started. Only the magic
 * and the length are awaited when the length says the frame is shorter than a header (the rest of
 * h is then zero). Returns -1 at the end of the stream.
 */
static int peek_header(uint8_t h[HEADER_SIZE], uint32_t *len) {
    for (;;) {
        if (need(4) < 0) return -1;
        if (get32(hs->in + hs->pos) == REQUEST_MAGIC) break;
        hs->pos++;
    }
    if (need(8) < 0) return -1;
    *len = get32(hs->in + hs->pos + 4);
    size_t have = *len >= HEADER_SIZE && *len <= MAX_FRAME ? HEADER_SIZE : 8;
    if (need(have) < 0) return -1;
    memcpy(h, hs->in + hs->pos, have);
    memset(h + have, 0, HEADER_SIZE - have);
    return 0;
}

/*
 * Whether the process a request names serves it itself: its own operations, well formed. The
 * agent serves everything else, and both sides decide by this function alone, so the floor never
 * passes back and forth over one request.
 */
static int served_by_process(const uint8_t *h, uint32_t len) {
    if (len < HEADER_SIZE || len > MAX_FRAME) return 0;
    uint32_t op = get32(h + 12), process = get32(h + 16);
    if (process == 0 || op == 0 || op > OP_HOST_LAST) return 0;
    if (op == OP_SPAWN || op == OP_FORK || op == OP_EXIT || op == OP_SEND_FD || op == OP_KMSG) return 0;
    uint32_t payload = len - HEADER_SIZE, fixed = 8u * (uint32_t) ARG_COUNT[op];
    return takes_bytes(op) ? payload >= fixed : payload == fixed;
}

static struct frame frame_of(uint8_t *raw, uint32_t len) {
    return (struct frame) { .id = get32(raw + 8), .op = get32(raw + 12), .process = get32(raw + 16),
                            .reserved = get32(raw + 20), .payload = raw + HEADER_SIZE,
                            .payload_len = len - HEADER_SIZE };
}

/* An answer is written as one buffer so that a short answer costs one syscall. */
static int send_answer(int fd, uint32_t id, int64_t result, uint32_t sig, const void *data, uint32_t len) {
    uint8_t small[HEADER_SIZE + 64];
    uint8_t *buf = len <= 64 ? small : malloc(HEADER_SIZE + (size_t) len);
    if (!buf) {
        answer_header(small, id, 0, -ENOMEM, 0);
        return emit(fd, small, HEADER_SIZE);
    }
    answer_header(buf, id, len, result, sig);
    if (len) memcpy(buf + HEADER_SIZE, data, len);
    int r = emit(fd, buf, HEADER_SIZE + (size_t) len);
    if (buf != small) free(buf);
    return r;
}

/* The message that hands the floor over, in either direction. */
static int send_floor(int sock, uint32_t process) {
    uint8_t h[HEADER_SIZE];
    put32(h, REQUEST_MAGIC);
    put32(h + 4, HEADER_SIZE);
    put32(h + 8, 0);
    put32(h + 12, OP_FLOOR);
    put32(h + 16, process);
    put32(h + 20, 0);
    return write_full(sock, h, sizeof h);
}

/* ------------------------------------------------------ guest process */

/* Every process talks to the agent on this fd, high so that its own opens start at 3; the host
 * connection is the fd below it. */
static int channel_fd = 1000;
static uint32_t self_id; /* this process's number */
static int answer_fd;    /* where the request being served is answered: host_fd or channel_fd */

static long page_size;
static sigjmp_buf fault_jump;
static volatile sig_atomic_t fault_armed;
static volatile sig_atomic_t fault_signal;

static void on_fault(int sig, siginfo_t *info, void *context) {
    (void) info;
    (void) context;
    if (!fault_armed) {
        /* A fault outside a guarded copy is a bug of the agent: die of it, the agent sees EOF. */
        struct sigaction dfl = { .sa_handler = SIG_DFL };
        sigaction(sig, &dfl, NULL);
        return;
    }
    fault_armed = 0;
    fault_signal = sig;
    siglongjmp(fault_jump, 1);
}

static void install_fault_handlers(void) {
    static uint8_t alt[64 * 1024];
    stack_t ss = { .ss_sp = alt, .ss_size = sizeof alt };
    sigaltstack(&ss, NULL);
    struct sigaction sa = { .sa_sigaction = on_fault, .sa_flags = SA_SIGINFO | SA_ONSTACK };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
}

/*
 * Copies between guest memory (at guest) and a buffer of the agent, one page of the guest range at a
 * time, so that a fault names the first page that faults (a single memcpy may load the tail first).
 * Returns 0, or the signal number with the faulting page in *fault_page. The address is taken as
 * an integer: the range may be anything the host sends, including one that wraps.
 */
static int guarded_copy(uint64_t guest, uint8_t *local, size_t len, int to_guest, uint64_t *fault_page) {
    static volatile size_t done;
    done = 0;
    if (sigsetjmp(fault_jump, 1)) {
        *fault_page = (guest + done) & ~(uint64_t) (page_size - 1);
        return fault_signal;
    }
    fault_armed = 1;
    while (done < len) {
        uint64_t at = guest + done;
        size_t chunk = (size_t) page_size - (size_t) (at & (uint64_t) (page_size - 1));
        if (chunk > len - done) chunk = len - done;
        if (to_guest) memcpy((void *) (uintptr_t) at, local + done, chunk);
        else memcpy(local + done, (const void *) (uintptr_t) at, chunk);
        done += chunk;
    }
    fault_armed = 0;
    return 0;
}

static int64_t sys_result(long r) {
    return r == -1 ? -(int64_t) errno : (int64_t) r;
}

static int do_memory(const struct frame *f) {
    uint64_t fault_page = 0;
    if (f->op == OP_WRITE_MEM) {
        uint32_t n;
        const uint8_t *data = bytes_of(f, &n);
        int sig = guarded_copy(arg(f, 0), (uint8_t *) data, n, 1, &fault_page);
        return send_answer(answer_fd, f->id, sig ? (int64_t) fault_page : 0, (uint32_t) sig, NULL, 0);
    }
    uint64_t len = arg(f, 1);
    if (len > MAX_TRANSFER) return send_answer(answer_fd, f->id, -E2BIG, 0, NULL, 0);
    uint8_t *buf = malloc(len ? len : 1);
    if (!buf) return send_answer(answer_fd, f->id, -ENOMEM, 0, NULL, 0);
    int sig = guarded_copy(arg(f, 0), buf, len, 0, &fault_page);
    int r = sig ? send_answer(answer_fd, f->id, (int64_t) fault_page, (uint32_t) sig, NULL, 0)
                : send_answer(answer_fd, f->id, (int64_t) len, 0, buf, (uint32_t) len);
    free(buf);
    return r;
}

/* The operation's bytes as a C string (the NUL added): the path of open, the name of memfd_create. */
static char *string_of(const struct frame *f) {
    uint32_t n;
    const uint8_t *bytes = bytes_of(f, &n);
    char *s = malloc((size_t) n + 1);
    if (!s) return NULL;
    memcpy(s, bytes, n);
    s[n] = 0;
    return s;
}

static int do_open(const struct frame *f) {
    char *path = string_of(f);
    if (!path) return send_answer(answer_fd, f->id, -ENOMEM, 0, NULL, 0);
    long r = syscall(SYS_openat, (long) AT_FDCWD, path, (long) arg(f, 0), (long) arg(f, 1));
    free(path);
    return send_answer(answer_fd, f->id, sys_result(r), 0, NULL, 0);
}

/* The kernel checks the name's length itself (MFD_NAME_MAX_LEN), so any length is passed on. */
static int do_memfd_create(const struct frame *f) {
    char *name = string_of(f);
    if (!name) return send_answer(answer_fd, f->id, -ENOMEM, 0, NULL, 0);
    long r = syscall(SYS_memfd_create, name, (long) arg(f, 0));
    free(name);
    return send_answer(answer_fd, f->id, sys_result(r), 0, NULL, 0);
}

/* The argument bytes go to the kernel as a pointer to a copy and come back after the call, also on
 * error; with no bytes the third argument is passed as the integer value. */
static int do_ioctl(const struct frame *f) {
    uint32_t n;
    const uint8_t *data = bytes_of(f, &n);
    if (n == 0) {
        long r = syscall(SYS_ioctl, (long) arg(f, 0), (long) arg(f, 1), (long) arg(f, 2));
        return send_answer(answer_fd, f->id, sys_result(r), 0, NULL, 0);
    }
    uint8_t *buf = malloc(n);
    if (!buf) return send_answer(answer_fd, f->id, -ENOMEM, 0, NULL, 0);
    memcpy(buf, data, n);
    long r = syscall(SYS_ioctl, (long) arg(f, 0), (long) arg(f, 1), buf);
    int64_t result = sys_result(r);
    int w = send_answer(answer_fd, f->id, result, 0, buf, n);
    free(buf);
    return w;
}

static int do_read_fd(const struct frame *f) {
    uint64_t len = arg(f, 1);
    if (len > MAX_TRANSFER) return send_answer(answer_fd, f->id, -E2BIG, 0, NULL, 0);
    uint8_t *buf = malloc(len ? len : 1);
    if (!buf) return send_answer(answer_fd, f->id, -ENOMEM, 0, NULL, 0);
    int64_t r = sys_result(syscall(SYS_read, (long) arg(f, 0), buf, (long) len));
    int w = send_answer(answer_fd, f->id, r, 0, buf, r > 0 ? (uint32_t) r : 0);
    free(buf);
    return w;
}

static int64_t do_setids(uint64_t uid, uint64_t gid) {
    if (syscall(SYS_setgroups, 0L, NULL) < 0) return -errno;
    if (syscall(SYS_setgid, (long) gid) < 0) return -errno;
    if (syscall(SYS_setuid, (long) uid) < 0) return -errno;
    return 0;
}

/*
 * The process's capability sets as three 64-bit masks (effective, permitted, inheritable), from
 * and to capget(2) and capset(2) in their version-3 form of two 32-bit words each.
 */
static int do_capget(const struct frame *f) {
    struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    if (syscall(SYS_capget, &header, data) < 0) return send_answer(answer_fd, f->id, -errno, 0, NULL, 0);
    uint8_t out[24];
    put64(out, (uint64_t) data[1].effective << 32 | data[0].effective);
    put64(out + 8, (uint64_t) data[1].permitted << 32 | data[0].permitted);
    put64(out + 16, (uint64_t) data[1].inheritable << 32 | data[0].inheritable);
    return send_answer(answer_fd, f->id, 0, 0, out, sizeof out);
}

static int64_t do_capset(uint64_t effective, uint64_t permitted, uint64_t inheritable) {
    struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
    struct __user_cap_data_struct data[2] = {
        { .effective = (uint32_t) effective, .permitted = (uint32_t) permitted, .inheritable = (uint32_t) inheritable },
        { .effective = (uint32_t) (effective >> 32), .permitted = (uint32_t) (permitted >> 32),
          .inheritable = (uint32_t) (inheritable >> 32) },
    };
    return syscall(SYS_capset, &header, data) < 0 ? -errno : 0;
}

/* mincore answers ENOMEM exactly for addresses outside every mapping, whatever the mapping is. */
static int64_t do_mapped(uint64_t addr) {
    unsigned char vec;
    uint64_t page = addr & ~(uint64_t) (page_size - 1);
    if (syscall(SYS_mincore, (long) page, page_size, &vec) == 0) return 1;
    return errno == ENOMEM ? 0 : -errno;
}

/*
 * fork of this process. The child is created with CLONE_PARENT, so it is the agent's child (the
 * agent reaps it) while it copies this process's memory and fds; it swaps in the channel the agent
 * sent along, takes the number the agent wrote into the request, and leaves the answer to its parent.
 */
static int do_fork(const struct frame *f, int new_channel) {
    if (new_channel < 0) return send_answer(answer_fd, f->id, -EPROTO, 0, NULL, 0);
    long pid = syscall(SYS_clone, (long) (CLONE_PARENT | SIGCHLD), 0L, 0L, 0L, 0L);
    if (pid == 0) {
        dup2(new_channel, channel_fd);
        close(new_channel);
        self_id = f->reserved;
        return 0;
    }
    int64_t r = sys_result(pid);
    close(new_channel);
    return send_answer(answer_fd, f->id, r, 0, NULL, 0);
}

/* The answer carries the fd; a closed fd makes sendmsg fail with the kernel's EBADF. */
static int do_send_fd(const struct frame *f) {
    uint8_t h[HEADER_SIZE];
    answer_header(h, f->id, 0, 0, 0);
    int r = send_with_fd(channel_fd, h, sizeof h, (int) arg(f, 0));
    if (r == -EPIPE) return -1;
    return r < 0 ? send_answer(answer_fd, f->id, r, 0, NULL, 0) : 0;
}

static int process_dispatch(const struct frame *f, int fd_in, int ctrunc) {
    int64_t r;
    switch (f->op) {
    case OP_PING: r = PROTOCOL_VERSION; break;
    case OP_FORK: return do_fork(f, fd_in);
    case OP_EXIT: _exit(0);
    case OP_SETIDS: r = do_setids(arg(f, 0), arg(f, 1)); break;
    case OP_OPEN: return do_open(f);
    case OP_CLOSE: r = sys_result(syscall(SYS_close, (long) arg(f, 0))); break;
    case OP_IOCTL: return do_ioctl(f);
    case OP_MMAP:
        r = sys_result(syscall(SYS_mmap, (long) arg(f, 0), (long) arg(f, 1), (long) arg(f, 2),
                               (long) arg(f, 3), (long) arg(f, 4), (long) arg(f, 5)));
        break;
    case OP_MUNMAP: r = sys_result(syscall(SYS_munmap, (long) arg(f, 0), (long) arg(f, 1))); break;
    case OP_MPROTECT:
        r = sys_result(syscall(SYS_mprotect, (long) arg(f, 0), (long) arg(f, 1), (long) arg(f, 2)));
        break;
    case OP_LSEEK:
        r = sys_result(syscall(SYS_lseek, (long) arg(f, 0), (long) arg(f, 1), (long) arg(f, 2)));
        break;
    case OP_READ_MEM:
    case OP_WRITE_MEM: return do_memory(f);
    case OP_MAPPED: r = do_mapped(arg(f, 0)); break;
    case OP_SEND_FD: return do_send_fd(f);
    case OP_READ_FD: return do_read_fd(f);
    case OP_CAPGET: return do_capget(f);
    case OP_CAPSET: r = do_capset(arg(f, 0), arg(f, 1), arg(f, 2)); break;
    case OP_PRCTL:
        r = sys_result(syscall(SYS_prctl, (long) arg(f, 0), (long) arg(f, 1), (long) arg(f, 2), (long) arg(f, 3),
                               (long) arg(f, 4)));
        break;
    case OP_POLL: {
        struct pollfd one = {.fd = (int) arg(f, 0), .events = (short) arg(f, 1)};
        int ready = poll(&one, 1, 0);
        r = ready < 0 ? -errno : (int64_t) (uint16_t) one.revents;
        break;
    }
    case OP_MEMFD_CREATE: return do_memfd_create(f);
    case OP_FTRUNCATE: r = sys_result(syscall(SYS_ftruncate, (long) arg(f, 0), (long) arg(f, 1))); break;
    case OP_FCNTL: r = sys_result(syscall(SYS_fcntl, (long) arg(f, 0), (long) arg(f, 1), (long) arg(f, 2))); break;
    case OP_RECV_FD: r = fd_in >= 0 ? fd_in : ctrunc ? -EMFILE : -EPROTO; fd_in = -1; break;
    default: r = -ENOSYS; break;
    }
    if (fd_in >= 0) close(fd_in);
    return send_answer(answer_fd, f->id, r, 0, NULL, 0);
}

/*
 * Serves the host's requests while they are this process's own, then gives the floor back to the
 * agent (also at the end of the stream, which the agent then sees too).
 */
static void hold_floor(void) {
    static struct buffer in;
    answer_fd = host_fd;
    for (;;) {
        uint8_t h[HEADER_SIZE];
        uint32_t len;
        if (peek_header(h, &len) < 0 || !served_by_process(h, len) || get32(h + 16) != self_id) break;
        if (!reserve(&in, len)) {
            if (take(NULL, len) < 0 || send_answer(host_fd, get32(h + 8), -ENOMEM, 0, NULL, 0) < 0) break;
            continue;
        }
        if (take(in.data, len) < 0) break;
        struct frame f = frame_of(in.data, len);
        hs->busy_id = f.id;
        hs->busy = 1;
        int r = process_dispatch(&f, -1, 0);
        hs->busy = 0;
        if (r < 0) {
            hs->eof = 1;
            break;
        }
    }
    if (send_floor(channel_fd, self_id) < 0) _exit(0);
}

/*
 * A guest process waits on its channel for the floor or for what the agent asks of it (fork,
 * passing an fd, exit), which it answers on the channel. It serves until the agent goes away.
 */
static void process_loop(void) {
    struct buffer in = { 0 };
    for (;;) {
        uint8_t h[HEADER_SIZE];
        int fd_in = -1, ctrunc = 0;
        if (recv_full(channel_fd, h, sizeof h, &fd_in, &ctrunc) < 0) _exit(0);
        uint32_t len = get32(h + 4);
        if (len < HEADER_SIZE || len > MAX_FRAME || !reserve(&in, len)) _exit(1);
        memcpy(in.data, h, sizeof h);
        if (recv_full(channel_fd, in.data + HEADER_SIZE, len - HEADER_SIZE, &fd_in, &ctrunc) < 0) _exit(0);
        struct frame f = frame_of(in.data, len);
        if (f.op == OP_FLOOR) {
            if (fd_in >= 0) close(fd_in);
            hold_floor();
            continue;
        }
        answer_fd = channel_fd;
        if (process_dispatch(&f, fd_in, ctrunc) < 0) _exit(0);
    }
}

/*
 * Called in a freshly forked child of the agent: only the host connection (just below the
 * channel), the channel and stdio survive.
 */
static void become_process(int sock, uint32_t id) {
    int host_at = channel_fd - 1;
    self_id = id;
    if (host_fd != host_at) {
        dup2(host_fd, host_at);
        host_fd = host_at;
    }
    if (sock != channel_fd) {
        dup2(sock, channel_fd);
        close(sock);
    }
    if (syscall(SYS_close_range, 3L, (long) host_at - 1, 0L) < 0) {
        for (int fd = 3; fd < host_at; fd++) close(fd);
    }
    syscall(SYS_close_range, (long) channel_fd + 1, (long) ~0U, 0L);
    signal(SIGPIPE, SIG_DFL);
    prctl(PR_SET_NAME, "uapispec-proc", 0, 0, 0);
    install_fault_handlers();
    process_loop();
}

/* ------------------------------------------------------------- agent */

struct process { uint32_t id; pid_t pid; int sock; };

static struct process *table;
static size_t table_len, table_cap;
static uint32_t next_id = 1;
static int kmsg_fd = -1;
static struct buffer relay;

static struct process *find(uint32_t id) {
    for (size_t i = 0; i < table_len; i++) if (table[i].id == id) return &table[i];
    return NULL;
}

static void forget(struct process *p, int kill_it) {
    close(p->sock);
    if (kill_it) kill(p->pid, SIGKILL);
    while (waitpid(p->pid, NULL, 0) < 0 && errno == EINTR) {}
    *p = table[--table_len];
}

static int64_t add_process(pid_t pid, int sock) {
    if (table_len == table_cap) {
        size_t cap = table_cap ? 2 * table_cap : 16;
        struct process *t = realloc(table, cap * sizeof *t);
        if (!t) return -ENOMEM;
        table = t;
        table_cap = cap;
    }
    table[table_len++] = (struct process) { .id = next_id, .pid = pid, .sock = sock };
    return next_id++;
}

/* Processes that died on their own (or orphans, when the agent is init) are reaped here. */
static void reap_dead(void) {
    pid_t pid;
    while ((pid = waitpid(-1, NULL, WNOHANG)) > 0) {
        for (size_t i = 0; i < table_len; i++) {
            if (table[i].pid == pid) {
                close(table[i].sock);
                table[i] = table[--table_len];
                break;
            }
        }
    }
}

static void forget_all(void) {
    while (table_len > 0) forget(&table[table_len - 1], 1);
}

/* The new process gets the number add_process gives next (next_id), also when it was told so. */
static int answer_new_process(int host, uint32_t id, int64_t r, pid_t pid, int sock) {
    if (r >= 0) {
        r = add_process(pid, sock);
        if (r < 0) { close(sock); kill(pid, SIGKILL); waitpid(pid, NULL, 0); }
    }
    uint8_t data[8];
    put64(data, (uint64_t) pid);
    return send_answer(host, id, r, 0, data, r >= 0 ? 8 : 0);
}

static int spawn(int host, uint32_t id) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) return send_answer(host, id, -errno, 0, NULL, 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        become_process(sv[1], next_id);
    }
    int64_t r = pid < 0 ? -errno : 0;
    close(sv[1]);
    if (r < 0) close(sv[0]);
    return answer_new_process(host, id, r, pid, sv[0]);
}

/*
 * Reads a process's answer into the relay buffer. Returns the answer's length, or -1 when the
 * process is gone (the caller forgets it).
 */
static long receive_answer(int sock, int *fd_out) {
    uint8_t h[HEADER_SIZE];
    if (sock < 0 || recv_full(sock, h, sizeof h, fd_out, NULL) < 0) return -1;
    uint32_t alen = get32(h + 4);
    if (alen < HEADER_SIZE || alen > MAX_FRAME || !reserve(&relay, alen)) return -1;
    memcpy(relay.data, h, sizeof h);
    if (recv_full(sock, relay.data + HEADER_SIZE, alen - HEADER_SIZE, fd_out, NULL) < 0) return -1;
    return alen;
}

/*
 * Sends a frame to a process and reads its answer into the relay buffer. Returns the answer's
 * length, or -1 when the process is gone (it is then forgotten).
 */
static long exchange(struct process *p, const uint8_t *frame, size_t len, int pass_fd, int *fd_out) {
    int sent = pass_fd >= 0 ? send_with_fd(p->sock, frame, len, pass_fd)
                            : (write_full(p->sock, frame, len) < 0 ? -EPIPE : 0);
    long alen = sent < 0 ? -1 : receive_answer(p->sock, fd_out);
    if (alen < 0) forget(p, 1);
    return alen;
}

static int64_t answer_result(void) {
    int64_t r;
    memcpy(&r, relay.data + 16, 8);
    return r;
}

/* The child's number travels in the request's reserved field. */
static int agent_fork(int host, const struct frame *f, uint8_t *raw, struct process *p) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) return send_answer(host, f->id, -errno, 0, NULL, 0);
    put32(raw + 20, next_id);
    long len = exchange(p, raw, HEADER_SIZE + f->payload_len, sv[1], NULL);
    close(sv[1]);
    if (len < 0) {
        close(sv[0]);
        return send_answer(host, f->id, -ESRCH, 0, NULL, 0);
    }
    int64_t r = answer_result();
    if (r < 0) close(sv[0]);
    return answer_new_process(host, f->id, r < 0 ? r : 0, r < 0 ? 0 : (pid_t) r, sv[0]);
}

static int agent_exit(int host, const struct frame *f, const uint8_t *raw, struct process *p) {
    write_full(p->sock, raw, HEADER_SIZE + f->payload_len);
    forget(p, 0);
    return send_answer(host, f->id, 0, 0, NULL, 0);
}

/* The fd rests in the agent only between the two messages; the agent never keeps one. */
static int agent_send_fd(int host, const struct frame *f, const uint8_t *raw, struct process *p) {
    uint64_t target = arg(f, 1);
    if (target == 0) return send_answer(host, f->id, -EPERM, 0, NULL, 0);
    if (target > UINT32_MAX || !find((uint32_t) target)) return send_answer(host, f->id, -ESRCH, 0, NULL, 0);
    int fd = -1;
    if (exchange(p, raw, HEADER_SIZE + f->payload_len, -1, &fd) < 0) {
        if (fd >= 0) close(fd);
        return send_answer(host, f->id, -ESRCH, 0, NULL, 0);
    }
    int64_t r = answer_result();
    if (r < 0 || fd < 0) {
        if (fd >= 0) close(fd);
        return send_answer(host, f->id, r < 0 ? r : -EPROTO, 0, NULL, 0);
    }
    struct process *q = find((uint32_t) target);
    uint8_t recv[HEADER_SIZE];
    put32(recv, REQUEST_MAGIC);
    put32(recv + 4, HEADER_SIZE);
    put32(recv + 8, f->id);
    put32(recv + 12, OP_RECV_FD);
    put32(recv + 16, (uint32_t) target);
    put32(recv + 20, 0);
    long len = q ? exchange(q, recv, sizeof recv, fd, NULL) : -1;
    close(fd);
    if (len < 0) return send_answer(host, f->id, -ESRCH, 0, NULL, 0);
    return emit(host, relay.data, (size_t) len);
}

/* Kernel log records since the last call, one line each (the dictionary lines are dropped). */
static int agent_kmsg(int host, const struct frame *f) {
    uint64_t flags = arg(f, 0);
    if (flags & ~1ull) return send_answer(host, f->id, -EINVAL, 0, NULL, 0);
    struct buffer out = { 0 };
    size_t used = 0;
    if (kmsg_fd >= 0 && (flags & 1)) lseek(kmsg_fd, 0, SEEK_SET);
    while (kmsg_fd >= 0 && used + 8192 <= MAX_TRANSFER) {
        char rec[8192];
        ssize_t n = read(kmsg_fd, rec, sizeof rec);
        if (n < 0 && (errno == EINTR || errno == EPIPE)) continue; /* EPIPE: records overwritten */
        if (n <= 0) break;
        char *nl = memchr(rec, '\n', (size_t) n);
        size_t line = nl ? (size_t) (nl - rec) : (size_t) n;
        if (!reserve(&out, used + line + 1)) break;
        memcpy(out.data + used, rec, line);
        out.data[used + line] = '\n';
        used += line + 1;
    }
    int r = send_answer(host, f->id, (int64_t) used, 0, out.data, (uint32_t) used);
    free(out.data);
    return r;
}

/*
 * A request the agent serves: anything that is not a live process's own well-formed operation
 * (served_by_process), which the holder of the floor serves.
 */
static int agent_request(int host, const struct frame *f, uint8_t *raw) {
    if (f->op == 0 || f->op > OP_HOST_LAST) return send_answer(host, f->id, -ENOSYS, 0, NULL, 0);
    uint32_t fixed = 8u * (uint32_t) ARG_COUNT[f->op];
    if (takes_bytes(f->op) ? f->payload_len < fixed : f->payload_len != fixed)
        return send_answer(host, f->id, -EPROTO, 0, NULL, 0);
    if (f->op == OP_SPAWN || f->op == OP_KMSG) {
        if (f->process != 0) return send_answer(host, f->id, -EINVAL, 0, NULL, 0);
        return f->op == OP_SPAWN ? spawn(host, f->id) : agent_kmsg(host, f);
    }
    if (f->process == 0) {
        if (f->op == OP_PING) return send_answer(host, f->id, PROTOCOL_VERSION, 0, NULL, 0);
        if (f->op == OP_FORK) return spawn(host, f->id);
        return send_answer(host, f->id, -EPERM, 0, NULL, 0);
    }
    reap_dead();
    struct process *p = find(f->process);
    if (!p) return send_answer(host, f->id, -ESRCH, 0, NULL, 0);
    switch (f->op) {
    case OP_FORK: return agent_fork(host, f, raw, p);
    case OP_EXIT: return agent_exit(host, f, raw, p);
    case OP_SEND_FD: return agent_send_fd(host, f, raw, p);
    default: break;
    }
    /* A process's own operation whose process appeared since the floor was decided: relay it. */
    long len = exchange(p, raw, HEADER_SIZE + f->payload_len, -1, NULL);
    if (len < 0) return send_answer(host, f->id, -ESRCH, 0, NULL, 0);
    return emit(host, relay.data, (size_t) len);
}

/*
 * Waits until the process holding the floor gives it back. A process that dies meanwhile is
 * forgotten; if it held the floor, the request it was serving is answered ESRCH and the agent
 * takes the floor (the requests for it still in the stream are then ESRCH too, in order).
 */
static void wait_for_floor(uint32_t holder) {
    static struct pollfd *fds;
    static size_t fds_cap;
    for (;;) {
        if (table_len > fds_cap) {
            struct pollfd *grown = realloc(fds, table_len * sizeof *fds);
            if (!grown) { hs->eof = 1; return; }
            fds = grown;
            fds_cap = table_len;
        }
        for (size_t i = 0; i < table_len; i++) fds[i] = (struct pollfd) { .fd = table[i].sock, .events = POLLIN };
        int n = poll(fds, (nfds_t) table_len, -1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) { hs->eof = 1; return; }
        for (size_t i = 0; i < table_len; i++) {
            if (!fds[i].revents) continue;
            struct process *p = &table[i];
            uint32_t id = p->id;
            uint8_t h[HEADER_SIZE];
            int fd = -1;
            if (recv_full(p->sock, h, sizeof h, &fd, NULL) == 0) {
                if (fd >= 0) close(fd);
                if (get32(h + 12) == OP_FLOOR && id == holder) return;
                /* Nothing else is sent unasked; a process that does is out of step. */
            }
            forget(p, 1);
            if (id == holder) {
                if (hs->busy) send_answer(host_fd, hs->busy_id, -ESRCH, 0, NULL, 0);
                hs->busy = 0;
                return;
            }
            break; /* the table changed: poll again */
        }
    }
}

/*
 * Serves one host connection until it ends. A frame with a bad length is consumed whole and
 * answered with an error; a process's own request hands it the floor.
 */
static void serve(int host) {
    static struct buffer in;
    host_fd = host;
    hs->pos = hs->end = hs->out_len = 0;
    hs->eof = hs->busy = 0;
    while (!hs->eof) {
        uint8_t h[HEADER_SIZE];
        uint32_t len;
        if (peek_header(h, &len) < 0) break;
        if (len < HEADER_SIZE || len > MAX_FRAME) {
            uint8_t id[4] = { 0 };
            uint32_t rest = len < 8 ? 0 : len - 8;
            if (take(NULL, 8) < 0) break;
            if (rest >= 4) {
                if (take(id, 4) < 0) break;
                rest -= 4;
            }
            if (take(NULL, rest) < 0) break;
            if (send_answer(host, get32(id), len > MAX_FRAME ? -E2BIG : -EPROTO, 0, NULL, 0) < 0) break;
            continue;
        }
        if (served_by_process(h, len)) {
            reap_dead();
            struct process *p = find(get32(h + 16));
            if (p) {
                uint32_t holder = p->id;
                if (send_floor(p->sock, holder) < 0) forget(p, 1);
                else wait_for_floor(holder);
                continue;
            }
        }
        if (!reserve(&in, len)) {
            if (take(NULL, len) < 0 || send_answer(host, get32(h + 8), -ENOMEM, 0, NULL, 0) < 0) break;
            continue;
        }
        if (take(in.data, len) < 0) break;
        struct frame f = frame_of(in.data, len);
        if (agent_request(host, &f, in.data) < 0) break;
    }
    flush_host();
    host_fd = -1;
    forget_all();
}

static int find_port(const char *name, char *path, size_t size) {
    DIR *d = opendir("/sys/class/virtio-ports");
    if (!d) return -1;
    struct dirent *e;
    int found = -1;
    while (found < 0 && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char file[PATH_MAX], got[256] = { 0 };
        snprintf(file, sizeof file, "/sys/class/virtio-ports/%s/name", e->d_name);
        int fd = open(file, O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        ssize_t n = read(fd, got, sizeof got - 1);
        close(fd);
        while (n > 0 && got[n - 1] == '\n') got[--n] = 0;
        if (n > 0 && strcmp(got, name) == 0) {
            snprintf(path, size, "/dev/%s", e->d_name);
            found = 0;
        }
    }
    closedir(d);
    return found;
}

/* The host side of a virtio port may come and go; an unconnected port reads as EOF at once. */
static int run_port(const char *path) {
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) { fprintf(stderr, "agent: %s: %s\n", path, strerror(errno)); return 1; }
    for (;;) {
        serve(fd);
        struct timespec pause = { .tv_sec = 0, .tv_nsec = 50 * 1000 * 1000 };
        nanosleep(&pause, NULL);
    }
}

/* The socket is bound under a temporary name and renamed once it listens, so that a client that
 * finds the path never has its connection refused. */
static int run_listen(const char *path, int once) {
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    char staged[sizeof addr.sun_path];
    if (snprintf(staged, sizeof staged, "%s.tmp", path) >= (int) sizeof staged) {
        fprintf(stderr, "agent: socket path too long\n");
        return 1;
    }
    strcpy(addr.sun_path, staged);
    int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    unlink(staged);
    if (s < 0 || bind(s, (struct sockaddr *) &addr, sizeof addr) < 0 || listen(s, 1) < 0 || rename(staged, path) < 0) {
        fprintf(stderr, "agent: %s: %s\n", path, strerror(errno));
        unlink(staged);
        return 1;
    }
    for (;;) {
        int c = accept4(s, NULL, NULL, SOCK_CLOEXEC);
        if (c < 0) { if (errno == EINTR) continue; perror("agent: accept"); return 1; }
        serve(c);
        close(c);
        if (once) { unlink(path); return 0; }
    }
}

int main(int argc, char **argv) {
    page_size = sysconf(_SC_PAGESIZE);
    /* Shared with every process the agent forks, and so with their forks too. */
    hs = mmap(NULL, sizeof *hs, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (hs == MAP_FAILED) { perror("agent: mmap"); return 1; }
    signal(SIGPIPE, SIG_IGN);
    struct rlimit lim;
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < 1001) channel_fd = (int) lim.rlim_cur - 1;
    /* Records logged before the agent started are read with the rewind flag only. */
    kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (kmsg_fd >= 0) lseek(kmsg_fd, 0, SEEK_END);
    if (getpid() != 1) prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    if (argc == 3 && strcmp(argv[1], "--port") == 0) return run_port(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--port-name") == 0) {
        char path[PATH_MAX];
        if (find_port(argv[2], path, sizeof path) < 0) {
            fprintf(stderr, "agent: no virtio port named %s\n", argv[2]);
            return 1;
        }
        return run_port(path);
    }
    if ((argc == 3 || argc == 4) && strcmp(argv[1], "--listen") == 0) {
        int once = argc == 4 && strcmp(argv[3], "--once") == 0;
        if (argc == 4 && !once) goto usage;
        return run_listen(argv[2], once);
    }
usage:
    fprintf(stderr, "usage: agent --port DEVICE | --port-name NAME | --listen SOCKET [--once]\n");
    return 2;
}
