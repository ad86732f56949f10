package org.claimcheck.pubmed;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One per record. The few pull-parsing calls {@link PubmedXmlReader} needs, with StAX's event numbers: served by
 * {@link MiniXml} (fast, what indexing uses) or by a JDK StAX reader ({@link #of(XMLStreamReader)}, the reference the
 * tests compare {@link MiniXml} with).
 */
interface XmlCursor {
  int START_ELEMENT = XMLStreamConstants.START_ELEMENT;
  int END_ELEMENT = XMLStreamConstants.END_ELEMENT;
  int CHARACTERS = XMLStreamConstants.CHARACTERS;
  int CDATA = XMLStreamConstants.CDATA;
  int SPACE = XMLStreamConstants.SPACE;
  int ENTITY_REFERENCE = XMLStreamConstants.ENTITY_REFERENCE;
  int END_DOCUMENT = XMLStreamConstants.END_DOCUMENT;

  /** Moves to the next event and returns its type; a malformed document throws. */
  int next() throws XMLStreamException;

  boolean hasNext() throws XMLStreamException;

  /** The element name of the current START_ELEMENT or END_ELEMENT. */
  String getLocalName();

  /** The value of attribute {@code name} of the current START_ELEMENT, or null. */
  String getAttributeValue(String name);

  /** The text of the current CHARACTERS, CDATA or SPACE event, references resolved. */
  String getText();

  /** A cursor over a StAX reader. */
  static XmlCursor of(XMLStreamReader xml) {
    return new XmlCursor() {
      @Override
      public int next() throws XMLStreamException {
        return xml.next();
      }

      @Override
      public boolean hasNext() throws XMLStreamException {
        return xml.hasNext();
      }

      @Override
      public String getLocalName() {
        return xml.getLocalName();
      }

      @Override
      public String getAttributeValue(String name) {
        return xml.getAttributeValue(null, name);
      }

      @Override
      public String getText() {
        return xml.getText();
      }
    };
  }
}
