/** dma-buf and PRIME: export, import with per-file dedup, dma-buf files, their mmap and lifetimes. */
package org.uapispec.device.dmabuf;
