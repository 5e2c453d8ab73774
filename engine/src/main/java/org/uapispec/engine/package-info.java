/** The JUnit Platform engine {@code uapispec}: runs spec files on a backend, one test per scenario and profile. */
package org.uapispec.engine;
