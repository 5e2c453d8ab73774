/**
 * Fences and the reservation objects that hold them (the kernel's {@code dma_fence} and
 * {@code dma_resv}), and the fence ids of a file that made them (vgem's {@code fence_idr}).
 */
package org.uapispec.device.fence;
