/**
 * The bad-input suite: seeded malformed requests against every public endpoint and form, and names with markup
 * shown in a real browser.
 */
package org.undersigned.badinput;
