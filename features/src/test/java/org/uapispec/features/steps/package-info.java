/** Step definitions, one class per area, in the words of the uAPI; they drive only the backend interface. */
package org.uapispec.features.steps;
