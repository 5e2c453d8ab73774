/** DRM device files: card and render nodes, DRM master, magic authentication and per-file handle tables. */
package org.uapispec.device.file;
