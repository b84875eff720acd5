/** Whole-application tests: the dev profile on H2 and the modularity rules. */
package org.undersigned;
