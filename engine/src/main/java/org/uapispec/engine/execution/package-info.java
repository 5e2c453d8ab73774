/** Execution: runs a scenario's steps on a fresh backend, checks outcomes and invariants, explains failures. */
package org.uapispec.engine.execution;
