/** The benchmark runner: runs every JMH part and the end-to-end comparison, and prints one summary. */
package org.uapispec.bench;
