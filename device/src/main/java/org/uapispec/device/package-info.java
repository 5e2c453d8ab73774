/** The uAPI backend interface and the reference device. */
package org.uapispec.device;
