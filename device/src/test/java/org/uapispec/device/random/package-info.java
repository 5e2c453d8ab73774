/**
 * A seeded random sequence of calls on every profile, checked against the test's own small shadow of
 * what is observable from outside: no exception escapes, numbers are lowest-free, bytes agree through
 * every view, nothing outlives its file, exited processes answer ESRCH.
 */
package org.uapispec.device.random;
