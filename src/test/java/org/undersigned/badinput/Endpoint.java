package org.undersigned.badinput;

import java.util.List;
import java.util.function.Function;

/**
 * A public endpoint or form, with how to make a path for it (segments and query, malformed or not) and the kind
 * of body it reads.
 *
 * @param handler the resource method that should receive the request ({@code Class.method})
 */
record Endpoint(String handler, String method, Function<Junk, String> path, Body body) {

    enum Body {
        NONE,
        JSON,
        FORM
    }

    static final String LETTER = "bad-input-letter";
    private static final List<String> SLUGS = List.of(LETTER, LETTER, LETTER, "sample-letter", "draft-letter", "x");
    private static final List<String> NUMBERS = List.of("1", "2", "0", "-1", "99", "2147483648", "x");
    private static final List<String> IDS = List.of("sig_x", "0", "abc", "00000000-0000-0000-0000-000000000000");
    private static final List<String> PLAUSIBLE_QUERY = List.of("Ada", "a", "10", "200", "0", "-5", "sig_x", "");
    private static final List<String> TOKENS = List.of("x", "A".repeat(43), "token", "-_-_");

    static List<Endpoint> all() {
        return List.of(
                get("LetterPages.index", j -> "/" + query(j, "q")),
                get("LetterPages.letter", j -> "/letters/" + slug(j) + query(j, "v")),
                get("LetterPages.version", j -> "/letters/" + slug(j) + "/v/" + j.segment(j.value(NUMBERS))),
                get(
                        "LetterPages.diff",
                        j -> "/letters/" + slug(j) + "/diff/"
                                + j.segment(j.value(List.of("1..2", "2..1", "1..1", "1..9", "..", "1-2")))),
                get("LetterApi.list", j -> "/api/letters" + query(j, "status")),
                get("LetterApi.letter", j -> "/api/letters/" + slug(j)),
                get(
                        "LetterApi.version",
                        j -> "/api/letters/" + slug(j) + "/versions/"
                                + j.segment(j.chance(80) ? j.pick(NUMBERS.subList(0, 6)) : j.value())),
                new Endpoint("SignatureApi.sign", "POST", j -> "/api/letters/" + slug(j) + "/signatures", Body.JSON),
                new Endpoint("SignatureApi.confirm", "POST", j -> "/api/confirmations" + query(j, "token"), Body.JSON),
                get("SignatureApi.signature", j -> "/api/signatures/" + j.segment(j.value(IDS))),
                get("SignatureApi.receipt", j -> "/api/signatures/" + j.segment(j.value(IDS)) + "/receipt"),
                get("SignatureApi.attestations", j -> "/api/signatures/" + j.segment(j.value(IDS)) + "/attestations"),
                get("SignatureApi.credentials", j -> "/api/signatures/" + j.segment(j.value(IDS)) + "/credentials"),
                get("SignatureApi.count", j -> "/api/letters/" + slug(j) + "/count" + query(j, "version")),
                get(
                        "SignatureApi.signatories",
                        j -> "/api/letters/" + slug(j) + "/signatories" + queries(j, "q", "after", "limit")),
                get("SignaturePages.signForm", j -> "/letters/" + slug(j) + "/sign"),
                new Endpoint("SignaturePages.sign", "POST", j -> "/letters/" + slug(j) + "/sign", Body.FORM),
                get(
                        "SignaturePages.linkPage",
                        j -> "/" + j.pick(List.of("confirm", "withdraw", "reaffirm", "attach")) + "/"
                                + j.segment(j.value(TOKENS))),
                new Endpoint(
                        "SignaturePages.act",
                        "POST",
                        j -> "/" + j.pick(List.of("confirm", "withdraw", "reaffirm", "attach")) + "/"
                                + j.segment(j.value(TOKENS)),
                        Body.FORM),
                new Endpoint(
                        "SignaturePages.resend",
                        "POST",
                        j -> "/confirm/" + j.segment(j.value(TOKENS)) + "/resend",
                        Body.FORM),
                get(
                        "SignaturePages.signatoriesPage",
                        j -> "/letters/" + slug(j) + "/signatories" + queries(j, "q", "after", "limit")),
                get("SignaturePages.csv", j -> "/letters/" + slug(j) + "/signatories.csv"),
                get("DisownPages.report", j -> "/letters/" + slug(j) + "/disown/" + j.segment(j.value(IDS))),
                new Endpoint(
                        "DisownPages.byEmail",
                        "POST",
                        j -> "/letters/" + slug(j) + "/disown/" + j.segment(j.value(IDS)),
                        Body.FORM),
                get("DisownPages.linkPage", j -> "/disown/" + j.segment(j.value(TOKENS))),
                new Endpoint("DisownPages.disown", "POST", j -> "/disown/" + j.segment(j.value(TOKENS)), Body.FORM),
                get("DisputePages.page", j -> "/answer/" + j.segment(j.value(TOKENS))),
                new Endpoint("DisputePages.answer", "POST", j -> "/answer/" + j.segment(j.value(TOKENS)), Body.FORM),
                get("NewsPages.page", j -> "/unsubscribe/" + j.segment(j.value(IDS)) + "/" + j.segment(j.value())),
                new Endpoint(
                        "NewsPages.unsubscribe",
                        "POST",
                        j -> "/unsubscribe/" + j.segment(j.value(IDS)) + "/" + j.segment(j.value()),
                        Body.FORM),
                new Endpoint(
                        "SignerPasskeyResource.register",
                        "POST",
                        j -> "/signers/passkeys/new/" + j.segment(j.value(IDS)),
                        Body.JSON),
                new Endpoint("SignerPasskeyResource.options", "POST", j -> "/signers/passkeys/options", Body.JSON),
                new Endpoint("SignerPasskeyResource.signIn", "POST", j -> "/signers/passkeys/sign-in", Body.JSON),
                get("SignerPages.signIn", j -> "/signers/passkey" + query(j, "x")),
                get("SignerPages.page", j -> "/signers/signature" + query(j, "x")),
                new Endpoint("SignerPages.withdraw", "POST", j -> "/signers/signature/withdraw", Body.FORM),
                new Endpoint("SignerPages.news", "POST", j -> "/signers/signature/news", Body.FORM),
                new Endpoint("SignerPages.signOut", "POST", j -> "/signers/signature/sign-out", Body.FORM),
                get("NewsPages.badge", j -> "/letters/" + slug(j) + "/badge.svg" + query(j, "style")),
                get("ThreadApi.thread", j -> "/api/letters/" + slug(j) + "/thread"),
                get(
                        "LanguageResource.choose",
                        j -> "/language/" + j.segment(j.chance(70) ? "en" : j.value()) + query(j, "back")),
                get("ThreadPages.thread", j -> "/letters/" + slug(j) + "/thread"),
                get("ThreadPages.feed", j -> "/letters/" + slug(j) + "/feed.atom"),
                get("VerifyPage.verify", j -> "/letters/" + slug(j) + "/verify"),
                get("KeyResource.verifierKeys", j -> "/.well-known/undersigned/keys" + query(j, "x")),
                get("KeyResource.keyRotations", j -> "/log/" + slug(j) + "/key-rotations"),
                get("LogResource.checkpoint", j -> "/log/" + slug(j) + "/checkpoint"),
                get("LogResource.tile", j -> "/log/" + slug(j) + "/tile/" + tilePath(j)),
                get(
                        "LogResource.inclusion",
                        j -> "/log/" + slug(j) + "/proof/inclusion" + numericQueries(j, "index", "size")),
                get(
                        "LogResource.consistency",
                        j -> "/log/" + slug(j) + "/proof/consistency" + numericQueries(j, "from", "to")),
                get("VerificationApi.organisations", j -> "/api/organisations" + query(j, "q")),
                get("VerificationApi.honours", j -> "/api/honours" + query(j, "q")),
                get("AttestationKeyResource.key", j -> "/.well-known/undersigned/attestation-key.pem" + query(j, "k")),
                get(
                        "AttestationKeyResource.multikey",
                        j -> "/.well-known/undersigned/attestation-key.json" + query(j, "k")),
                new Endpoint("PressPages.ask", "POST", j -> "/letters/" + slug(j) + "/press", Body.FORM),
                get("PressPages.confirmPage", j -> "/press/confirm/" + j.segment(j.value(TOKENS))),
                new Endpoint(
                        "PressPages.confirm", "POST", j -> "/press/confirm/" + j.segment(j.value(TOKENS)), Body.FORM),
                get(
                        "PressPages.leavePage",
                        j -> "/press/unsubscribe/" + j.segment(j.value(NUMBERS)) + "/" + j.segment(j.value())),
                new Endpoint(
                        "PressPages.leave",
                        "POST",
                        j -> "/press/unsubscribe/" + j.segment(j.value(NUMBERS)) + "/" + j.segment(j.value()),
                        Body.FORM),
                get("PasskeySignIn.signInPage", j -> "/organisers/sign-in" + query(j, "x")),
                new Endpoint("PasskeySignIn.signInOptions", "POST", j -> "/organisers/passkey/options", Body.JSON),
                new Endpoint("PasskeySignIn.signIn", "POST", j -> "/organisers/passkey", Body.JSON),
                new Endpoint("DemoOrganiser.signIn", "POST", j -> "/organisers/demo" + query(j, "csrf"), Body.FORM),
                get("PasskeySignIn.enrolPage", j -> "/organisers/enrol/" + j.segment(j.value(TOKENS))),
                new Endpoint(
                        "PasskeySignIn.enrolOptions",
                        "POST",
                        j -> "/organisers/enrol/" + j.segment(j.value(TOKENS)) + "/options",
                        Body.JSON),
                new Endpoint(
                        "PasskeySignIn.enrol",
                        "POST",
                        j -> "/organisers/enrol/" + j.segment(j.value(TOKENS)),
                        Body.JSON),
                get(
                        "ArchiveResource.copy",
                        j -> "/letters/" + slug(j) + "/archive/"
                                + j.segment(j.chance(85) ? "0".repeat(64) : j.value())));
    }

