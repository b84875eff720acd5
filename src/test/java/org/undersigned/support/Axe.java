package org.undersigned.support;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The axe-core accessibility engine (npm, src/test/axe; installed by {@code npm ci --prefix src/test/axe}, which
 * .ci/run does), injected by Playwright into a page to audit it as it is shown.
 */
public final class Axe {

    static final Path SCRIPT = Paths.get("src", "test", "axe", "node_modules", "axe-core", "axe.min.js")
            .toAbsolutePath();

    private Axe() {}

    /**
     * The serious and critical violations on the page (WCAG 2.2 A and AA rules and best practices), one line each:
     * rule, impact, help and the offending elements. The page's context must bypass the CSP so the script can be
     * injected ({@code setBypassCSP(true)}).
     */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Page page) {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException(
                    "axe-core is missing at " + SCRIPT + ": run `npm ci --prefix src/test/axe` once (README, tests)");
        }
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(SCRIPT));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
                      'best-practice'] }
                  });
                  return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ') }));
                }
                """);
        return violations.stream()
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"))
                .toList();
    }
}
