package org.undersigned.threads;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An RFC 4287 Atom feed, written with a streaming XML writer so every text is escaped by construction. */
final class AtomFeed {

    static final String NS = "http://www.w3.org/2005/Atom";

    /** One feed entry; {@code html} is already safe HTML (rendered Markdown), sent as escaped text. */
    record Item(
            String id,
            String title,
            OffsetDateTime updated,
            OffsetDateTime published,
            String link,
            String author,
            String summary,
            String html) {}

    private AtomFeed() {}

    static String write(String id, String title, String self, String alternate, List<Item> items) {
        List<Item> newestFirst = items.stream()
                .sorted(Comparator.comparing(Item::updated).reversed())
                .toList();
        OffsetDateTime updated = newestFirst.isEmpty()
                ? OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                : newestFirst.get(0).updated();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(NS);
            text(x, "id", id);
            text(x, "title", title);
            text(x, "updated", time(updated));
            link(x, "self", self, "application/atom+xml");
            link(x, "alternate", alternate, "text/html");
            x.writeStartElement("author");
            text(x, "name", "Undersigned");
            x.writeEndElement();
            for (Item i : newestFirst) {
                x.writeStartElement("entry");
                text(x, "id", i.id());
                text(x, "title", i.title());
                text(x, "updated", time(i.updated()));
                if (i.published() != null) {
                    text(x, "published", time(i.published()));
                }
                link(x, "alternate", i.link(), "text/html");
                if (i.author() != null) {
                    x.writeStartElement("author");
                    text(x, "name", i.author());
                    x.writeEndElement();
                }
                if (i.summary() != null) {
                    text(x, "summary", i.summary());
                }
                if (i.html() != null) {
                    x.writeStartElement("content");
                    x.writeAttribute("type", "html");
                    x.writeCharacters(xml(i.html()));
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value == null ? "" : xml(value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    /** Drops the control characters XML 1.0 cannot carry at all. */
    private static String xml(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }

    private static String time(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
