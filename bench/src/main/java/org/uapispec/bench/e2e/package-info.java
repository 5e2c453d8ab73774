/** End to end: the same generated scenarios run by our engine and by Cucumber through the JUnit Platform launcher. */
package org.uapispec.bench.e2e;
