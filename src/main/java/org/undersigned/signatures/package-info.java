/** Signatures: sign-up, mailed links, ORCID signing, publication to the log, endings, counts and signatory lists. */
package org.undersigned.signatures;
