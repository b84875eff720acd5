/** Test support shared by every feature's tests: the per-run PostgreSQL database and test content. */
package org.undersigned.support;
