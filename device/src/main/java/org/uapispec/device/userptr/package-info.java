/** Userptr: GEM objects over a process's own memory, their checks by era, lazy pinning and invalidation. */
package org.uapispec.device.userptr;
