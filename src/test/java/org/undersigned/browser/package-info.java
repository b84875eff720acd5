/** Browser tests: the pages that matter, driven in Debian's Chromium by Playwright. */
package org.undersigned.browser;
