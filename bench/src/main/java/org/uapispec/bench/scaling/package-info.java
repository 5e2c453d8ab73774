/** Time per operation and memory per object with up to a million live objects in one process. */
package org.uapispec.bench.scaling;
