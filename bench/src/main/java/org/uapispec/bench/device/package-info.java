/** Reference-device operations per second, alone and in a realistic mix. */
package org.uapispec.bench.device;
