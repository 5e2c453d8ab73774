package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Mman;
import org.uapispec.api.Pid;

class FileTest extends AgentTest {
    /** DRM_IOCTL_VERSION, _IOWR('d', 0x00, struct drm_version): 64 bytes on x86-64. */
    private static final long DRM_IOCTL_VERSION = 0xc0406400L;
    private static final int NOBODY = 65534;

    @TempDir
    Path folder;

    @Test
    void openingAMissingNodeIsEnoent() {
        Pid process = spawn();

        assertThat(client.open(process, "/dev/dri/card99", O_RDWR, 0).errno()).contains(Errno.ENOENT);
    }

    @Test
    void fdsOfAFreshProcessStartAtThree() {
        Pid process = spawn();

        assertThat(open(process, "/dev/null", O_RDWR)).isEqualTo(new Fd(3));
        assertThat(open(process, "/dev/null", O_RDWR)).isEqualTo(new Fd(4));
    }

    @Test
    void anIoctlTheFileDoesNotKnowIsEnottyWithTheArgumentBytesReturnedUnchanged() {
        Pid process = spawn();
        Fd fd = open(process, "/dev/null", O_RDWR);
        byte[] argument = new byte[64];
        for (int i = 0; i < argument.length; i++) {
            argument[i] = (byte) (i * 7 + 1);
        }

        Reply reply = client.ioctl(process, fd, DRM_IOCTL_VERSION, argument);

        assertThat(reply.errno()).contains(Errno.ENOTTY);
        assertThat(reply.data()).isEqualTo(argument);
    }

    @Test
    void anIoctlOnAClosedFdIsEbadf() {
        Pid process = spawn();
        Fd fd = open(process, "/dev/null", O_RDWR);

        assertThat(client.close(process, fd).result()).isZero();
        assertThat(client.ioctlValue(process, fd, DRM_IOCTL_VERSION, 0).errno()).contains(Errno.EBADF);
        assertThat(client.close(process, fd).errno()).contains(Errno.EBADF);
    }

    @Test
    void afterSetidsToNobodyARootOnlyFileIsEacces() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to switch ids");
        Path secret = Files.writeString(folder.resolve("secret"), "root only");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Pid process = spawn();
        assertThat(client.open(process, secret.toString(), O_RDONLY, 0).isOk()).isTrue();

        assertThat(client.setIds(process, NOBODY, NOBODY).result()).isZero();

        assertThat(client.open(process, secret.toString(), O_RDONLY, 0).errno()).contains(Errno.EACCES);
        assertThat(client.setIds(process, 0, 0).errno()).contains(Errno.EPERM);
    }

    @Test
    void readFileAndLseekWorkOnARegularFile() throws IOException {
        Path file = Files.writeString(folder.resolve("data"), "0123456789");
        Pid process = spawn();
        Fd fd = open(process, file.toString(), O_RDONLY);

        assertThat(client.lseek(process, fd, 4, Mman.SEEK_SET).result()).isEqualTo(4);
        Reply read = client.readFile(process, fd, 100);

        assertThat(read.result()).isEqualTo(6);
        assertThat(new String(read.data(), StandardCharsets.US_ASCII)).isEqualTo("456789");
        assertThat(client.lseek(process, fd, 0, Mman.SEEK_END).result()).isEqualTo(10);
        assertThat(client.lseek(process, fd, 0, 99).errno()).contains(Errno.EINVAL);
    }
}
