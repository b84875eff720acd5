/** A letter's thread: studies, company responses, rebuttals point by point, statements; the Atom feed. */
package org.undersigned.threads;