    private static Endpoint get(String handler, Function<Junk, String> path) {
        return new Endpoint(handler, "GET", path, Body.NONE);
    }

    private static String slug(Junk j) {
        return j.segment(j.value(SLUGS));
    }

    private static String query(Junk j, String name) {
        return j.chance(40)
                ? "?" + Junk.encode(j.chance(80) ? name : j.fitting(j.value())) + "="
                        + Junk.encode(j.fitting(j.value()))
                : "";
    }

    private static String queries(Junk j, String... names) {
        StringBuilder q = new StringBuilder();
        for (String name : names) {
            if (j.chance(60)) {
                q.append(q.isEmpty() ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(
                                j.chance(85)
                                        ? Junk.encode(j.fitting(j.value(PLAUSIBLE_QUERY)))
                                        : j.fitting(j.value()).replaceAll("[\\s#]", ""));
            }
        }
        return q.toString();
    }

    /** Numbers mostly, so the handler's own checks run, and sometimes anything at all. */
    private static String numericQueries(Junk j, String... names) {
        StringBuilder q = new StringBuilder();
        for (String name : names) {
            if (j.chance(85)) {
                String v = j.chance(75)
                        ? String.valueOf(j.pick(
                                List.of(0L, 1L, 2L, -1L, 255L, 256L, 65_536L, Long.MAX_VALUE, (long) j.below(10))))
                        : j.fitting(j.value());
                q.append(q.isEmpty() ? "?" : "&").append(name).append('=').append(Junk.encode(v));
            }
        }
        return q.toString();
    }

    private static String tilePath(Junk j) {
        if (j.chance(30)) {
            return j.segment(j.value());
        }
        String level = j.pick(List.of("0", "1", "2", "entries", "x", "-1", "99"));
        String index = j.pick(List.of("000", "001", "x001/002", "x000/000/000", "1", "abc", "x1000"));
        String partial = j.chance(40) ? ".p/" + j.pick(List.of("1", "255", "256", "0", "x")) : "";
        return level + "/" + index + partial;
    }
}
