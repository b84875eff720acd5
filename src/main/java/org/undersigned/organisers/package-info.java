/** Organisers and admins: signed tokens (SmallRye JWT), moderation of held signatures, attestations, audit trail. */
package org.undersigned.organisers;
