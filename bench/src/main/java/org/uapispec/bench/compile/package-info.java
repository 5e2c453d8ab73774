/**
 * Compile throughput (the full spec compiler against ANTLR's bare SLL parse of the same corpus), and
 * compile time of nested loops as files grow.
 */
package org.uapispec.bench.compile;
