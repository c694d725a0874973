/**
 * A reduced XML Schema of the W3C XML-Signature namespace (http://www.w3.org/2000/09/xmldsig#),
 * written for this project from the structure in the XML-Signature Syntax and Processing
 * Recommendation (§4): Signature = SignedInfo, SignatureValue, KeyInfo?, Object*, and SignedInfo =
 * CanonicalizationMethod, SignatureMethod, Reference+. The COD XSD imports the full W3C schema by
 * URL; the validator has no network, so this stands in for it. KeyInfo and Object contents are
 * checked laxly: the signature itself is verified cryptographically, not by the schema.
 */

/** The file name the COD XSD's xmldsig import is pointed at. */
export const xmldsigSubsetFileName = 'xmldsig-core-subset.xsd';

export const xmldsigSubsetXsd = `<?xml version="1.0" encoding="UTF-8"?>
<schema xmlns="http://www.w3.org/2001/XMLSchema" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"
        targetNamespace="http://www.w3.org/2000/09/xmldsig#" elementFormDefault="qualified">
  <element name="Signature">
    <complexType>
      <sequence>
        <element ref="ds:SignedInfo"/>
        <element name="SignatureValue">
          <complexType>
            <simpleContent>
              <extension base="base64Binary"><attribute name="Id" type="ID"/></extension>
            </simpleContent>
          </complexType>
        </element>
        <element name="KeyInfo" minOccurs="0" type="ds:OpenContentType"/>
        <element name="Object" minOccurs="0" maxOccurs="unbounded">
          <complexType mixed="true">
            <complexContent>
              <extension base="ds:OpenContentType">
                <attribute name="MimeType" type="string"/>
                <attribute name="Encoding" type="anyURI"/>
              </extension>
            </complexContent>
          </complexType>
        </element>
      </sequence>
      <attribute name="Id" type="ID"/>
    </complexType>
  </element>
  <element name="SignedInfo">
    <complexType>
      <sequence>
        <element name="CanonicalizationMethod" type="ds:AlgorithmType"/>
        <element name="SignatureMethod" type="ds:AlgorithmType"/>
        <element name="Reference" maxOccurs="unbounded">
          <complexType>
            <sequence>
              <element name="Transforms" minOccurs="0">
                <complexType>
                  <sequence><element name="Transform" type="ds:AlgorithmType" maxOccurs="unbounded"/></sequence>
                </complexType>
              </element>
              <element name="DigestMethod" type="ds:AlgorithmType"/>
              <element name="DigestValue" type="base64Binary"/>
            </sequence>
            <attribute name="Id" type="ID"/>
            <attribute name="URI" type="anyURI"/>
            <attribute name="Type" type="anyURI"/>
          </complexType>
        </element>
      </sequence>
      <attribute name="Id" type="ID"/>
    </complexType>
  </element>
  <complexType name="OpenContentType" mixed="true">
    <sequence><any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></sequence>
    <attribute name="Id" type="ID"/>
  </complexType>
  <complexType name="AlgorithmType" mixed="true">
    <sequence><any namespace="##any" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></sequence>
    <attribute name="Algorithm" type="anyURI" use="required"/>
  </complexType>
</schema>
`;
