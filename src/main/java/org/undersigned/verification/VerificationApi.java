package org.undersigned.verification;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Verification")
public class VerificationApi {

    private final Organisations organisations;
    private final Honours honours;

    VerificationApi(Organisations organisations, Honours honours) {
        this.organisations = organisations;
        this.honours = honours;
    }

    @GET
    @Path("/organisations")
    @Operation(summary = "Known organisations: an address confirmed at one of their domains proves the affiliation")
    public List<Organisations.Organisation> organisations() {
        return organisations.all();
    }

    @GET
    @Path("/honours")
    @Operation(summary = "Honours that organisers may attest, with their laureates")
    public List<Honours.Honour> honours() {
        return honours.all();
    }
}
