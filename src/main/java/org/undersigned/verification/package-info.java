/** Verification: stateless evidence (addresses, organisations, ORCID employments, honours); knows no signatures. */
package org.undersigned.verification;
