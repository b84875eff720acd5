package org.undersigned.support;

/** A deliberate cross-package access, used to prove the modularity rule reports one. */
public final class Outside {

    private Outside() {}

    /** Lives in a nested class of this package but is touched from org.undersigned.ModularityTest. */
    public static final class UsedFromElsewhere {
        public static int value() {
            return 1;
        }
    }
}
