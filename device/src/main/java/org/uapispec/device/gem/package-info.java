/** GEM objects: creation, handles and their lifetime, flink names, pread/pwrite and first GPU use. */
package org.uapispec.device.gem;
