package org.undersigned.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Dev mode only: the mails the service has sent, with their links. Not found in any other mode. */
@Path("/dev/mail")
public class DevMailPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mails(List<Mail> mails);
    }

    private final DevMailbox mailbox;

    DevMailPage(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance mails() {
        if (!mailbox.enabled()) {
            throw new NotFoundException();
        }
        return Templates.mails(mailbox.recent());
    }
}
