package org.undersigned.signatures;

import jakarta.persistence.Converter;
import org.undersigned.verification.AffiliationLevel;
import org.undersigned.verification.IdentityMethod;
import org.undersigned.web.WireEnumConverter;

/** The signature columns that hold wire spellings ("email", "orcid-institution", "public"), as enums. */
final class WireConverters {

    private WireConverters() {}

    @Converter
    public static class Identity extends WireEnumConverter<IdentityMethod> {
        public Identity() {
            super(IdentityMethod.class);
        }
    }

    @Converter
    public static class Affiliation extends WireEnumConverter<AffiliationLevel> {
        public Affiliation() {
            super(AffiliationLevel.class);
        }
    }

    @Converter
    public static class ListingColumn extends WireEnumConverter<Listing> {
        public ListingColumn() {
            super(Listing.class);
        }
    }
}
