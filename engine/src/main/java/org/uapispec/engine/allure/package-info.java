/** Allure reporting, loaded only when Allure is on the class path: steps, labels, links, attachments. */
package org.uapispec.engine.allure;
