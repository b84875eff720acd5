package org.undersigned.letters;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML that can never run script, whoever wrote the Markdown (letters, responses, signer fields):
 * raw HTML is escaped rather than passed through, and link and image URLs are limited to http, https, mailto and
 * relative ones, so {@code javascript:} and {@code data:} URLs come out empty. The output is also served under a
 * strict Content-Security-Policy (see web.SecurityHeaders), a second, independent line of defence.
 */
@ApplicationScoped
public class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                } else if (node instanceof Image) {
                    attributes.put("loading", "lazy");
                }
            })
            .build();

    public String toHtml(String markdown) {
        Node document = parser.parse(markdown);
        // the page's own title is the only h1: a letter's headings start one level lower
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(heading.getLevel() + 1, 6));
                visitChildren(heading);
            }
        });
        return renderer.render(document);
    }
}
