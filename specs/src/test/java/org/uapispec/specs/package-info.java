/** The Surefire entry point of the conformance suite. */
package org.uapispec.specs;
