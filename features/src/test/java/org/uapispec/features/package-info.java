/** The Cucumber features of the uAPI semantics, run as a JUnit Platform suite. */
package org.uapispec.features;
