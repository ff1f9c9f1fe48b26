package nl.helpline.warehouse.extract;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX parsing of workbook parts with POI's hardened parser (no DOCTYPE, no external entities),
 * turning whatever goes wrong with a part's content into a {@link WorkbookException} that says
 * which part and why: a DOCTYPE, XML that is not well-formed, bytes that are not the part's
 * encoding, a zip bomb. Only an {@link IOException} that is not about the content passes through.
 */
final class Sax {

    /** Thrown by a handler that has seen enough; {@link #parse} then returns normally. */
    static final class Stop extends SAXException {
        Stop() {
            super("stop", null);
        }
    }

    /** Thrown by a handler that found the content unacceptable; the message is for the operator. */
    static final class Reject extends SAXException {
        Reject(String message) {
            super(message, null);
        }
    }

    /** Throws fatal errors (and with them the parse), ignores warnings and recoverable errors, logs nothing. */
    private static final ErrorHandler SILENT = new DefaultHandler();

    private Sax() {
    }

    /**
     * @param part the part's name as a reason may print it (e.g. {@code /xl/styles.xml})
     */
    static void parse(InputStream xml, ContentHandler handler, String part) throws IOException, WorkbookException {
        try {
            var reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            // POI's default error handler logs every fatal error at ERROR before it is thrown; the
            // reader turns it into the file's reason instead, so one line about one file is enough.
            reader.setErrorHandler(SILENT);
            reader.parse(new InputSource(xml));
        } catch (Stop stop) {
            // the handler is done
        } catch (Reject reject) {
            throw new WorkbookException(reject.getMessage());
        } catch (SAXParseException e) {
            throw problem(e, part);
        } catch (SAXException e) {
            Exception inner = e.getException();
            if (inner instanceof IOException io) {
                throw content(io, part);
            }
            throw new WorkbookException(part + " cannot be read as XML", e);
        } catch (IOException e) {
            throw content(e, part);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML parser available", e);
        }
    }

    /** The element's local name, also when the parser reports only qualified names. */
    static String name(String localName, String qName) {
        return localName == null || localName.isEmpty() ? qName : localName;
    }

    /**
     * Zip bomb, damaged compressed data or bytes that are not the declared encoding: all of them
     * about this part's content. Anything else is passed on as it came (a failing disk).
     */
    static IOException content(IOException e, String part) throws WorkbookException {
        WorkbookException bomb = zipBomb(e, part);
        if (bomb != null) {
            throw bomb;
        }
        if (e instanceof CharConversionException) {
            throw new WorkbookException(part + " holds bytes that are not valid in its character encoding", e);
        }
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            throw new WorkbookException(part + " is damaged: its compressed data cannot be unpacked", e);
        }
        return e;
    }

    /** POI's "Zip bomb detected!" (anywhere in the causes) as a sentence an operator understands; else null. */
    static WorkbookException zipBomb(Throwable e, String part) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            String where = part == null ? "a part of the workbook" : part;
            if (message.startsWith("Zip bomb detected") && message.contains("MAX_ENTRY_SIZE")) {
                return new WorkbookException(where + " expands to more than " + (ZipSecureFile.getMaxEntrySize() >> 20)
                        + " MB, as a zip bomb does; an export never does. Not read", e);
            }
            if (message.startsWith("Zip bomb detected")) {
                return new WorkbookException(where + " expands to more than " + Math.round(1 / ZipSecureFile.getMinInflateRatio())
                        + " times its compressed size: an inflate ratio typical of a zip bomb, never of an export. Not read", e);
            }
            if (message.contains("MAX_FILE_COUNT")) {
                return new WorkbookException("the workbook holds more than " + ZipSecureFile.getMaxFileCount()
                        + " parts, as a zip bomb may; an export holds about ten. Not read", e);
            }
        }
        return null;
    }

    /** A DOCTYPE anywhere in the causes (POI's parsers refuse them), as a sentence; else null. */
    static WorkbookException doctype(Throwable e, String part) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toUpperCase(Locale.ROOT).contains("DOCTYPE")) {
                return new WorkbookException("the workbook contains a DOCTYPE"
                        + (part == null ? "" : " (in " + part + ")") + ", which an export never has", e);
            }
        }
        return null;
    }

    private static WorkbookException problem(SAXParseException e, String part) {
        WorkbookException doctype = doctype(e, part);
        if (doctype != null) {
            return doctype;
        }
        for (Throwable t = e; t != null; t = t instanceof SAXException s ? s.getException() : t.getCause()) {
            if (t instanceof CharConversionException) {
                return new WorkbookException(part + " holds bytes that are not valid in its character encoding", e);
            }
        }
        // The parser's own message may quote the document; the position is what the operator needs.
        return new WorkbookException(part + " is not well-formed XML (at XML line " + e.getLineNumber()
                + ", column " + e.getColumnNumber() + ")", e);
    }
}
