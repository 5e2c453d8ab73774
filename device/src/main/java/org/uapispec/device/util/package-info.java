/** Data structures the model is built from: id allocation with reuse and an interval tree. */
package org.uapispec.device.util;
