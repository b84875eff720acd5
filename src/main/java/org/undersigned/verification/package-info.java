/** Verification: proves identities and affiliations (email challenges, later ORCID); knows nothing of signatures. */
package org.undersigned.verification;
