/**
 * memfds (mm/memfd.c over mm/shmem.c): anonymous shmem files with seals, the memory udmabuf turns
 * into dma-bufs (catalogue A.6, 101-108).
 */
package org.uapispec.device.memfd;
