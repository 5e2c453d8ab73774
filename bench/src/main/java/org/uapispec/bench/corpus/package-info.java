/** A deterministic generator of realistic spec files for the compile benchmark. */
package org.uapispec.bench.corpus;
