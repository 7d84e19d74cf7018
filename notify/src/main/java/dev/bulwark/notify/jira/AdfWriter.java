package dev.bulwark.notify.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes {@link RichText} as Atlassian Document Format, the JSON document Jira Cloud's REST v3 takes for
 * descriptions and comment bodies: {@code {"type":"doc","version":1,"content":[...]}}.
 */
final class AdfWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AdfWriter() {
    }

    static ObjectNode document(RichText text) {
        ObjectNode doc = NODES.objectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (RichText.Block block : text.blocks()) {
            content.add(block(block));
        }
        return doc;
    }

    private static ObjectNode block(RichText.Block block) {
        return block.match(AdfWriter::heading, AdfWriter::paragraph, AdfWriter::bullets);
    }

    private static ObjectNode heading(RichText.Heading heading) {
        ObjectNode node = NODES.objectNode().put("type", "heading");
        node.putObject("attrs").put("level", 3);
        node.putArray("content").add(inline(RichText.plain(heading.text())));
        return node;
    }

    private static ObjectNode bullets(RichText.Bullets bullets) {
        ObjectNode list = NODES.objectNode().put("type", "bulletList");
        ArrayNode items = list.putArray("content");
        for (RichText.Paragraph item : bullets.items()) {
            ObjectNode listItem = items.addObject().put("type", "listItem");
            listItem.putArray("content").add(paragraph(item));
        }
        return list;
    }

    private static ObjectNode paragraph(RichText.Paragraph paragraph) {
        ObjectNode node = NODES.objectNode().put("type", "paragraph");
        ArrayNode content = node.putArray("content");
        paragraph.inlines().forEach(inline -> content.add(inline(inline)));
        return node;
    }

    private static ObjectNode inline(RichText.Inline inline) {
        ObjectNode node = NODES.objectNode().put("type", "text").put("text", inline.text());
        inline.match(
                plain -> node,
                strong -> node.putArray("marks").addObject().put("type", "strong"),
                code -> node.putArray("marks").addObject().put("type", "code"),
                link -> node.putArray("marks").addObject().put("type", "link").putObject("attrs")
                        .put("href", link.href().toString()));
        return node;
    }
}
