package io.audiolens.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A chart SVG parsed as XML (so a malformed one fails here), with queries on its named groups. */
final class SvgDocument {
    private final Document document;

    private SvgDocument(Document document) {
        this.document = document;
    }

    static SvgDocument parse(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return new SvgDocument(factory.newDocumentBuilder().parse(svg.toFile()));
    }

    String rootName() {
        return document.getDocumentElement().getNamespaceURI() + " " + document.getDocumentElement().getLocalName();
    }

    /** The data-name of every {@code <g class="kind">}, in document order. */
    List<String> names(String kind) throws Exception {
        NodeList groups = nodes("//*[local-name()='g'][@class='" + kind + "']");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            names.add(((Element) groups.item(i)).getAttribute("data-name"));
        }
        return names;
    }

    /** Point counts of the polylines in the group {@code kind} named {@code name} (one per unbroken run). */
    List<Integer> polylinePoints(String kind, String name) throws Exception {
        NodeList lines = nodes("//*[local-name()='g'][@class='" + kind + "'][@data-name='" + name
                + "']/*[local-name()='polyline']");
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < lines.getLength(); i++) {
            counts.add(((Element) lines.item(i)).getAttribute("points").trim().split("\\s+").length);
        }
        return counts;
    }

    int count(String kind, String name, String element) throws Exception {
        return nodes("//*[local-name()='g'][@class='" + kind + "'][@data-name='" + name + "']/*[local-name()='"
                + element + "']").getLength();
    }

    /** Every text element's content. */
    List<String> texts() throws Exception {
        NodeList texts = nodes("//*[local-name()='text']");
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            contents.add(texts.item(i).getTextContent());
        }
        return contents;
    }

    private NodeList nodes(String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
    }
}
