/** Organisers and admins: signed tokens, moderation, bulk invalidation, attestations, the audit trail. */
package org.undersigned.organisers;
