/** The spec language compiler: text in, scenario model or diagnostics out. */
package org.uapispec.grammar;
