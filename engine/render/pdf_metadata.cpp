#include "render/pdf_metadata.h"

#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <cstdio>

#include "support/bidi.h"
#include "support/xml_text.h"

namespace icc {

namespace {

using Handle = QPDFObjectHandle;


// PDF/A-2 accepts in XMP only the schemas of XMP 2004 and its own; any other
// (pdfuaid) must be described in the packet (ISO 19005-2, 6.6.2.3.1).
constexpr const char* pdfuaid_extension_schema =
    "   <pdfaExtension:schemas>\n"
    "    <rdf:Bag>\n"
    "     <rdf:li rdf:parseType=\"Resource\">\n"
    "      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "      <pdfaSchema:property>\n"
    "       <rdf:Seq>\n"
    "        <rdf:li rdf:parseType=\"Resource\">\n"
    "         <pdfaProperty:name>part</pdfaProperty:name>\n"
    "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "         <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "         <pdfaProperty:description>Indicates which part of ISO 14289 the document conforms "
    "to</pdfaProperty:description>\n"
    "        </rdf:li>\n"
    "       </rdf:Seq>\n"
    "      </pdfaSchema:property>\n"
    "     </rdf:li>\n"
    "    </rdf:Bag>\n"
    "   </pdfaExtension:schemas>\n";

}  // namespace

std::string iso_midnight_utc(const Date& date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT00:00:00Z", date.year, date.month, date.day);
    return buffer;
}

std::string xmp_packet(const DocumentMetadata& metadata, const std::string& producer, const PdfStandards& standards) {
    // The same text as the Info dictionary's (render/pdf.cpp), as PDF/A asks:
    // without the isolates of the typeset page, which no metadata reader knows.
    DocumentMetadata m = metadata;
    for (std::string* text : {&m.title, &m.author, &m.subject, &m.keywords})
        *text = plain_directional_text(*text, m.right_to_left);
    const std::string date = iso_midnight_utc(m.date);
    std::string namespaces =
        "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"";
    if (standards.ua1) namespaces += "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"";
    if (standards.a2u) namespaces += "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"";
    if (standards.a2u && standards.ua1)
        namespaces +=
            "\n    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
            "\n    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
            "\n    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"";
    std::string x;
    x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    x += "  <rdf:Description rdf:about=\"\"\n";
    x += namespaces + ">\n";
    x += "   <dc:format>application/pdf</dc:format>\n";
    x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(m.title) + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!m.author.empty())
        x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escaped(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!m.subject.empty())
        x += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(m.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    x += "   <dc:language><rdf:Bag><rdf:li>" + xml_escaped(m.language) + "</rdf:li></rdf:Bag></dc:language>\n";
    if (!m.keywords.empty()) x += "   <pdf:Keywords>" + xml_escaped(m.keywords) + "</pdf:Keywords>\n";
    if (!producer.empty()) x += "   <pdf:Producer>" + xml_escaped(producer) + "</pdf:Producer>\n";
    x += "   <xmp:CreatorTool>iccreport</xmp:CreatorTool>\n";
    x += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
    x += "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
    x += "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
    if (standards.ua1) x += "   <pdfuaid:part>1</pdfuaid:part>\n";
    if (standards.a2u) {
        x += "   <pdfaid:part>2</pdfaid:part>\n";
        x += "   <pdfaid:conformance>U</pdfaid:conformance>\n";
    }
    if (standards.a2u && standards.ua1) x += pdfuaid_extension_schema;
    x += "  </rdf:Description>\n";
    x += " </rdf:RDF>\n";
    x += "</x:xmpmeta>\n";
    x += "<?xpacket end=\"w\"?>";
    return x;
}

void set_xmp_metadata(QPDF& pdf, const DocumentMetadata& metadata, const PdfStandards& standards) {
    Handle info = pdf.getTrailer().getKey("/Info");
    const std::string producer =
        info.isDictionary() && info.getKey("/Producer").isString() ? info.getKey("/Producer").getUTF8Value() : "";
    Handle stream = pdf.newStream(xmp_packet(metadata, producer, standards));
    stream.getDict().replaceKey("/Type", Handle::newName("/Metadata"));
    stream.getDict().replaceKey("/Subtype", Handle::newName("/XML"));
    pdf.getRoot().replaceKey("/Metadata", stream);
}

void add_output_intent(QPDF& pdf, const OutputIntent& intent) {
    Handle profile = pdf.newStream(intent.profile);
    profile.getDict().replaceKey("/N", Handle::newInteger(intent.components));
    Handle dictionary = Handle::newDictionary();
    dictionary.replaceKey("/Type", Handle::newName("/OutputIntent"));
    dictionary.replaceKey("/S", Handle::newName("/GTS_PDFA1"));
    dictionary.replaceKey("/OutputConditionIdentifier", Handle::newUnicodeString(intent.identifier));
    dictionary.replaceKey("/Info", Handle::newUnicodeString(intent.info));
    dictionary.replaceKey("/DestOutputProfile", profile);
    Handle intents = Handle::newArray();
    intents.appendItem(pdf.makeIndirectObject(dictionary));
    pdf.getRoot().replaceKey("/OutputIntents", intents);
}

void make_annotations_printable(QPDF& pdf) {
    constexpr int print = 4;  // ISO 32000-1, Table 165
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        Handle annotations = page.getObjectHandle().getKey("/Annots");
        if (!annotations.isArray()) continue;
        for (Handle annotation : annotations.getArrayAsVector())
            if (annotation.isDictionary()) annotation.replaceKey("/F", Handle::newInteger(print));
    }
}

}  // namespace icc
