package dev.bulwark.notify.jira;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The little rich text a ticket needs (headings, paragraphs, bullet lists; plain, strong, code and linked text),
 * written once and rendered as Atlassian Document Format for Jira Cloud ({@link AdfWriter}) or as wiki markup for
 * Jira Data Center ({@link WikiMarkupWriter}).
 *
 * @param blocks the blocks, in order
 */
public record RichText(List<Block> blocks) {

    public RichText {
        blocks = List.copyOf(blocks);
    }

    /** Rich text of the given blocks. */
    public static RichText of(Block... blocks) {
        return new RichText(List.of(blocks));
    }

    /** A block: a heading, a paragraph or a bullet list. */
    public sealed interface Block permits Heading, Paragraph, Bullets {
        /** The value of the function for this block's kind; a new kind does not compile until each writer has it. */
        <R> R match(Function<Heading, R> heading, Function<Paragraph, R> paragraph, Function<Bullets, R> bullets);
    }

    /** A piece of a paragraph. */
    public sealed interface Inline permits Plain, Strong, Code, Link {
        /** The text shown. */
        String text();

        /** The value of the function for this piece's kind; a new kind does not compile until each writer has it. */
        <R> R match(Function<Plain, R> plain, Function<Strong, R> strong, Function<Code, R> code, Function<Link, R> link);
    }

    /** A section heading. */
    public record Heading(String text) implements Block {
        public Heading {
            text = oneLine(text);
        }

        @Override
        public <R> R match(Function<Heading, R> heading, Function<Paragraph, R> paragraph, Function<Bullets, R> bullets) {
            return heading.apply(this);
        }
    }

    /** A paragraph of inline pieces. */
    public record Paragraph(List<Inline> inlines) implements Block {
        public Paragraph {
            inlines = inlines.stream().filter(inline -> !inline.text().isEmpty()).toList();
        }

        @Override
        public <R> R match(Function<Heading, R> heading, Function<Paragraph, R> paragraph, Function<Bullets, R> bullets) {
            return paragraph.apply(this);
        }
    }

    /** A bullet list, one paragraph per item. */
    public record Bullets(List<Paragraph> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }

        @Override
        public <R> R match(Function<Heading, R> heading, Function<Paragraph, R> paragraph, Function<Bullets, R> bullets) {
            return bullets.apply(this);
        }
    }

    /** Text as it is. */
    public record Plain(String text) implements Inline {
        public Plain {
            text = oneLine(text);
        }

        @Override
        public <R> R match(Function<Plain, R> plain, Function<Strong, R> strong, Function<Code, R> code, Function<Link, R> link) {
            return plain.apply(this);
        }
    }

    /** Bold text. */
    public record Strong(String text) implements Inline {
        public Strong {
            text = oneLine(text);
        }

        @Override
        public <R> R match(Function<Plain, R> plain, Function<Strong, R> strong, Function<Code, R> code, Function<Link, R> link) {
            return strong.apply(this);
        }
    }

    /** Monospaced text, for image references, package URLs and versions. */
    public record Code(String text) implements Inline {
        public Code {
            text = oneLine(text);
        }

        @Override
        public <R> R match(Function<Plain, R> plain, Function<Strong, R> strong, Function<Code, R> code, Function<Link, R> link) {
            return code.apply(this);
        }
    }

    /** Text that links to an address. */
    public record Link(String text, URI href) implements Inline {
        public Link {
            text = oneLine(text);
            Objects.requireNonNull(href, "href");
        }

        @Override
        public <R> R match(Function<Plain, R> plain, Function<Strong, R> strong, Function<Code, R> code, Function<Link, R> link) {
            return link.apply(this);
        }
    }

    /** A paragraph of the given pieces. */
    public static Paragraph paragraph(Inline... inlines) {
        return new Paragraph(List.of(inlines));
    }

    /** Plain text. */
    public static Plain plain(String text) {
        return new Plain(text);
    }

    /** Bold text. */
    public static Strong strong(String text) {
        return new Strong(text);
    }

    /** Monospaced text. */
    public static Code code(String text) {
        return new Code(text);
    }

    /** A link showing its own address. */
    public static Link link(URI href) {
        return new Link(href.toString(), href);
    }

    // Both formats treat a line break inside a text run differently; the tickets never need one.
    private static String oneLine(String text) {
        return Objects.requireNonNullElse(text, "").replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
