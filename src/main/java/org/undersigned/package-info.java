/** Undersigned: open letters whose signatures can be trusted without trusting the host; one subpackage per feature. */
package org.undersigned;
