package org.uapispec.api;

import java.util.List;
import java.util.Objects;

/** The ioctls of {@code /dev/udmabuf} (include/uapi/linux/udmabuf.h): a dma-buf made of memfd pages. */
public sealed interface UdmabufIoctl<R> extends Ioctl<R> {

    /** {@code UDMABUF_FLAGS_CLOEXEC}: the new dma-buf's fd is close-on-exec; the one flag used [107]. */
    int FLAGS_CLOEXEC = 0x1;

    /**
     * The module parameter list_limit at its default: the most items one CREATE_LIST takes [103]. A
     * kernel reads {@code count} items, so a request whose count is above its items but within this
     * limit is refused by every backend (it would read memory the caller did not lay out).
     */
    int LIST_LIMIT = 1024;

    /** The module parameter size_limit_mb at its default, in bytes: the largest dma-buf [103]. */
    long SIZE_LIMIT = 64L << 20;

    /**
     * One range of a memfd ({@code struct udmabuf_create_item}, and the body of {@code struct
     * udmabuf_create}): {@code size} bytes from {@code offset}, both page-aligned [101].
     */
    record Item(Fd memfd, long offset, long size) {
        public Item {
            Objects.requireNonNull(memfd, "memfd");
        }
    }

    /** {@code UDMABUF_CREATE} ({@code struct udmabuf_create}): one range; the result is the dma-buf. */
    record Create(int flags, Item item) implements UdmabufIoctl<Fd> {
        public Create {
            Objects.requireNonNull(item, "item");
        }

        @Override
        public String ioctlName() {
            return "UDMABUF_CREATE";
        }

        @Override
        public Outcome<Fd> dispatch(Handler handler) {
            return handler.udmabufCreate(this);
        }
    }

    /**
     * {@code UDMABUF_CREATE_LIST} ({@code struct udmabuf_create_list}): the ranges one after the other
     * in one dma-buf; {@code count} is the struct's count field, which is the number of items given
     * unless a test asks for more than the kernel's list limit [103].
     */
    record CreateList(int flags, int count, List<Item> items) implements UdmabufIoctl<Fd> {
        public CreateList {
            items = List.copyOf(items);
        }

        public CreateList(int flags, List<Item> items) {
            this(flags, items.size(), items);
        }

        @Override
        public String ioctlName() {
            return "UDMABUF_CREATE_LIST";
        }

        @Override
        public Outcome<Fd> dispatch(Handler handler) {
            return handler.udmabufCreateList(this);
        }
    }
}
