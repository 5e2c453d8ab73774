/**
 * Real Linux kernels: the client of the static C guest agent ({@code linux/agent/agent.c}) that
 * executes syscalls in guest processes, and a launcher for the agent on the local machine.
 */
package org.uapispec.linux;
