/** The report job: gathers Allure results of the suites into one results directory for allure-maven. */
package org.uapispec.reports;
