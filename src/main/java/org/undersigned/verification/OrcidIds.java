package org.undersigned.verification;

/** ORCID iDs as operators write them in the watch list and honours.yaml: bare or as an orcid.org URL. */
final class OrcidIds {

    private OrcidIds() {}

    /** The iD without its {@code https://orcid.org/} prefix. */
    static String bare(String written) {
        return written.strip().replaceFirst("^https?://(www\\.)?orcid\\.org/", "");
    }

    /** Well formed with a right check digit (ISO 7064 11,2), so a mistyped iD stops the start. */
    static boolean valid(String written) {
        String id = bare(written);
        if (!OrcidEmployments.ORCID_ID.matcher(id).matches()) {
            return false;
        }
        String digits = id.replace("-", "");
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + digits.charAt(i) - '0') * 2;
        }
        int check = (12 - total % 11) % 11;
        return digits.charAt(15) == (check == 10 ? 'X' : (char) ('0' + check));
    }
}
