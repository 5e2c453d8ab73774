package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading /dev/kmsg records, and which of them taint a machine. */
class KernelLogTest {
    private static final String RECORDS = "6,812,7023456,-;vgem: loaded\n"
            + "4,813,7100001,-;WARNING: CPU: 0 PID: 73 at drivers/gpu/drm/radeon/radeon_gart.c:306 radeon_gart_bind+0x8f/0xa0 [radeon]\n"
            + "4,814,7100002,c;Modules linked in: radeon vgem\n"
            + "1,815,7200000,-;BUG: kernel NULL pointer dereference, address: 0000000000000008\n"
            + "4,816,7300000,-;Oops: 0000 [#1] PREEMPT SMP NOPTI\n"
            + "6,817,7400000,-;a line about WARNING: that is not a warning\n";

    @Test
    void eachRecordIsItsTextAndWarningsOopsesAndBugsTaint() {
        KernelLog log = KernelLog.parse(RECORDS.getBytes(StandardCharsets.UTF_8));

        assertThat(log.lines()).hasSize(6).first().isEqualTo("vgem: loaded");
        assertThat(log.taints()).containsExactly(
                "WARNING: CPU: 0 PID: 73 at drivers/gpu/drm/radeon/radeon_gart.c:306 radeon_gart_bind+0x8f/0xa0 [radeon]",
                "BUG: kernel NULL pointer dereference, address: 0000000000000008",
                "Oops: 0000 [#1] PREEMPT SMP NOPTI");
    }

    @Test
    void anEmptyAnswerIsNoLines() {
        assertThat(KernelLog.parse(new byte[0]).lines()).isEmpty();
        assertThat(KernelLog.parse(new byte[0]).taints()).isEmpty();
    }
}
