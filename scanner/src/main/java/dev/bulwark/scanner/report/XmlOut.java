package dev.bulwark.scanner.report;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A little indenting layer over the JDK's {@link XMLStreamWriter}, which escapes text and attributes; this adds
 * line breaks for people reading the file, and drops the characters XML 1.0 cannot carry at all (control
 * characters from a malformed advisory would otherwise make the whole document unreadable). It always uses
 * the JDK's own StAX writer, whatever else is on the class path, so output is the same everywhere.
 */
final class XmlOut {

    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter xml;
    private int depth;
    private boolean childless;

    XmlOut() {
        try {
            xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("starting an XML document", e);
        }
    }

    /** Opens an element with attributes given as name, value, name, value, … */
    XmlOut start(String name, String... attributes) {
        return call(() -> {
            newLine();
            xml.writeStartElement(name);
            writeAttributes(attributes);
            depth++;
            childless = true;
        });
    }

    /** An element with attributes and no content. */
    XmlOut empty(String name, String... attributes) {
        return call(() -> {
            newLine();
            xml.writeEmptyElement(name);
            writeAttributes(attributes);
            childless = false;
        });
    }

    /** An element holding only text. */
    XmlOut element(String name, String content, String... attributes) {
        return call(() -> {
            newLine();
            xml.writeStartElement(name);
            writeAttributes(attributes);
            xml.writeCharacters(clean(content));
            xml.writeEndElement();
            childless = false;
        });
    }

    /** Closes the innermost open element. */
    XmlOut end() {
        return call(() -> {
            depth--;
            if (!childless) {
                newLine();
            }
            xml.writeEndElement();
            childless = false;
        });
    }

    /** The document, ending with a line break. */
    String document() {
        call(() -> {
            xml.writeEndDocument();
            xml.close();
        });
        return text + "\n";
    }

    private void writeAttributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i < attributes.length; i += 2) {
            // Line breaks in attributes are read back as spaces; keep messages on one line on purpose.
            xml.writeAttribute(attributes[i], clean(attributes[i + 1]).replaceAll("\\s*[\\r\\n]+\\s*", " "));
        }
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** The text with every character XML 1.0 forbids replaced by U+FFFD. */
    static String clean(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> out.appendCodePoint(isXmlChar(cp) ? cp : 0xFFFD));
        return out.toString();
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private XmlOut call(XmlStep step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML: " + e.getMessage(), e);
        }
        return this;
    }

    @FunctionalInterface
    private interface XmlStep {
        void run() throws XMLStreamException;
    }
}
