package org.undersigned.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * ORCID for every Quarkus test: a real OpenID Connect provider (mock-oauth2-server, issuer "orcid") on a random
 * loopback port, and the ORCID public API's employments served by WireMock from recorded responses: iD
 * {@value #RESEARCHER} has three employments (institution-written, self-asserted, ended), {@value #EMPTY} none.
 */
@QuarkusTestResource(OrcidServers.class)
public class OrcidServers implements QuarkusTestResourceLifecycleManager {

    public static final String RESEARCHER = "0000-0002-1825-0097";
    public static final String EMPTY = "0000-0001-5109-3700";
    public static final String CLIENT_SECRET = "orcid-test-client-secret-of-32-characters-at-least";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {}

    private MockOAuth2Server oidc;
    private WireMockServer api;

    @Override
    public Map<String, String> start() {
        try {
            oidc = new MockOAuth2Server();
            oidc.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        api = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        api.stubFor(WireMock.get("/v3.0/" + RESEARCHER + "/employments")
                .willReturn(WireMock.okJson(fixture("employments.json"))
                        .withHeader("Content-Type", "application/vnd.orcid+json")));
        api.stubFor(WireMock.get("/v3.0/" + EMPTY + "/employments")
                .willReturn(WireMock.okJson(fixture("employments-empty.json"))
                        .withHeader("Content-Type", "application/vnd.orcid+json")));
        return Map.of(
                "undersigned.orcid.enabled",
                "true",
                "quarkus.oidc.orcid.auth-server-url",
                oidc.issuerUrl("orcid").toString(),
                "quarkus.oidc.orcid.client-id",
                "undersigned-test",
                "quarkus.oidc.orcid.credentials.secret",
                CLIENT_SECRET,
                "undersigned.orcid.api-url",
                api.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(oidc, new TestInjector.AnnotatedAndMatchesType(Inject.class, MockOAuth2Server.class));
    }

    @Override
    public void stop() {
        if (oidc != null) {
            oidc.shutdown();
        }
        if (api != null) {
            api.stop();
        }
    }

    private static String fixture(String name) {
        try (InputStream in = OrcidServers.class.getResourceAsStream("/orcid/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
