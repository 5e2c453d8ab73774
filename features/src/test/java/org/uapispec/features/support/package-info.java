/** Scenario state shared by the step classes: the backend, the names a scenario gives, the last outcome. */
package org.uapispec.features.support;
