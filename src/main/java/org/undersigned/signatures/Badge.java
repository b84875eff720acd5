package org.undersigned.signatures;

/**
 * A flat two-part badge ("label | value") as SVG, sized from the text so it needs no font metrics at run time:
 * widths are estimated at 7 px per character of an 11 px sans-serif font, enough for digits and short labels.
 */
final class Badge {

    private Badge() {}

    static String svg(String label, String value) {
        int left = 10 + 7 * label.length();
        int right = 10 + 7 * value.length();
        int width = left + right;
        String l = escape(label);
        String v = escape(value);
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" role="img" aria-label="%2$s: %3$s">\
                <title>%2$s: %3$s</title>\
                <rect width="%4$d" height="20" fill="#555"/><rect x="%4$d" width="%5$d" height="20" fill="#276749"/>\
                <g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">\
                <text x="%6$d" y="14">%2$s</text><text x="%7$d" y="14">%3$s</text></g></svg>
                """.formatted(width, l, v, left, right, left / 2, left + right / 2);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
