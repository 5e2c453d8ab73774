package org.uapispec.device.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdAllocatorTest {

    @Test
    void startsAtTheBaseAndCountsUp() {
        IdAllocator ids = new IdAllocator(1);
        assertThat(ids.allocate()).isEqualTo(1);
        assertThat(ids.allocate()).isEqualTo(2);
        assertThat(ids.allocate()).isEqualTo(3);
    }

    @Test
    void reusesTheLowestReleasedIdFirst() {
        IdAllocator ids = new IdAllocator(1);
        for (int i = 0; i < 5; i++) {
            ids.allocate();
        }
        ids.release(4);
        ids.release(2);
        assertThat(ids.allocate()).isEqualTo(2);
        assertThat(ids.allocate()).isEqualTo(4);
        assertThat(ids.allocate()).isEqualTo(6);
    }

    @Test
    void releasingTheTopLowersTheHighWaterMark() {
        IdAllocator ids = new IdAllocator(3);
        ids.allocate();
        int four = ids.allocate();
        ids.release(four);
        assertThat(ids.allocate()).isEqualTo(4);
    }

    @Test
    void aCopyAllocatesIndependently() {
        IdAllocator ids = new IdAllocator(1);
        ids.allocate();
        ids.allocate();
        ids.release(1);
        IdAllocator copy = ids.copy();
        assertThat(copy.allocate()).isEqualTo(1);
        assertThat(ids.allocate()).isEqualTo(1);
        assertThat(copy.allocate()).isEqualTo(3);
    }

    @Test
    void refusesToReleaseWhatWasNotAllocated() {
        IdAllocator ids = new IdAllocator(1);
        ids.allocate();
        assertThatThrownBy(() -> ids.release(7)).isInstanceOf(IllegalArgumentException.class);
        ids.release(1);
        assertThatThrownBy(() -> ids.release(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
