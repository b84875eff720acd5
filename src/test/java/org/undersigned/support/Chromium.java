package org.undersigned.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, one per test JVM: creating Playwright unpacks its driver (~1.3 s), and
 * nothing may download a browser here. Its config and cache stay under target/.
 */
public final class Chromium {

    public static final Path OUT = Paths.get("target", "browser").toAbsolutePath();
    private static Playwright playwright;
    private static Browser browser;

    private Chromium() {}

    public static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of(
                            "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                            "XDG_CONFIG_HOME", OUT.resolve("xdg-config").toString(),
                            "XDG_CACHE_HOME", OUT.resolve("xdg-cache").toString())));
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Paths.get("/usr/bin/chromium"))
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--no-first-run",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }
}
