package org.undersigned.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The language switcher's links: remember the choice in a cookie and go back to the page, without JavaScript. */
@Path("/language/{tag}")
@Tag(name = "Pages")
public class LanguageResource {

    private static final int YEAR = 365 * 24 * 3600;

    /** Only a path of this site, never an open redirect; anything else (or a path that is no URI) goes home. */
    static URI pageOfThisSite(String back) {
        if (back != null && back.matches("/(?![/\\\\])[\\x21-\\x7e]*")) {
            try {
                URI uri = new URI(back);
                if (uri.getScheme() == null && uri.getRawAuthority() == null) {
                    return uri;
                }
            } catch (URISyntaxException notAUri) {
                // home instead
            }
        }
        return URI.create("/");
    }

    private final Languages languages;

    LanguageResource(Languages languages) {
        this.languages = languages;
    }

    @GET
    @Operation(summary = "Show the pages in this language from now on (a cookie), then go back to the page")
    public Response choose(@PathParam("tag") String tag, @QueryParam("back") String back) {
        if (!languages.supports(tag)) {
            throw new NotFoundException("This site is not available in '" + tag + "'.");
        }
        return Response.seeOther(pageOfThisSite(back))
                .cookie(new NewCookie.Builder(Languages.COOKIE)
                        .value(tag)
                        .path("/")
                        .maxAge(YEAR)
                        .sameSite(NewCookie.SameSite.LAX)
                        .build())
                .build();
    }
}
