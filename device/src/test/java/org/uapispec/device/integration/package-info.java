/** Tests where userptr, mmap offsets and PRIME meet. */
package org.uapispec.device.integration;
