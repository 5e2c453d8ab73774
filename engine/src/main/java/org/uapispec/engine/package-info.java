/**
 * The JUnit Platform engine {@code uapispec}: runs spec files on a backend, one test per scenario and
 * profile. Its surface is {@link org.uapispec.engine.UapiTestEngine} and the configuration parameters
 * in {@link org.uapispec.engine.Constants}; every other type is package-private.
 *
 * <p>Discovery turns selectors into spec sources and compiled specs into descriptors with stable ids;
 * execution runs a scenario's steps on a fresh backend, checks outcomes and invariants and explains
 * failures; the Allure listener, loaded only when Allure is on the class path, writes steps, labels,
 * links and attachments.
 */
package org.uapispec.engine;
