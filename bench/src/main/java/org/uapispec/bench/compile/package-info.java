/** Compile throughput: the full spec compiler against ANTLR's bare SLL parse of the same corpus. */
package org.uapispec.bench.compile;
