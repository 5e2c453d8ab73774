/** Discovery: selectors to spec sources, compiled specs to test descriptors with stable ids and sources. */
package org.uapispec.engine.discovery;
