/** The reference device: the in-memory model behind the backend interface, and its ioctl routing. */
package org.uapispec.device.reference;
