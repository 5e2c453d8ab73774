/** Cucumber step definitions for the end-to-end features, on the same reference device. */
package org.uapispec.bench.e2e.cucumber;
