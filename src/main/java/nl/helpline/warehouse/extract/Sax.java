package nl.helpline.warehouse.extract;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** SAX parsing of workbook parts with POI's hardened parser (no external entities). */
final class Sax {

    /** Thrown by a handler that has seen enough; {@link #parse} then returns normally. */
    static final class Stop extends SAXException {
        Stop() {
            super("stop", null);
        }
    }

    private Sax() {
    }

    static void parse(InputStream xml, ContentHandler handler) throws IOException, SAXException {
        try {
            var reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.parse(new InputSource(xml));
        } catch (Stop stop) {
            // the handler is done
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML parser available", e);
        }
    }

    /** The element's local name, also when the parser reports only qualified names. */
    static String name(String localName, String qName) {
        return localName == null || localName.isEmpty() ? qName : localName;
    }
}
