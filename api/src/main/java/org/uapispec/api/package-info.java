/**
 * The backend interface: the calls a scenario can make at the level of the uAPI, their argument
 * records and their {@link org.uapispec.api.Outcome outcomes}. Every backend (the reference
 * device, a real kernel) implements {@link org.uapispec.api.Backend}; nothing here names
 * the reference device's internals.
 */
package org.uapispec.api;
