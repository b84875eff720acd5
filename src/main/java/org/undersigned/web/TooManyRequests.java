package org.undersigned.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** 429 with Retry-After; rendered as a page or a problem by {@link ErrorMappers}. */
public class TooManyRequests extends WebApplicationException {

    public TooManyRequests(long retryAfterSeconds) {
        super(
                "Too many attempts from your network or for this address. Please wait about "
                        + (retryAfterSeconds < 90
                                ? retryAfterSeconds + " seconds"
                                : (retryAfterSeconds + 59) / 60 + " minutes")
                        + " and try again; nothing is lost.",
                Response.status(429)
                        .header("Retry-After", String.valueOf(retryAfterSeconds))
                        .build());
    }
}
