/** Processes: credentials, file-descriptor tables and address spaces with pages, mappings and MMU notifiers. */
package org.uapispec.device.process;
