package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the error pages (browsers; the JSON problems of the API stay in English), English here; other
 * languages in {@code src/main/resources/messages/errors_<tag>.properties}.
 */
@MessageBundle(value = "errors", locale = "en")
public interface ErrorMessages {

    // the error page

    @Message("See all letters")
    String seeAllLetters();

    @Message("Error {status}")
    String errorStatus(int status);

    // titles, by status (the JSON problems keep the HTTP reason phrase)

    @Message("Error")
    String error();

    @Message("Bad Request")
    String badRequest();

    @Message("Unauthorized")
    String unauthorized();

    @Message("Sign in to see this page: you are not signed in, or your sign-in has expired.")
    String signInFirst();

    @Message("Sign in")
    String signIn();

    @Message("Forbidden")
    String forbidden();

    @Message("Not Found")
    String notFound();

    @Message("Method Not Allowed")
    String methodNotAllowed();

    @Message("Not Acceptable")
    String notAcceptable();

    @Message("Conflict")
    String conflict();

    @Message("Gone")
    String gone();

    @Message("Request Entity Too Large")
    String tooLarge();

    @Message("Unsupported Media Type")
    String unsupportedType();

    @Message("Too Many Requests")
    String tooManyRequests();

    @Message("Internal Server Error")
    String internalError();

    @Message("Service Unavailable")
    String unavailable();

    // what went wrong, when the cause has no words of its own

    @Message("There is nothing at this address. It may have moved, or the link may be mistyped.")
    String nothingHere();

    @Message("This address does not accept that kind of request.")
    String wrongMethod();

    @Message("We cannot answer in the format your client asked for.")
    String wrongFormat();

    @Message("Send the request body as application/json.")
    String sendJson();

    @Message("Too many requests. Please wait a moment and try again.")
    String slowDown();

    @Message("Something went wrong on our side. Please try again.")
    String ourFault();

    @Message("Something went wrong on our side. Nothing you sent was lost; please try again.")
    String ourFaultKept();

    @Message("The request could not be processed.")
    String notProcessed();

    @Message("Some fields need attention.")
    String fieldsNeedAttention();

    @Message("The request body is not valid JSON.")
    String notJson();

    @Message("The request body is not valid JSON at line {line}, column {column}.")
    String notJsonAt(int line, int column);

    @Message("The form is not properly encoded (a % must be followed by two hexadecimal digits).")
    String badEncoding();

    @Message("Something in the request (a character or a value) cannot be stored or looked up.")
    String cannotStore();

    // why a page refused, said by the code that refused (web.LocalProblem)

    @Message("You have already signed this letter with ORCID.")
    String alreadySignedOrcid();

    @Message("Your ORCID iD has not signed this letter: sign it first.")
    String orcidNotSigned();

    @Message("The sign-in did not give an ORCID iD.")
    String noOrcidId();

    @Message("'{title}' lists no signature {id}.")
    String noSignature(String title, String id);

    @Message("This unsubscribe link is not valid. Check that it was copied completely.")
    String unsubscribeInvalid();

    @Message("The ORCID iD {orcid} is not an organiser of any letter here. Organisers are listed in each letter's"
            + " letter.yaml.")
    String notOrganiser(String orcid);

    @Message("Decide 'release' or 'reject'.")
    String decideReleaseOrReject();

    @Message("You organise no letter here.")
    String organiseNothing();

    @Message("No token {id} was minted here.")
    String noToken(String id);

    @Message("This passkey request has expired or was used already, so nothing changed. Try again.")
    String passkeyExpired();

    @Message("The passkey could not be verified, so nothing changed. Try again.")
    String passkeyRefused();

    @Message("This passkey is not known here: it may have been removed. Use the link in your mail instead.")
    String passkeyUnknown();

    @Message("This passkey is for another way in (organisers' and signers' passkeys are kept apart).")
    String passkeyNotForThis();

    @Message("This passkey is registered already.")
    String passkeyExists();

    @Message("No more passkeys can be added here ({most} at most).")
    String passkeyTooMany(int most);

    @Message("This invitation link is not valid: it was used already, has expired, or was not copied completely. Ask"
            + " an admin for a new one.")
    String invitationInvalid();

    @Message("Sign in with your passkey first: the page asks for it again after 15 minutes.")
    String signerSignedOut();
}
