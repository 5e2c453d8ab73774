/** Tests of the device's answers to extreme argument values: huge lengths, high bits, wrapping ranges. */
package org.uapispec.device.limits;
