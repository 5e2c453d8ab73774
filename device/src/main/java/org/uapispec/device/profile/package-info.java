/** Profiles: named sets of rules for a driver and kernel era, switched per behaviour, never copied per profile. */
package org.uapispec.device.profile;
